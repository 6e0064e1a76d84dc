int a, z; string b; mixed c; float f; static int st; object ob;
string t(string text) {
  string err; int r;
  remove_file("/r.o"); write_file("/r.o", text);
  a = 7; z = 9; b = "keep"; c = ({ 1 }); f = 2.0; st = 5; ob = this_object();
  err = catch(r = restore_object("/r.o"));
  return (err ? "ERR " + err : "ok " + r) + " a=" + a + " z=" + z + " b=" + (b ? b : "nil") + " c=" + (c == nil ? "nil" : typeof(c) + "") + " f=" + f + " st=" + st + " ob=" + (ob ? "obj" : "nil") + "\n";
}
string run() {
  return t("a 1\nunknown 5\na 2\n") + t("a nil\n") + t("b \"x\ny\"\n") + t("a 1\nb \"x") + t("st 4\n") + t("# c\nf 1.5\n") + t("a 1")
   + t("c ({2|1,#0,})\n") + t("c #1\n") + t("c ([1|1:2,])\nb @0\n") + t("f 3\n") + t("a 1.5=3ff800000000\n") + t("c 1e\n") + t("c .5\n") + t("")
   + t("c 1.5=zz\n") + t("c ({1|1})\n") + t("c \"a\\qb\"\n") + t(" a 1\n") + t("a  1\n") + t("ob 5\n") + "missing: " + restore_object("/nonexist.o") + "\n";
}
