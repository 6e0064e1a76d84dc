void main()
{
    mapping m, n;
    m = ([ "b" : 2, 1 : "one", 1.5 : "f", "a" : 1, 2 : "two" ]);
    writeln(m);
    writeln(map_indices(m));
    writeln(map_values(m));
    writeln(map_sizeof(m));
    writeln(m["a"]);
    writeln(m["zz"]);
    m["c"] = 3;
    writeln(m);
    m["c"] = nil;
    writeln(m);
    n = m + ([ "a" : 100, "d" : 4 ]);
    writeln(n);
    writeln(m - ({ 1, 2 }));
    writeln(m & ({ "a", "b", "q" }));
    writeln(m["a".."b"]);
    writeln(([ 5 : 1, 3 : 2, 9 : 3 ])[4..9]);
    n = m;
    n["new"] = 1;
    writeln(m["new"]);
    m = ([ ]);
    m[({ })] = 1;
    writeln(map_sizeof(m));
    m = ([ "x" : ([ "y" : 1 ]) ]);
    m["x"]["z"] = 2;
    writeln(m);
    m["x"]["y"] += 10;
    writeln(m);
    writeln(typeof(m));
    writeln(([ 3 : 1, -1 : 2, 0 : 3 ]));
}
