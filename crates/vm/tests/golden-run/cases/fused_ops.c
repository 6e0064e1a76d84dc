/*
 * The interpreter combines some instructions at run time (an int local and an int
 * constant before a compare-and-jump, a loop test, +, - or *; `i++` before such a
 * loop test; `a += b;` as a statement) and calls plain functions by a fast path.
 * Each result here is computed both ways (combined, and through a local or a mixed
 * value that takes the general path) and must agree, ticks included.
 */
int g, lim, progress;

int count_fused(int n)
{
    int i, k;
    for (i = 0; i < 1000; i++) {
	k++;
    }
    return k;
}

/* the bound in a local: no combined loop test */
int count_plain(int n)
{
    int i, k;
    for (i = 0; i < n; i++) {
	k++;
    }
    return k;
}

void run_out_fused(int n)
{
    int i;
    for (i = 0; i < 1000000; i++) {
	progress = i;
    }
}

void run_out_plain(int n)
{
    int i;
    for (i = 0; i < n; i++) {
	progress = i;
    }
}

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
/* one argument short of its parameters: never the fast call path */
int fib_g(int n, varargs int z) { return n < 2 ? n : fib_g(n - 1) + fib_g(n - 2); }
int opt(int a, varargs int b) { return a * 10 + b; }
int rec(int n) { return n < 0 ? n : rec(n - 1); }

void main()
{
    int i, a, b, t1, t2, x;
    mixed m;
    string s;

    /* int wrap-around through the combined + and - */
    i = 2147483647;
    a = i + 1;
    m = i;
    b = m + 1;
    writeln(a == b && a == -2147483647 - 1);
    i = -2147483647 - 1;
    a = i - 1;
    m = i;
    b = m - 1;
    writeln(a == b && a == 2147483647);
    /* compares, both ways */
    for (i = -3; i <= 3; i++) {
	m = i;
	writeln((i < 1) + "" + (i > 1) + (i <= 1) + (i >= 1) + (i == 1) + (i != 1) +
		(m < 1) + (m > 1) + (m <= 1) + (m >= 1) + (m == 1) + (m != 1));
    }
    /* a local that is not an int takes the general path */
    s = "x";
    writeln(s + 1);
    m = 1.5;
    writeln(catch(m + 1));
    m = ({ });
    writeln(catch(m = m - 1));
    /* the same ticks in a combined loop test as in a general one */
    rlimits (-1; 100000) {
	a = count_fused(0);
	t1 = status()[23];
    }
    rlimits (-1; 100000) {
	b = count_plain(1000);
	t2 = status()[23];
    }
    writeln(a + " " + b + " " + (t1 == t2) + " " + (t1 > 0));
    rlimits (-1; 20000) {
	s = catch(run_out_fused(0));
    }
    a = progress;
    progress = 0;
    rlimits (-1; 20000) {
	s += " " + catch(run_out_plain(1000000));
    }
    writeln(s + " " + (a == progress) + " " + (a > 0 && a < 20000));
    /* calls: fast path and general path give the same results and ticks */
    g = 2;
    rlimits (-1; 1000000) {
	a = fib(15);
	t1 = status()[23];
    }
    rlimits (-1; 1000000) {
	b = fib_g(15);
	t2 = status()[23];
    }
    writeln(a + " " + b + " " + (t1 == t2));
    writeln(opt(1) + " " + opt(1, 2));
    rlimits (40; -1) {
	s = catch(rec(100));
    }
    writeln(s);
    s = nil;
    rlimits (-1; 30) {
	s = catch(rec(100));
    }
    writeln(s);
    /* `a += b;` statements */
    s = "";
    for (i = 0; i < 5; i++) {
	s += i;
    }
    x = 0;
    for (i = 0; i < 5; i++) {
	x += i;
    }
    writeln(s + " " + x);
}
