/* An array nested in a mapping that two objects shared: whichever object got
 * the copy at task end must own the copied array too, so that passing it on
 * to a third object later copies it apart again. */
mapping map;
object h1, h2, h3;

void third()
{
    h2->get_arr()[0] = "changed via h2";
    h3->get_arr()[0] = "changed via h3";
    writeln(h1->get_map()["k"][0]);
    writeln(map["k"][0]);
}

void second()
{
    h2->set(h1->get_map()["k"], ([ ]));
    h3->set(map["k"], ([ ]));
    call_out("third", 1);
}

void main()
{
    h1 = clone_object(compile_object("/obj/holder"));
    h2 = clone_object(find_object("/obj/holder"));
    h3 = clone_object(find_object("/obj/holder"));
    map = ([ "k" : ({ "orig" }) ]);
    h1->set(({ }), map);
    call_out("second", 1);
}
