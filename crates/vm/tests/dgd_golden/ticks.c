# define CASES ({ "empty","local_assign","local_copy","int_add","int_add_const","int_mul","int_div","int_mod","int_shift","int_bits","int_cmp","int_not_neg","int_inc","int_preinc","int_postinc_val","int_dec","int_addeq","int_muleq","mixed_add","mixed_inc","global_read","global_store","global_inc","global_addeq","global_copy","float_add","float_mul_div","float_cmp","float_inc","float_neg","float_cast","int_cast","string_cast","str_add","str_add_big","str_add_int","int_add_str","str_add_float","str_sum3","str_sum5","str_addeq","str_addeq2","str_cmp","str_index","str_store_index","gstr_store_index","str_range","str_range_from","str_range_big","arr_empty","arr_agg3","arr_agg10","map_empty","map_agg2","arr_index","arr_store","garr_store","garr_index","arr_index2","arr_store2","arr_inc_elt","arr_addeq_elt","map_index","map_store","gmap_store","arr_add","arr_add_big","arr_addeq","arr_sub","arr_and","arr_or","arr_xor","arr_range","arr_range_from","arr_eq","map_add","map_sub","map_and","sizeof_arr","strlen","if_true","if_false","andand","ternary","for10","for10_body","while10","do10","forever_break","while1_break","continue10","while_continue","nested_loops","switch_int","switch_range","switch_str","goto_back","call0","call1","call3","call_varargs_missing","call_ellipsis","call_locals","call_static","call_recursive10","call_other_obj","call_other_arrow","call_other_missing","call_other_static","catch_ok","catch_err","catch_err_nested","catch_div0","catch_block","catch_block_err","atomic_call","atomic_inside","atomic_inside_odd","atomic_loop","atomic_err","atomic_remaining_odd","rlimits_nested","rlimits_nested_ticks","rlimits_inner_read","rlimits_inner_zero_read","oot_loop","oot_loop_global","oot_calls","oot_calls_odd","oot_msg","oot_remaining","oot_kfun_then_call","oot_call_at_100","kf_allocate10","kf_allocate500","kf_allocate_int","kf_explode","kf_explode_big","kf_implode","kf_implode_big","kf_map_indices","kf_map_values","kf_map_sizeof","kf_sscanf","kf_sscanf_lit","kf_random","kf_time","kf_ctime","kf_millitime","kf_this_object","kf_previous_object","kf_function_object","kf_find_object","kf_object_name","kf_typeof","kf_status_full","kf_status_obj","kf_status_obj_idx","kf_call_trace","kf_call_trace_idx","kf_crypt","kf_md5_small","kf_md5_big","kf_sha1_big","kf_crc32_big","kf_crc16_big","kf_call_out","kf_remove_call_out","kf_sqrt","kf_pow","kf_sin","kf_floor","kf_fabs","kf_exp_log","kf_write_file","kf_read_file","kf_remove_file","kf_get_dir","kf_make_dir","kf_clone","kf_destruct","kf_compile","kf_compile_file","kf_new_object","kf_save_object","kf_to_string_index","kf_error_caught","kf_previous_program","kf_strcmp_eq_nil","kf_instanceof","spread_call","lvalue_assign","inherit_call","map_add_agg","map_sizeof_agg","map_indices_agg","kf_md5_upper","kf_crc32_small","kf_read_file_big","kf_clone_create","kf_sscanf_s","kf_sscanf_d","str_mul_dec","mixed_str_add_int","mixed_int_add_str","mixed_str_add_str","lit_add_mixed","lit_sum_mixed","mixed_addeq_sum","str_addeq_int","str_int_typed_sum","arr_add_typed","arr_addeq_typed","arr_addeq_mixed","garr_addeq_typed","arr_sum3_typed","str_range_sum","str_range_add_lit","str_float_typed","const_str_add","const_str_sum","const_int_str","status_depth","kf_sscanf_skip","rlimits_unlimited_block","rlimits_unlimited_catch","call_varargs_nil","call_ellipsis_none" })
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

/* tick accounting: each case prints the ticks spent between two reads of
 * status()[ST_TICKS] inside rlimits (100; 1000000) */
# define T0 rlimits (100; 1000000) { t0 = status()[23];
# define T1 t1 = status()[23]; } return show(t0 - t1);
int g;
string gs;
mixed *ga;
mapping gm;
float gf;
void f0() { }
int vs(string a, varargs string b) { if (b) return 1; b = "y"; return 0; }
int ve(string a, string b...) { return sizeof(b); }
object obm() { return find_object("/ob") ? find_object("/ob") : compile_object("/ob"); }
string csv(int n) { string s; int i; s = "x"; for (i = 1; i < n; i++) s += ",x"; return s; }
void oot_loop() { int i; rlimits (100; 1000) { for (i = 0; ; i++) ; } }
int f1(int x) { return x; }
int f3(int x, int y, int z) { return x; }
int fv(int x, varargs int y) { return x; }
int fe(int x...) { return 0; }
int fl() { int a, b, c, d, e; return 1; }
static int fs() { return 1; }
atomic int af() { return 1; }
atomic int af_in() { int t0, t1; t0 = status()[23]; t1 = status()[23]; return t0 - t1; }
atomic int af_loop() { int i, t0, t1; t0 = status()[23]; for (i = 0; i < 10; i++) ; t1 = status()[23]; return t0 - t1; }
atomic int af_err() { g = 1; error("boom"); }
int fr(int n) { return n ? fr(n - 1) : 0; }
mixed *arr(int n) { mixed *a; int i; a = allocate(n); for (i = 0; i < n; i++) a[i] = i; return a; }
mapping map(int n) { mapping m; int i; m = ([ ]); for (i = 0; i < n; i++) m[i] = i; return m; }
string str(int n) { string s; s = ""; while (strlen(s) < n) s += "abcdefghij"; return s[.. n - 1]; }
string t_empty() { int t0, t1; T0 T1 }
string t_local_assign() { int t0, t1, a; T0 a = 1; T1 }
string t_local_copy() { int t0, t1, a, b; T0 a = b; T1 }
string t_int_add() { int t0, t1, a, b, c; T0 a = b + c; T1 }
string t_int_add_const() { int t0, t1, a, b; T0 a = b + 3; T1 }
string t_int_mul() { int t0, t1, a, b, c; b = 3; c = 4; T0 a = b * c; T1 }
string t_int_div() { int t0, t1, a, b, c; b = 7; c = 2; T0 a = b / c; T1 }
string t_int_mod() { int t0, t1, a, b, c; b = 7; c = 2; T0 a = b % c; T1 }
string t_int_shift() { int t0, t1, a, b, c; b = 7; c = 2; T0 a = b << c; a = b >> c; T1 }
string t_int_bits() { int t0, t1, a, b, c; b = 7; c = 2; T0 a = b & c; a = b | c; a = b ^ c; a = ~b; T1 }
string t_int_cmp() { int t0, t1, a, b, c; b = 7; c = 2; T0 a = b < c; a = b <= c; a = b > c; a = b >= c; a = b == c; a = b != c; T1 }
string t_int_not_neg() { int t0, t1, a, b; b = 7; T0 a = !b; a = -b; T1 }
string t_int_inc() { int t0, t1, a; T0 a++; T1 }
string t_int_preinc() { int t0, t1, a, b; T0 b = ++a; T1 }
string t_int_postinc_val() { int t0, t1, a, b; T0 b = a++; T1 }
string t_int_dec() { int t0, t1, a; T0 a--; T1 }
string t_int_addeq() { int t0, t1, a; T0 a += 5; T1 }
string t_int_muleq() { int t0, t1, a; T0 a *= 5; T1 }
string t_mixed_add() { int t0, t1; mixed a, b, c; b = 1; c = 2; T0 a = b + c; T1 }
string t_mixed_inc() { int t0, t1; mixed a; a = 1; T0 a++; T1 }
string t_global_read() { int t0, t1, a; T0 a = g; T1 }
string t_global_store() { int t0, t1; T0 g = 1; T1 }
string t_global_inc() { int t0, t1; T0 g++; T1 }
string t_global_addeq() { int t0, t1; T0 g += 2; T1 }
string t_global_copy() { int t0, t1; T0 g = g; T1 }
string t_float_add() { int t0, t1; float a, b, c; b = 1.5; c = 2.5; T0 a = b + c; T1 }
string t_float_mul_div() { int t0, t1; float a, b, c; b = 1.5; c = 2.5; T0 a = b * c; a = b / c; T1 }
string t_float_cmp() { int t0, t1, a; float b, c; b = 1.5; c = 2.5; T0 a = b < c; a = b == c; T1 }
string t_float_inc() { int t0, t1; float a; T0 a++; T1 }
string t_float_neg() { int t0, t1; float a, b; b = 1.0; T0 a = -b; T1 }
string t_float_cast() { int t0, t1, i; float a; i = 3; T0 a = (float) i; T1 }
string t_int_cast() { int t0, t1, i; float a; a = 3.5; T0 i = (int) a; T1 }
string t_string_cast() { int t0, t1, i; string s; i = 3; T0 s = (string) i; T1 }
string t_str_add() { int t0, t1; string a, b, c; b = "ab"; c = "cd"; T0 a = b + c; T1 }
string t_str_add_big() { int t0, t1; string a, b, c; b = str(5000); c = str(5000); T0 a = b + c; T1 }
string t_str_add_int() { int t0, t1, i; string a, b; b = "ab"; i = 5; T0 a = b + i; T1 }
string t_int_add_str() { int t0, t1, i; string a, b; b = "ab"; i = 5; T0 a = i + b; T1 }
string t_str_add_float() { int t0, t1; float f; string a, b; b = "ab"; f = 1.5; T0 a = b + f; T1 }
string t_str_sum3() { int t0, t1; string a, b, c, d; b = "a"; c = "b"; d = "c"; T0 a = b + c + d; T1 }
string t_str_sum5() { int t0, t1, i; string a, b, c; b = "a"; c = "b"; i = 3; T0 a = b + "x" + c + i + "y"; T1 }
string t_str_addeq() { int t0, t1; string a; a = "x"; T0 a += "y"; T1 }
string t_str_addeq2() { int t0, t1; string a, b; a = "x"; b = "z"; T0 a += "y" + b; T1 }
string t_str_cmp() { int t0, t1, a; string b, c; b = "ab"; c = "cd"; T0 a = b < c; a = b == c; a = b != c; T1 }
string t_str_index() { int t0, t1, a; string b; b = "abcdef"; T0 a = b[2]; T1 }
string t_str_store_index() { int t0, t1; string b; b = "abcdef"; T0 b[2] = 'x'; T1 }
string t_gstr_store_index() { int t0, t1; gs = "abcdef"; T0 gs[2] = 'x'; T1 }
string t_str_range() { int t0, t1; string a, b; b = "abcdef"; T0 a = b[1 .. 3]; T1 }
string t_str_range_from() { int t0, t1; string a, b; b = "abcdef"; T0 a = b[1 ..]; T1 }
string t_str_range_big() { int t0, t1; string a, b; b = str(5000); T0 a = b[1 .. 4000]; T1 }
string t_arr_empty() { int t0, t1; mixed *a; T0 a = ({ }); T1 }
string t_arr_agg3() { int t0, t1; mixed *a; T0 a = ({ 1, 2, 3 }); T1 }
string t_arr_agg10() { int t0, t1; mixed *a; T0 a = ({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }); T1 }
string t_map_empty() { int t0, t1; mapping m; T0 m = ([ ]); T1 }
string t_map_agg2() { int t0, t1; mapping m; T0 m = ([ 1 : 2, 3 : 4 ]); T1 }
string t_arr_index() { int t0, t1, i; mixed *a; a = ({ 1, 2, 3 }); T0 i = a[1]; T1 }
string t_arr_store() { int t0, t1; mixed *a; a = ({ 1, 2, 3 }); T0 a[1] = 5; T1 }
string t_garr_store() { int t0, t1; ga = ({ 1, 2, 3 }); T0 ga[1] = 5; T1 }
string t_garr_index() { int t0, t1, i; ga = ({ 1, 2, 3 }); T0 i = ga[1]; T1 }
string t_arr_index2() { int t0, t1, i; mixed *a; a = ({ ({ 1, 2 }), 3 }); T0 i = a[0][1]; T1 }
string t_arr_store2() { int t0, t1; mixed *a; a = ({ ({ 1, 2 }), 3 }); T0 a[0][1] = 7; T1 }
string t_arr_inc_elt() { int t0, t1; mixed *a; a = ({ 1, 2, 3 }); T0 a[1]++; T1 }
string t_arr_addeq_elt() { int t0, t1; mixed *a; a = ({ 1, 2, 3 }); T0 a[1] += 4; T1 }
string t_map_index() { int t0, t1, i; mapping m; m = ([ 1 : 2 ]); T0 i = m[1]; T1 }
string t_map_store() { int t0, t1; mapping m; m = ([ 1 : 2 ]); T0 m[3] = 4; T1 }
string t_gmap_store() { int t0, t1; gm = ([ 1 : 2 ]); T0 gm[3] = 4; T1 }
string t_arr_add() { int t0, t1; mixed *a, b, c; b = arr(3); c = arr(4); T0 a = b + c; T1 }
string t_arr_add_big() { int t0, t1; mixed *a, b, c; b = arr(100); c = arr(200); T0 a = b + c; T1 }
string t_arr_addeq() { int t0, t1; mixed *a; a = arr(10); T0 a += ({ 1 }); T1 }
string t_arr_sub() { int t0, t1; mixed *a, b, c; b = arr(30); c = arr(20); T0 a = b - c; T1 }
string t_arr_and() { int t0, t1; mixed *a, b, c; b = arr(30); c = arr(20); T0 a = b & c; T1 }
string t_arr_or() { int t0, t1; mixed *a, b, c; b = arr(30); c = arr(20); T0 a = b | c; T1 }
string t_arr_xor() { int t0, t1; mixed *a, b, c; b = arr(30); c = arr(20); T0 a = b ^ c; T1 }
string t_arr_range() { int t0, t1; mixed *a, b; b = arr(50); T0 a = b[10 .. 29]; T1 }
string t_arr_range_from() { int t0, t1; mixed *a, b; b = arr(50); T0 a = b[10 ..]; T1 }
string t_arr_eq() { int t0, t1, i; mixed *b, c; b = arr(5); c = b; T0 i = b == c; T1 }
string t_map_add() { int t0, t1; mapping a, b, c; b = map(10); c = map(5); T0 a = b + c; T1 }
string t_map_sub() { int t0, t1; mapping a, b; b = map(10); T0 a = b - ({ 1, 2 }); T1 }
string t_map_and() { int t0, t1; mapping a, b; b = map(10); T0 a = b & ({ 1, 2 }); T1 }
string t_sizeof_arr() { int t0, t1, i; mixed *a; a = arr(20); T0 i = sizeof(a); T1 }
string t_strlen() { int t0, t1, i; string s; s = str(100); T0 i = strlen(s); T1 }
string t_if_true() { int t0, t1, a, b; b = 1; T0 if (b) a = 1; else a = 2; T1 }
string t_if_false() { int t0, t1, a, b; T0 if (b) a = 1; else a = 2; T1 }
string t_andand() { int t0, t1, a, b, c; b = 1; c = 2; T0 a = b && c; T1 }
string t_ternary() { int t0, t1, a, b; b = 1; T0 a = b ? 3 : 4; T1 }
string t_for10() { int t0, t1, i; T0 for (i = 0; i < 10; i++) ; T1 }
string t_for10_body() { int t0, t1, i, a; T0 for (i = 0; i < 10; i++) a += i; T1 }
string t_while10() { int t0, t1, i; T0 while (i < 10) i++; T1 }
string t_do10() { int t0, t1, i; T0 do { i++; } while (i < 10); T1 }
string t_forever_break() { int t0, t1, i; T0 for (;;) { if (++i == 10) break; } T1 }
string t_while1_break() { int t0, t1, i; T0 while (1) { if (++i == 10) break; } T1 }
string t_continue10() { int t0, t1, i, a; T0 for (i = 0; i < 10; i++) { if (i & 1) continue; a++; } T1 }
string t_while_continue() { int t0, t1, i, a; T0 while (i < 10) { i++; if (i & 1) continue; a++; } T1 }
string t_nested_loops() { int t0, t1, i, j; T0 for (i = 0; i < 5; i++) for (j = 0; j < 5; j++) ; T1 }
string t_switch_int() { int t0, t1, a, b; b = 2; T0 switch (b) { case 1: a = 1; break; case 2: a = 2; break; default: a = 3; } T1 }
string t_switch_range() { int t0, t1, a, b; b = 7; T0 switch (b) { case 1..5: a = 1; break; case 6..9: a = 2; break; } T1 }
string t_switch_str() { int t0, t1, a; string b; b = "y"; T0 switch (b) { case "x": a = 1; break; case "y": a = 2; break; } T1 }
string t_goto_back() { int t0, t1, i; T0 again: if (++i < 10) goto again; T1 }
string t_call0() { int t0, t1; T0 f0(); T1 }
string t_call1() { int t0, t1, a; T0 a = f1(3); T1 }
string t_call3() { int t0, t1, a; T0 a = f3(1, 2, 3); T1 }
string t_call_varargs_missing() { int t0, t1, a; T0 a = fv(1); T1 }
string t_call_ellipsis() { int t0, t1, a; T0 a = fe(1, 2, 3, 4); T1 }
string t_call_locals() { int t0, t1, a; T0 a = fl(); T1 }
string t_call_static() { int t0, t1, a; T0 a = fs(); T1 }
string t_call_recursive10() { int t0, t1, a; T0 a = fr(10); T1 }
string t_call_other_obj() { int t0, t1; object o; o = this_object(); T0 call_other(o, "f0"); T1 }
string t_call_other_arrow() { int t0, t1; object o; o = this_object(); T0 o->f1(2); T1 }
string t_call_other_missing() { int t0, t1; object o; o = this_object(); T0 o->nosuch(); T1 }
string t_call_other_static() { int t0, t1; object o; o = this_object(); T0 o->fs(); T1 }
string t_catch_ok() { int t0, t1, a; T0 catch(a = 1); T1 }
string t_catch_err() { int t0, t1; T0 catch(error("x")); T1 }
string t_catch_err_nested() { int t0, t1; T0 catch { catch(error("x")); error("y"); } T1 }
string t_catch_div0() { int t0, t1, a, z; T0 catch(a = 1 / z); T1 }
string t_catch_block() { int t0, t1, a; T0 catch { a = 1; } : { a = 2; } T1 }
string t_catch_block_err() { int t0, t1, a; T0 catch { error("x"); } : { a = 2; } T1 }
string t_atomic_call() { int t0, t1, a; T0 a = af(); T1 }
string t_atomic_inside() { int a; rlimits (100; 1000000) { a = af_in(); } return show(a); }
string t_atomic_inside_odd() { int a; rlimits (100; 1000001) { a = af_in(); } return show(a); }
string t_atomic_loop() { int a; rlimits (100; 1000000) { a = af_loop(); } return show(a); }
string t_atomic_err() { int t0, t1; T0 catch(af_err()); T1 }
string t_atomic_remaining_odd() { int a; rlimits (100; 1001) { af(); a = status()[23]; } return show(a); }
string t_rlimits_nested() { int t0, t1; T0 rlimits (0; 500) { g = 1; } T1 }
string t_rlimits_nested_ticks() { int t0, t1; T0 rlimits (50; 500) { g = 1; } T1 }
string t_rlimits_inner_read() { int a; rlimits (100; 100000) { rlimits (100; 500) { a = status()[23]; } } return show(a); }
string t_rlimits_inner_zero_read() { int a, b; rlimits (100; 100000) { b = status()[23]; rlimits (100; 0) { a = status()[23]; } } return show(b - a); }
string t_oot_loop() { int i; catch { rlimits (100; 1000) { for (i = 0; ; i++) ; } } return show(i); }
string t_oot_loop_global() { int i; catch { rlimits (100; 1000) { for (i = 0; ; i++) g = i; } } return show(i); }
string t_oot_calls() { int i; catch { rlimits (100; 1000) { for (i = 0; ; i++) f0(); } } return show(i); }
string t_oot_calls_odd() { int i; catch { rlimits (100; 1003) { for (i = 0; ; i++) f0(); } } return show(i); }
string t_oot_msg() { int i; string e; e = catch(oot_loop()); return e; }
string t_oot_remaining() { int a, i; rlimits (100; 100000) { catch { rlimits (100; 1000) { for (i = 0; ; i++) ; } } a = status()[23]; } return show(100000 - a); }
string t_oot_kfun_then_call() { int i; string s; string *a; a = explode(csv(900), ","); catch { rlimits (100; 950) { s = implode(a, ","); i = 1; f0(); i = 2; } } return show(i); }
string t_oot_call_at_100() { int i; catch { rlimits (100; 160) { i = 1; f0(); i = 2; f0(); i = 3; } } return show(i); }
string t_kf_allocate10() { int t0, t1; mixed *a; T0 a = allocate(10); T1 }
string t_kf_allocate500() { int t0, t1; mixed *a; T0 a = allocate(500); T1 }
string t_kf_allocate_int() { int t0, t1; int *a; T0 a = allocate_int(50); T1 }
string t_kf_explode() { int t0, t1; string *a; string s; s = "a,b,c,d"; T0 a = explode(s, ","); T1 }
string t_kf_explode_big() { int t0, t1; string *a; string s; s = csv(300); T0 a = explode(s, ","); T1 }
string t_kf_implode() { int t0, t1; string *a; string s; a = ({ "a", "b", "c" }); T0 s = implode(a, ","); T1 }
string t_kf_implode_big() { int t0, t1; string *a; string s; a = explode(csv(300), ","); T0 s = implode(a, ","); T1 }
string t_kf_map_indices() { int t0, t1; mixed *a; mapping m; m = map(30); T0 a = map_indices(m); T1 }
string t_kf_map_values() { int t0, t1; mixed *a; mapping m; m = map(30); T0 a = map_values(m); T1 }
string t_kf_map_sizeof() { int t0, t1, i; mapping m; m = map(30); T0 i = map_sizeof(m); T1 }
string t_kf_sscanf() { int t0, t1, i, j; string s; s = "12 abc 34"; T0 sscanf(s, "%d %s %d", i, s, j); T1 }
string t_kf_sscanf_lit() { int t0, t1, i; string s; s = "abc"; T0 i = sscanf(s, "abc"); T1 }
string t_kf_random() { int t0, t1, i; T0 i = random(10); T1 }
string t_kf_time() { int t0, t1, i; T0 i = time(); T1 }
string t_kf_ctime() { int t0, t1; string s; T0 s = ctime(0); T1 }
string t_kf_millitime() { int t0, t1; mixed *a; T0 a = millitime(); T1 }
string t_kf_this_object() { int t0, t1; object o; T0 o = this_object(); T1 }
string t_kf_previous_object() { int t0, t1; object o; T0 o = previous_object(); T1 }
string t_kf_function_object() { int t0, t1; string s; T0 s = function_object("f0", this_object()); T1 }
string t_kf_find_object() { int t0, t1; object o; obm(); T0 o = find_object("/ob"); T1 }
string t_kf_object_name() { int t0, t1; string s; T0 s = object_name(this_object()); T1 }
string t_kf_typeof() { int t0, t1, i; mixed a; T0 i = typeof(a); T1 }
string t_kf_status_full() { int t0, t1; mixed *a; T0 a = status(); T1 }
string t_kf_status_obj() { int t0, t1; mixed *a; T0 a = status(this_object()); T1 }
string t_kf_status_obj_idx() { int t0, t1, i; T0 i = status(this_object())[0]; T1 }
string t_kf_call_trace() { int t0, t1; mixed *a; T0 a = call_trace(); T1 }
string t_kf_call_trace_idx() { int t0, t1; mixed *a; T0 a = call_trace()[0]; T1 }
string t_kf_crypt() { int t0, t1; string s; T0 s = crypt("secret", "ab"); T1 }
string t_kf_md5_small() { int t0, t1; string s; T0 s = hash_string("md5", "abc"); T1 }
string t_kf_md5_big() { int t0, t1; string s, b; b = str(5000); T0 s = hash_string("md5", b); T1 }
string t_kf_sha1_big() { int t0, t1; string s, b; b = str(5000); T0 s = hash_string("sha1", b); T1 }
string t_kf_crc32_big() { int t0, t1, i; string b; b = str(5000); T0 i = hash_crc32(b); T1 }
string t_kf_crc16_big() { int t0, t1, i; string b; b = str(5000); T0 i = hash_crc16(b); T1 }
string t_kf_call_out() { int t0, t1, h; T0 h = call_out("f0", 100, 1, 2); T1 remove_call_out(h); }
string t_kf_remove_call_out() { int t0, t1, h; h = call_out("f0", 100); T0 remove_call_out(h); T1 }
string t_kf_sqrt() { int t0, t1; float f; T0 f = sqrt(2.0); T1 }
string t_kf_pow() { int t0, t1; float f; T0 f = pow(2.0, 3.0); T1 }
string t_kf_sin() { int t0, t1; float f; T0 f = sin(2.0); T1 }
string t_kf_floor() { int t0, t1; float f; T0 f = floor(2.5); T1 }
string t_kf_fabs() { int t0, t1; float f; T0 f = fabs(-2.5); T1 }
string t_kf_exp_log() { int t0, t1; float f; T0 f = exp(1.0); f = log(2.0); T1 }
string t_kf_write_file() { int t0, t1; T0 write_file("/tk.txt", "hello"); T1 remove_file("/tk.txt"); }
string t_kf_read_file() { int t0, t1; string s; write_file("/tk.txt", "hello world"); T0 s = read_file("/tk.txt"); T1 remove_file("/tk.txt"); }
string t_kf_remove_file() { int t0, t1; write_file("/tk.txt", "x"); T0 remove_file("/tk.txt"); T1 }
string t_kf_get_dir() { int t0, t1; mixed **a; T0 a = get_dir("/ob.c"); T1 }
string t_kf_make_dir() { int t0, t1; T0 make_dir("/tkdir"); T1 remove_dir("/tkdir"); }
string t_kf_clone() { int t0, t1; object o; T0 o = clone_object(obm()); T1 destruct_object(o); }
string t_kf_destruct() { int t0, t1; object o; o = clone_object(obm()); T0 destruct_object(o); T1 }
string t_kf_compile() { int t0, t1; T0 compile_object("/tkc", "int x; int f() { return x; }"); T1 }
string t_kf_compile_file() { int t0, t1; write_file("/tkf.c", "int x; int f() { return x; }\n"); T0 compile_object("/tkf"); T1 }
string t_kf_new_object() { int t0, t1; object o; compile_object("/tkl", "int x; int f() { return x; }"); T0 o = new_object(find_object("/tkl")); T1 }
string t_kf_save_object() { int t0, t1; T0 save_object("/tk.o"); T1 remove_file("/tk.o"); }
string t_kf_to_string_index() { int t0, t1; string s; T0 s = "abc"[1..1]; T1 }
string t_kf_error_caught() { int t0, t1; string e; T0 e = catch(error("abc")); T1 }
string t_kf_previous_program() { int t0, t1; string s; T0 s = previous_program(); T1 }
string t_kf_strcmp_eq_nil() { int t0, t1, i; string s; T0 i = s == nil; T1 }
string t_kf_instanceof() { int t0, t1, i; object o; o = this_object(); T0 i = o <- "/t"; T1 }
string t_spread_call() { int t0, t1, i; mixed *a; a = ({ 1, 2, 3 }); T0 i = f3(a...); T1 }
string t_lvalue_assign() { int t0, t1, i, j; T0 ({ i, j }) = ({ 1, 2 }); T1 }
string t_inherit_call() { string r; remove_file("/tki.c"); remove_file("/tku.c"); write_file("/tki.c", "int f() { return 1; }\n"); write_file("/tku.c", "inherit \"/tki\";\nint g() { int t0, t1; rlimits (100; 1000000) { t0 = status()[23]; f(); t1 = status()[23]; } return t0 - t1; }\nint h() { int t0, t1; rlimits (100; 1000000) { t0 = status()[23]; ::f(); t1 = status()[23]; } return t0 - t1; }\n"); r = show(compile_object("/tku")->g()) + " " + show(find_object("/tku")->h()); return r; }
string t_map_add_agg() { int t0, t1; mapping a, b, c; b = ([ 1 : 2, 3 : 4, 5 : 6 ]); c = ([ 7 : 8 ]); T0 a = b + c; T1 }
string t_map_sizeof_agg() { int t0, t1, i; mapping b; b = ([ 1 : 2, 3 : 4, 5 : 6 ]); T0 i = map_sizeof(b); T1 }
string t_map_indices_agg() { int t0, t1; mixed *a; mapping b; b = ([ 1 : 2, 3 : 4, 5 : 6 ]); T0 a = map_indices(b); T1 }
string t_kf_md5_upper() { int t0, t1; string s, b; b = str(5000); T0 s = hash_string("MD5", b); T1 }
string t_kf_crc32_small() { int t0, t1, i; T0 i = hash_crc32("abc"); T1 }
string t_kf_read_file_big() { int t0, t1; string s; write_file("/tk.txt", str(3000)); T0 s = read_file("/tk.txt"); T1 remove_file("/tk.txt"); }
string t_kf_clone_create() { int t0, t1; object o; compile_object("/tkcc", "int x; void create() { x = 1; }"); T0 o = clone_object(find_object("/tkcc")); T1 destruct_object(o); }
string t_kf_sscanf_s() { int t0, t1; string s, a, b; s = "abc def"; T0 sscanf(s, "%s %s", a, b); T1 }
string t_kf_sscanf_d() { int t0, t1, i; string s; s = "12"; T0 sscanf(s, "%d", i); T1 }
string t_str_mul_dec() { int t0, t1; string s; s = "abc"; T0 s = s[0 .. 1] + s[2 ..]; T1 }
string t_mixed_str_add_int() { int t0, t1; mixed a, b, c; b = "ab"; c = 5; T0 a = b + c; T1 }
string t_mixed_int_add_str() { int t0, t1; mixed a, b, c; b = "ab"; c = 5; T0 a = c + b; T1 }
string t_mixed_str_add_str() { int t0, t1; mixed a, b, c; b = "ab"; c = "cd"; T0 a = b + c; T1 }
string t_lit_add_mixed() { int t0, t1; mixed a, c; c = 5; T0 a = "x" + c; T1 }
string t_lit_sum_mixed() { int t0, t1; mixed a, c; c = 5; T0 a = "x" + c + ","; T1 }
string t_mixed_addeq_sum() { int t0, t1; mixed a, c; a = ""; c = 5; T0 a += "x" + c + ","; T1 }
string t_str_addeq_int() { int t0, t1, i; string a; a = "x"; i = 3; T0 a += i; T1 }
string t_str_int_typed_sum() { int t0, t1, i, j; string a; i = 3; j = 4; T0 a = "x" + i + j; T1 }
string t_arr_add_typed() { int t0, t1; int *a, *b; b = ({ 1, 2 }); T0 a = b + ({ 3 }); T1 }
string t_arr_addeq_typed() { int t0, t1; int *a; a = ({ 1, 2 }); T0 a += ({ 3, 4 }); T1 }
string t_arr_addeq_mixed() { int t0, t1; mixed a; a = ({ 1, 2 }); T0 a += ({ 3, 4 }); T1 }
string t_garr_addeq_typed() { int t0, t1; ga = ({ 1, 2 }); T0 ga += ({ 3 }); T1 }
string t_arr_sum3_typed() { int t0, t1; int *a, *b, *c; b = ({ 1, 2 }); c = ({ 3 }); T0 a = b + c + b; T1 }
string t_str_range_sum() { int t0, t1; string a, b; b = "abcdef"; T0 a = b[0 .. 1] + b[3 ..]; T1 }
string t_str_range_add_lit() { int t0, t1; string a, b; b = "abcdef"; T0 a = b[0 .. 1] + "x"; T1 }
string t_str_float_typed() { int t0, t1; float f; string a; f = 1.5; T0 a = "x" + f; T1 }
string t_const_str_add() { int t0, t1; string a; T0 a = "%*s" + "/lib/"; T1 }
string t_const_str_sum() { int t0, t1; string a, b; b = "x"; T0 a = b + "a" + "b"; T1 }
string t_const_int_str() { int t0, t1; string a; T0 a = "a" + 12; T1 }
string t_status_depth() { int t0, t1, d; T0 d = status()[20]; T1 }
string t_kf_sscanf_skip() { int t0, t1, i; T0 i = sscanf("/usr/admin/t", "%*s/lib/"); i = sscanf("/kernel/x", "/kernel/%*s"); T1 }
string t_rlimits_unlimited_block() { int t0, t1; T0 rlimits (-1; -1) { catch { f0(); g = 1; } } T1 }
string t_rlimits_unlimited_catch() { int t0, t1; T0 catch { rlimits (-1; -1) { f0(); g = 1; } } T1 }
string t_call_varargs_nil() { int t0, t1; T0 vs("x"); T1 }
string t_call_ellipsis_none() { int t0, t1; T0 ve("x"); T1 }
