string *log;
string path_read(string p) {
  if (!log) log = ({ });
  log += ({ "R:" + p + ":" + object_name(previous_object()) });
  if (p == "nil") return nil;
  if (p == "err") error("hook error");
  if (p == "rec") return catch(editor("p"));
  if (p == "redir") return "/ed_redir.txt";
  if (p == "num") { mixed x; x = 3; return x; }
  return p;
}
string path_write(string p) {
  if (!log) log = ({ });
  log += ({ "W:" + p + ":" + object_name(previous_object()) });
  if (p == "nil") return nil;
  if (p == "err") error("hook error w");
  if (p == "redir") return "/ed_redir2.txt";
  return p;
}
string *query_log() { string *l; l = log; log = ({ }); return l; }
string drv_ed(string c) { return editor(c); }
