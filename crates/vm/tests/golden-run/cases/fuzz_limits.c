/*
 * Found by the VM fuzzer (tests/vm_fuzz.rs): growing values must hit DGD's
 * limits with an error, never exhaust memory. array_size is 100000 here.
 */
mixed *g;

string double_local(mixed *a)
{
    int i;

    try {
	for (i = 0; i < 40; i++) {
	    a += a;
	}
    } catch (err) {
	/* the failed += left the variable as it was */
	return err + " at " + sizeof(a);
    }
    return "no error";
}

string double_global()
{
    int i;

    g = ({ 1 });
    try {
	for (i = 0; i < 40; i++) {
	    g += g;
	}
    } catch (err) {
	return err;
    }
    return "no error";
}

string double_string()
{
    int i;
    string s;

    s = "xy";
    try {
	for (i = 0; i < 40; i++) {
	    s += s;
	}
    } catch (err) {
	return err + " at " + strlen(s);
    }
    return "no error";
}

void main()
{
    mixed *a, *b;
    mapping m, n;
    int i;

    writeln(double_local(({ 1 })));
    writeln(double_global() + " at " + sizeof(g));
    b = allocate(60000);
    writeln(catch(b + b));
    writeln(catch(b | allocate_int(60000)));
    writeln(catch(b ^ allocate_int(60000)));
    a = b;
    writeln(catch(a += b));
    writeln(sizeof(a));
    m = ([ ]);
    n = ([ ]);
    for (i = 0; i < 60000; i++) {
	m[i] = i;
	n[-i - 1] = i;
    }
    writeln(catch(m + n));
    writeln(catch(m += n));
    writeln(map_sizeof(m));
    writeln(double_string());
    writeln(catch(allocate(100001)));
}
