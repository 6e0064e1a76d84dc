int count;
string tag;
static void create() { tag = "v1"; }
int inc() { return ++count; }
string tag() { return tag; }
