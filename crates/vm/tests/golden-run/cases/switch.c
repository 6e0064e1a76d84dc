string sw(mixed x)
{
    switch (x) {
    case 1:
	return "one";
    case 2 .. 4:
	return "two-four";
    case 10:
    case 11:
	return "ten-eleven";
    default:
	return "other";
    }
}

string ssw(string s)
{
    string r;
    r = "";
    switch (s) {
    case "a":
	r += "A";
    case "b":
	r += "B";
	break;
    case nil:
	return "nil";
    default:
	r = "?";
    }
    return r;
}

void main()
{
    int i;
    for (i = 0; i < 12; i++) {
	write(sw(i) + " ");
    }
    writeln("");
    writeln(ssw("a"));
    writeln(ssw("b"));
    writeln(ssw("c"));
    writeln(ssw(nil));
    i = 0;
again:
    i++;
    if (i < 5) {
	goto again;
    }
    writeln(i);
    for (i = 0; i < 10; i++) {
	if (i == 2) continue;
	if (i == 5) break;
	write(i + " ");
    }
    writeln("");
    i = 0;
    do {
	i += 3;
    } while (i < 10);
    writeln(i);
    while (i > 0) {
	switch (i % 3) {
	case 0:
	    i -= 4;
	    continue;
	}
	i--;
    }
    writeln(i);
}
