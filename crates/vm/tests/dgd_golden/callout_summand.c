# define CASES ({ "first","added","other_func","plain_between","status_shows_zero","args_kept","rollback" })
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

/* call_out_summand(): one summand call_out per object; later summands add to it */
float total;
int n;
string log;
object helper;

void f(float x, mixed extra...) { total += x; n++; log += "f:" + x + ":" + sizeof(extra) + " "; }
void g(float x) { log += "g:" + x + " "; }
void p() { log += "p "; }

string t_first() { log = ""; return show(call_out_summand("f", 0, 1.5, "a", ({ 1 }))); }
string t_added() { return show(call_out_summand("f", 0, 2.25)); }
string t_other_func() { return show(call_out_summand("g", 5, 4.0)); }
string t_plain_between() { return show(call_out("p", 0) > 0); }
string t_status_shows_zero() {
  mixed *co; int i;
  co = status(this_object())[4];
  for (i = 0; i < sizeof(co); i++) if (co[i][1] == "f") return show(co[i][3..]);
  return "none";
}
string t_args_kept() { return "ok"; }
atomic void add_then_fail() { call_out_summand("f", 0, 100.0); error("undo"); }
string t_rollback() { return show(catch(add_then_fail())); }
string u_fired() { return log + "total " + total + " n " + n; }
string u_new_after_fire() { return show(call_out_summand("g", 0, 0.5)) + " " + show(sizeof(status(this_object())[4])); }
string run2() {
  string r; int i; string *names;
  names = ({ "fired", "new_after_fire" });
  r = "";
  for (i = 0; i < sizeof(names); i++) {
    mixed v; string e;
    e = catch(v = call_other(this_object(), "u_" + names[i]));
    r += names[i] + ": " + (e ? "ERROR: " + e : v) + "\n";
  }
  return r;
}
