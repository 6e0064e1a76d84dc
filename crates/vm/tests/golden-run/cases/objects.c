void main()
{
    object m, c1, c2;
    mixed *arr;
    mapping map;

    m = find_object("/obj/thing");
    writeln(m);
    m = compile_object("/obj/thing");
    writeln("compiled");
    writeln(m->query_value());
    writeln(m->query_value());
    c1 = clone_object(m);
    c2 = clone_object(m);
    writeln(object_name(c1) != object_name(c2));
    writeln(sscanf(object_name(c1), "/obj/thing#%*d"));
    c1->set_value(7);
    writeln(c1->query_value());
    writeln(c2->query_value());
    writeln(m->query_secret());
    writeln(m->priv());
    writeln(m->nonexistent());
    writeln(m->args(1));
    writeln(m->args(1, 2));
    writeln(m->who() == this_object());
    writeln(m->prog());
    writeln(m->call_self_static());
    writeln(call_other(c1, "query_value"));
    writeln(call_other("/obj/thing", "query_name"));
    writeln(function_object("query_value", m));
    writeln(function_object("query_secret", m));
    arr = ({ c1, c2 });
    map = ([ "c1" : c1, c1 : "key" ]);
    destruct_object(c1);
    writeln(c1);
    writeln(arr[0]);
    writeln(arr[1] == c2);
    writeln(map["c1"]);
    writeln(map_sizeof(map));
    writeln(catch(c1->query_value()));
    writeln(catch(destruct_object(c1)));
    writeln(catch(clone_object(c2)));
    writeln(typeof(c1));
    writeln(find_object("/obj/thing") == m);
    writeln(this_object());
    writeln(previous_object());
    writeln(sizeof(call_trace()));
}
