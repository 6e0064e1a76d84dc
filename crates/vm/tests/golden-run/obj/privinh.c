private inherit "/obj/base_a";

int test() { set_a(5); return get_a(); }
