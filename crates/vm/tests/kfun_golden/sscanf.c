string q(mixed v) { if (v == nil) return "nil"; if (typeof(v) == 3) return "\"" + v + "\""; return "" + v; }
string t(string s, string fmt) {
  mixed a, b, c, d; int n; string err;
  err = catch(n = sscanf(s, fmt, a, b, c, d));
  if (err) return s + " | " + fmt + " => ERR " + err + "\n";
  return s + " | " + fmt + " => " + n + ": " + q(a) + " " + q(b) + " " + q(c) + " " + q(d) + "\n";
}
string run() {
  string r; int x, y; mixed e;
  r = t("hello world", "%s %s") + t("a b c", "%s %s") + t("abc123def", "%s%d%s") + t("x-5y", "%s%d%s") + t("x-y5", "%s%d") + t("abc", "%s%d")
    + t("1.5e3xyz", "%f%s") + t("ab.5c", "%s%f%s") + t("a-.5", "%s%f") + t("  42", "%d") + t("  -42x", "%d%s") + t("- 4", "%d")
    + t("abc", "%c%c%c%c") + t("abc", "%*c%c") + t("100%", "%d%%") + t("100%x", "%d%%%s") + t("a%b", "%s%%%s") + t("key=val", "%s=%s")
    + t("abc", "%s") + t("", "%s") + t("", "") + t("abc", "abd") + t("abc", "ab") + t("abc", "abc%s") + t("x", "%q") + t("x", "%s%s")
    + t("x", "%") + t("x5", "%s%*d") + t("99999999999", "%d") + t("2147483648", "%d") + t("-2147483648", "%d") + t("1e999", "%f") + t(".e5", "%f")
    + t("a,b,c", "%s,%s") + t("abcabc", "%sc") + t("abc", "%*s%s") + t("12 34", "%d %d") + t("12 34", "%d%d") + t("12", "%d %d") + t("xy", "x%sy%s")
    + t(" 1.5", "%f") + t("5.", "%f") + t("-", "%f") + t("1e+", "%f%s") + t("a", "%s%") + t("a", "%s%*") + t("a1", "%s%*f") + t("abc", "%s%c");
  e = catch(sscanf("1 2", "%d %d", x)); r += "missing: " + q(e) + " " + x + "\n";
  return r;
}
