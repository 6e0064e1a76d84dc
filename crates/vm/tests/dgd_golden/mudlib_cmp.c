# define CASES ({ "co_missing", "co_found", "co_nofunc", "co_missing_arrow" })
/* cases found by running real mudlibs (kernel library, cloud server) side
 * by side on DGD and the VM; run() prints "NAME: result" */
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

string hello() { return "hello"; }

/* a path names an object only through the driver's call_object(); the
 * golden driver's returns find_object(), so a missing one is not compiled */
string t_co_missing() { return "" + call_other("/nonexist", "f"); }
string t_co_found() { return call_other("/t", "hello"); }
string t_co_nofunc() { return "" + call_other("/t", "nofunc"); }
string t_co_missing_arrow() { return "" + "/ob"->f(); }
