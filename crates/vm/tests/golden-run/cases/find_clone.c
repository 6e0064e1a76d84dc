/* find_object() finds clones by name, as DGD does (kernellib code and wiztool) */
void main()
{
    object m, c;
    string name, master;
    int n;

    m = compile_object("/obj/thing");
    c = clone_object(m);
    name = object_name(c);
    writeln(find_object(name) == c);
    sscanf(name, "%s#%d", master, n);
    writeln(find_object(master) == m);
    writeln(find_object(master + "#" + (n + 1000)));
    writeln(find_object(master + "#-1"));
    writeln(find_object(master + "#x"));
    writeln(find_object("/obj/counter#" + n));
    destruct_object(c);
    writeln(find_object(name));
}
