void main()
{
    object o;
    o = compile_object("/obj/vderived");
    o->set_base(1, 2);
    o->set_derived(3);
    writeln(o->base_shared());
    writeln(o->base_mine());
    writeln(o->derived_mine());
    writeln(status(o)[2]);
}
