inherit "/lib2/base";
string mid() { return "mid:" + who(); }
