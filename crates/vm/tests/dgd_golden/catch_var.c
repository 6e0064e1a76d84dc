# define CASES ({ "catch_var_read","catch_var_assign","catch_var_add_eq","catch_var_incr","catch_var_sscanf","catch_var_inner_block","catch_var_shadow","catch_var_after","catch_var_nil_when_no_error","rlimits_vars_assign" })
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

/* compile a program from source; show the result and the compile errors the
   driver heard (its compile_error hook records them) */
string compile_src(string name, string src) {
  mixed e; object o;
  e = catch(o = compile_object(name, src));
  return (e ? show(e) : show(o->f())) + show("/driver"->compile_errors());
}
string t_catch_var_read() { return compile_src("/c1", "string f() { try { error(\"x\"); } catch (e) { return e + \"!\"; } }\n"); }
string t_catch_var_assign() { return compile_src("/c2", "string f() { try { error(\"x\"); } catch (e) { e = \"y\"; return e; } }\n"); }
string t_catch_var_add_eq() { return compile_src("/c3", "string f() { try { error(\"x\"); } catch (e) { e += \"y\"; return e; } }\n"); }
string t_catch_var_incr() { return compile_src("/c4", "mixed f() { try { error(\"x\"); } catch (e) { e++; return e; } }\n"); }
string t_catch_var_sscanf() { return compile_src("/c5", "string f() { try { error(\"x\"); } catch (e) { sscanf(\"a\", \"%s\", e); return e; } }\n"); }
string t_catch_var_inner_block() { return compile_src("/c6", "string f() { try { error(\"x\"); } catch (e) { { e = \"z\"; } return e; } }\n"); }
string t_catch_var_shadow() { return compile_src("/c7", "string f() { try { error(\"x\"); } catch (e) { string e; e = \"q\"; return e; } }\n"); }
string t_catch_var_after() { return compile_src("/c8", "string f() { string r; try { error(\"x\"); } catch (e) { r = e; } e = \"w\"; return r; }\n"); }
string t_catch_var_nil_when_no_error() { return compile_src("/c9", "mixed f() { try { } catch (e) { return \"caught\"; } return \"none\"; }\n"); }
string t_rlimits_vars_assign() { return compile_src("/c10", "int f() { int d, t; d = 10; t = 100000; rlimits (d; t) { d = 5; t = 7; } return d + t; }\n"); }
