inherit base "/alias/base_a";

string who() { return "aliased:" + base::who(); }
