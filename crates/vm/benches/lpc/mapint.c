/* 10^6 int keys spread over mappings of SIZE keys: all inserted, then all looked up */
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
	maps[i / size][i] = i;
    }
    for (i = 0; i < 1000000; i++) {
	if (maps[i / size][i] == i) {
	    found++;
	}
    }
    return found;
}
