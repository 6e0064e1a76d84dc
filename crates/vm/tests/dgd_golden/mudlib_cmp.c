# define CASES ({ "co_missing", "co_found", "co_nofunc", "co_missing_arrow", "rt_clear", "rt_direct", "rt_co", "rt_co_spread", "rt_co_path", "rt_relay", "rt_create", "rt_uncaught_case", "ce_two_funcs", "ce_same_func", "ce_var_first", "ce_proto_then", "ce_syntax_two", "co_handles", "co_handles2", "co_handles3", "super_proto", "super_proto_rev", "ce_type_then_syntax", "ce_syntax_after_ok", "ce_type_then_two_syntax", "ce_header_decls" })
/* cases found by running real mudlibs (kernel library, cloud server) side
 * by side on DGD and the VM; run() prints "NAME: result" */
string rt();
string c(string n) {
  mixed v; string e;
  e = catch(v = call_other(this_object(), "t_" + n));
  return n + ": " + (e ? "ERROR: " + e : v) + "\n";
}
string run() {
  string r; int i;
  r = "";
  for (i = 0; i < sizeof(CASES); i++) r += c(CASES[i]);
  return r + "rt_last: " + rt() + "\n";
}

string show(mixed v) {
  int i; string s;
  switch (typeof(v)) {
  case 0: return "nil";
  case 1: return "" + v;
  case 3: return "\"" + v + "\"";
  case 5:
    s = "({";
    for (i = 0; i < sizeof(v); i++) s += (i ? "," : "") + show(v[i]);
    return s + "})";
  }
  return "?";
}

string hello() { return "hello"; }

/* a path names an object only through the driver's call_object(); the
 * golden driver's returns find_object(), so a missing one is not compiled */
string t_co_missing() { return "" + call_other("/nonexist", "f"); }
string t_co_found() { return call_other("/t", "hello"); }
string t_co_nofunc() { return "" + call_other("/t", "nofunc"); }
string t_co_missing_arrow() { return "" + "/ob"->f(); }

/* runtime_error() sees each error once, with caught set when a catch in any
 * calling frame will stop it */
string rt() { return show("/driver"->runtime_errors()); }
void boom(mixed args...) { error("boom " + sizeof(args)); }
void relay(int n) { if (n == 0) boom(); else call_other(this_object(), "relay", n - 1); }
string t_rt_clear() { rt(); return "ok"; }
string t_rt_direct() { catch(boom()); return rt(); }
string t_rt_co() { catch(call_other(this_object(), "boom")); return rt(); }
string t_rt_co_spread() { catch(call_other(this_object(), "boom", ({ 1, 2 })...)); return rt(); }
string t_rt_co_path() { catch("/t"->boom(1)); return rt(); }
string t_rt_relay() { catch(relay(3)); return rt(); }
string t_rt_create() {
  write_file("/bad_create.c", "static void create() { error(\"in create\"); }\n");
  catch(clone_object(compile_object("/bad_create")));
  return rt();
}
string t_rt_uncaught_case() { relay(2); }

/* DGD gives up after the first top-level declaration with errors */
string ce(string file, string src) {
  write_file(file + ".c", src);
  catch(compile_object(file));
  return show("/driver"->compile_errors());
}
string t_ce_two_funcs() {
  return ce("/ce1", "int x;\nvoid f() { x = \"s\"; }\nint y;\nvoid g() { x = ({ }); }\n");
}
string t_ce_same_func() {
  return ce("/ce2", "int x;\nvoid f() {\n x = \"s\";\n x = ({ });\n}\nvoid g() { x = 1.5; }\n");
}
string t_ce_var_first() {
  return ce("/ce3", "void v;\nvoid f() { int x; x = \"s\"; }\n");
}
string t_ce_proto_then() {
  return ce("/ce4", "int f(int a);\nint g() { return f(\"s\"); }\nint h() { return f(1, 2); }\n");
}
string t_ce_syntax_two() {
  return ce("/ce5", "int x;\nint g() { return 1 +; }\nint y;\nint h() { return 2 +; }\n");
}

/* a call_out handle is reused from the object's free list: the most recently
 * freed one, or the one freed before it when that is lower */
void nop() { }
string t_co_handles() {
  int a, b, c, d, e, f;
  a = call_out("nop", 100); b = call_out("nop", 100); c = call_out("nop", 100);
  remove_call_out(a); remove_call_out(c);
  d = call_out("nop", 100); e = call_out("nop", 100); f = call_out("nop", 100);
  remove_call_out(b); remove_call_out(d); remove_call_out(e); remove_call_out(f);
  return a + " " + b + " " + c + " " + d + " " + e + " " + f;
}
string t_co_handles2() {
  int *h, i; string r;
  h = allocate(6);
  for (i = 0; i < 6; i++) h[i] = call_out("nop", 100);
  remove_call_out(h[0]); remove_call_out(h[4]); remove_call_out(h[2]); remove_call_out(h[5]);
  r = "";
  for (i = 0; i < 5; i++) r += " " + call_out("nop", 100);
  return r;
}
string t_co_handles3() {
  int i; string r; mixed *c;
  c = status(this_object())[4];
  for (i = 0; i < sizeof(c); i++) remove_call_out(c[i][0]);
  r = "";
  for (i = 0; i < 4; i++) r += " " + call_out("nop", 100);
  return r;
}

/* ::f with f defined in one inherited program and only a prototype in a
 * later one (the cloud server's user object: LIB_USER, then LIB_WIZTOOL) */
string super_case(string order) {
  object o;
  write_file("/lp1.c", "int message(string s);\n");
  write_file("/lp2.c", "static int message(string s) { return strlen(s) + 100; }\n");
  write_file("/lpm" + order + ".c", (order == "a" ?
    "inherit \"/lp2\";\ninherit \"/lp1\";\n" :
    "inherit \"/lp1\";\ninherit \"/lp2\";\n") +
    "int m(string s) { return ::message(s); }\n");
  o = compile_object("/lpm" + order);
  return show(o->m("abc")) + " " + show("/driver"->compile_errors());
}
string t_super_proto() { return super_case("a"); }
string t_super_proto_rev() { return super_case("b"); }

/* a type error in a declaration before one with a syntax error */
string t_ce_type_then_syntax() {
  return ce("/ce6", "int x;\nvoid f() { x = \"s\"; undefined_fn(); }\nint g( { }\n");
}
string t_ce_syntax_after_ok() {
  return ce("/ce7", "int x;\nvoid f() { x = 1; }\nint g() { return 1 +; }\nint h() { return \"a\"; }\n");
}
string t_ce_type_then_two_syntax() {
  return ce("/ce8", "int x;\nvoid f() { x = \"s\"; }\nint g() { return 1 +; }\nint h() { return \"a\"; }\nint k( { }\n");
}
/* the standard include file of a mudlib may inherit and declare (the cloud
 * server's <AUTO>): the same with an included header */
string t_ce_header_decls() {
  write_file("/cdecl.h", "inherit \"/ob\";\nint helper();\n");
  return ce("/ce9", "# include \"/cdecl.h\"\nint y;\nvoid f() { y = \"s\"; }\nint g( { }\n");
}
