int i, zero; float fl, fz, third, big, neg; string s, e; mixed n, o, arr, map, map2, cyc; static int st;
string run() {
  mixed shared, m;
  i = -5; fl = 0.5; third = 1.0/3.0; big = 1e20; neg = -1.5e-7; s = "a\"b\\c\n\0\t\x01"; e = ""; o = this_object(); st = 3;
  shared = ({ 1 });
  arr = ({ shared, shared, this_object(), nil, ({ }), ([ ]) });
  m = ([ "a" : shared, 2 : this_object(), this_object() : 3, 1.5 : "x", "b": ({ 2 }) ]);
  map = m; map2 = m;
  cyc = ({ 0 }); cyc[0] = cyc;
  save_object("/save.o");
  return read_file("/save.o");
}
