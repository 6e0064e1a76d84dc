# define CASES ({ "destructed_in_array","destructed_in_mapping","destructed_var","destructed_equal","clone_name","find_master","call_destructed","call_missing_fn","upgrade_clone","upgrade_vars","recompile_inherited","clone_of_clone","destruct_self_continue","this_object_name","function_object","compile_error","objects_in_array_sub","destructed_mapping_values","arr_copied_apart" })
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

mixed *stored;
void store(mixed *a) { stored = a; }
mixed *get_stored() { return stored; }
string t_destructed_in_array() { object o; mixed *a; o = clone_object(compile_object("/ob")); a = ({ 1, o, o }); destruct_object(o); return show(a) + show(sizeof(a)); }
string t_destructed_in_mapping() { object o; mapping m; o = clone_object(find_object("/ob")); m = ([ o:1, 2:o ]); destruct_object(o); return show(m) + show(map_sizeof(m)); }
string t_destructed_var() { object o; o = clone_object(find_object("/ob")); destruct_object(o); return show(o) + show(typeof(o)); }
string t_destructed_equal() { object o; mixed a; o = clone_object(find_object("/ob")); a = o; destruct_object(o); return show(a == 0) + show(a == nil); }
string t_clone_name() { object o; string n; o = clone_object(find_object("/ob")); n = object_name(o); destruct_object(o); return show(sscanf(n, "/ob#%*d")); }
string t_find_master() { return show(find_object("/ob")) + show(find_object("/nope")); }
string t_call_destructed() { object o; o = clone_object(find_object("/ob")); destruct_object(o); return show(catch(call_other(o, "foo"))); }
string t_call_missing_fn() { return show(call_other(find_object("/ob"), "nosuch")); }
string t_upgrade_clone() {
  object m, c; string r;
  write_file("/u.c", "string v() { return \"old\"; }\n");
  m = compile_object("/u"); c = clone_object(m);
  r = c->v();
  remove_file("/u.c"); write_file("/u.c", "string v() { return \"new\"; }\n");
  compile_object("/u");
  return r + " " + c->v() + " " + m->v();
}
string t_upgrade_vars() {
  object m, c; string r;
  write_file("/w.c", "int a; string b; void set() { a = 5; b = \"x\"; } mixed get() { return ({ a, b }); }\n");
  m = compile_object("/w"); c = clone_object(m); c->set();
  remove_file("/w.c"); write_file("/w.c", "string b; int c; int a; mixed get() { return ({ a, b, c }); }\n");
  compile_object("/w");
  return show(c->get());
}
string t_recompile_inherited() {
  write_file("/base.c", "int f() { return 1; }\n");
  write_file("/kid.c", "inherit \"/base\";\n");
  compile_object("/kid");
  return show(catch(compile_object("/base")));
}
string t_clone_of_clone() { object o; o = clone_object(find_object("/ob")); return show(catch(clone_object(o))); }
string t_destruct_self_continue() { object o; write_file("/d.c", "string f() { destruct_object(this_object()); return \"after\"; }\n"); o = compile_object("/d"); return show(o->f()) + show(o); }
string t_this_object_name() { return show(this_object()); }
string t_function_object() { return show(function_object("t_function_object", this_object())) + show(function_object("nope", this_object())); }
string t_compile_error() { write_file("/bad.c", "int f( { }\n"); return show(catch(compile_object("/bad"))); }
string t_objects_in_array_sub() { object o; mixed *a; o = clone_object(find_object("/ob")); a = ({ o, 1 }); destruct_object(o); return show(a - ({ nil })) + show(a - ({ 0 })); }
string t_destructed_mapping_values() { object o; mapping m; o = clone_object(find_object("/ob")); m = ([ "k":o ]); destruct_object(o); return show(map_values(m)) + show(m["k"]); }
string t_arr_copied_apart() { mixed *a, *b; a = ({ 1 }); b = a; store(a); b[0] = 2; return show(a) + show(b) + show(get_stored()); }
