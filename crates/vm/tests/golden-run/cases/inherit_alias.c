/* inherit_program hands back /obj/base_a for the path /alias/base_a */
void main()
{
    object o;

    o = compile_object("/obj/aliased");
    o->set_a(7);
    writeln(o->who());
    writeln(o->get_a());
    writeln(o <- "/obj/base_a");
}
