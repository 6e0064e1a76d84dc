atomic void atom(int fail)
{
    error("atomic " + fail);
}

int deep(int n) { return n == 0 ? 1 / n : deep(n - 1); }

void main()
{
    string e;
    writeln(catch(atom(1)));
    writeln(catch(deep(3)));
    writeln(catch(error("message")));
    writeln(catch(this_object()->nonexistent()));
    writeln(catch(({ 1, 2 })[3]));
    writeln(catch(([ ])[1]));
    writeln(catch(clone_object(nil)));
    writeln(catch(compile_object("/nonexistent")));
    rlimits (-1; 100) {
	for (;;) ;
    }
    writeln("unreached");
}
