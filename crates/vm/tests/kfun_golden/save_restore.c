int a; float f; string s; mixed arr, map; static int st; private int pv; mapping empty;
string t(string e) { return e == nil ? "ok" : e; }
atomic void atomic_save() { save_object("/x.o"); }
atomic string atomic_restore() { return "" + restore_object("/x.o"); }
string run() {
  string r, x, y; mixed sh;
  sh = ({ "x", 1.5 });
  a = 42; f = -0.125; s = "tab\there"; arr = ({ sh, sh, ([ "k" : sh ]) }); map = ([ 1 : ({ }), "z" : ([ 2.5 : "y" ]) ]); st = 7; pv = 8; empty = ([ ]);
  save_object("/x.o");
  r = read_file("/x.o");
  a = 0; f = 1.0; s = nil; arr = nil; map = nil; st = 0; pv = 0; empty = nil;
  r += restore_object("/x.o") + " " + a + " " + f + " " + s + " " + sizeof(arr) + " " + (arr[0] == arr[1]) + " " + (arr[2]["k"] == arr[0]) + " " + map_sizeof(map) + " " + st + " " + pv + " " + map_sizeof(empty) + "\n";
  x = t(catch(atomic_save())); r += x + "|";
  x = t(catch(y = atomic_restore())); r += x + " " + y + "\n";
  save_object("x2.o");
  x = catch(save_object("/nodir/x.o")); r += (read_file("/x2.o") == read_file("/x.o")) + " " + x[0..34] + "\n";
  return r;
}
