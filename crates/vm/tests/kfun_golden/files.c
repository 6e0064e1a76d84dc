string show(mixed *d) { int i; string r; r = "" + sizeof(d[0]) + ":"; for (i = 0; i < sizeof(d[0]); i++) r += " " + d[0][i] + "/" + d[1][i]; return r + "\n"; }
string t(string e) { return e == nil ? "ok" : e; }
string run() {
  string r; mixed *d;
  r = "";
  make_dir("/gd"); 
  r += write_file("/gd/a.c", "hello") + " " + write_file("/gd/a.c", " world") + " " + read_file("/gd/a.c") + "\n";
  r += read_file("/gd/a.c", 6) + "|" + read_file("/gd/a.c", -5, 3) + "|" + read_file("/gd/a.c", 11) + "|" + (read_file("/gd/none") == nil) + "|" + (read_file("/gd") == nil) + "\n";
  r += t(catch(read_file("/gd/a.c", 12))) + "|" + t(catch(read_file("/gd/a.c", 0, -1))) + "|" + t(catch(write_file("/gd/a.c", "x", -12))) + "\n";
  r += write_file("/gd/a.c", "J", -11) + write_file("/gd/a.c", "W", 6) + " " + read_file("/gd/a.c") + "\n";
  write_file("/gd/b.h", "12"); write_file("/gd/.hidden", ""); make_dir("/gd/sub");
  r += show(get_dir("/gd/*")) + show(get_dir("/gd/*.c")) + show(get_dir("/gd/b.h")) + show(get_dir("/gd/nothing")) + show(get_dir("/gd")) + show(get_dir("/gd/[ab]*")) + show(get_dir("/gd/?.?"));
  r += show(get_dir("/../gd/../gd/./b.h"));
  r += rename_file("/gd/a.c", "/gd/b.h") + " " + rename_file("/gd/a.c", "/gd/c.c") + " " + rename_file("/gd/a.c", "/gd/e.c") + " " + remove_dir("/gd") + " " + remove_file("/gd/sub") + " " + remove_dir("/gd/sub") + "\n";
  r += remove_file("/gd/b.h") + remove_file("/gd/c.c") + remove_file("/gd/.hidden") + remove_file("/gd/b.h") + " " + remove_dir("/gd") + " " + make_dir("/gd/x/y") + "\n";
  return r;
}
