void main()
{
    object o;
    o = compile_object("/lib2/mid");
    writeln(o->mid());
    destruct_object(find_object("/lib2/base"));
    compile_object("/lib2/base", "string who() { return \"base v2\"; }\n");
    writeln(o->mid());
    o = compile_object("/obj/top", "inherit \"/lib2/mid\";\nstring top() { return mid(); }\n");
    writeln(o->top());
}
