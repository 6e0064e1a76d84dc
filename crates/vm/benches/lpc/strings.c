int run()
{
    int i, n;
    string s;
    for (i = 0; i < 1000000; i++) {
	s = "item-" + i + "-" + (i * 7);
	n += strlen(s);
    }
    return n;
}
