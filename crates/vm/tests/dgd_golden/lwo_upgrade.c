# define CASES ({ "setup_lwo","setup_lwo_inherit" })
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

/* two tasks: run() makes light-weight objects and recompiles their programs,
   run2() (next task) shows which variables the upgraded LWOs kept */
object l, l2, l3;
string t_setup_lwo() {
  write_file("/lw.c", "int a; string b; float f; mixed *arr; void set() { a = 5; b = \"x\"; f = 1.5; arr = ({ 1 }); } mixed get() { return ({ a, b, f, arr }); }\n");
  l = new_object(compile_object("/lw")); l->set();
  l2 = new_object(find_object("/lw")); l2->set();
  remove_file("/lw.c");
  write_file("/lw.c", "string b; int c; int a; string f; mapping arr; mixed get() { return ({ a, b, c, f, arr }); }\n");
  compile_object("/lw");
  return show(l->get());
}
string t_setup_lwo_inherit() {
  write_file("/lb.c", "int base; void setb() { base = 7; }\n");
  write_file("/li.c", "inherit \"/lb\"; int own; void set() { setb(); own = 3; } mixed get() { return ({ base, own }); }\n");
  l3 = new_object(compile_object("/li")); l3->set();
  remove_file("/li.c");
  write_file("/li.c", "inherit \"/lb\"; int more; int own; mixed get() { return ({ base, own, more }); }\n");
  compile_object("/li");
  return show(l3->get());
}
string run2() {
  string r; int i; string *names;
  names = ({ "lwo_upgraded", "lwo_copy_upgraded", "lwo_inherit_upgraded" });
  r = "";
  for (i = 0; i < sizeof(names); i++) {
    mixed v; string e;
    e = catch(v = call_other(this_object(), "u_" + names[i]));
    r += names[i] + ": " + (e ? "ERROR: " + e : v) + "\n";
  }
  return r;
}
string u_lwo_upgraded() { return show(l->get()); }
string u_lwo_copy_upgraded() { return show(l2->get()); }
string u_lwo_inherit_upgraded() { return show(l3->get()); }
