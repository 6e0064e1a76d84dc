void main()
{
    string s;
    int i;
    s = "";
    for (i = 0; i < 5; i++) {
	s += i;
    }
    writeln(s);
    writeln(s[1..3] + s[..0] + s[4..]);
    writeln(strlen(s + s));
    s = "abc";
    s[1] = 'X';
    writeln(s);
    writeln(s[0] == 'a');
    writeln("abc"[2]);
    writeln(("x" + 1.0) + ("y" + -2));
    writeln(implode(explode("a,b,,c", ","), "|"));
    writeln(sscanf("key=val", "%s=%s", s, s));
    writeln(s);
}
