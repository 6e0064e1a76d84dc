int a;

void set_a(int x) { a = x; }
int get_a() { return a; }
string who() { return "A"; }
string call_who() { return who(); }
nomask string fixed() { return "fixed-A"; }
private string hidden() { return "hidden-A"; }
string use_hidden() { return hidden(); }
string both() { return "both-A"; }
