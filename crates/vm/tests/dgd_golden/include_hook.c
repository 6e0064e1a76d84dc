# define CASES ({ "setup","quoted_direct","quoted_fallback_dirs","quoted_subdir","hook_lines","angle","hook_nil","nested_quoted","hook_lines_nl","hook_one_line" })
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

/* the harness driver's include_file(from, path) records its calls (read back
   with include_calls()), returns lines for "lines.h", nil for "none*" and
   every other path as it was given */
string compile_src(string name, string src) {
  mixed e; object o;
  e = catch(o = compile_object(name, src));
  return (e ? show(e) : show(o->f())) + show("/driver"->include_calls()) + show("/driver"->compile_errors());
}
string t_setup() {
  make_dir("/include"); make_dir("/sub");
  write_file("/qa.h", "# define QA 1\n");
  write_file("/include/qb.h", "# define QB 2\n");
  write_file("/sub/qc.h", "# define QC 3\n");
  write_file("/sub/nest.h", "# include \"qa.h\"\n# define NEST QA\n");
  return show("/driver"->include_calls());
}
string t_quoted_direct() { return compile_src("/i1", "# include \"qa.h\"\nint f() { return QA; }\n"); }
string t_quoted_fallback_dirs() { return compile_src("/i2", "# include \"qb.h\"\nint f() { return QB; }\n"); }
string t_quoted_subdir() { return compile_src("/sub/i3", "# include \"qc.h\"\nint f() { return QC; }\n"); }
string t_hook_lines() { return compile_src("/i4", "# include \"lines.h\"\nint f() { return FROM_LINES + MORE; }\n"); }
string t_angle() { return compile_src("/i5", "# include <qb.h>\nint f() { return QB; }\n"); }
string t_hook_nil() { return compile_src("/i6", "# include \"none.h\"\nint f() { return 0; }\n"); }
string t_nested_quoted() { return compile_src("/i7", "# include \"/sub/nest.h\"\nint f() { return NEST; }\n"); }
string t_hook_lines_nl() { return compile_src("/i8", "# include \"nlines.h\"\nint f() { return FROM_LINES + MORE; }\n"); }
string t_hook_one_line() { return compile_src("/i9", "# include \"onel.h\"\nint f() { return ONE; }\n"); }
