int b;

string who() { return "B"; }
string both() { return "both-B"; }
int get_b() { return b; }
void set_b(int x) { b = x; }
