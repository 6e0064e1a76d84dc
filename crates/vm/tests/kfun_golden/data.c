string t(string e) { return e == nil ? "ok" : e; }
string arr(mixed *a) { int i; string r; r = "({"; for (i = 0; i < sizeof(a); i++) r += (a[i] == nil ? "nil" : "" + a[i]) + ","; return r + "})"; }
string run() {
  string r; mapping m; int i, ok; mixed *a; object o;
  r = arr(allocate(3)) + arr(allocate_int(2)) + arr(allocate_float(2)) + arr(allocate(0)) + "\n";
  r += t(catch(allocate(-1))) + "|" + t(catch(allocate(2147483647))) + "|" + t(catch(allocate_int(-1))) + "\n";
  m = ([ "b" : 2, 1 : "one", 1.5 : 3, "a" : 0 ]);
  r += arr(map_indices(m)) + arr(map_values(m)) + map_sizeof(m) + " " + sizeof(({ 1, 2 })) + "\n";
  r += typeof(nil) + typeof(1) + typeof(1.0) + typeof("") + typeof(this_object()) + typeof(({})) + typeof(([])) + " " + strlen("") + strlen("abc\0d") + "\n";
  r += implode(({ "a", "b", "c" }), ", ") + "|" + implode(({ }), ",") + "|" + implode(({ "x" }), ",") + "|" + t(catch(implode(({ "a", 1 }), ","))) + "\n";
  ok = 1; for (i = 0; i < 200; i++) { int x; x = random(6); if (x < 0 || x > 5) ok = 0; } r += ok + " " + t(catch(random(-1))) + " " + random(1) + " " + (random(0) >= 0) + "\n";
  a = millitime(); r += typeof(a[0]) + " " + typeof(a[1]) + " " + (a[1] >= 0.0 && a[1] < 1.0) + " " + (time() - a[0] <= 1) + "\n";
  r += ctime(0) + "|" + ctime(744388818) + "|" + ctime(951782400) + "|" + strlen(ctime(time())) + "\n";
  o = this_object(); m = ([ o : 1, 2 : o, 3 : 4 ]);
  r += map_sizeof(m) + " " + sizeof(map_indices(m)) + "\n";
  return r;
}
