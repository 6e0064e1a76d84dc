# define CASES ({ "atomic_nested","atomic_catch_nested","atomic_oot_loop","atomic_rlimits_inside","atomic_after_odd","atomic_oot_calls","lwo_new","lwo_call","garr_inc_elt","call_other_string","str_index_mixed","neg_range","explode_empty_sep","lvalue_assign_global","lvalue_assign_elt","colon_status_idx","colon_find_object","oot_md5","oot_crc32","oot_crc32_ok","str_add_const_int","str_sum_const_int","str_sum_const_float","str_addeq_const_int","str_sum_nested_paren","str_sum_call","str_add_const_float","nesting_mix","nest1","nest2","nest3","nest4","nest5","nest6","nest7","wr","cast_string_typed","cast_string_mixed","cast_string_mixed_float","str_addeq_mixed" })
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

/* tick accounting, part 2 (DGD limits the functions in one program) */
# define T0 rlimits (100; 1000000) { t0 = status()[23];
# define T1 t1 = status()[23]; } return show(t0 - t1);
int g;
mixed *ga;
void f0() { }
object obm() { return find_object("/ob") ? find_object("/ob") : compile_object("/ob"); }
atomic int af() { return 1; }
string out;
void wr(mixed v) { if (typeof(v) == 3) out += v; else out += "" + v; }
int fn(int n) { catch { if (n > 0) { return n * 10; } } return -1; }
void nest1() { int i; for (i = 0; i < 5; i++) { catch { if (i == 1) continue; if (i == 3) break; wr(i + " "); } } }
void nest2() { int i; for (i = 0; i < 3; i++) { rlimits (-1; 100000) { if (i == 1) continue; wr(i + " "); } } }
void nest3() { int i; catch { for (i = 0; i < 3; i++) { catch { if (i == 2) break; } } error("outer"); } : wr("x"); }
void nest4() { int i; for (i = 0; i < 5; i++) { catch { if (i == 1) continue; } } }
void nest5() { int i; for (i = 0; i < 5; i++) { catch { if (i == 3) break; } } }
void nest6() { int i; for (i = 0; i < 3; i++) { rlimits (-1; 100000) { if (i == 1) continue; } } }
void nest7() { int i; for (i = 0; i < 3; i++) { catch { i += 0; } } }
void nesting() {
    int i; string e;
    out = "";
    for (i = 0; i < 5; i++) { catch { if (i == 1) continue; if (i == 3) break; wr(i + " "); } }
    wr("| " + i);
    for (i = 0; i < 3; i++) { rlimits (-1; 100000) { if (i == 1) continue; wr(i + " "); } }
    wr(fn(2)); wr(fn(0));
    e = catch(error("still caught"));
    wr(e);
    catch { for (i = 0; i < 3; i++) { catch { if (i == 2) break; } } error("outer"); } : wr("outer handler ran");
}
string csv(int n) { return "x"; }
string str(int n) { string s; s = ""; while (strlen(s) < n) s += "abcdefghij"; return s[.. n - 1]; }
int gi;
atomic int af_nest() { int t0, t1; t0 = status()[23]; af(); t1 = status()[23]; return t0 - t1; }
atomic int af_catch_nest() { int t0, t1; t0 = status()[23]; catch(af()); t1 = status()[23]; return t0 - t1; }
atomic int af_oot() { for (gi = 0; ; gi++) ; }
atomic int af_rl() { int a; rlimits (100; 501) { a = status()[23]; } return a; }
atomic void af_calls() { for (gi = 0; ; gi++) f0(); }
string t_atomic_nested() { int a; rlimits (100; 1000000) { a = af_nest(); } return show(a); }
string t_atomic_catch_nested() { int a; rlimits (100; 1000000) { a = af_catch_nest(); } return show(a); }
string t_atomic_oot_loop() { int i; catch { rlimits (100; 1000) { i = af_oot(); } } return show(gi); }
string t_atomic_rlimits_inside() { int a; rlimits (100; 100000) { a = af_rl(); } return show(a); }
string t_atomic_after_odd() { int a; rlimits (100; 1001) { af(); af(); a = status()[23]; } return show(a); }
string t_atomic_oot_calls() { catch { rlimits (100; 1000) { af_calls(); } } return show(gi); }
string t_lwo_new() { int t0, t1; object o; compile_object("/tkl", "int x; int f() { return x; }"); T0 o = new_object(find_object("/tkl")); T1 }
string t_lwo_call() { int t0, t1; object o; compile_object("/tkl2", "int x; int f() { return x; }"); o = new_object(find_object("/tkl2")); T0 o->f(); T1 }
string t_garr_inc_elt() { int t0, t1; ga = ({ 1, 2, 3 }); T0 ga[1]++; T1 }
string t_call_other_string() { int t0, t1; obm(); T0 "/ob"->nosuch(); T1 }
string t_str_index_mixed() { int t0, t1, i; mixed s; s = "abc"; T0 i = s[1]; T1 }
string t_neg_range() { int t0, t1; string a, b; b = "abcdef"; T0 a = b[.. 2]; T1 }
string t_explode_empty_sep() { int t0, t1; string *a; T0 a = explode("abc", ""); T1 }
string t_lvalue_assign_global() { int t0, t1, i; T0 ({ i, g }) = ({ 1, 2 }); T1 }
string t_lvalue_assign_elt() { int t0, t1, i; mixed *a; a = ({ 0, 0 }); T0 ({ i, a[1] }) = ({ 1, 2 }); T1 }
string t_colon_status_idx() { int t0, t1, d; T0 d = ::status()[20]; T1 }
string t_colon_find_object() { int t0, t1; object o; T0 o = ::find_object("/ob"); T1 }
string t_oot_md5() { int i; string s, b; b = str(3000); catch { rlimits (100; 2000) { i = 1; s = hash_string("MD5", b); i = 2; } } return show(i); }
string t_oot_crc32() { int i, j; string b; b = str(3000); catch { rlimits (100; 700) { i = 1; j = hash_crc32(b); i = 2; } } return show(i); }
string t_oot_crc32_ok() { int i, j; string b; b = str(3000); catch { rlimits (100; 800) { i = 1; j = hash_crc32(b); i = 2; } } return show(i); }
string t_str_add_const_int() { int t0, t1; string a, b; b = "x"; T0 a = b + 1; T1 }
string t_str_sum_const_int() { int t0, t1; string a, b; b = "x"; T0 a = b + 1 + "y"; T1 }
string t_str_sum_const_float() { int t0, t1; string a, b; b = "x"; T0 a = b + 1.5 + "y"; T1 }
string t_str_addeq_const_int() { int t0, t1; string a; a = "x"; T0 a += 7; T1 }
string t_str_sum_nested_paren() { int t0, t1; string a, b, c, d; b = "x"; c = "y"; d = "z"; T0 a = b + (c + d); T1 }
string t_str_sum_call() { int t0, t1; string a, b; b = "x"; T0 a = b + csv(1) + b; T1 }
string t_str_add_const_float() { int t0, t1; string a, b; b = "x"; T0 a = b + 1.5; T1 }
string t_nesting_mix() { int t0, t1; T0 nesting(); T1 }
string t_nest1() { int t0, t1; out = ""; T0 nest1(); T1 }
string t_nest2() { int t0, t1; out = ""; T0 nest2(); T1 }
string t_nest3() { int t0, t1; out = ""; T0 nest3(); T1 }
string t_nest4() { int t0, t1; T0 nest4(); T1 }
string t_nest5() { int t0, t1; T0 nest5(); T1 }
string t_nest6() { int t0, t1; T0 nest6(); T1 }
string t_nest7() { int t0, t1; T0 nest7(); T1 }
string t_wr() { int t0, t1; out = ""; T0 wr(1 + " "); T1 }
string t_cast_string_typed() { int t0, t1; string a, b; b = "x"; T0 a = (string) b; T1 }
string t_cast_string_mixed() { int t0, t1; string a; mixed b; b = "x"; T0 a = (string) b; T1 }
string t_cast_string_mixed_float() { int t0, t1; string a; mixed b; b = 1.5; T0 a = (string) b; T1 }
string t_str_addeq_mixed() { int t0, t1; string a; mixed b; a = "x"; b = "y"; T0 a += b; T1 }
