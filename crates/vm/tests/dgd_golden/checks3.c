# define CASES ({ "save_self_ref","save_shared","save_deep_10000","restore_deep_10000","save_deep_map","restore_500","restore_520","deep_eq","deep_add","deep_keep","restore_bad","restore_bad2","restore_big_arr","restore_ref_bad","deep_local","deep_local_20000","deep_keep_20000","save_2000","save_5000","save_10000","deep_map_local","aggr_1000","aggr_1001","maggr_1001","map_values_ok","arr_or_eq","map_add_eq","aggr_runtime","explode_1000_sep","explode_1001_parts","switch_32768","switch_32767_dflt","switch_32767_range","strs_65316","strs_65317","strs_65318","unpack_typed","unpack_typed_arr","call_other_ret","ternary_mixed" })
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
/* compile a program from source; show the result and the compile errors the
   driver heard (its compile_error hook records them) */
string compile_src(string name, string src) {
  mixed e; object o;
  e = catch(o = compile_object(name, src));
  return (e ? show(e) : show(o->f())) + show("/driver"->compile_errors());
}

mixed gv, gv2;
mixed *deep(int n) { mixed *a; int i; a = ({ }); for (i = 0; i < n; i++) a = ({ a }); return a; }
string t_save_self_ref() { mixed *a; a = ({ 0, 1 }); a[0] = a; gv = a; save_object("/self.o"); gv = 0; restore_object("/self.o"); return show(gv[1]) + show(gv[0] == gv) + show(gv[0][1]); }
string t_save_shared() { mixed *a; a = ({ 1 }); gv = ({ a, a }); save_object("/sh.o"); gv = 0; restore_object("/sh.o"); return show(gv[0] == gv[1]) + read_file("/sh.o"); }
string t_save_deep_10000() { gv = deep(10000); save_object("/d1.o"); return show(strlen(read_file("/d1.o")) > 0); }
string t_restore_deep_10000() { gv = deep(10000); save_object("/d2.o"); gv = 0; restore_object("/d2.o"); return show(typeof(gv)); }
string t_save_deep_map() { mapping m; int i; m = ([ ]); for (i = 0; i < 10000; i++) m = ([ 1: m ]); gv = m; save_object("/d3.o"); gv = 0; restore_object("/d3.o"); return show(typeof(gv)); }
string t_restore_500() { gv = deep(500); save_object("/d4.o"); gv = 0; restore_object("/d4.o"); return show(typeof(gv)); }
string t_restore_520() { gv = deep(520); save_object("/d5.o"); gv = 0; restore_object("/d5.o"); return show(typeof(gv)); }
string t_deep_eq() { mixed *a; a = deep(10000); return show(a == a); }
string t_deep_add() { mixed *a; a = deep(10000); return show(sizeof(a + a)); }
string t_deep_keep() { gv2 = deep(100000); return show(sizeof(gv2)); }
string t_restore_bad() { write_file("/bad.o", "gv ({1|1,})\n"); return show(catch(restore_object("/bad.o"))); }
string t_restore_bad2() { write_file("/bad2.o", "gv ({2|1,})\n"); return show(catch(restore_object("/bad2.o"))); }
string t_restore_big_arr() { write_file("/big.o", "gv ({1001|})\n"); return show(catch(restore_object("/big.o"))); }
string t_restore_ref_bad() { write_file("/ref.o", "gv #5\n"); return show(catch(restore_object("/ref.o"))); }
string t_deep_local() { mixed *a; a = deep(100000); return show(sizeof(a)); }
string t_deep_local_20000() { mixed *a; a = deep(20000); return show(sizeof(a)); }
string t_deep_keep_20000() { gv2 = deep(20000); return show(sizeof(gv2)); }
string t_save_2000() { gv = deep(2000); save_object("/d1.o"); return show(sizeof(gv)); }
string t_save_5000() { gv = deep(5000); save_object("/d1.o"); return show(sizeof(gv)); }
string t_save_10000() { gv = deep(10000); save_object("/d1.o"); return show(sizeof(gv)); }
string t_deep_map_local() { mapping m; int i; m = ([ ]); for (i = 0; i < 100000; i++) m = ([ 1: m ]); return show(map_sizeof(m)); }
string rep(string s, int n) { string r; r = ""; while (n > 0) { if (n & 1) r += s; n >>= 1; if (n) s += s; } return r; }
string nums(string pre, string post, int from, int n) { string s; int i; s = ""; for (i = from; i < from + n; i++) s += pre + i + post; return s; }
string limsrc(string name, string *parts) {
  mixed e; object o;
  e = catch(o = compile_object(name, parts...));
  return (e ? show(e) : show(o->f())) + show("/driver"->compile_errors());
}
string lit_arr(int n) { return "mixed *f() { return ({ " + nums("", ",", 0, n) + " }); }\n"; }
string t_aggr_1000() { object o; o = compile_object("/p1", lit_arr(1000)); return show(sizeof(o->f())); }
string t_aggr_1001() { mixed e; object o; e = catch(o = compile_object("/p2", lit_arr(1001))); return e ? show(e) : show(catch(o->f())) + show("/driver"->compile_errors()); }
string t_maggr_1001() { mixed e; object o; e = catch(o = compile_object("/p3", "mapping f() { return ([ " + nums("", ":1,", 0, 1001) + " ]); }\n")); return e ? show(e) : show(catch(o->f())) + show("/driver"->compile_errors()); }
string t_map_values_ok() { mapping m; int i; m = ([ ]); for (i = 0; i < 1000; i++) m[i] = i; return show(sizeof(map_values(m))); }
string t_arr_or_eq() { mixed *a, *b; int i; a = allocate(600); b = allocate(600); for (i = 0; i < 600; i++) { a[i] = i; b[i] = i + 600; } a |= b; return show(sizeof(a)); }
string t_map_add_eq() { mapping a, b; int i; a = ([ ]); b = ([ ]); for (i = 0; i < 600; i++) { a[i] = i; b[i + 600] = i; } a += b; return show(map_sizeof(a)); }
string t_aggr_runtime() { mixed *a, *b; a = allocate(999); b = ({ 1, 2 }) + a; return show(sizeof(b)); }
string t_explode_1000_sep() { return show(sizeof(explode(rep(",", 1000), ","))); }
string t_explode_1001_parts() { return show(sizeof(explode("a" + rep(",a", 1000), ","))); }
string *cases(int n, string extra) { string *parts; string s; int i; parts = ({ }); s = "int f() { switch (1) {\n"; for (i = 0; i < n; i++) { s += "case " + i + ":\n"; if (strlen(s) > 60000) { parts += ({ s }); s = ""; } } return parts + ({ s, extra + "break;\n} return 9; }\n" }); }
string t_switch_32768() { return limsrc("/q2", cases(32768, "")); }
string t_switch_32767_dflt() { return limsrc("/q5", cases(32767, "default:\n")); }
string t_switch_32767_range() { return limsrc("/q6", cases(32767, "case 40000..50000:\n")); }
string *strs(int n) {
  string *parts; string s; int j, k, c;
  parts = ({ }); s = ""; c = 0;
  for (j = 0; c < n; j++) {
    s += "void g" + j + "() { string s;";
    for (k = 0; k < 300 && c < n; k++) s += " s = \"c" + (c++) + "\";";
    s += " }\n";
    if (strlen(s) > 60000) { parts += ({ s }); s = ""; }
  }
  return parts + ({ s, "int f() { return 1; }\n" });
}

string t_strs_65316() { return limsrc("/n1", strs(65316)); }
string t_strs_65317() { return limsrc("/n2", strs(65317)); }
string t_strs_65318() { return limsrc("/n3", strs(65318)); }
string t_unpack_typed() { string a; int b; mixed *x; x = ({ 1, 2 }); ({ a, b }) = x; return show(a) + show(b); }
string t_unpack_typed_arr() { string a, b; string *x; mixed y; y = ({ 1, 2 }); x = y; ({ a, b }) = x; return show(a) + show(b); }
string t_call_other_ret() { string s; s = this_object()->ret_mixed_int(); return show(s); }
mixed ret_mixed_int() { return 5; }
string t_ternary_mixed() { string s; mixed x; x = 1; s = 1 ? x : "a"; return show(s); }
