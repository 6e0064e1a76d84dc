int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int run27() { return fib(27); }
int run30() { return fib(30); }
