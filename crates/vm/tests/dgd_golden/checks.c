# define CASES ({ "ret_str","ret_int","ret_float","ret_obj","ret_map","ret_sarr","ret_sarr2","ret_iarr_map","ret_nil_str","ret_nil_int","ret_nil_float","ret_float_int","ret_via_co","arg_str_co","arg_int_co","arg_int_nil_co","arg_str_nil_co","arg_float_co","arg_arr_co","arg_arr_int_co","arg_obj_co","arg_map_co","arg_second_co","arg_ellipsis_co","arg_local_mixed","arg_local_mixed_arr","arg_call_other_str","arg_many_co","assign_local","assign_global","assign_elt","assign_arr_local","arith_mixed","foreach_like","cast_int","cast_str","cast_arr","cast_arr2","cast_obj","cast_nil_int","cast_nil_str","cast_lwo_obj","ret_lwo","ret_kfun_mixed","index_typed_arr","index_typed_arr_nil","index_int_arr_nil","index_mixed_arr","index_nested","index_nested_outer","add_eq_int_mixed","arg_lwo_str","arg_lwo_obj","ret_ok_int","assign_int_float","assign_map_nil","assign_float_nil","bin_int_mixed","bin_float_mixed","add_eq_float_mixed","add_eq_float_int","sub_eq_int_mixed","mul_eq_int_mixed","add_eq_str_mixed" })
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
