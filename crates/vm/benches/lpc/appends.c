int run()
{
    int i;
    string s;
    s = "";
    for (i = 0; i < 1000000; i++) {
	s += "abcdefghij";
	if (strlen(s) >= 1000) {
	    s = "";
	}
    }
    return strlen(s);
}
