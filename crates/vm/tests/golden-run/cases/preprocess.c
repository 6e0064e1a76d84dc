/* preprocess_file() (DGD after 1.7.9): tokens joined by spaces, line breaks kept */
void main()
{
    string *lines;
    object o;

    lines = preprocess_file("/obj/pp.c",
			    "# include \"ppsrc.h\"\n" +
			    "int f() { return TWICE(21); }\n" +
			    "\n\n" +
			    "string g() { return GREETING + \"\\n\\\"q\\\"\"; }\n" +
			    "# if 0\nnothing\n# endif\n" +
			    "int h() { return 0x10 + 'a'; }\n");
    writeln(sizeof(lines));
    writeln(implode(lines, ""));
    o = compile_object("/obj/pp", lines...);
    writeln(o->f());
    writeln(o->g());
    writeln(o->h());
    writeln(catch(preprocess_file("/obj/missing.c")));
    writeln(catch(preprocess_file("/obj/x#1.c")));
    writeln(isinf(1.5) + " " + isnan(1.5) + " " + isfinite(1.5));
}
