inherit "/obj/base_a";

string fixed() { return "override"; }
