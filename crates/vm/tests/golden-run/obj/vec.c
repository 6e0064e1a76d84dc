int x, y;

void init(int a, int b) { x = a; y = b; }

object operator+ (object v) { return new_object(this_object())->set(x + v->qx(), y + v->qy()); }
int operator[] (int i) { return i == 0 ? x : y; }
object set(int a, int b) { x = a; y = b; return this_object(); }
int qx() { return x; }
int qy() { return y; }
string str() { return "(" + x + "," + y + ")"; }
