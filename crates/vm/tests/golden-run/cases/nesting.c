int f(int n)
{
    catch {
	if (n > 0) {
	    return n * 10;
	}
    }
    return -1;
}

void main()
{
    int i;
    string e;

    for (i = 0; i < 5; i++) {
	catch {
	    if (i == 1) continue;
	    if (i == 3) break;
	    write(i + " ");
	}
    }
    writeln("| " + i);
    for (i = 0; i < 3; i++) {
	rlimits (-1; 100000) {
	    if (i == 1) continue;
	    write(i + " ");
	}
    }
    writeln("");
    writeln(f(2));
    writeln(f(0));
    /* the outer catch must still work after the loops */
    e = catch(error("still caught"));
    writeln(e);
    catch {
	for (i = 0; i < 3; i++) {
	    catch {
		if (i == 2) break;
	    }
	}
	error("outer");
    } : writeln("outer handler ran");
    writeln(status()[23]);
}
