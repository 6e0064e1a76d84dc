# define CASES ({ "switch_int","switch_range_neg","switch_string","switch_fallthrough","varargs","ellipsis","spread_call","loops","comma_expr","assign_chain","string_escape","nil_compare","int_float_compare","string_index_char","array_in_condition","mixed_add_types","float_int_mult","local_default","global_default","nested_arrays_literal","mapping_literal_dup","sizeof_nil","string_to_char_cmp","neg_zero_int","precedence","short_circuit","inherit_call","inherit_label","private_call","static_call","create_called" })
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

int gv;
int sw(mixed x) { switch (x) { case 1: return 10; case 2..5: return 20; default: return 40; } }
int swi(int x) { switch (x) { case -5..-1: return 1; case 0: return 2; case 1..3: return 3; } return 4; }
string sws(string s) { switch (s) { case "": return "empty"; case "abc": return "abc"; case nil: return "nil"; default: return "other"; } }
int fall(int x) { int r; switch (x) { case 1: r += 1; case 2: r += 2; break; case 3: r += 4; } return r; }
int va(int a, varargs int b) { return a * 10 + b; }
int ell(mixed args...) { return sizeof(args); }
int loop_continue() { int i, s; for (i = 0; i < 10; i++) { if (i % 2) continue; s += i; } return s; }
int do_while() { int i; do { i++; } while (i < 0); return i; }
int while_break() { int i; while (1) { if (++i > 4) break; } return i; }
string t_switch_int() { return show(sw(1)) + show(sw(3)) + show(sw(9)); }
string t_switch_range_neg() { return show(swi(-3)) + show(swi(0)) + show(swi(2)) + show(swi(7)); }
string t_switch_string() { return show(sws("")) + show(sws("abc")) + show(sws("x")) + show(sws(nil)); }
string t_switch_fallthrough() { return show(fall(1)) + show(fall(2)) + show(fall(3)) + show(fall(4)); }
string t_varargs() { return show(va(1)) + " " + show(va(1, 2)); }
string t_ellipsis() { return show(ell()) + show(ell(1, 2, 3)) + show(ell(({ 1, 2 })...)); }
string t_spread_call() { mixed *a; a = ({ 3, 4 }); return show(va(a...)); }
string t_loops() { return show(loop_continue()) + " " + show(do_while()) + " " + show(while_break()); }
string t_comma_expr() { int a, b; a = (b = 2, b + 3); return show(a) + show(b); }
string t_assign_chain() { int a, b, c; a = b = c = 7; return show(a + b + c); }
string t_string_escape() { return show(strlen("\t\r\a\b\f\v\\\"")) + show("\x41\102"); }
string t_nil_compare() { mixed a; return show(a == nil) + show(a == 0); }
string t_int_float_compare() { mixed a, b; a = 1; b = 1.0; return show(a == b); }
string t_string_index_char() { return show("abc"[1]) + show(typeof("abc"[1])); }
string t_array_in_condition() { return show(({ }) ? 1 : 0) + show(([ ]) ? 1 : 0) + show(0.0 ? 1 : 0); }
string t_mixed_add_types() { mixed a, b; a = 1; b = 2.0; return show(catch(a + b)); }
string t_float_int_mult() { mixed a, b; a = 2; b = 1.5; return show(catch(a * b)); }
string t_local_default() { int i; float f; string s; mixed *a; mapping m; object o; return show(({ i, f, s, a, m, o })); }
string t_global_default() { return show(gv); }
string t_nested_arrays_literal() { return show(({ ({ }), ({ ({ 1 }) }), ([ 1:({ 2 }) ]) })); }
string t_mapping_literal_dup() { return show(([ 1:"a", 1:"b" ])); }
string t_sizeof_nil() { mixed a; return show(sizeof(a)); }
string t_string_to_char_cmp() { return show('a' == "a"[0]); }
string t_neg_zero_int() { return show(-0) + show(0 - 0); }
string t_precedence() { return show(1 + 2 * 3 - 4 / 2) + show(1 << 2 + 1) + show(6 & 3 | 8) + show(1 < 2 == 1); }
string t_short_circuit() { int a; a = 0; if (1 || (a = 5)) ; if (0 && (a = 6)) ; return show(a); }
string t_inherit_call() { write_file("/ia.c", "string f() { return \"A\"; } string g() { return f(); }\n"); write_file("/ib.c", "inherit \"/ia\";\nstring f() { return \"B\" + ::f(); }\n"); return show(call_other(compile_object("/ib"), "g")); }
string t_inherit_label() { write_file("/ic.c", "inherit a \"/ia\";\nstring f() { return \"C\" + a::f(); }\n"); return show(call_other(compile_object("/ic"), "g")); }
string t_private_call() { write_file("/ip.c", "private int p() { return 1; } int q() { return p(); }\n"); return show(call_other(compile_object("/ip"), "p")) + show(call_other("/ip", "q")); }
string t_static_call() { write_file("/is.c", "static int s() { return 1; }\n"); return show(call_other(compile_object("/is"), "s")); }
string t_create_called() { write_file("/cr.c", "int n; void create() { n++; } int get() { return n; }\n"); return show(call_other(compile_object("/cr"), "get")); }
