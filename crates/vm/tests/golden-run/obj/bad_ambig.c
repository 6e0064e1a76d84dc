inherit "/obj/base_a";
inherit "/obj/base_b";

string test() { return both(); }
