object c1, c2;

void later()
{
    writeln("later");
    writeln(c1->query_value());
    destruct_object(c1);
    writeln("c1 gone");
    destruct_object(c2);
    writeln("c2 gone");
}

void main()
{
    object m;
    m = compile_object("/obj/thing");
    c1 = clone_object(m);
    c2 = clone_object(m);
    writeln(call_touch(c1));
    c1->set_value(5);
    c1->set_value(6);
    destruct_object(m);
    writeln(find_object("/obj/thing"));
    writeln(c1->query_value());
    call_out("later", 1);
}
