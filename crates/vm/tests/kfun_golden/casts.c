string t(mixed e) { return e == nil ? "ok" : e; }
string run() {
  mixed n, v; string r, e;
  string *ints, *floats;
  int i;
  r = "";
  e = catch(v = (int)n); r += t(e) + "|";
  e = catch(v = (float)n); r += t(e) + "|";
  e = catch(v = (string)n); r += t(e) + "\n";
  ints = ({ "", "0", "-0", "12", "-12", "2147483647", "-2147483648", "2147483648", " 1", "1 ", "+1", "0x10", "-", "007" });
  for (i = 0; i < sizeof(ints); i++) { e = catch(v = (int)ints[i]); r += "[" + ints[i] + "]" + (e ? e : "" + v) + " "; }
  r += "\n";
  floats = ({ "1", "1.5", ".5", "5.", "-0.25", "1e3", "1E-3", "1e", "1e+", "1.5e+2x", "", ".", "-.5", "0.1", "123456789012", "1e308", "1e309", " 1", "nan", "inf" });
  for (i = 0; i < sizeof(floats); i++) { e = catch(v = (float)floats[i]); r += "[" + floats[i] + "]" + (e ? e : "" + v) + " "; }
  return r + "\n";
}
