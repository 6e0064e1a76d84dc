# define CASES ({ "inherit_254","inherit_255","inherit_256","int_const_digits","float_const_digits","float_const_600","indirection_param","indirection_func","indirection_cast","macro_params","include_deep","macro_long","macro_arg_long","macro_expand_big","char_const_long","switch_dup","switch_range_overlap","switch_str_dup","switch_mixed_types","switch_bad_range","switch_unreachable","many_calls","inherit_252","inherit_253","big_function2","big_function3","int_digits_4000","float_digits_4000","strlen_nil","sizeof_nil","sizeof_int","str_index_oob","str_index_neg","str_store_oob","str_store_big","str_store_str","arr_index_oob","arr_index_neg","arr_store_oob","arr_index_str","nil_index","nil_store","int_index","range_oob","range_neg","range_empty","range_empty2","srange_oob","srange_empty","srange_empty2","map_range","lt_mixed","lt_arr","neg_str","incr_str","not_arr","compl_float","shift_big","shift_neg","shift_neg_count","shift_32","map_plus_arr","arr_minus_map","str_minus","arr_and_str","map_and_arr","map_minus_arr","int_to_str_cast","float_str_cast","float_str_cast2","int_str_cast2","int_str_cast3","int_str_cast4","int_str_cast5","call_out_typed","alloc_float_arg","map_key_arr","mul_str","div_float_int","mod_float","add_obj","add_str_obj","add_str_arr","add_int_nil","eq_diff","explode_nil","implode_ints","sscanf_int_over","sscanf_float_over","sscanf_typed_var","typeof_destructed","destructed_typed","destructed_int" })
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

string rep(string s, int n) { string r; r = ""; while (n > 0) { if (n & 1) r += s; n >>= 1; if (n) s += s; } return r; }
string nums(string pre, string post, int from, int n) { string s; int i; s = ""; for (i = from; i < from + n; i++) s += pre + i + post; return s; }
string limsrc(string name, string *parts) {
  mixed e; object o;
  e = catch(o = compile_object(name, parts...));
  return (e ? show(e) : show(o->f())) + show("/driver"->compile_errors());
}
string inh(int n) { int i; for (i = 0; i < n; i++) if (!find_object("/i" + i)) compile_object("/i" + i, "int v" + i + ";\n"); return nums("inherit \"/i", "\";\n", 0, n); }
string t_inherit_254() { return limsrc("/m1", ({ inh(254), "int f() { return 1; }\n" })); }
string t_inherit_255() { return limsrc("/m2", ({ inh(255), "int f() { return 1; }\n" })); }
string t_inherit_256() { return limsrc("/m3", ({ inh(256), "int f() { return 1; }\n" })); }
string t_int_const_digits() { return limsrc("/m4", ({ "int f() { return " + rep("0", 5000) + "1; }\n" })); }
string t_float_const_digits() { return limsrc("/m5", ({ "float f() { return 0." + rep("0", 5000) + "1; }\n" })); }
string t_float_const_600() { return limsrc("/m6", ({ "float f() { return 0." + rep("0", 600) + "1; }\n" })); }
string t_indirection_param() { return limsrc("/m7", ({ "int g(int " + rep("*", 16) + "p) { return 1; }\nint f() { return 2; }\n" })); }
string t_indirection_func() { return limsrc("/m8", ({ "int " + rep("*", 16) + "g() { return 0; }\nint f() { return 2; }\n" })); }
string t_indirection_cast() { return limsrc("/m9", ({ "int f() { mixed x; x = (int " + rep("*", 16) + ") x; return 2; }\n" })); }
string t_macro_params() { return limsrc("/m10", ({ "# define M(" + "a0" + nums(", a", "", 1, 300) + ") 1\nint f() { return 3; }\n" })); }
string t_include_deep() { write_file("/rec.h", "# include \"rec.h\"\n"); return limsrc("/m11", ({ "# include \"rec.h\"\nint f() { return 4; }\n" })); }
string t_macro_long() { return limsrc("/m12", ({ "# define M " + rep("x ", 5000) + "\nint f() { return 5; }\n" })); }
string t_macro_arg_long() { return limsrc("/m13", ({ "# define M(a) 1\nint f() { return M(" + rep("x+", 3000) + "x); }\n" })); }
string t_macro_expand_big() { return limsrc("/m14", ({ "# define A " + rep("x", 3000) + "\n# define B A A A A A\nint f() { int " + rep("x", 3000) + "; return strlen(\"\" + B); }\n" })); }
string t_char_const_long() { return limsrc("/m15", ({ "int f() { return 'ab'; }\n" })); }
string t_switch_dup() { return limsrc("/m16", ({ "int f() { switch (1) { case 1: case 1: break; } return 6; }\n" })); }
string t_switch_range_overlap() { return limsrc("/m17", ({ "int f() { switch (1) { case 1..5: case 3..7: break; } return 6; }\n" })); }
string t_switch_str_dup() { return limsrc("/m18", ({ "int f() { switch (\"a\") { case \"a\": case \"a\": break; } return 6; }\n" })); }
string t_switch_mixed_types() { return limsrc("/m19", ({ "int f() { switch (1) { case 1: case \"a\": break; } return 6; }\n" })); }
string t_switch_bad_range() { return limsrc("/m20", ({ "int f() { switch (1) { case 5..1: break; } return 6; }\n" })); }
string t_switch_unreachable() { return limsrc("/m21", ({ "int f() { switch (1) { f(); case 1: break; } return 6; }\n" })); }
string t_many_calls() { return limsrc("/m22", ({ nums("int g", "();\n", 0, 200), "int f() { return 7; }\n" })); }
string t_inherit_252() { return limsrc("/m24", ({ inh(252), "int f() { return 1; }\n" })); }
string t_inherit_253() { return limsrc("/m25", ({ inh(253), "int f() { return 1; }\n" })); }
string t_big_function2() { string *p; int i; p = allocate(10); for (i = 0; i < 10; i++) p[i] = rep("i = i + 12345678;\n", 1000); return limsrc("/m26", ({ "int f() { int i;\n" }) + p + ({ "return 8; }\n" })); }
string t_big_function3() { string *p; int i; p = allocate(4); for (i = 0; i < 4; i++) p[i] = rep("i = i + 12345678;\n", 1000); return limsrc("/m27", ({ "int f() { int i;\n" }) + p + ({ "return 8; }\n" })); }
string t_int_digits_4000() { return limsrc("/m28", ({ "int f() { return " + rep("0", 4000) + "1; }\n" })); }
string t_float_digits_4000() { return limsrc("/m29", ({ "float f() { return 0." + rep("0", 4000) + "1; }\n" })); }
string gs;
object lwo_prog2() { return find_object("/cl1") ? find_object("/cl1") : compile_object("/cl1", "int v;\n"); }
mixed mx(mixed x) { return x; }
void co_typed(int a, string b) { gs = "called " + a + b; }
string t_strlen_nil() { return show(strlen(mx(nil))); }
string t_sizeof_nil() { return show(sizeof(mx(nil))); }
string t_sizeof_int() { return show(sizeof(mx(1))); }
string t_str_index_oob() { string s; s = "abc"; return show(s[3]); }
string t_str_index_neg() { string s; s = "abc"; return show(s[-1]); }
string t_str_store_oob() { string s; s = "abc"; s[3] = 'x'; return show(s); }
string t_str_store_big() { string s; s = "abc"; s[0] = 300; return show(s); }
string t_str_store_str() { string s; mixed c; s = "abc"; c = "x"; s[0] = c; return show(s); }
string t_arr_index_oob() { mixed *a; a = ({ 1 }); return show(a[1]); }
string t_arr_index_neg() { mixed *a; a = ({ 1 }); return show(a[-1]); }
string t_arr_store_oob() { mixed *a; a = ({ 1 }); a[1] = 2; return show(a); }
string t_arr_index_str() { mixed *a; mixed i; a = ({ 1 }); i = "x"; return show(a[i]); }
string t_nil_index() { mixed a; return show(a[0]); }
string t_nil_store() { mixed a; a[0] = 1; return show(a); }
string t_int_index() { mixed a; a = 5; return show(a[0]); }
string t_range_oob() { mixed *a; a = ({ 1, 2 }); return show(a[1..5]); }
string t_range_neg() { mixed *a; a = ({ 1, 2 }); return show(a[-1..1]); }
string t_range_empty() { mixed *a; a = ({ 1, 2 }); return show(a[2..1]); }
string t_range_empty2() { mixed *a; a = ({ 1, 2 }); return show(a[5..1]); }
string t_srange_oob() { string s; s = "ab"; return show(s[1..5]); }
string t_srange_empty() { string s; s = "ab"; return show(s[2..1]); }
string t_srange_empty2() { string s; s = "ab"; return show(s[3..2]); }
string t_map_range() { mapping m; m = ([ 1:2, 3:4 ]); return show(m[1..2]); }
string t_lt_mixed() { mixed a, b; a = "a"; b = 1; return show(a < b); }
string t_lt_arr() { mixed a, b; a = ({ }); b = ({ }); return show(a < b); }
string t_neg_str() { mixed a; a = "a"; return show(-a); }
string t_incr_str() { mixed a; a = "a"; a++; return show(a); }
string t_not_arr() { mixed a; a = ({ }); return show(!a); }
string t_compl_float() { mixed a; a = 1.5; return show(~a); }
string t_shift_big() { int a; a = 1; return show(a << 40); }
string t_shift_neg() { int a; a = -8; return show(a >> 1); }
string t_shift_neg_count() { int a, b; a = 8; b = -1; return show(a << b); }
string t_shift_32() { int a, b; a = 8; b = 32; return show(a >> b); }
string t_map_plus_arr() { mixed a, b; a = ([ ]); b = ({ }); return show(a + b); }
string t_arr_minus_map() { mixed a, b; a = ({ }); b = ([ ]); return show(a - b); }
string t_str_minus() { mixed a; a = "abc"; return show(a - "b"); }
string t_arr_and_str() { mixed a, b; a = ({ 1 }); b = "x"; return show(a & b); }
string t_map_and_arr() { mixed a, b; a = ([ 1:2, 3:4 ]); b = ({ 1 }); return show(a & b); }
string t_map_minus_arr() { mixed a, b; a = ([ 1:2, 3:4 ]); b = ({ 1 }); return show(a - b); }
string t_int_to_str_cast() { mixed a; a = "12abc"; return show((int) a); }
string t_float_str_cast() { mixed a; a = "1.5x"; return show((float) a); }
string t_float_str_cast2() { mixed a; a = " 1.5"; return show((float) a); }
string t_int_str_cast2() { mixed a; a = " 12"; return show((int) a); }
string t_int_str_cast3() { mixed a; a = "99999999999"; return show((int) a); }
string t_int_str_cast4() { mixed a; a = "-2147483648"; return show((int) a); }
string t_int_str_cast5() { mixed a; a = ""; return show((int) a); }
string t_call_out_typed() { call_out("co_typed", 0, "x", 1); return "ok"; }
string t_alloc_float_arg() { mixed a; a = 1.5; return show(sizeof(allocate(a))); }
string t_map_key_arr() { mapping m; m = ([ ]); m[({ 1 })] = 2; return show(map_sizeof(m)); }
string t_mul_str() { mixed a; a = "ab"; return show(a * 2); }
string t_div_float_int() { mixed a, b; a = 1.5; b = 2; return show(a / b); }
string t_mod_float() { mixed a, b; a = 1.5; b = 2.0; return show(a % b); }
string t_add_obj() { mixed a; a = this_object(); return show(a + 1); }
string t_add_str_obj() { mixed a; a = this_object(); return show("x" + a); }
string t_add_str_arr() { mixed a; a = ({ }); return show("x" + a); }
string t_add_int_nil() { mixed a; return show(1 + a); }
string t_eq_diff() { mixed a, b; a = 1; b = 1.0; return show(a == b); }
string t_explode_nil() { return show(explode(mx(nil), ",")); }
string t_implode_ints() { return show(implode(mx(({ 1, 2 })), ",")); }
string t_sscanf_int_over() { int i; sscanf("99999999999", "%d", i); return show(i); }
string t_sscanf_float_over() { float f; sscanf("1e400", "%f", f); return show(f); }
string t_sscanf_typed_var() { string s; mixed x; return show(sscanf("12", "%d", s)); }
string t_typeof_destructed() { object o; o = clone_object(lwo_prog2()); destruct_object(o); return show(typeof(o)); }
string t_destructed_typed() { object o; mixed x; x = clone_object(lwo_prog2()); destruct_object(x); o = x; return show(o); }
string t_destructed_int() { int i; mixed x; x = clone_object(lwo_prog2()); destruct_object(x); i = x; return show(i); }
