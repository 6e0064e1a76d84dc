int rec(int n) { return rec(n + 1); }

void loop() { for (;;) ; }

void main()
{
    string e, e2;
    int t, u;

    rlimits (100; 1000) {
	e = catch(loop());
    }
    writeln(e);
    rlimits (50; -1) {
	e = catch(rec(0));
    }
    writeln(e);
    e = nil;
    rlimits (-1; 20000) {
	catch {
	    rlimits (-1; 500) {
		loop();
	    }
	} : e = "inner out of ticks";
	t = status()[23];
    }
    writeln(e);
    writeln(t > 0 && t < 20000);
    rlimits (0; 5000) {
	t = status()[23];
    }
    writeln(t > 0 && t <= 5000);
    rlimits (-1; -1) {
	t = status()[23];
	u = status()[22];
    }
    writeln(t);
    writeln(u);
    writeln(e);
    writeln("after");
}
