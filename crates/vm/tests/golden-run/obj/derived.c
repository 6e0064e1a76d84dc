inherit a "/obj/base_a";
inherit bb "base_b";

string who() { return "D:" + a::who() + bb::who(); }
string both() { return a::both() + "+" + bb::both(); }
private string hidden() { return "hidden-D"; }
int sum() { return a + b; }
