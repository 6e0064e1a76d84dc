# define CASES ({ "add_overflow","sub_overflow","mul_overflow","min_int_neg","div_trunc","mod_sign","div_zero","mod_zero","shift_left","shift_right","shift_neg","shift_big","bitops","hex_literal","char_literal","incdec","incdec_overflow","compound","compound_overflow","logic","ternary","compare","int_to_string","int_plus_string","negative_mod_pow2","int_cast","int_cast_big","int_cast_neg_big","string_to_int","string_to_int_trail","string_to_int_bad","string_to_int_empty" })
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

string t_add_overflow() { int i; i = 0x7fffffff; return show(i + 1); }
string t_sub_overflow() { int i; i = -0x7fffffff - 1; return show(i - 1); }
string t_mul_overflow() { return show(0x10000 * 0x10000) + " " + show(65537 * 65537); }
string t_min_int_neg() { int i; i = -2147483647 - 1; return show(-i); }
string t_div_trunc() { return show(-7 / 2) + " " + show(7 / -2) + " " + show(-7 / -2); }
string t_mod_sign() { return show(-7 % 2) + " " + show(7 % -2) + " " + show(-7 % -2); }
string t_div_zero() { int z; return show(1 / z); }
string t_mod_zero() { int z; return show(1 % z); }
string t_shift_left() { return show(1 << 31) + " " + show(1 << 32) + " " + show(1 << 33); }
string t_shift_right() { return show(-16 >> 2) + " " + show(0x80000000 >> 31) + " " + show(-1 >> 31); }
string t_shift_neg() { int n; n = -1; return show(1 << n) + " " + show(256 >> n); }
string t_shift_big() { return show(5 << 100) + " " + show(5 >> 100) + " " + show(-5 >> 100); }
string t_bitops() { return show(0xf0 & 0x3c) + " " + show(0xf0 | 0x0f) + " " + show(0xff ^ 0x0f) + " " + show(~0); }
string t_hex_literal() { return show(0xffffffff) + " " + show(0x80000000) + " " + show(037) + " " + show(0); }
string t_char_literal() { return show('a') + " " + show('\n') + " " + show('\377') + " " + show('\x41'); }
string t_incdec() { int i, j; i = 5; j = i++ + ++i; return show(i) + " " + show(j) + " " + show(i--) + " " + show(--i); }
string t_incdec_overflow() { int i; i = 0x7fffffff; i++; return show(i); }
string t_compound() { int i; i = 10; i += 5; i -= 3; i *= 4; i /= 5; i %= 7; i <<= 3; i >>= 1; i &= 0xff; i |= 1; i ^= 3; return show(i); }
string t_compound_overflow() { int i; i = 0x40000000; i *= 4; return show(i); }
string t_logic() { return show(!0) + show(!1) + show(!nil) + show(!"") + show(1 && 2) + show(0 || 3) + show(2 || 0); }
string t_ternary() { return show(0 ? 1 : 2) + show(nil ? 1 : 2) + show("" ? 1 : 2) + show(({ }) ? 1 : 2); }
string t_compare() { return show(1 < 2) + show(2 <= 2) + show(-1 > 0) + show(3 >= 4) + show(1 == 1) + show(1 != 1); }
string t_int_to_string() { return "" + -0 + " " + (-2147483647 - 1) + " " + 2147483647; }
string t_int_plus_string() { return 1 + "a" + 2 + " " + (1 + 2 + "x"); }
string t_negative_mod_pow2() { return show(-1 & 7) + " " + show(-9 % 8); }
string t_int_cast() { string s; s = "42"; return show((int) 3.99) + " " + show((int) -3.99) + " " + show((int) 0.5) + " " + show((int) s) ; }
string t_int_cast_big() { float f; f = 3e9; return show((int) f); }
string t_int_cast_neg_big() { float f; f = -3e9; return show((int) f); }
string t_string_to_int() { string *a; a = ({ "  12", "12abc", "-5", "abc", "0x10", "" }); return show((int) a[0]) + " " + show((int) a[2]) + " " + show((int) a[4]); }
string t_string_to_int_trail() { string s; s = "12abc"; return show((int) s); }
string t_string_to_int_bad() { string s; s = "abc"; return show((int) s); }
string t_string_to_int_empty() { string s; s = ""; return show((int) s); }
