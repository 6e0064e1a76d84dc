# define CASES ({ "str_index_neg","str_index_oob","str_range","str_range_oob","str_range_neg","str_assign_char","str_char_256","str_compare","strlen_nul","explode","explode_all_sep","implode","arr_add","arr_sub","arr_and","arr_or","arr_xor","arr_index_neg","arr_index_oob","arr_range","arr_range_oob","arr_alias","arr_range_copy","arr_equal","allocate","allocate_neg","allocate_big","sizeof","arr_compound","arr_sub_nested","arr_sort_via_map","string_plus_nil","nil_plus_string","int_plus_nil","arr_plus_nil","str_index_assign_oob","arr_assign_oob","arr_of_arr_and","strlen_typeerr","index_int","call_nil","chained_range" })
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

string t_str_index_neg() { string s; s = "abc"; return show(s[-1]); }
string t_str_index_oob() { string s; s = "abc"; return show(s[3]); }
string t_str_range() { string s; s = "abcdef"; return show(s[1..3]) + show(s[..1]) + show(s[4..]) + show(s[3..2]); }
string t_str_range_oob() { string s; s = "abc"; return show(s[1..5]); }
string t_str_range_neg() { string s; s = "abc"; return show(s[-1..1]); }
string t_str_assign_char() { string s, t; s = "abc"; t = s; s[1] = 'X'; return show(s) + show(t); }
string t_str_char_256() { string s; s = "abc"; s[0] = 256 + 65; return show(s); }
string t_str_compare() { return show("abc" < "abd") + show("B" < "a") + show("" < "a") + show("ab" > "a"); }
string t_strlen_nul() { return show(strlen("a\0b")); }
string t_explode() { return show(explode("a,b,,c", ",")) + show(explode(",a,", ",")) + show(explode("", ",")) + show(explode("abc", "")); }
string t_explode_all_sep() { return show(explode(",,,", ",")); }
string t_implode() { return show(implode(({ "a", "b", "c" }), ", ")) + show(implode(({ }), "x")); }
string t_arr_add() { return show(({ 1, 2 }) + ({ 2, 3 })); }
string t_arr_sub() { return show(({ 1, 2, 2, 3, 1 }) - ({ 1 })); }
string t_arr_and() { return show(({ 1, 2, 2, 3 }) & ({ 2, 3, 4 })); }
string t_arr_or() { return show(({ 1, 2, 2 }) | ({ 2, 3, 3 })); }
string t_arr_xor() { return show(({ 1, 2, 2 }) ^ ({ 2, 3, 3 })); }
string t_arr_index_neg() { return show(({ 1, 2, 3 })[-1]); }
string t_arr_index_oob() { return show(({ 1, 2, 3 })[3]); }
string t_arr_range() { mixed *a; a = ({ 1, 2, 3, 4 }); return show(a[1..2]) + show(a[2..1]) + show(a[..0]) + show(a[3..]); }
string t_arr_range_oob() { return show(({ 1, 2 })[0..2]); }
string t_arr_alias() { mixed *a, b; a = ({ 1, 2 }); b = a; b[0] = 9; return show(a); }
string t_arr_range_copy() { mixed *a, b; a = ({ 1, 2 }); b = a[..]; b[0] = 9; return show(a) + show(b); }
string t_arr_equal() { return show(({ 1 }) == ({ 1 })); }
string t_allocate() { return show(allocate(3)) + show(allocate_int(2)) + show(allocate_float(2)); }
string t_allocate_neg() { return show(allocate(-1)); }
string t_allocate_big() { return show(sizeof(allocate(1001))); }
string t_sizeof() { return show(sizeof(({ }))) + show(sizeof(({ 1, ({ 2, 3 }) }))); }
string t_arr_compound() { int *a; a = ({ 1, 2 }); a[1] += 5; a += ({ 3 }); return show(a); }
string t_arr_sub_nested() { return show(({ ({ 1 }), 2 }) - ({ ({ 1 }) })); }
string t_arr_sort_via_map() { return show(map_indices(([ 5:0, 1:0, 3:0 ]))); }
string t_string_plus_nil() { string s; return show(s + "x"); }
string t_nil_plus_string() { string s; return show("x" + s); }
string t_int_plus_nil() { int *a; mixed x; return show(1 + x); }
string t_arr_plus_nil() { mixed *a; return show(({ 1 }) + a); }
string t_str_index_assign_oob() { string s; s = "ab"; s[2] = 'c'; return show(s); }
string t_arr_assign_oob() { mixed *a; a = ({ 1 }); a[1] = 2; return show(a); }
string t_arr_of_arr_and() { mixed *x; x = ({ 1 }); return show(({ x, 2 }) & ({ x })); }
string t_strlen_typeerr() { mixed x; x = 5; return show(strlen(x)); }
string t_index_int() { mixed x; x = 5; return show(x[0]); }
string t_call_nil() { mixed x; return show(x->foo()); }
string t_chained_range() { return show("abcdef"[1..4][1..2]); }
