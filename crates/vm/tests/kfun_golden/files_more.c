string t(string e) { return e == nil ? "ok" : e; }
string names(mixed *d) { return implode(d[0], ","); }
atomic string in_atomic(string what) {
  switch (what) {
  case "read": return read_file("/p/a1");
  case "dir": return names(get_dir("/p/*"));
  case "write": write_file("/p/zz", "x"); break;
  case "remove": remove_file("/p/a1"); break;
  case "rename": rename_file("/p/a1", "/p/q"); break;
  case "mkdir": make_dir("/p/d2"); break;
  case "rmdir": remove_dir("/p/d"); break;
  }
  return "done";
}
string run() {
  string r, x; string *w;
  int i;
  make_dir("/p"); make_dir("/p/d");
  w = ({ "a1", "a2", "b1", "B2", "c", "c.c", "x*y", "[q]", "-" });
  for (i = 0; i < sizeof(w); i++) write_file("/p/" + w[i], w[i]);
  r = names(get_dir("/p/*")) + "\n";
  r += names(get_dir("/p/a?")) + "|" + names(get_dir("/p/[ab]*")) + "|" + names(get_dir("/p/[^ab]*")) + "|" + names(get_dir("/p/[A-Z]*")) + "\n";
  r += names(get_dir("/p/x\\*y")) + "|" + names(get_dir("/p/*\\**")) + "|" + names(get_dir("/p/\\[q]")) + "|" + names(get_dir("/p/[-]")) + "|" + names(get_dir("/p/*.c")) + "|" + names(get_dir("/p/?")) + "\n";
  r += names(get_dir("/p/./d/../a1")) + "|" + names(get_dir("p/d")) + "|" + names(get_dir("/p/d/*")) + "|" + names(get_dir("/nonexistent/*")) + "\n";
  w = ({ "read", "dir", "write", "remove", "rename", "mkdir", "rmdir" });
  for (i = 0; i < sizeof(w); i++) { x = catch(r += in_atomic(w[i])); r += " " + t(x) + "\n"; }
  r += read_file("/p/a1", 0, 1) + read_file("/p/B2", 1) + "|" + t(catch(read_file("/p/a1", 3))) + "|" + read_file("/p/a1", -2) + "|" + t(catch(read_file("/p/a1", -3))) + "\n";
  r += hash_crc32("a", "b", "c") + " " + hash_crc32("abc") + " " + hash_crc16("a", "", "bc") + " " + strlen(hash_string("SHA1", "a", "b")) + " " + (hash_string("SHA1", "a", "b") == hash_string("SHA1", "ab")) + "\n";
  return r;
}
