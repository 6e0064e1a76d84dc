# define CASES ({ "simple","thirds","large","small","precision","zero","huge","overflow","div_zero","float_plus_string","float_cast","float_cast_bad","float_compare","floor_ceil","fmod","sqrt_neg","log_zero","pow","frexp_ldexp","modf","trig","round_trip","compound","neg","many_digits","exp_boundary" })
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

string t_simple() { return show(1.0) + " " + show(0.5) + " " + show(-2.25) + " " + show(100.0); }
string t_thirds() { return show(1.0 / 3.0) + " " + show(2.0 / 3.0) + " " + show(10.0 / 3.0); }
string t_large() { return show(1e10) + " " + show(123456789.0) + " " + show(1e15) + " " + show(1e16); }
string t_small() { return show(1e-5) + " " + show(0.0001) + " " + show(1e-10) + " " + show(0.1 + 0.2); }
string t_precision() { return show(1234567.0) + " " + show(12345678.0) + " " + show(0.1) + " " + show(3.14159265358979); }
string t_zero() { return show(0.0) + " " + show(-0.0) + " " + show(0.0 * -1.0); }
string t_huge() { return show(1e300); }
string t_overflow() { float f; f = 1e308; return show(f * 10.0); }
string t_div_zero() { float z; return show(1.0 / z); }
string t_float_plus_string() { return "x" + 1.5 + " " + (2.0 + "y") + " " + 1e20 + " " + 1e-20; }
string t_float_cast() { string *a; a = ({ "2.5", "1e3", " 7" }); return show((float) 3) + " " + show((float) a[0]) + " " + show((float) a[1]) + " " + show((float) a[2]); }
string t_float_cast_bad() { string s; s = "abc"; return show((float) s); }
string t_float_compare() { return show(1.0 < 2.0) + show(0.1 + 0.2 == 0.3) + show(1.0 == 1.0); }
string t_floor_ceil() { return show(floor(-1.5)) + " " + show(ceil(-1.5)) + " " + show(floor(2.7)) + " " + show(ceil(2.1)); }
string t_fmod() { return show(fmod(7.5, 2.0)) + " " + show(fmod(-7.5, 2.0)); }
string t_sqrt_neg() { return show(sqrt(-1.0)); }
string t_log_zero() { return show(log(0.0)); }
string t_pow() { return show(pow(2.0, 10.0)) + " " + show(pow(2.0, 0.5)) + " " + show(pow(10.0, -2.0)); }
string t_frexp_ldexp() { return show(frexp(8.0)) + " " + show(ldexp(0.5, 4)); }
string t_modf() { return show(modf(3.75)) + " " + show(modf(-3.75)); }
string t_trig() { return show(sin(0.0)) + " " + show(cos(0.0)) + " " + show(atan2(1.0, 1.0)) + " " + show(exp(1.0)); }
string t_round_trip() { return show((float) ("" + (1.0 / 3.0)) == 1.0 / 3.0); }
string t_compound() { float f; f = 1.5; f += 1.0; f *= 2.0; f -= 0.5; f /= 2.0; return show(f); }
string t_neg() { float f; f = 2.5; return show(-f); }
string t_many_digits() { return show(123.456) + " " + show(0.000123456) + " " + show(98765.4321); }
string t_exp_boundary() { return show(999999.0) + " " + show(1000000.0) + " " + show(99999999.0) + " " + show(0.001); }
