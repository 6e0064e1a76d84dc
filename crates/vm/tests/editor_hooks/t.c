string esc(string s) {
  string r; int i;
  if (s == nil) return "nil";
  r = "";
  for (i = 0; i < strlen(s); i++) {
    switch (s[i]) {
    case '\n': r += "\\n"; break;
    case '\t': r += "\\t"; break;
    default: r += s[i..i];
    }
  }
  return r;
}
string ed(string *cmds) {
  string r, e; mixed res; int i;
  r = "";
  for (i = 0; i < sizeof(cmds); i++) {
    e = catch(res = editor(cmds[i]));
    if (e) r += "[E:" + e + "]";
    else if (res == nil) r += "[nil]";
    else r += "[" + esc(res) + "]";
  }
  r += "{" + (query_editor(this_object()) ? query_editor(this_object()) : "nil") + "}";
  if (query_editor(this_object()) == "insert") editor(".");
  if (query_editor(this_object())) editor("q!");
  return r;
}
object drv() { return find_object("/driver") ? find_object("/driver") : find_object("/lib/driver"); }
string run() {
  string r;
  object o;
  remove_file("/ed_h.txt"); remove_file("/ed_redir.txt"); remove_file("/ed_redir2.txt");
  write_file("/ed_h.txt", "h1\nh2\n");
  write_file("/ed_redir.txt", "redirected\n");
  r = "hooks: " + ed(({ "e /ed_h.txt", "e! nil", "e redir", "p", "w nil", "w err", "w redir", "r err", "p", "r num", "1,$p", "e! rec", "f" })) + "\n";
  r += "log: " + implode(drv()->query_log(), ",") + "\n";
  r += "driver: " + esc(drv()->drv_ed("e /ed_redir2.txt")) + " " + esc(drv()->drv_ed("w /ed_h2.txt")) + " " + esc(drv()->drv_ed("q")) + "\n";
  r += "log: " + implode(drv()->query_log(), ",") + "\n";
  o = new_object(compile_object("/edlwo", "string f() { return catch(editor(\"p\")); }"));
  r += "lwo: " + o->f() + "\n";
  r += "files: " + esc(read_file("/ed_h.txt")) + " " + esc(read_file("/ed_redir2.txt")) + " " + esc(read_file("/ed_h2.txt")) + "\n";
  return r;
}
