# define CASES ({ "s_minimal","s_then_literal","s_last","s_empty","s_then_d","d_neg","d_fail","d_overflow","skip","skip_d","f","f_int","c","percent","literal_mismatch","partial","no_match_tail","two_s_adjacent","whitespace_d","space_in_format","s_before_d_min","x_hex","bad_format","too_few_args","multiple_literal","s_repeated_sep","newline","one_lvalue_two_conv","star_no_lvalues","store_order_type_error","store_order_index" })
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

string t_s_minimal() { string a, b; int n; n = sscanf("hello world", "%s %s", a, b); return show(n) + show(a) + show(b); }
string t_s_then_literal() { string a, b; sscanf("a.b.c", "%s.%s", a, b); return show(a) + show(b); }
string t_s_last() { string a; int n; n = sscanf("abc", "%s", a); return show(n) + show(a); }
string t_s_empty() { string a, b; int n; n = sscanf("", "%s", a); return show(n) + show(a); }
string t_s_then_d() { string a; int d, n; n = sscanf("abc123def", "%s%d%s", a, d, a); return show(n) + show(a) + show(d); }
string t_d_neg() { int a, b, n; n = sscanf("-12 +5", "%d %d", a, b); return show(n) + show(a) + show(b); }
string t_d_fail() { int a, n; n = sscanf("abc", "%d", a); return show(n) + show(a); }
string t_d_overflow() { int a, n; n = sscanf("99999999999", "%d", a); return show(n) + show(a); }
string t_skip() { int a, n; n = sscanf("x 12 y", "x %*s %d", a); return show(n); }
string t_skip_d() { string s; int n; n = sscanf("12 abc", "%*d %s", s); return show(n) + show(s); }
string t_f() { float f; int n; n = sscanf("3.5e2x", "%f", f); return show(n) + show(f); }
string t_f_int() { float f; int n; n = sscanf("7", "%f", f); return show(n) + show(f); }
string t_c() { int c, n; n = sscanf("AB", "%c", c); return show(n) + show(c); }
string t_percent() { int a, n; n = sscanf("50%", "%d%%", a); return show(n) + show(a); }
string t_literal_mismatch() { string a; int n; n = sscanf("abc", "x%s", a); return show(n) + show(a); }
string t_partial() { string a, b; int n; n = sscanf("key=", "%s=%s", a, b); return show(n) + show(a) + show(b); }
string t_no_match_tail() { string a, b; int n; n = sscanf("key", "%s=%s", a, b); return show(n) + show(a); }
string t_two_s_adjacent() { string a, b; int n; n = sscanf("abcdef", "%s%s", a, b); return show(n) + show(a) + show(b); }
string t_whitespace_d() { int a, n; n = sscanf("   42", "%d", a); return show(n) + show(a); }
string t_space_in_format() { int a, b, n; n = sscanf("1    2", "%d %d", a, b); return show(n) + show(a) + show(b); }
string t_s_before_d_min() { string a; int d, n; n = sscanf("x1y2", "%s%d", a, d); return show(n) + show(a) + show(d); }
string t_x_hex() { int a, n; n = sscanf("ff", "%x", a); return show(n) + show(a); }
string t_bad_format() { int n; string a; n = sscanf("abc", "%q", a); return show(n); }
string t_too_few_args() { int n; n = sscanf("a b", "%s %s"); return show(n); }
string t_multiple_literal() { string a; int n; n = sscanf("<<x>>", "<<%s>>", a); return show(n) + show(a); }
string t_s_repeated_sep() { string a, b; sscanf("a::b::c", "%s::%s", a, b); return show(a) + show(b); }
string t_newline() { string a, b; int n; n = sscanf("line1\nline2", "%s\n%s", a, b); return show(n) + show(a) + show(b); }
string t_one_lvalue_two_conv() { string a; int n; mixed e; e = catch(n = sscanf("a b", "%s %s", a)); return show(e) + show(n) + show(a); }
string t_star_no_lvalues() { return show(sscanf("a b", "%s %*s")); }
string t_store_order_type_error() { string a, b; mixed e; e = catch(sscanf("1 2", "%d %s", a, b)); return show(e) + show(a) + show(b); }
int counter;
int next() { return counter++; }
string t_store_order_index() { mixed *arr; int n; arr = allocate(4); counter = 0; n = sscanf("x y", "%s %s", arr[next()], arr[next()]); return show(n) + show(arr); }
