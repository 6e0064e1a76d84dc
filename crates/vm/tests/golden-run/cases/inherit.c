void main()
{
    object d, p;

    d = compile_object("/obj/derived");
    d->set_a(1);
    d->set_b(2);
    writeln(d->sum());
    writeln(d->who());
    writeln(d->call_who());
    writeln(d->both());
    writeln(d->fixed());
    writeln(d->use_hidden());
    writeln(d->hidden());
    writeln(d <- "/obj/base_a");
    writeln(d <- "/obj/thing");
    writeln(instanceof(d, "/obj/base_b"));
    writeln(function_object("get_a", d));
    p = compile_object("/obj/privinh");
    writeln(p->test());
    writeln(p->get_a());
    writeln(catch(compile_object("/obj/bad_nomask")));
    writeln(catch(compile_object("/obj/bad_ambig")));
}
