# define CASES ({ "catch_value","catch_nil","error_newline","nested_catch","catch_list","rethrow","ticks_nested_catch","ticks_catch_block","rlimits_neg","depth","atomic_rollback","atomic_commit","atomic_nested","atomic_file","call_trace_args","call_trace_depth","call_trace_modified_args","call_trace_locals","previous_program","error_non_string","caught_runtime_type","catch_in_atomic" })
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

# define ST_TICKS 16
int depth;
mixed *arr;
int counter;
string spin() { int i; for (i = 0; ; i++) ; }
string spin_limited() { string e; rlimits (50; 500) { e = catch(spin()); } return e; }
int rec(int n) { return rec(n + 1); }
void call_atomic();
mixed *trace_me(int a, string b, mixed *c);
mixed *trace_mod(int a);
mixed *trace_loc(int a);
void catch_atomic();
void ok_atomic();
void nested_atomic();
void atomic_write();
string t_catch_value() { return show(catch(error("boom"))); }
string t_catch_nil() { return show(catch(1 + 1)); }
string t_error_newline() { string e; e = catch(error("line\n")); return show(strlen(e)) + show(e[4]); }
string t_nested_catch() { string e; e = catch(catch(error("inner")), error("outer")); return show(e); }
string t_catch_list() { string e; int a; e = catch(a = 1, error("x" + a)); return show(e) + show(a); }
string t_rethrow() { string e; e = catch(error(catch(error("a")) + "b")); return show(e); }
string t_ticks_nested_catch() {
  string e1, e2; int i;
  e1 = catch(e2 = spin_limited());
  return show(e1) + " " + show(e2);
}
string t_ticks_catch_block() { string r; int i; r = "start"; catch { rlimits (50; 300) { catch { for (;;) ; } : { r += " inner"; } } } : { r += " outer"; } return r; }
string t_rlimits_neg() { int r; rlimits (-1; -1) { r = 1; } return show(r); }
string t_depth() { string e; rlimits (30; -1) { e = catch(rec(0)); } return show(e); }
void set_arr() { arr[0] = "changed"; counter++; error("fail"); }
string t_atomic_rollback() { string e; arr = ({ "orig" }); counter = 0; e = catch(call_atomic()); return show(e) + show(arr) + show(counter); }
atomic void call_atomic() { set_arr(); }
atomic void ok_atomic() { arr[0] = "kept"; counter = 5; }
string t_atomic_commit() { arr = ({ "orig" }); ok_atomic(); return show(arr) + show(counter); }
atomic void nested_atomic() { arr[0] = "outer"; catch(call_atomic()); }
string t_atomic_nested() { arr = ({ "orig" }); counter = 0; nested_atomic(); return show(arr) + show(counter); }
atomic void atomic_write() { write_file("/af", "x"); error("no"); }
string t_atomic_file() { string e; e = catch(atomic_write()); return show(e) + show(sizeof(get_dir("/af")[0])); }
string t_call_trace_args() { mixed *t; t = trace_me(1, "two", ({ 3 })); return show(t[sizeof(t) - 1][1..]); }
mixed *trace_me(int a, string b, mixed *c) { return call_trace(); }
string t_call_trace_depth() { mixed *t; t = trace_me(0, "", ({ })); return show(sizeof(t[sizeof(t) - 1])) + show(t[sizeof(t) - 1][0]) + show(t[sizeof(t) - 1][2]); }
string t_call_trace_modified_args() { return show(trace_mod(1)[sizeof(trace_mod(1)) - 1][5..]); }
mixed *trace_mod(int a) { a = 42; return call_trace(); }
string t_call_trace_locals() { mixed *t; t = trace_loc(7); return show(sizeof(t[sizeof(t) - 1])); }
mixed *trace_loc(int a) { int b, c; b = 1; return call_trace(); }
string t_previous_program() { return show(previous_program()) + show(previous_object()); }
string t_error_non_string() { return show(catch(error(nil))); }
string t_caught_runtime_type() { mixed a; a = "x"; return show(catch(a * 2)); }
string t_catch_in_atomic() { string e; arr = ({ 0 }); e = catch(catch_atomic()); return show(e) + show(arr); }
atomic void catch_atomic() { arr[0] = 1; catch(error("x")); arr[0] = 2; }
