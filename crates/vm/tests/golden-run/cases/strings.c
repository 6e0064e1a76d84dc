void main()
{
    string s, t;
    mixed x;
    s = "hello";
    writeln(s[0]);
    writeln(s[1..3]);
    writeln(s[..1]);
    writeln(s[3..]);
    writeln(s[2..1]);
    writeln(s[5..]);
    writeln(catch(s[5]));
    writeln(catch(s[-1]));
    writeln(catch(s[2..7]));
    t = s;
    t[0] = 'j';
    writeln(s);
    writeln(t);
    writeln("a" + "b");
    writeln("n" + 5);
    writeln(5 + "n");
    writeln("f" + 1.5);
    writeln("abc" < "abd");
    writeln("b" > "abc");
    writeln("x" == "x");
    writeln(strlen("hello\n"));
    writeln('a');
    writeln("\x41\102\t|");
    s = "";
    s += "x";
    s += 1;
    writeln(s);
    x = "a";
    writeln(catch(x - "b"));
    writeln(catch(x * 2));
    writeln(catch(s[0] = 1));
}
