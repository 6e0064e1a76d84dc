# define CASES ({ "ret_str","ret_int","ret_float","ret_obj","ret_map","ret_sarr","ret_sarr2","ret_iarr_map","ret_nil_str","ret_nil_int","ret_nil_float","ret_float_int","ret_via_co","arg_str_co","arg_int_co","arg_int_nil_co","arg_str_nil_co","arg_float_co","arg_arr_co","arg_arr_int_co","arg_obj_co","arg_map_co","arg_second_co","arg_ellipsis_co","arg_local_mixed","arg_local_mixed_arr","arg_call_other_str","arg_many_co","assign_local","assign_global","assign_elt","assign_arr_local","arith_mixed","foreach_like","cast_int","cast_str","cast_arr","cast_arr2","cast_obj","cast_nil_int","cast_nil_str","cast_lwo_obj","ret_lwo","ret_kfun_mixed","index_typed_arr","index_typed_arr_nil","index_int_arr_nil","index_mixed_arr","index_nested","index_nested_outer","add_eq_int_mixed","arg_lwo_str","arg_lwo_obj","ret_ok_int","assign_int_float","assign_map_nil","assign_float_nil","bin_int_mixed","bin_float_mixed","add_eq_float_mixed","add_eq_float_int","sub_eq_int_mixed","mul_eq_int_mixed","add_eq_str_mixed","funcs_254","funcs_255","protos_256","vars_255","vars_256","locals_127","locals_128","params_locals","locals_blocks","locals_nested","indirection","indirection_16","str_const_long","str_const_4090","str_const_10000","str_concat_long","int_const_long","int_const_max","int_const_over","int_const_hex","int_const_hexmax","int_const_oct","float_const_over","float_const_long","ident_long","switch_cases","str_65535","str_65536","str_add","str_add_int","str_add_eq","str_implode","str_sprintf_like","str_range_assign","str_hash","str_write_read","str_read_big","str_crypt","alloc_1000","alloc_1001","alloc_neg","alloc_int","alloc_float","arr_add","arr_add_eq","arr_or","arr_or2","arr_xor","arr_and","arr_sub","explode","explode_1001","explode_empty","map_1000","map_1001","map_add","map_indices","aggregate_big","sscanf_many","range_big","nested_deep","save_deep","div_zero","mod_zero","div_eq_zero","mod_eq_zero","fdiv_zero","fdiv_eq_zero","fmul_over","fadd_over","fsub_over","fdiv_over","exp_over","pow_over","pow_neg","pow_zero_neg","log_zero","log_neg","log10_zero","sqrt_neg","asin_big","acos_big","cosh_over","sinh_over","ldexp_over","ldexp_under","fmod_zero","incr_over","float_cast_over","float_to_int_big","float_to_int_neg_big","tan_big","atan2_zero","frexp_zero","modf_big","floor_big","neg_float" })
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

string gs;
object lwo_prog() { return find_object("/lw1") ? find_object("/lw1") : compile_object("/lw1", "int v;\n"); }
mixed idm(mixed x) { return x; }
string ret_str() { mixed x; x = 1; return x; }
int ret_int() { mixed x; x = "a"; return x; }
float ret_float() { mixed x; x = 1; return x; }
object ret_obj() { mixed x; x = 1; return x; }
mapping ret_map() { mixed x; x = ({ }); return x; }
string *ret_sarr() { mixed x; x = ({ 1 }); return x; }
string *ret_sarr2() { mixed x; x = 1; return x; }
int *ret_iarr_map() { mixed x; x = ([ ]); return x; }
string ret_nil_str() { mixed x; return x; }
int ret_nil_int() { mixed x; return x; }
float ret_nil_float() { mixed x; return x; }
object ret_lwo() { mixed x; x = new_object(lwo_prog()); return x; }
int ret_float_int() { mixed x; x = 1.5; return x; }
void take_str(string s) { }
void take_int(int i) { }
void take_float(float f) { }
void take_arr(string *a) { }
void take_obj(object o) { }
void take_map(mapping m) { }
void take_varargs(int a, varargs string b) { }
void take_ellipsis(int a, string b...) { }
string t_ret_str() { return show(ret_str()); }
string t_ret_int() { return show(ret_int()); }
string t_ret_float() { return show(ret_float()); }
string t_ret_obj() { return show(ret_obj()); }
string t_ret_map() { return show(ret_map()); }
string t_ret_sarr() { return show(ret_sarr()); }
string t_ret_sarr2() { return show(ret_sarr2()); }
string t_ret_iarr_map() { return show(ret_iarr_map()); }
string t_ret_nil_str() { return show(ret_nil_str()); }
string t_ret_nil_int() { return show(ret_nil_int()); }
string t_ret_nil_float() { return show(ret_nil_float()); }
string t_ret_float_int() { return show(ret_float_int()); }
string t_ret_via_co() { return show(this_object()->ret_str()); }
string t_arg_str_co() { this_object()->take_str(1); return "ok"; }
string t_arg_int_co() { this_object()->take_int("x"); return "ok"; }
string t_arg_int_nil_co() { this_object()->take_int(nil); return "ok"; }
string t_arg_str_nil_co() { this_object()->take_str(nil); return "ok"; }
string t_arg_float_co() { this_object()->take_float(1); return "ok"; }
string t_arg_arr_co() { this_object()->take_arr(({ 1, 2 })); return "ok"; }
string t_arg_arr_int_co() { this_object()->take_arr(1); return "ok"; }
string t_arg_obj_co() { this_object()->take_obj("x"); return "ok"; }
string t_arg_map_co() { this_object()->take_map(({ })); return "ok"; }
string t_arg_second_co() { this_object()->take_varargs(1, 2); return "ok"; }
string t_arg_ellipsis_co() { this_object()->take_ellipsis(1, "a", "b", 3); return "ok"; }
string t_arg_local_mixed() { mixed x; x = 5; take_str(x); return "ok"; }
string t_arg_local_mixed_arr() { mixed x; x = ({ 5 }); take_arr(x); return "ok"; }
string t_arg_call_other_str() { call_other(this_object(), "take_str", 1.5); return "ok"; }
string t_arg_many_co() { this_object()->take_int(1, 2, 3); return "ok"; }
string t_assign_local() { string s; mixed x; x = 1; s = x; return show(s); }
string t_assign_global() { mixed x; x = 1; gs = x; return show(gs); }
string t_assign_elt() { string *a; mixed x; a = ({ "a" }); x = 1; a[0] = x; return show(a); }
string t_assign_arr_local() { string *a; mixed x; x = ({ 1 }); a = x; return show(a); }
string t_arith_mixed() { mixed x; int i; x = "a"; i = x + 1; return show(i); }
string t_foreach_like() { string s; mixed *a; a = ({ 1 }); s = a[0]; return show(s); }
string t_cast_int() { mixed x; x = "a"; return show((int) x); }
string t_cast_str() { mixed x; x = 1; return show((string) x); }
string t_cast_arr() { mixed x; x = 1; return show((int *) x); }
string t_cast_arr2() { mixed x; x = ({ "a" }); return show((int *) x); }
string t_cast_obj() { mixed x; x = 1; return show((object) x); }
string t_cast_nil_int() { mixed x; return show((int) x); }
string t_cast_nil_str() { mixed x; return show((string) x); }
string t_cast_lwo_obj() { mixed x; x = new_object(lwo_prog()); return show(typeof((object) x)); }
string t_ret_lwo() { return show(typeof(ret_lwo())); }
string t_ret_kfun_mixed() { return show(idm(3)); }
string t_index_typed_arr() { string *a; mixed x; x = ({ 1 }); a = x; return show(a[0]); }
string t_index_typed_arr_nil() { string *a; mixed x; x = ({ nil }); a = x; return show(a[0]); }
string t_index_int_arr_nil() { int *a; mixed x; x = ({ nil }); a = x; return show(a[0]); }
string t_index_mixed_arr() { mixed *a; a = ({ 1 }); return show(a[0]); }
string t_index_nested() { string **a; mixed x; x = ({ ({ 1 }) }); a = x; return show(a[0][0]); }
string t_index_nested_outer() { string **a; mixed x; x = ({ 1 }); a = x; return show(a[0]); }
string t_add_eq_int_mixed() { int i; mixed x; x = "a"; i += x; return show(i); }
string t_arg_lwo_str() { this_object()->take_str(new_object(lwo_prog())); return "ok"; }
string t_arg_lwo_obj() { this_object()->take_obj(new_object(lwo_prog())); return "ok"; }
string t_ret_ok_int() { mixed x; x = 3; return show(idm(x) + 1); }
string t_assign_int_float() { int i; mixed x; x = 1.5; i = x; return show(i); }
string t_assign_map_nil() { mapping m; mixed x; m = x; return show(m); }
string t_assign_float_nil() { float f; mixed x; f = x; return show(f); }
string t_bin_int_mixed() { int i; mixed x; x = "a"; return show(i + x); }
string t_bin_float_mixed() { float f; mixed x; x = "a"; return show(f + x); }
string t_add_eq_float_mixed() { float f; mixed x; x = "a"; f += x; return show(f); }
string t_add_eq_float_int() { float f; mixed x; x = 1; f += x; return show(f); }
string t_sub_eq_int_mixed() { int i; mixed x; x = "a"; i -= x; return show(i); }
string t_mul_eq_int_mixed() { int i; mixed x; x = 1.5; i *= x; return show(i); }
string t_add_eq_str_mixed() { string s; mixed x; x = ({ }); s = "a"; s += x; return show(s); }
string rep(string s, int n) { string r; r = ""; while (n > 0) { if (n & 1) r += s; n >>= 1; if (n) s += s; } return r; }
string nums(string pre, string post, int from, int n) { string s; int i; s = ""; for (i = from; i < from + n; i++) s += pre + i + post; return s; }
string limsrc(string name, string *parts) {
  mixed e; object o;
  e = catch(o = compile_object(name, parts...));
  return (e ? show(e) : show(o->f())) + show("/driver"->compile_errors());
}
string funcs(int n) { return nums("int f", "() { return 1; }\n", 0, n) + "int f() { return 2; }\n"; }
string t_funcs_254() { return limsrc("/l1", ({ nums("int g", "() { return 1; }\n", 0, 254), "int f() { return 2; }\n" })); }
string t_funcs_255() { return limsrc("/l2", ({ nums("int g", "() { return 1; }\n", 0, 255), "int f() { return 2; }\n" })); }
string t_protos_256() { return limsrc("/l3", ({ nums("int g", "();\n", 0, 255), "int f() { return 2; }\n" })); }
string t_vars_255() { return limsrc("/l4", ({ nums("int v", ";\n", 0, 255), "int f() { return 3; }\n" })); }
string t_vars_256() { return limsrc("/l5", ({ nums("int v", ";\n", 0, 256), "int f() { return 3; }\n" })); }
string t_locals_127() { return limsrc("/l7", ({ "int f() { int a0" + nums(", a", "", 1, 126) + "; return 4; }\n" })); }
string t_locals_128() { return limsrc("/l8", ({ "int f() { int a0" + nums(", a", "", 1, 127) + "; return 4; }\n" })); }
string t_params_locals() { return limsrc("/l11", ({ "int g(int p0" + nums(", int p", "", 1, 99) + ") { int a0" + nums(", a", "", 1, 28) + "; return 5; }\nint f() { return 5; }\n" })); }
string t_locals_blocks() { return limsrc("/l12", ({ "int f() { { int a0" + nums(", a", "", 1, 100) + "; } { int b0" + nums(", b", "", 1, 100) + "; } return 6; }\n" })); }
string t_locals_nested() { return limsrc("/l13", ({ "int f() { int a0" + nums(", a", "", 1, 100) + "; { int b0" + nums(", b", "", 1, 30) + "; } return 6; }\n" })); }
string t_indirection() { return limsrc("/l14", ({ "int f() { int " + rep("*", 15) + "a; return 7; }\n" })); }
string t_indirection_16() { return limsrc("/l15", ({ "int f() { int " + rep("*", 16) + "a; return 7; }\n" })); }
string t_str_const_long() { return limsrc("/l16", ({ "int f() { return strlen(\"" + rep("x", 5000) + "\"); }\n" })); }
string t_str_const_4090() { return limsrc("/l17", ({ "int f() { return strlen(\"" + rep("x", 4090) + "\"); }\n" })); }
string t_str_const_10000() { return limsrc("/l18", ({ "int f() { return strlen(\"" + rep("x", 10000) + "\"); }\n" })); }
string t_str_concat_long() { return limsrc("/l19", ({ "int f() { return strlen(\"" + rep("x", 3000) + "\" \"" + rep("y", 3000) + "\"); }\n" })); }
string t_int_const_long() { return limsrc("/l20", ({ "int f() { return 12345678901; }\n" })); }
string t_int_const_max() { return limsrc("/l21", ({ "int f() { return 2147483647; }\n" })); }
string t_int_const_over() { return limsrc("/l22", ({ "int f() { return 2147483648; }\n" })); }
string t_int_const_hex() { return limsrc("/l23", ({ "int f() { return 0x100000000; }\n" })); }
string t_int_const_hexmax() { return limsrc("/l24", ({ "int f() { return 0xffffffff; }\n" })); }
string t_int_const_oct() { return limsrc("/l25", ({ "int f() { return 040000000000; }\n" })); }
string t_float_const_over() { return limsrc("/l26", ({ "float f() { return 1e400; }\n" })); }
string t_float_const_long() { return limsrc("/l27", ({ "float f() { return " + rep("1", 400) + ".0; }\n" })); }
string t_ident_long() { return limsrc("/l28", ({ "int f() { int " + rep("a", 5000) + "; return 8; }\n" })); }
string t_switch_cases() { return limsrc("/l29", ({ "int f() { switch (1) {\n" + nums("case ", ": break;\n", 0, 900) + "} return 9; }\n" })); }
float fv(float f) { return f; }
string gs400() { return "1e400"; }
mixed gv;
mixed *arr(int n) { return allocate(n); }
mapping map(int n) { mapping m; int i; m = ([ ]); for (i = 0; i < n; i++) m[i] = i; return m; }
string t_str_65535() { return show(strlen(rep("x", 65535))); }
string t_str_65536() { return show(strlen(rep("x", 65536))); }
string t_str_add() { string s; s = rep("x", 65535); return show(strlen(s + "y")); }
string t_str_add_int() { string s; s = rep("x", 65534); return show(strlen(s + 10)); }
string t_str_add_eq() { string s; s = rep("x", 65535); s += "y"; return show(strlen(s)); }
string t_str_implode() { return show(strlen(implode(({ rep("x", 40000), rep("y", 40000) }), ""))); }
string t_str_sprintf_like() { return show(strlen(rep("ab", 40000))); }
string t_str_range_assign() { string s; s = rep("x", 65535); s[0] = 'a'; return show(s[0..1]); }
string t_str_hash() { return show(strlen(hash_string("MD5", rep("x", 65535)))); }
string t_str_write_read() { write_file("/big", rep("x", 65535)); write_file("/big", "y"); return show(catch(read_file("/big"))) + show(strlen(read_file("/big", 0, 65535))); }
string t_str_read_big() { return show(strlen(read_file("/big", 1))); }
string t_str_crypt() { return show(strlen(crypt(rep("x", 65535), "ab"))); }
string t_alloc_1000() { return show(sizeof(allocate(1000))); }
string t_alloc_1001() { return show(sizeof(allocate(1001))); }
string t_alloc_neg() { return show(sizeof(allocate(-1))); }
string t_alloc_int() { return show(sizeof(allocate_int(1001))); }
string t_alloc_float() { return show(sizeof(allocate_float(1001))); }
string t_arr_add() { return show(sizeof(arr(600) + arr(600))); }
string t_arr_add_eq() { mixed *a; a = arr(1000); a += ({ 1 }); return show(sizeof(a)); }
string t_arr_or() { return show(sizeof(({ 1 }) | arr(1000))); }
string t_arr_or2() { mixed *a, *b; int i; a = allocate(600); b = allocate(600); for (i = 0; i < 600; i++) { a[i] = i; b[i] = i + 600; } return show(sizeof(a | b)); }
string t_arr_xor() { mixed *a, *b; int i; a = allocate(600); b = allocate(600); for (i = 0; i < 600; i++) { a[i] = i; b[i] = i + 600; } return show(sizeof(a ^ b)); }
string t_arr_and() { mixed *a; a = arr(1000); return show(sizeof(a & a)); }
string t_arr_sub() { mixed *a; a = arr(1000); return show(sizeof(a - ({ 1 }))); }
string t_explode() { return show(sizeof(explode(rep("a,", 1000), ","))); }
string t_explode_1001() { return show(sizeof(explode(rep("a,", 1001), ","))); }
string t_explode_empty() { return show(sizeof(explode(rep("a", 1001), ""))); }
string t_map_1000() { return show(map_sizeof(map(1000))); }
string t_map_1001() { return show(map_sizeof(map(1001))); }
string t_map_add() { mapping a, b; int i; a = map(600); b = ([ ]); for (i = 600; i < 1200; i++) b[i] = i; return show(map_sizeof(a + b)); }
string t_map_indices() { return show(sizeof(map_indices(map(1000)))); }
string t_aggregate_big() { return show(sizeof(({ 1 }) + arr(999))); }
string t_sscanf_many() { string a, b; return show(sscanf("x y", "%s %s", a, b)); }
string t_range_big() { mixed *a; a = arr(1000); return show(sizeof(a[0..999])); }
string t_nested_deep() { mixed *a; int i; a = ({ }); for (i = 0; i < 200; i++) a = ({ a }); return show(sizeof(a)); }
string t_save_deep() { mixed *a; int i; a = ({ }); for (i = 0; i < 2000; i++) a = ({ a }); gv = a; save_object("/deep.o"); gv = 0; restore_object("/deep.o"); return show(typeof(gv)); }
string t_div_zero() { int a; a = 0; return show(1 / a); }
string t_mod_zero() { int a; a = 0; return show(1 % a); }
string t_div_eq_zero() { int a, b; a = 0; b = 5; b /= a; return show(b); }
string t_mod_eq_zero() { int a, b; a = 0; b = 5; b %= a; return show(b); }
string t_fdiv_zero() { float a; a = 0.0; return show(1.0 / a); }
string t_fdiv_eq_zero() { float a, b; a = 0.0; b = 1.0; b /= a; return show(b); }
string t_fmul_over() { float a; a = 1e300; return show(a * a); }
string t_fadd_over() { float a; a = 1e308; return show(a + a); }
string t_fsub_over() { float a; a = 1e308; return show(-a - a); }
string t_fdiv_over() { float a; a = 1e308; return show(a / 1e-10); }
string t_exp_over() { return show(exp(1000.0)); }
string t_pow_over() { return show(pow(10.0, 400.0)); }
string t_pow_neg() { return show(pow(-1.0, 0.5)); }
string t_pow_zero_neg() { return show(pow(0.0, -1.0)); }
string t_log_zero() { return show(log(0.0)); }
string t_log_neg() { return show(log(-1.0)); }
string t_log10_zero() { return show(log10(0.0)); }
string t_sqrt_neg() { return show(sqrt(-1.0)); }
string t_asin_big() { return show(asin(2.0)); }
string t_acos_big() { return show(acos(2.0)); }
string t_cosh_over() { return show(cosh(1000.0)); }
string t_sinh_over() { return show(sinh(1000.0)); }
string t_ldexp_over() { return show(ldexp(1.0, 5000)); }
string t_ldexp_under() { return show(ldexp(1.0, -5000)); }
string t_fmod_zero() { return show(fmod(1.0, 0.0)); }
string t_incr_over() { float a; a = 1e308; a *= 10.0; return show(a); }
string t_float_cast_over() { return show((float) gs400()); }
string t_float_to_int_big() { return show((int) fv(1e20)); }
string t_float_to_int_neg_big() { return show((int) fv(-1e20)); }
string t_tan_big() { return show(tan(1e10)); }
string t_atan2_zero() { return show(atan2(0.0, 0.0)); }
string t_frexp_zero() { return show(frexp(0.0)); }
string t_modf_big() { return show(modf(1e20)); }
string t_floor_big() { return show(floor(1e300)); }
string t_neg_float() { float a; a = 0.0; return show(-a); }
