int x;

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void main()
{
    int i, sum;
    string s;

    for (i = 0; i < 10; i++) {
	sum += i;
    }
    writeln(sum);
    writeln(fib(15));
    s = "a";
    s += "b" + 1 + 2.5;
    writeln(s);
    writeln(({ 1, "two", 3.0, ([ "k" : ({ }) ]) }));
    x = 7;
    writeln(x * 6);
    writeln(2147483647 + 1);
    writeln(-7 / 2);
    writeln(-7 % 2);
    writeln(-1 >> 28);
    writeln(1.0 / 3.0);
}
