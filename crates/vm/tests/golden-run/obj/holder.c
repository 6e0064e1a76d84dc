mixed *arr;
mapping map;
void set(mixed *a, mapping m) { arr = a; map = m; }
mixed *get_arr() { return arr; }
mapping get_map() { return map; }
