inherit "/obj/vbase";

int mine;

void set_derived(int x) { mine = x; shared += 100; }
int derived_mine() { return mine; }
