int run()
{
    int i, sum;
    for (i = 0; i < 100000000; i++) {
	sum += i;
    }
    return sum;
}
