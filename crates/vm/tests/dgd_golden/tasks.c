# define CASES ({ "setup_upgrade","setup_share" })
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

/* two tasks: run() prints the t_ cases, run2() (next task) the u_ cases */
object cl, m;
mixed *shared;
mapping mshared;
string t_setup_upgrade() {
  write_file("/u.c", "string v() { return \"old\"; }\n");
  m = compile_object("/u"); cl = clone_object(m);
  remove_file("/u.c"); write_file("/u.c", "string v() { return \"new\"; } string extra() { return \"x\"; }\n");
  compile_object("/u");
  return cl->v() + " " + m->v();
}
string t_setup_share() {
  object o;
  write_file("/h.c", "mixed *a; void set(mixed *x) { a = x; } mixed *get() { return a; } void poke() { a[0] = \"poked\"; }\n");
  o = compile_object("/h");
  shared = ({ 1, 2 });
  o->set(shared);
  o->poke();
  return show(shared);
}
string u_upgraded_clone() { return cl->v() + " " + m->v() + " " + show(cl->extra()); }
string u_copied_apart() { call_other("/h", "poke"); shared[1] = "mine"; return show(shared) + show(call_other("/h", "get")); }
string u_same_within_object() { mixed *a, *b; a = ({ 1 }); b = a; shared = a; b[0] = 5; return show(shared); }
string run2() {
  string r; int i; string *names;
  names = ({ "upgraded_clone", "copied_apart", "same_within_object" });
  r = "";
  for (i = 0; i < sizeof(names); i++) {
    mixed v; string e;
    e = catch(v = call_other(this_object(), "u_" + names[i]));
    r += names[i] + ": " + (e ? "ERROR: " + e : v) + "\n";
  }
  return r;
}
