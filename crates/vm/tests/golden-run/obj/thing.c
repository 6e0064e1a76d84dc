int value;
static int secret;
string name;

static void create()
{
    value = 42;
    name = "thing";
    writeln("create " + object_name(this_object()));
}

int query_value() { return value; }
void set_value(int v) { value = v; }
static int query_secret() { return secret; }
private int priv() { return 1; }
string query_name() { return name; }
mixed *args(mixed a, varargs mixed b) { return ({ a, b }); }
object who() { return previous_object(); }
string prog() { return previous_program(); }
int call_self_static() { return this_object()->query_secret() == nil ? -1 : 1; }
