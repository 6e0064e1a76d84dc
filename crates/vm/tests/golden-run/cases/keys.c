void main()
{
    mapping m;
    object a, b;
    mixed *k;

    a = clone_object(compile_object("/obj/holder"));
    b = clone_object(find_object("/obj/holder"));
    m = ([ a : 1, b : 2, "s" : 3, 7 : 4 ]);
    writeln(map_sizeof(m));
    destruct_object(a);
    writeln(map_sizeof(m));
    k = map_indices(m);
    writeln(sizeof(k));
    writeln(m[b]);
    m[b] = nil;
    writeln(map_sizeof(m));
    writeln(([ 1 : 1 ]) == ([ 1 : 1 ]));
    m = ([ 2.5 : "f", -3 : "i", "" : "e" ]);
    writeln(map_indices(m));
    writeln(m[-3]);
}
