# define CASES ({ "master_alone","master_with_clone","clone_gone","inherited","inheritor_gone","recompile_plain","recompile_drops_inherit","destruct_then_recompile_inheritor","in_atomic","in_failed_atomic" })
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

/* the harness driver's remove_program(path, ctime, index) records the paths
   it was called with (removed_programs() reads and clears them); run2() runs
   in the next task, after the upgrades and removals of this one */
string rm() { return show("/driver"->removed_programs()); }
object clone_kept;
string t_master_alone() {
  object o;
  write_file("/ra.c", "int x;\n");
  o = compile_object("/ra"); destruct_object(o);
  return rm();
}
string t_master_with_clone() {
  object o;
  write_file("/rb.c", "int x;\n");
  o = compile_object("/rb"); clone_kept = clone_object(o); destruct_object(o);
  return rm();
}
string t_clone_gone() { destruct_object(clone_kept); return rm(); }
string t_inherited() {
  write_file("/rbase.c", "int b;\n");
  write_file("/rchild.c", "inherit \"/rbase\";\nint c;\n");
  compile_object("/rchild");
  destruct_object(find_object("/rbase"));
  return rm();
}
string t_inheritor_gone() { destruct_object(find_object("/rchild")); return rm(); }
string t_recompile_plain() {
  write_file("/rc.c", "int x;\n");
  compile_object("/rc");
  remove_file("/rc.c"); write_file("/rc.c", "int y;\n");
  compile_object("/rc");
  return rm();
}
string t_recompile_drops_inherit() {
  write_file("/rbase2.c", "int b;\n");
  write_file("/rchild2.c", "inherit \"/rbase2\";\nint c;\n");
  compile_object("/rchild2");
  destruct_object(find_object("/rbase2"));
  remove_file("/rchild2.c"); write_file("/rchild2.c", "int c;\n");
  compile_object("/rchild2");
  return rm();
}
string t_destruct_then_recompile_inheritor() {
  write_file("/rbase3.c", "int b;\n");
  write_file("/rchild3.c", "inherit \"/rbase3\";\nint c;\n");
  compile_object("/rchild3");
  destruct_object(find_object("/rbase3"));
  compile_object("/rchild3");
  return rm();
}
atomic void kill(object o) { destruct_object(o); }
atomic void kill_fail(object o) { destruct_object(o); error("undo"); }
string t_in_atomic() {
  object o;
  write_file("/rat.c", "int x;\n");
  o = compile_object("/rat"); kill(o);
  return rm();
}
string t_in_failed_atomic() {
  object o; mixed e;
  write_file("/raf.c", "int x;\n");
  o = compile_object("/raf"); e = catch(kill_fail(o));
  return show(e) + show(o != nil) + rm();
}
string run2() {
  string r; int i; string *names;
  names = ({ "after_task" });
  r = "";
  for (i = 0; i < sizeof(names); i++) {
    mixed v; string e;
    e = catch(v = call_other(this_object(), "u_" + names[i]));
    r += names[i] + ": " + (e ? "ERROR: " + e : v) + "\n";
  }
  return r;
}
string u_after_task() { return rm(); }
