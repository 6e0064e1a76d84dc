/* TZ=CET-1CEST,M3.5.0,M10.5.0/3 */
# define CASES ({ "winter","summer","before_change","after_change","before_back","after_back","epoch","negative","far_future" })
/* case runner: each t_NAME() returns a string; run() prints "NAME: result" */
string show(mixed v) {
  int i; string s; mixed *k;
  switch (typeof(v)) {
  case 0: return "nil";
  case 1: return "" + v;
  case 2: return "" + v + "f";
  case 3: return "\"" + v + "\"";
  case 4: return "<" + object_name(v) + ">";
  case 5:
    s = "({";
    for (i = 0; i < sizeof(v); i++) s += (i ? "," : "") + show(v[i]);
    return s + "})";
  case 6:
    k = map_indices(v); s = "([";
    for (i = 0; i < sizeof(k); i++) s += (i ? "," : "") + show(k[i]) + ":" + show(v[k[i]]);
    return s + "])";
  }
  return "?";
}
string c(string n) {
  mixed v; string e;
  e = catch(v = call_other(this_object(), "t_" + n));
  return n + ": " + (e ? "ERROR: " + e : v) + "\n";
}
string run() {
  string r; int i;
  r = "";
  for (i = 0; i < sizeof(CASES); i++) r += c(CASES[i]);
  return r;
}

/* run in the zone CET-1CEST,M3.5.0,M10.5.0/3 (first line; the harness sets TZ) */
string t_winter() { return ctime(978307200); }
string t_summer() { return ctime(1000000000); }
string t_before_change() { return ctime(985481999); }
string t_after_change() { return ctime(985482000); }
string t_before_back() { return ctime(1004230799); }
string t_after_back() { return ctime(1004230800); }
string t_epoch() { return ctime(0); }
string t_negative() { return ctime(-1); }
string t_far_future() { return ctime(2000000000); }
