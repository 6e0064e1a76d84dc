# define CASES ({ "goto_out_of_catch","goto_out_of_rlimits","goto_out_of_two","goto_forward_same_block","goto_backward_nested_loop","goto_into_block_error","goto_forward_out_error","goto_sibling_error" })
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

string t_goto_out_of_catch() {
  int i; string r;
  r = "";
again:
  i++;
  catch {
    r += "c" + i;
    if (i < 3) goto again;
  }
  error("after " + r);
}
string t_goto_out_of_rlimits() {
  int i, j, n;
again:
  n++;
  rlimits (-1; 1000) {
    if (n < 2) goto again;
  }
  for (j = 0; j < 10000; j++) i += j;
  return show(n) + show(i);
}
string t_goto_out_of_two() {
  int n; string r;
  r = "";
again:
  n++;
  rlimits (-1; 1000) {
    catch {
      r += n;
      if (n < 2) goto again;
    }
  }
  for (n = 0; n < 10000; n++) ;
  error("end " + r);
}
string t_goto_forward_same_block() { int i; i = 1; goto skip; i = 2; skip: return show(i); }
string t_goto_backward_nested_loop() {
  int i, j; string r;
  r = "";
top:
  for (j = 0; j < 3; j++) {
    r += j;
    if (j == 1 && i++ == 0) goto top;
  }
  return r;
}
string compile_src(string name, string src) { return show(catch(compile_object(name, src))); }
string t_goto_into_block_error() { return compile_src("/g1", "void f() { int i; goto inner; catch { inner: i = 1; } }\n"); }
string t_goto_forward_out_error() { return compile_src("/g2", "void f() { int i; { if (i) goto done; i = 1; } done: i = 2; }\n"); }
string t_goto_sibling_error() { return compile_src("/g3", "void f() { int i; { a: i = 1; } { goto a; } }\n"); }
