# define CASES ({ "hook_calls","alias_decl","assign_wrong","assign_right","cast_wrong","cast_right","cast_nil","cast_int","cast_lwo","instanceof_op","instanceof_kfun","arg_wrong","arg_right","arg_local","return_wrong","array_unchecked","private_inherit","private_instanceof","invalid_type","hook_calls_after","type_name_in_error","type_name_in_error_arg" })
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

/* the harness driver's object_type() maps "alias/X" to "/X", returns nil
   for "bad" and records every call in object_types() */
object ob() { object o; o = find_object("/ob"); return o ? o : compile_object("/ob"); }
object "alias/ob" held;
int takes(object "ob" o) { return 1; }
object "ob" giveme(object o) { return o; }
string t_hook_calls() { return show("/driver"->object_types()); }
string t_alias_decl() { held = ob(); return show(held); }
string t_assign_wrong() { object "alias/ob" x; x = this_object(); return show(x); }
string t_assign_right() { object "ob" x; mixed m; m = ob(); x = m; return show(x); }
string t_cast_wrong() { return show((object "/ob") this_object()); }
string t_cast_right() { return show((object "alias/ob") ob()); }
string t_cast_nil() { mixed m; return show((object "ob") m); }
string t_cast_int() { mixed m; m = 3; return show((object "ob") m); }
string t_cast_lwo() { object l; l = new_object(ob()); return show(catch((object "t") l)) + " " + show((object "ob") l != nil); }
string t_instanceof_op() { return show(ob() <- "alias/ob") + show(this_object() <- "ob") + show(this_object() <- "alias/t"); }
string t_instanceof_kfun() { return show(instanceof(ob(), "alias/ob")) + show(instanceof(this_object(), "ob")); }
string t_arg_wrong() { return show(call_other(this_object(), "takes", this_object())); }
string t_arg_right() { return show(call_other(this_object(), "takes", ob())) + show(call_other(this_object(), "takes", nil)); }
string t_arg_local() { object o; o = this_object(); return show(takes(o)); }
string t_return_wrong() { return show(giveme(this_object())); }
string t_array_unchecked() { object "ob" *a; mixed m; m = ({ this_object() }); a = m; return show(a); }
string t_private_inherit() { object p; p = compile_object("/priv", "private inherit \"/ob\";\n"); return show(catch((object "ob") p)) + " " + show((object "priv") p); }
string t_private_instanceof() { object p; p = find_object("/priv"); return show(p <- "ob") + show(instanceof(p, "ob")); }
string t_invalid_type() { return show(catch(compile_object("/badtype", "object \"bad\" x;\n"))); }
string t_hook_calls_after() { return show("/driver"->object_types()); }
string compile_src(string name, string src) {
  mixed e; object o;
  e = catch(o = compile_object(name, src));
  return (e ? show(e) : show(o)) + show("/driver"->compile_errors());
}
string t_type_name_in_error() { return compile_src("/tn1", "void f() { object \"ob\" x; x = 1; }\n"); }
string t_type_name_in_error_arg() { return compile_src("/tn2", "void g(object \"ob\" *o) { }\nvoid f() { g(\"s\"); }\n"); }
