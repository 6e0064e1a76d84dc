mixed *trace_in(int a, string b)
{
    a = 99;
    return call_trace();
}

mixed *outer(mixed x) { return trace_in(1, "two"); }

void main()
{
    mixed *t;
    int i;
    t = outer(({ 5 }));
    for (i = 0; i < sizeof(t); i++) {
	writeln(t[i][1..]);
    }
    t = "/obj/tracer"->trace(7);
    writeln(sizeof(t));
    writeln(t[sizeof(t) - 1][..4]);
    writeln(t[sizeof(t) - 1][5..]);
}
