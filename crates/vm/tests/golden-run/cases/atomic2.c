int n;
mapping m;

atomic void nested(int depth)
{
    n++;
    m[depth] = "set";
    if (depth == 3) {
	error("deep");
    }
    nested(depth + 1);
}

atomic void inner_caught()
{
    n = 100;
    catch(nested(0));
    n++;
}

void main()
{
    object o;
    int before;
    n = 0;
    m = ([ ]);
    writeln(catch(nested(0)));
    writeln(n);
    writeln(m);
    inner_caught();
    writeln(n);
    writeln(map_sizeof(m));
    o = compile_object("/obj/atomclone");
    before = status()[14];
    writeln(catch(o->make_and_fail()));
    writeln(o->query_made());
    writeln(status()[14] - before);
}
