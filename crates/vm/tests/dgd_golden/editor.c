# define CASES ({ "append_delete","print_next","subst_undo","no_such","list_number_set","join","global","global_flags","global_v","global_errors","rx_lstar","rx_empty_g","rx_ic","rx_errors","rx_words","empty_exit","page","marks_move_copy","addresses","search_wrap","change_insert","yank_put","subst_special","subst_count","subst_newline","subst_repeat","shift","indent","indent_more","undo_global","files_edit","files_write","files_read","files_stats","files_confined","quit_forms","status","errors_kfun","newline","line_too_long","output_too_long","atomic","simultaneous","keep_open" })
/* editor sessions: each case runs editor commands and shows every reply */
string esc(string s) {
  string r; int i;
  if (s == nil) return "nil";
  r = "";
  for (i = 0; i < strlen(s); i++) {
    switch (s[i]) {
    case '\n': r += "\\n"; break;
    case '\t': r += "\\t"; break;
    case 0: r += "\\0"; break;
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
string c(string n) {
  mixed v; string e;
  e = catch(v = call_other(this_object(), "t_" + n));
  if (query_editor(this_object()) && n != "keep_open") {
    if (query_editor(this_object()) == "insert") editor(".");
    editor("q!");
  }
  return n + ": " + (e ? "ERROR: " + e : v) + "\n";
}
string run() {
  string r; int i;
  r = "";
  for (i = 0; i < sizeof(CASES); i++) r += c(CASES[i]);
  return r;
}
string *lines(string *l) { return ({ "a" }) + l + ({ "." }); }
string t_append_delete() { return ed(lines(({ "one", "two", "three" })) + ({ "1d", "p", "=", ".=", "$=", "0=", "2=" })); }
string t_print_next() { return ed(lines(({ "one", "two", "three" })) + ({ "1,2p", "", "", "", "1", "+p", "-", "--p", "3-2p" })); }
string t_subst_undo() { return ed(lines(({ "one", "two", "three" })) + ({ "s/o/0/", "1", "s/e/E/g", "u", "u", "f", "u", "u" })); }
string t_no_such() { return ed(({ "E", "W", "Q", "n", "h", "o", "b", "nu", "A", "pl", "dd", "apx", "1,2,3p", "k", "kA", "set no" })); }
string t_list_number_set() { return ed(lines(({ "x\tyy", "\001z\177" })) + ({ "l", "#", "1,2nu", "1,2l#", "p#l", "set", "set ic sw=8 nowi", "set", "set foo", "set sw=-1", "set sw", "set window=x", "set sw=3x", "set" })); }
string t_join() { return ed(lines(({ "one", "  two", "three.", "four", ")five", "six " , "seven"})) + ({ "1,3j", "p", "j", "j!", "1,$p", "$j", "0j", "q" })); }
string t_global() { return ed(lines(({ "abc", "abd", "xyz" })) + ({ "g/ab/s/b/X/", "1,3p", "v/X/d", "g/X/p|s/X/Y/", "1,$p", "g/Y/", "g/Y/#", "g/q/d" })); }
string t_global_flags() { return ed(lines(({ "abc", "abd" })) + ({ "g/ab/s/b/X/", "1,$p", "g/a/d p", "1,$p", "g!/a/p" })); }
string t_global_v() { return ed(lines(({ "a1", "b2", "a3", "b4", "a5" })) + ({ "v/a/d", "1,$p", "u", "1,$p", "g/b/m0", "1,$p", "g/b/t$", "1,$p" })); }
string t_global_errors() { return ed(lines(({ "aa", "bb" })) + ({ "g//p", "g", "gx", "g/b/", "g/a/#", "g/x/d", "v/a/s/b/c/", "1,$p" })); }
string t_rx_lstar() { return ed(lines(({ "ab" })) + ({ "s/[ab]*[bc]/X/", "s/a*[bc]/Y/", "p" })); }
string t_rx_empty_g() { return ed(lines(({ "abc", "ab" })) + ({ "1s/x*/-/g", "2s/x*/-/g", "1,$p" })); }
string t_rx_ic() { return ed(lines(({ "Abc", "abc" })) + ({ "set ic", "/Abc/", "/abc/", "s/b*c/Z/", "1s/a*A/Q/", "1s/[A-Z]/q/", "1s/[a-z]/q/", "set noic", "/ABC/" })); }
string t_rx_errors() { return ed(lines(({ "Abc", "abc" })) + ({ "1", "/\\(/", "//", "/a\\(/", "/[a-/", "/*/", "/a\\<*/", "/a\\(*/", "/\\)/", "/a\\>*/", "/\\>/", "/[]/", "/[z-a]/", "/a\\/", "/\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(a\\)\\)\\)\\)\\)\\)\\)\\)\\)\\)/" })); }
string t_rx_words() { return ed(lines(({ "foo bar_baz", "$x ^y a.b", "tail$" })) + ({ "1s/\\<b/B/g", "p", "1s/o\\>/O/", "2s/^\\^/C/", "2s/\\$x/D/", "2s/a\\.b/E/", "2s/.$/F/", "3s/l$/G/", "3s/$$/H/", "1,$p", "1s/^^f/I/", "s/\\(a\\)\\(r\\)/\\2\\1/" })); }
string t_empty_exit() { return ed(({ "x", "p", "", "1", "0", "d", "a", ".", "x", "a", "q", ".", "x", "f", "w" })); }
string t_page() { return ed(lines(({ "one", "two", "three" })) + ({ "z", "1z", "2z-", "set wi=1", "1z", "z.", "z+", "set wi=2", "2z.", "z", "z#" })); }
string t_marks_move_copy() { return ed(lines(({ "a", "b", "c", "d" })) + ({ "2ka", "1d", "'ap", "1m$", "1,$p", "'ap", "2t0", "1,$p", "u", "1,$p", "'b", "'A", "1,2m1", "1,2m0", "3,4m1", "1,$p", "kx", "k1" })); }
string t_addresses() { return ed(lines(({ "l1", "l2", "l3", "l4", "l5" })) + ({ "2;+2p", "1,3p", ".p", "$-1,$p", "2 + 1p", "3,1p", "6p", "-9p", "/l4/-1p", "?l2?+p", "%p", "1;p", ",p", ";p", "2,p", "99999999999p" })); }
string t_search_wrap() { return ed(lines(({ "xa", "b", "xc", "d" })) + ({ "/x/", "/x/", "/x/", "?x?", "?x?", "/nope/", "?nope?", "1", "/d/;/x/p" })); }
string t_change_insert() { return ed(lines(({ "a", "b", "c" })) + ({ "2c", "B1", "B2", ".", "1,$p", "1i", "top", ".", "1,$p", "0a", "zero", ".", "1,$p", "3,4c", ".", "1,$p", "$i", ".", "p", "1c 2", "i extra" })); }
string t_yank_put() { return ed(lines(({ "a", "b", "c" })) + ({ "1y x", "2,3y", "pu", "1,$p", "$pu x", "1,$p", "d A", "1y X", "0pu a", "1,$p", "pu z", "y 2", "pu" })); }
string t_subst_special() { return ed(lines(({ "hello world", "Mixed Case", "abc" })) + ({ "1s/o/[&]/g", "1s/\\(h\\)\\(e\\)/\\2\\1/", "2s/.*/\\U&/", "2s/MIXED/\\L&\\E!/", "2s/\\(c\\)ASE/\\u\\1ase \\lX/", "3s/b/\\&\\\\\\/x/", "3s/c/\\9\\q/", "1,$p", "3s/a/\\U\\e\\u/" })); }
string t_subst_count() { return ed(lines(({ "aa", "aa", "aa", "bb", "aa" })) + ({ "1s/a/x/2", "1,$p", "s/a/y/g3", "s/a/y/3g", "1,$p", "1,5s/a/z/", "1,$p", "s/q/r/", "1,5s/b/Q/gp" })); }
string t_subst_newline() { return ed(lines(({ "a,b,c", "x", "d,e" })) + ({ "3ka", "1ks", "1s/,/\\n/g", "1,$p", "'ap", "'sp", "u", "1,$p", "1,3s/[,x]/\\n/", "1,$p", "'ap" })); }
string t_subst_repeat() { return ed(({ "s", "s/x/y/" }) + lines(({ "ab", "ab", "ab" })) + ({ "1s/a/A/", "2s", "3s g", "1,$p", "s/b/", "p", "s/A/a/ 2", "s//Z/", "sx", "s/\\(/x/" })); }
string t_shift() { return ed(lines(({ "a", "  b", "\tc", "   ", "" })) + ({ "1,$>", "1,$l", "set sw=8", "2>2", "1,$l", "1,$<", "1,$<", "1,$<", "1,$l", "set sw=0", "1>", "set sw=3", "1,5>", "1,5l" })); }
string t_indent() { return ed(lines(({ "int f(int x) {", "if (x)", "return 1;", "else {", "x++; /* note", "more */", "}", "switch (x) {", "case 1:", "x = ({ 1,", "2 });", "break;", "default:", "# define X \\", "1", "}", "for (;;)", "while (x)", "x--;", "do {", "x++;", "} while (x);", "return 0;", "}" })) + ({ "I", "1,$l" })); }
string t_indent_more() { return ed(lines(({ "string s;", "void g() {", "s = \"a {", "b\";", "s = \"unterminated", "}" })) + ({ "I", "1,$l", "set sw=2", "1,2I", "1,$l" })); }
string t_undo_global() { return ed(lines(({ "a1", "b", "a2" })) + ({ "u", "g/a/d", "1,$p", "u", "1,$p", "u", "1,$p", "2", "g/a/s/a/A/", "u", "=" })); }
string t_files_edit() {
  remove_file("/ed_one.txt");
  write_file("/ed_one.txt", "line1\nline2\nline3");
  return ed(({ "e /ed_one.txt", "f", "1,$p", "w", "w!", "e", "1d", "e /ed_one.txt", "e! /ed_one.txt", "f", "f /ed_other.txt", "f", "e", "e nonexist", "f" })) + " " + esc(read_file("/ed_one.txt"));
}
string t_files_write() {
  remove_file("/ed_w1.txt"); remove_file("/ed_w2.txt");
  return ed(lines(({ "alpha", "beta", "gamma" })) + ({ "w", "w /ed_w1.txt", "f", "2w /ed_w2.txt", "1,2w >> /ed_w2.txt", "w>>/ed_w2.txt", "f /ed_w1.txt", "2d", "w", "1w", "1w! /ed_w1.txt", "w! /ed_w1.txt", "x" })) + " " + esc(read_file("/ed_w1.txt")) + " " + esc(read_file("/ed_w2.txt"));
}
string t_files_read() {
  remove_file("/ed_r.txt");
  write_file("/ed_r.txt", "r1\nr2\n");
  return ed(lines(({ "a", "b" })) + ({ "r", "1r /ed_r.txt", "1,$p", "0r /ed_r.txt", "=", "r /nonexist", "f /ed_r.txt", "$r", "1,$p" }));
}
string t_files_stats() {
  string long; int i;
  long = "";
  for (i = 0; i < 5000; i++) long += "x";
  remove_file("/ed_s.txt");
  write_file("/ed_s.txt", "a\000b\n" + long + "\nend");
  return ed(({ "e /ed_s.txt", "f", "1p", "=", "w", "3p" }));
}
string t_files_confined() {
  return ed(({ "e ../../../../etc/passwd", "e /", "e .", "w /", "e ed_one.txt", "f", "e /./ed_one.txt" }));
}
string t_quit_forms() {
  remove_file("/ed_q.txt");
  return ed(lines(({ "q1" })) + ({ "q", "quit", "wq", "wq /ed_q.txt" })) + ed(lines(({ "q2" })) + ({ "xit" })) + ed(({ "e /ed_q.txt", "x" })) + ed(({ "e /ed_q.txt", "1d", "q!" })) + ed(({ "e /ed_q.txt", "1d", "x" })) + esc(read_file("/ed_q.txt"));
}
string t_status() {
  string r;
  r = (query_editor(this_object()) ? query_editor(this_object()) : "nil");
  editor();
  r += " " + query_editor(this_object());
  editor("a");
  r += " " + query_editor(this_object());
  editor("x");
  r += " " + query_editor(this_object());
  editor(".");
  r += " " + query_editor(this_object());
  editor("q!");
  r += " " + (query_editor(this_object()) ? query_editor(this_object()) : "nil");
  return r;
}
string t_errors_kfun() { return ed(({ "a", "x", ".", "c", "y" })) + (catch(editor(nil)) ? "err" : "ok"); }
string t_newline() { return ed(({ "a\nb", "p", "a", "x\ny", "z\000y", "w", "." , "1,$p"})); }
string t_line_too_long() {
  string long; int i;
  long = "";
  for (i = 0; i < 4095; i++) long += "y";
  return ed(({ "a", long, long + "y", "x", "1,$p" }))[0 .. 20];
}
string t_output_too_long() {
  string long, *cmds; int i;
  long = "";
  for (i = 0; i < 4000; i++) long += "x";
  cmds = ({ "a" });
  for (i = 0; i < 20; i++) cmds += ({ long });
  cmds += ({ ".", "1,$p", "=" });
  return ed(cmds);
}
atomic void atomic_ed() { editor("p"); }
string t_atomic() {
  string r;
  editor("a"); editor("x"); editor(".");
  r = catch(atomic_ed());
  return r + " " + ed(({ "p" }));
}
object other;
string try_ed() { string e; e = catch(editor()); return e ? e : "ok:" + query_editor(this_object()); }
string t_simultaneous() {
  string r;
  other = clone_object(this_object());
  editor();
  r = other->try_ed();
  r += " " + query_editor(this_object()) + " " + (query_editor(other) ? "yes" : "nil");
  editor("q!");
  return r;
}
string t_keep_open() { editor("a"); editor("kept"); editor("."); return query_editor(this_object()); }
atomic void destruct_atomic(object o) { destruct_object(o); }
string run2() {
  string r, e;
  r = "limit: " + other->try_ed() + "\n";
  r += "keep: " + esc(editor("p")) + "\n";
  editor("q!");
  r += "other: " + other->try_ed() + "\n";
  e = catch(destruct_atomic(other));
  r += "destruct_atomic: " + (e ? e : "ok") + " " + (query_editor(other) ? query_editor(other) : "nil") + "\n";
  destruct_object(other);
  r += "destructed: " + (other ? "alive" : "gone") + "\n";
  r += "after: " + ed(({ "a", "again", ".", "p" })) + "\n";
  return r;
}
