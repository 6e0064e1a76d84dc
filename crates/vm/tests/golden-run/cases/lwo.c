void main()
{
    object a, b, c;
    a = new object "/obj/vec"(1, 2);
    b = new object "/obj/vec"(10, 20);
    writeln(a->str());
    c = a + b;
    writeln(c->str());
    writeln(c[1]);
    writeln(typeof(a));
    writeln(object_name(a));
    writeln(a == b);
    writeln(a == a);
    c = new_object(a);
    c->set(5, 5);
    writeln(a->str());
    writeln(c->str());
}
