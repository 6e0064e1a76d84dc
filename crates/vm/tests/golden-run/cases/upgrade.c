object c;

void later()
{
    object m;
    m = find_object("/obj/counter");
    writeln(m->tag());
    writeln(m->inc());
    writeln(c->tag());
    writeln(c->inc());
    writeln(m->extra());
}

void main()
{
    object m;
    m = compile_object("/obj/counter");
    m->inc();
    m->inc();
    c = clone_object(m);
    c->inc();
    compile_object("/obj/counter",
	"int count;\n",
	"string tag;\n",
	"int extra;\n",
	"static void create() { tag = \"v2\"; }\n",
	"int inc() { return count += 10; }\n",
	"string tag() { return tag + \"-new\"; }\n",
	"int extra() { return extra; }\n");
    /* still the old program until the end of the task */
    writeln(m->inc());
    call_out("later", 0);
}
