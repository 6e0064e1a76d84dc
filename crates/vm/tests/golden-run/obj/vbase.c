int shared;
private int mine;
static int hidden_static;

void set_base(int a, int b) { shared = a; mine = b; }
int base_mine() { return mine; }
int base_shared() { return shared; }
