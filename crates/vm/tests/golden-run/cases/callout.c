int n;

void tick(string s, int i)
{
    writeln("tick " + s + " " + i);
    if (++n < 3) {
	call_out("tick", 1, s, n);
    }
}

static void priv() { writeln("static call_out runs"); }

void main()
{
    int h;
    call_out("tick", 2, "a", 0);
    h = call_out("tick", 5, "never", 0);
    writeln(remove_call_out(h));
    writeln(remove_call_out(h));
    call_out("priv", 0);
    writeln(sizeof(status(this_object())[4]));
}
