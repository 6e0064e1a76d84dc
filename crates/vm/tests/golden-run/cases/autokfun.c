int count(mixed args...) { return sizeof(args); }
int sum(int a, int b, varargs int c) { return a + b + c; }
mixed *rest(int a, mixed r...) { return r; }

void main()
{
    mixed *a;
    writeln(sizeof(({ 1, 2 })));
    writeln(sizeof(a));
    writeln(this_object()->sizeof(({ 1 })));
    writeln(function_object("sizeof", this_object()));
    writeln(count());
    writeln(count(1, 2, 3));
    a = ({ 4, 5 });
    writeln(count(a...));
    writeln(count(1, a...));
    writeln(sum(1, 2));
    writeln(sum(1, 2, 3));
    writeln(rest(1));
    writeln(rest(1, 2, "x"));
    writeln(this_object()->rest(1, 2));
    writeln(call_other(this_object(), "sum", 1, 2, 3));
    writeln(catch(call_other(this_object(), "sum", 1)));
}
