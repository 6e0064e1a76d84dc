# define CASES ({ "atomic_mapping","atomic_clone","error_deep_catch","ticks_inner_outer","ticks_catch_continue","nested_rlimits_bigger","destructed_arr_sizeof","destructed_arr_and","destructed_arr_or","destructed_mapping_key_index","destructed_in_nested","int_overflow_loop","float_print_series","float_print_small_series","float_print_round","mapping_order_objects_vs_strings","sscanf_s_minimal_greedy_tail","sscanf_s_minimal_same_sep","call_trace_caller" })
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

object obm() { object o; o = find_object("/ob"); return o ? o : compile_object("/ob"); }
mapping gm;
object made;
atomic void atomic_map() { gm["b"] = 2; gm["a"] = nil; error("undo"); }
atomic void atomic_clone() { made = clone_object(obm()); error("undo"); }
atomic void atomic_ok_then_fail() { gm["z"] = 26; }
int deep(int n) { if (n == 0) error("bottom"); return deep(n - 1); }
string t_atomic_mapping() { gm = ([ "a":1 ]); catch(atomic_map()); return show(gm); }
string t_atomic_clone() { made = nil; catch(atomic_clone()); return show(made); }
string t_error_deep_catch() { return show(catch(deep(20))); }
string spin2() { int i; for (i = 0; i < 100000; i++) ; return "done"; }
string limited() { string b; rlimits (50; 200) { b = catch(spin2()); spin2(); } return b; }
string t_ticks_inner_outer() { string a, b; a = catch(b = limited()); return show(a) + " " + show(b); }
int nn;
void forever() { for (;;) nn++; }
void small_limit() { rlimits (50; 100) { forever(); } }
string t_ticks_catch_continue() { string e; int i; nn = 0; rlimits (50; 100000) { e = catch(small_limit()); for (i = 0; i < 10; i++) nn++; } return show(e) + show(nn > 10); }
int ii;
void bigger() { rlimits (50; 100) { rlimits (50; 1000000) { for (ii = 0; ii < 10000; ii++) ; } } }
string t_nested_rlimits_bigger() { string e; ii = 0; e = catch(bigger()); return show(e) + show(ii); }
string t_destructed_arr_sizeof() { object o; mixed *a; o = clone_object(obm()); a = ({ o }); destruct_object(o); return show(sizeof(a)) + show(a[0]) + show(typeof(a[0])); }
string t_destructed_arr_and() { object o; mixed *a; o = clone_object(obm()); a = ({ o, 1 }); destruct_object(o); return show(a & ({ 1, nil })); }
string t_destructed_arr_or() { object o; mixed *a; o = clone_object(obm()); a = ({ o, o }); destruct_object(o); return show(a | ({ })); }
string t_destructed_mapping_key_index() { object o; mapping m; o = clone_object(obm()); m = ([ o:1, "x":2 ]); destruct_object(o); return show(map_indices(m)) + show(m[o]); }
string t_destructed_in_nested() { object o; mixed *a; o = clone_object(obm()); a = ({ ({ o }), ([ 1:o ]) }); destruct_object(o); return show(a); }
string t_int_overflow_loop() { int i, s; s = 0x7ffffff0; for (i = 0; i < 32; i++) s += 1; return show(s); }
string t_float_print_series() { float f; string r; int i; f = 1.0; r = ""; for (i = 0; i < 12; i++) { r += f + " "; f *= 10.0; } return r; }
string t_float_print_small_series() { float f; string r; int i; f = 1.0; r = ""; for (i = 0; i < 8; i++) { f /= 10.0; r += f + " "; } return r; }
string t_float_print_round() { return (0.1234567895 + " " + 9.9999999999 + " " + 1.5e-7 + " " + 123456789012.0); }
string t_mapping_order_objects_vs_strings() { return show(map_indices(([ 1.0:1, 1:2, "1":3, ({ }):4 ]))[0..2]); }
string t_sscanf_s_minimal_greedy_tail() { string a, b, c; int n; n = sscanf("a b c d", "%s %s %s", a, b, c); return show(n) + show(a) + show(b) + show(c); }
string t_sscanf_s_minimal_same_sep() { string a, b; int n; n = sscanf("aaa", "%sa%s", a, b); return show(n) + show(a) + show(b); }
string t_call_trace_caller() { mixed *t; t = call_trace(); return show(t[sizeof(t) - 2][1]) + show(t[sizeof(t) - 1][1]); }
