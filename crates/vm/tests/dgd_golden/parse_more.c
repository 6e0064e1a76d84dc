# define CASES ({ "ps_words","ps_no_match","ps_numbers","ps_bad_grammar","ps_literal_tokens","ps_empty_input","ps_ambiguous","explode_multi_char","explode_leading_trailing","implode_nested_err","sscanf_s_s_lit","sscanf_d_s","sscanf_empty_both","sscanf_literal_only","sscanf_trailing_input","sscanf_c_two","sscanf_f_neg","sscanf_f_dot","sscanf_star_s","sscanf_d_plus","sscanf_d_space_sign","mapping_range","mapping_string_range" })
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

string t_ps_words() { return show(parse_string("word = /[a-z]+/\nwhitespace = / /\nS: word S\nS: word", "hello big world")); }
string t_ps_no_match() { return show(parse_string("word = /[a-z]+/\nS: word", "123")); }
string t_ps_numbers() { return show(parse_string("num = /[0-9]+/\nws = /[ ]+/\nL: num\nL: L ',' num", "1,22,333")); }
string t_ps_bad_grammar() { return show(catch(parse_string("S: T", "x"))); }
string t_ps_literal_tokens() { return show(parse_string("S: 'a' 'b'", "ab")); }
string t_ps_empty_input() { return show(parse_string("w = /a/\nS:\nS: S w", "")); }
string t_ps_ambiguous() { return show(parse_string("a = /a/\nS: a\nS: S S", "aaa", 2)); }
string t_explode_multi_char() { return show(explode("a--b----c", "--")); }
string t_explode_leading_trailing() { return show(explode("--a--", "--")); }
string t_implode_nested_err() { return show(catch(implode(({ 1, "a" }), ","))); }
string t_sscanf_s_s_lit() { string a, b; int n; n = sscanf("x=1;y=2", "%s=%s;", a, b); return show(n) + show(a) + show(b); }
string t_sscanf_d_s() { int a; string b; int n; n = sscanf("12abc", "%d%s", a, b); return show(n) + show(a) + show(b); }
string t_sscanf_empty_both() { int n; n = sscanf("", ""); return show(n); }
string t_sscanf_literal_only() { return show(sscanf("abc", "abc")) + show(sscanf("abc", "abd")); }
string t_sscanf_trailing_input() { int a; return show(sscanf("12 rest", "%d", a)) + show(a); }
string t_sscanf_c_two() { int a, b; return show(sscanf("xy", "%c%c", a, b)) + show(a) + show(b); }
string t_sscanf_f_neg() { float f; return show(sscanf("-0.5", "%f", f)) + show(f); }
string t_sscanf_f_dot() { float f; return show(sscanf(".5", "%f", f)) + show(f); }
string t_sscanf_star_s() { string b; return show(sscanf("a b c", "%*s %s", b)) + show(b); }
string t_sscanf_d_plus() { int a; return show(sscanf("+7", "%d", a)) + show(a); }
string t_sscanf_d_space_sign() { int a; return show(sscanf("- 7", "%d", a)) + show(a); }
string t_mapping_range() { mapping m; m = ([ 1:1, 2:2, 3:3, 5:5 ]); return show(m[2..4]) + show(m[..1]); }
string t_mapping_string_range() { mapping m; m = ([ "a":1, "b":2, "c":3 ]); return show(m["b"..]); }
