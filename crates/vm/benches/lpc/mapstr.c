int run(int size)
{
    mapping *maps;
    int i, n, found;
    n = 1000000 / size;
    maps = allocate(n);
    for (i = 0; i < n; i++) {
	maps[i] = ([ ]);
    }
    for (i = 0; i < 1000000; i++) {
	maps[i / size]["k" + i] = i;
    }
    for (i = 0; i < 1000000; i++) {
	if (maps[i / size]["k" + i] == i) {
	    found++;
	}
    }
    return found;
}
