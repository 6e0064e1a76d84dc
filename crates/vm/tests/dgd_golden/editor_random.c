# define CASES ({ "r000","r001","r002","r003","r004","r005","r006","r007","r008","r009","r010","r011","r012","r013","r014","r015","r016","r017","r018","r019","r020","r021","r022","r023","r024","r025","r026","r027","r028","r029","r030","r031","r032","r033","r034","r035","r036","r037","r038","r039","r040","r041","r042","r043","r044","r045","r046","r047","r048","r049","r050","r051","r052","r053","r054","r055","r056","r057","r058","r059","r060","r061","r062","r063","r064","r065","r066","r067","r068","r069","r070","r071","r072","r073","r074","r075","r076","r077","r078","r079","r080","r081","r082","r083","r084","r085","r086","r087","r088","r089","r090","r091","r092","r093","r094","r095","r096","r097","r098","r099","r100","r101","r102","r103","r104","r105","r106","r107","r108","r109","r110","r111","r112","r113","r114","r115","r116","r117","r118","r119","r120","r121","r122","r123","r124","r125","r126","r127","r128","r129","r130","r131","r132","r133","r134","r135","r136","r137","r138","r139","r140","r141","r142","r143","r144","r145","r146","r147","r148","r149" })
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
string t_r000() { return ed(lines(({ "foo.bar", "end." })) + ({ "2pu", "q", "set ic", "+p", "1,$l", ".=", "f" })); }
string t_r001() { return ed(lines(({ "alpha", "end.", "if (x) {", "if (x) {" })) + ({ "q", "v/e/s/^/> /", "-s/e/3/", "'al", "p", ".,+1a", "a.b.c", ".", "/[a-c]/s2", "2,3p", "%d 2", "f", "-ka", "q", "1,$l", ".=", "f" })); }
string t_r002() { return ed(lines(({ "alpha", "if (x) {", "end." })) + ({ "4p", "4s/^$/\\uz/", "'a'b", "v/e/s/^/> /", "/x/;/e/d", "$-1m+1", "1,$s/e/3/", "u", "set ic", "/x/;/e/<", ".,+1kb", "1,$l", ".=", "f" })); }
string t_r003() { return ed(lines(({ "}" })) + ({ "2=", "q", "?e?=", "1,$ka", "set wi=3", "v/e/s/^/> /", ".s/\\<b/\\U&/", "q", "f", "?e?dp", "1;+1kb", "+2I", "g/a/", "1,$l", ".=", "f" })); }
string t_r004() { return ed(lines(({ "end.", "end.", "UPPER lower", "", "((nested))", "gamma delta", "" })) + ({ "/[a-c]/s", "set", "2,3s g", "set ic", "kb", "0I", "-p", ".c", "gamma delta", "end.", ".", ".,+1p", "+2p", "/x/;/e/p", "1,$l", ".=", "f" })); }
string t_r005() { return ed(lines(({ "end." })) + ({ "I", "q", "+2d", "1,$l", ".=", "f" })); }
string t_r006() { return ed(lines(({ "foo.bar", "gamma delta", "x = 1;", "\ttabbed", "beta", "gamma delta", "gamma delta" })) + ({ ".=", "g/^$/", "v/e/d", "nu", "u", "+.", "+2p l", "1,$l", ".=", "f" })); }
string t_r007() { return ed(lines(({ "foo.bar", "if (x) {" })) + ({ "d 2", "s/^$/\\2\\1/2", "v/e/s/^/> /", "1,$l", ".=", "f" })); }
string t_r008() { return ed(lines(({ "  indented", "a.b.c", "((nested))", "UPPER lower", "", "}", "  indented" })) + ({ "i", "foo.bar", "((nested))", ".", "/x/;/e/j 3", ">2", "+s/a/\\uz/", "1.", "$-1d", "1;+1>2", "s/\\<b/X/g#", "+s/e/3/", ".I", "0s/e/3/", "1,$l", ".=", "f" })); }
string t_r009() { return ed(lines(({ "if (x) {" })) + ({ "2ka", "", "/[a-c]/s/e/3/", "1,$s", "g/^$/s/a/A/", "set sw=2", "1,$l", ".=", "f" })); }
string t_r010() { return ed(lines(({ "end.", "if (x) {", "\ttabbed", "alpha", "gamma delta" })) + ({ "'as/e/3/", "$.", "+>2", "g/x/s/a/A/", "/x/;/e/kb", "q", "1,$l", ".=", "f" })); }
string t_r011() { return ed(lines(({ "beta", "UPPER lower" })) + ({ "$p", ".s/\\<b/\\U&/p", "q", "1,$l", ".=", "f" })); }
string t_r012() { return ed(lines(({ "", "end.", "\ttabbed", "x = 1;", "x = 1;" })) + ({ "$-1#", "0l", "1;+1s/\\<b/&&/p", "/[a-c]/p", "?e?p", "$d", "2j 3", "", "1,$l", ".=", "f" })); }
string t_r013() { return ed(lines(({ "foo.bar" })) + ({ "1;+1d", "/a/y B", "", "2l", "+2p", ".", "0p", "g/a/", "#", "1;+1d 2", "2s/x*/\\2\\1/l", "1,$l", ".=", "f" })); }
string t_r014() { return ed(lines(({ "gamma delta", "UPPER lower" })) + ({ "?e?>2", "f", "v/e/p", "4s g", "1,$l", ".=", "f" })); }
string t_r015() { return ed(lines(({ "alpha" })) + ({ "$-1s/e/3/", "%j!", "?e?j", "1,$l", ".=", "f" })); }
string t_r016() { return ed(lines(({ "x = 1;" })) + ({ "2I", "+pu a", "q", "1,$.", ".pu a", "$-1s", "/a/d", "+2p", "q", "4p", "", "-j!", "1,$l", ".=", "f" })); }
string t_r017() { return ed(lines(({ "alpha", "x = 1;", "gamma delta" })) + ({ "1;+1.", "'ad", "f", "", "-p", "d a", "u", "f", "1,$l", ".=", "f" })); }
string t_r018() { return ed(lines(({ "beta", "alpha", "a.b.c", "alpha", "\ttabbed", "((nested))" })) + ({ "z.", "2,3nu", "2,3p", "g/e/d", "$s/[0-9]/-\\n-/p", "2,3p l", "$m$", ".,+1s/^$/X/p", "1,$l", ".=", "f" })); }
string t_r019() { return ed(lines(({ "foo.bar", "((nested))", "a.b.c", "", "end.", "UPPER lower", "UPPER lower" })) + ({ "$-1s/./\\L&\\e!/g", "/x/;/e/p", "+2d", "g/x/s/a/A/", ".,+1pu", ".,+1l", "1,$l", ".=", "f" })); }
string t_r020() { return ed(lines(({ "if (x) {" })) + ({ "+2s/x*/X/l", "/[a-c]/s/e/3/", "p", "v/a/s/^/> /", "$s/$/\\uz/2", "", "0s/e/\\U&/2", ".p", "1,$l", ".=", "f" })); }
string t_r021() { return ed(lines(({ "x = 1;", "", "a.b.c", "}", "a.b.c" })) + ({ "-?a?", "1,$j 3", "set ic", ".,+1j 3", "4.", "-a", "", ".", "q", "/a/a", "((nested))", "((nested))", ".", "+.", "$-1m+1", ".kb", "1a", "", "foo.bar", ".", "u", "1,$l", ".=", "f" })); }
string t_r022() { return ed(lines(({ "if (x) {", "  indented", "foo.bar" })) + ({ "set ic", "v/e/d", ".=", "1,$l", ".=", "f" })); }
string t_r023() { return ed(lines(({ "UPPER lower", "alpha", "", "beta", "((nested))" })) + ({ "2i", "beta", "gamma delta", ".", "q", "/x/;/e/p", "-I", "?e?l", "u", "$I", "1,$l", ".=", "f" })); }
string t_r024() { return ed(lines(({ "}", "  indented", "beta", "if (x) {", "foo.bar" })) + ({ "2>2", "-pu", ".,+1/a/", "2,3s g", "", "4p", "-i", "", ".", "$-1s/[a-z]*/\\L&\\e!/g", "$-1pu a", "q", "/x/;/e/l", "1,$l", ".=", "f" })); }
string t_r025() { return ed(lines(({ "end.", "((nested))", "end.", "gamma delta", "", "x = 1;", "}" })) + ({ "2d", "", "$-1s", "p", "", "f", "g/e/p", "/a/=", "", "1,$l", ".=", "f" })); }
string t_r026() { return ed(lines(({ "", "a.b.c", "x = 1;", "((nested))" })) + ({ "j", "%I", "$-1kb", "/x/;/e/j 3", "set ic", "u", "4pu a", "2,3?a?", "%s/e/3/", "2,3l", "$-1d", "1,$l", ".=", "f" })); }
string t_r027() { return ed(lines(({ "foo.bar", "a.b.c", "", "  indented" })) + ({ "=", "g/x/", "0j 3", "1??", "-'b", "$-1c", "", ".", "4<", "?e?i", "", ".", "1,$l", ".=", "f" })); }
string t_r028() { return ed(lines(({ "beta", "end.", "((nested))", "foo.bar", "alpha", "x = 1;", "\ttabbed" })) + ({ "/x/;/e/s/e/3/", "$t.", "+2l", "%s/\\<b/X/p", "2=", "1;+1??", "/a/p", "/x/;/e/p", "I", "1,$l", ".=", "f" })); }
string t_r029() { return ed(lines(({ "", "UPPER lower" })) + ({ "v/e/s/^/> /", "v/e/p", "+=", "'ad A", "1p", "1,$l", ".=", "f" })); }
string t_r030() { return ed(lines(({ "end.", "", "a.b.c", "x = 1;", "}", "" })) + ({ "?a?", "4t'a", "v/e/d", "-i", "if (x) {", "gamma delta", ".", "set sw=2", "v/e/s/^/> /", "v/a/s/^/> /", "u", "-.", "1s2", "./e/+1", "1,$l", ".=", "f" })); }
string t_r031() { return ed(lines(({ "foo.bar", "UPPER lower", "gamma delta", "foo.bar" })) + ({ "2,3I", "$s/l*p/\\2\\1/l", "/a/I", "?e?m$", "+nu", "2p", "?e?d A", "1,$l", ".=", "f" })); }
string t_r032() { return ed(lines(({ "beta", "gamma delta", "alpha", "alpha" })) + ({ "+p", "g/x/s/e/E/g", "0=", "'aI", "g/a/s/a/A/", "v/a/p", "u", "?e?I", "q", "-d A", ".,+1I", "", "1,$l", ".=", "f" })); }
string t_r033() { return ed(lines(({ "}", "UPPER lower" })) + ({ "1,$j 3", "+l", "p", "l", "?e?j 3", "+t.", "4s/[a-z]*/X/", "1,$l", ".=", "f" })); }
string t_r034() { return ed(lines(({ "gamma delta", "a.b.c", "", "alpha" })) + ({ "u", "%p", "$-1a", "", ".", "f", "$=", "+2p", "q", "1<", "1,$p", "$c", "a.b.c", ".", "+l", "u", "1,$l", ".=", "f" })); }
string t_r035() { return ed(lines(({ "a.b.c", "a.b.c", "  indented" })) + ({ "1;+1p", "1;+1d", "/[a-c]/ka", "/a/s/e/3/", ".,+1<", "v/e/s/^/> /", "1,$l", ".=", "f" })); }
string t_r036() { return ed(lines(({ "UPPER lower" })) + ({ "0'b", "q", ".y", "s/^ //", "4p", "2,3p", "set sw=2", "1,$l", ".=", "f" })); }
string t_r037() { return ed(lines(({ "x = 1;" })) + ({ ".,+1s/a/[&]/l", "?e?s/l*p/[&]/", "2,3//", "1,$l", ".=", "f" })); }
string t_r038() { return ed(lines(({ "\ttabbed" })) + ({ "$-1p", "?e?p", "+2p", "$j!", "?e?p", "/x/;/e/.", "/[a-c]/#", ".,+1=", "1,$l", ".=", "f" })); }
string t_r039() { return ed(lines(({ "x = 1;", "x = 1;" })) + ({ "?e?s/e/3/", "z.", "%c", "UPPER lower", "end.", ".", "1;+1s/e/3/", "f", "$-1d", "/a/s g", "'a=", "/[a-c]/nu", "1;+1s/e/X/p", "4s/e/3/", "1,$l", ".=", "f" })); }
string t_r040() { return ed(lines(({ "if (x) {", "\ttabbed", "x = 1;" })) + ({ "'apu b", "2,3/e/+1", "2,3p", "$nu", "'a.", "", "+2I", "set sw=2", "1,$l", ".=", "f" })); }
string t_r041() { return ed(lines(({ "if (x) {", "end.", "beta", "foo.bar", "((nested))", "alpha" })) + ({ "2,3p", "set wi=3", "-s/e/3/", "'a//", "4.", "1,$l", ".=", "f" })); }
string t_r042() { return ed(lines(({ "\ttabbed", "}", "foo.bar", "x = 1;" })) + ({ ".=", "$p", "/x/;/e/y b", "", "2d", "q", "0/a/", "2s/e/3/", "g/a/#", "1pu b", "", "1,$l", ".=", "f" })); }
string t_r043() { return ed(lines(({ "beta", "end.", "beta", "((nested))", "end.", "  indented" })) + ({ ".s/e/3/", "/[a-c]/p", "", "1,$.", "+dp", "set ic", "/x/;/e/I", ".,+1ka", "1,$p", "+2l", "s2", "f", "1,$=", "1,$l", ".=", "f" })); }
string t_r044() { return ed(lines(({ "if (x) {" })) + ({ "2,3s/e/3/", "", "/a/p", "%p", "$-1s2", "v/a/s/^/> /", "$-1p l", "'as/e/3/", "1;+1c", "", ".", ".,+1<<", "4c", "}", ".", "$m+1", "1,$l", ".=", "f" })); }
string t_r045() { return ed(lines(({ "foo.bar", "gamma delta", "", "((nested))" })) + ({ "4y", "/x/;/e/>", "/[a-c]/kb", "/x/;/e/t'a", "1p", "1,$l", ".=", "f" })); }
string t_r046() { return ed(lines(({ "end." })) + ({ "u", "/a/pu b", "1,$//", "1,$l", ".=", "f" })); }
string t_r047() { return ed(lines(({ "}", "((nested))", "beta", "}" })) + ({ "/[a-c]/s/[a-z]*/X/g", "+2.", "$s/e/3/", "$-1l", "2,3y B", "/[a-c]/'b", "/[a-c]/y B", "q", "1,$l", ".=", "f" })); }
string t_r048() { return ed(lines(({ "UPPER lower", "end." })) + ({ "u", "$p", "$s", "/a/", "$pu", "q", "u", "p", "0>", "f", "1,$l", ".=", "f" })); }
string t_r049() { return ed(lines(({ "if (x) {", "x = 1;", "alpha", "a.b.c", "beta" })) + ({ "g/a/l", "g/e/", "d", "g/a/d", "u", "/x/;/e/m+1", "z-", "1,$a", "", ".", "u", "2,3s/$//l", ".,+1.", "1,$l", ".=", "f" })); }
string t_r050() { return ed(lines(({ "}", "a.b.c", "((nested))", "", "  indented", "((nested))", "((nested))" })) + ({ "1,$j", "/x/;/e/p", "+2ka", "f", "$-1I", "q", "2,3d A", "-pu", "$s/$/\\U&/2", "f", "c", "", "gamma delta", ".", "+2>2", "1,$l", ".=", "f" })); }
string t_r051() { return ed(lines(({ "UPPER lower", "\ttabbed", "\ttabbed", "}" })) + ({ "set noic", "'ad a", ".c", "UPPER lower", "}", ".", "f", "2,3p", "2,3j 3", "1,$l", ".=", "f" })); }
string t_r052() { return ed(lines(({ "a.b.c", "((nested))" })) + ({ "0j!", "z-", "$s/^$/\\uz/g", "4p", "f", "", "1,$l", ".=", "f" })); }
string t_r053() { return ed(lines(({ "beta", "  indented", "foo.bar", "  indented", "", "foo.bar" })) + ({ "$-1l", "j", "$-1s/e/3/", "1d a", "/x/;/e/pu b", "'a.", "2,3i", "", ".", "'anu", "2s/$/\\2\\1/l", "", "1ka", "2//", "-j!", "1,$l", ".=", "f" })); }
string t_r054() { return ed(lines(({ "alpha", "x = 1;", "alpha", "beta", "gamma delta" })) + ({ "4ka", "/x/;/e/nu", "pu a", "'ap", "4ka", "+2i", "", ".", "g/x/s/a/A/", ".,+1<<", "-t'a", "1,$l", ".=", "f" })); }
string t_r055() { return ed(lines(({ "", "gamma delta", "alpha" })) + ({ "2=", "-s/^ //p", "f", ".,+1y B", "+2=", "set ic", "v/e/p", ".,+1i", "", "end.", ".", "2,3s/e/3/", "0p", "%t'a", "$s/e/\\2\\1/l", "1,$l", ".=", "f" })); }
string t_r056() { return ed(lines(({ "  indented", "}", "end.", "((nested))", "end.", "((nested))", "x = 1;" })) + ({ "$-1d", "?e?s/[0-9]/[&]/2", "0#", "$-1pu b", "g/a/s/a/A/", "4p", "?e?s/^$/\\L&\\e!/", "I", "1,$l", ".=", "f" })); }
string t_r057() { return ed(lines(({ "if (x) {", "foo.bar", "a.b.c", "if (x) {", "\ttabbed", "x = 1;", "if (x) {" })) + ({ "%a", "", ".", "z", "p", "", "2,3=", "q", "f", "1;+1.", "1,$d", "1,$l", ".=", "f" })); }
string t_r058() { return ed(lines(({ "foo.bar", "  indented", "beta", "", "x = 1;", "end.", "gamma delta" })) + ({ "q", "'al", "/a/.", "g/a/s/a/A/", "1,$l", ".=", "f" })); }
string t_r059() { return ed(lines(({ "if (x) {", "if (x) {", "x = 1;", "\ttabbed" })) + ({ "-I", "0c", "", ".", "'ap", "g/e/s/a/A/", "4i", "((nested))", ".", "v/a/d", "+l", ".i", "  indented", "beta", ".", "1,$l", ".=", "f" })); }
string t_r060() { return ed(lines(({ "x = 1;", "x = 1;" })) + ({ "/x/;/e/d 2", "1,$//", "1z", "%<<", "f", "", "+2d", "s/.//", "p", "%s/l*p//l", "$-1=", "$d", "2=", "1,$l", ".=", "f" })); }
string t_r061() { return ed(lines(({ "alpha", "}", "if (x) {" })) + ({ "v/e/p", "f", ".<", "/x/;/e/j", ".,+1p", ".,+1d", "?e?s/a\\>/X/g#", "/[a-c]/s", "s/e/3/", "+'b", "0=", ".,+1a", "", ".", "u", "1,$l", ".=", "f" })); }
string t_r062() { return ed(lines(({ "a.b.c", "alpha", "if (x) {", "beta", "" })) + ({ "1,$a", "  indented", "((nested))", ".", "p", "$-1l", "/[a-c]/y b", "1,$l", ".=", "f" })); }
string t_r063() { return ed(lines(({ "gamma delta", "", "UPPER lower", "end.", "x = 1;" })) + ({ "%c", "", ".", "?e?s/^$//g", "set sw=2", "$.", "", ".s/e/3/", "/a/p", "$j!", "+2y B", "u", "$p", "1,$l", ".=", "f" })); }
string t_r064() { return ed(lines(({ "\ttabbed", "  indented" })) + ({ "1;+1p", "f", ".,+1s g", "v/a/s/^/> /", "?e?I", "v/a/s/^/> /", "1,$l", ".=", "f" })); }
string t_r065() { return ed(lines(({ "gamma delta" })) + ({ "p", "?e???", "/x/;/e/<", "", "/x/;/e/s/\\<b/\\L&\\e!/", "-l", "$-1s/^ //p", ".?a?", "$t0", "set wi=3", "2,3p", "$-1d", "v/a/d", "1,$l", ".=", "f" })); }
string t_r066() { return ed(lines(({ "((nested))", "foo.bar", "foo.bar", "beta", "foo.bar", "x = 1;", "((nested))" })) + ({ "0y", "'ap", "$s/[^a-z]/&&/", "/[a-c]/s/e/3/", "+dp", "?e?=", "+p#", "g/e/d", "v/e/s/^/> /", "2p", "1,$l", ".=", "f" })); }
string t_r067() { return ed(lines(({ "  indented", "((nested))", "foo.bar", "if (x) {", "a.b.c", "}", "" })) + ({ "+2d", ".c", "", "", ".", "/[a-c]/d A", "q", "?e?>2", "z.", ".,+1s/a/[&]/", "set ic", ".,+1.", "-p", "/x/;/e/p", "??", "1,$l", ".=", "f" })); }
string t_r068() { return ed(lines(({ "}", "  indented", "gamma delta", "foo.bar", "", "  indented", "end." })) + ({ "u", "-s g", "g/a/l", "l", "0p", "$s/[0-9]/\\uz/2", "1;+1p", "1=", "1;+1l", "?e?p", "2,3s/e/3/", "1,$l", ".=", "f" })); }
string t_r069() { return ed(lines(({ "\ttabbed", "if (x) {", "\ttabbed", "x = 1;", "}", "alpha" })) + ({ "1,$p", "$-1>2", "$s/e/3/", "", "+2p", "0.", "?e?>", "", "p l", "=", "'anu", "1,$l", ".=", "f" })); }
string t_r070() { return ed(lines(({ "((nested))", "", "alpha" })) + ({ "1;+1ka", "z-", ".,+1l", "2,3j 3", ".p", "'a.", "$s2", "1;+1s/e//p", "2,3l", "/a/.", "+2s/e/3/", "ka", "q", "1,$l", ".=", "f" })); }
string t_r071() { return ed(lines(({ "end.", "((nested))" })) + ({ "q", "f", "", "1p", "v/e/d", "$p", ".,+1t'a", "1,$l", ".=", "f" })); }
string t_r072() { return ed(lines(({ "\ttabbed", "  indented", "  indented", "beta", "\ttabbed", "UPPER lower" })) + ({ "2,3p", "+m+1", ".,+1p", "'aj!", "2,3d", "%p", "/a/p", "'ap", ".>", "v/e/p", "1,$l", ".=", "f" })); }
string t_r073() { return ed(lines(({ "  indented", "beta" })) + ({ "1;+1s/\\<b/&&/l", "%y b", ".", "'aI", "0.", "4d", "1,$p", ".p", ".,+1y", "-p", "q", ".=", "1,$l", ".=", "f" })); }
string t_r074() { return ed(lines(({ "" })) + ({ "%s g", "1,$dp", "'akb", "1a", "gamma delta", "  indented", ".", "g/^$/s/a/A/", "0<<", "1,$l", ".=", "f" })); }
string t_r075() { return ed(lines(({ "alpha", "}", "alpha" })) + ({ "g/x/d", "v/e/d", "4p", "+<<", "1,$l", ".=", "f" })); }
string t_r076() { return ed(lines(({ "end.", "foo.bar", "foo.bar", "a.b.c", "", "", "end." })) + ({ "/x/;/e/c", "end.", "((nested))", ".", "0I", "set wi=3", "g/^$/s/a/A/", "q", ".,+1i", "\ttabbed", ".", "0p", "q", "%l", "/a/d", "1,$l", ".=", "f" })); }
string t_r077() { return ed(lines(({ "}", "  indented", "UPPER lower", "}", "x = 1;" })) + ({ "?e?s/[0-9]//", "2i", "", ".", ".,+1pu b", "$-1p", "u", "$-1j 3", "d", "v/e/p", "g/a/#", "q", "0>2", "d a", "q", "1,$l", ".=", "f" })); }
string t_r078() { return ed(lines(({ "foo.bar", "a.b.c", "x = 1;", "\ttabbed", "\ttabbed", "if (x) {" })) + ({ "2,3l", "1d", "->", "-c", "", ".", "?e?d 2", "0s", "$-1'b", "/a//a/", "v/e/d", "1,$l", ".=", "f" })); }
string t_r079() { return ed(lines(({ "gamma delta", "a.b.c", "gamma delta", "alpha" })) + ({ ".,+1>2", "2,3l", "0j", "", ".,+1t'a", "/[a-c]/y", "$-1p", "1,$a", "  indented", "end.", ".", "1,$l", ".=", "f" })); }
string t_r080() { return ed(lines(({ "UPPER lower", "a.b.c", "UPPER lower", "\ttabbed", "if (x) {" })) + ({ "-p", "0p l", "2,3=", "$s/$/X/", "s2", "/[a-c]/p", "/a/", "p", "1,$l", ".=", "f" })); }
string t_r081() { return ed(lines(({ "" })) + ({ "j 3", ".,+1p", "1,$s", "$-1pu a", "f", "-y b", "?e?s", ".,+1d 2", "1,$l", ".=", "f" })); }
string t_r082() { return ed(lines(({ "x = 1;" })) + ({ "2>", "", "4=", ".p", "-s", "2m0", "'ad", "%p", "1,$l", ".=", "f" })); }
string t_r083() { return ed(lines(({ "  indented", "alpha" })) + ({ "ka", "+I", "-d", "#", "2p", "-p", "+2m+1", "1,$l", ".=", "f" })); }
string t_r084() { return ed(lines(({ "end.", "  indented", "UPPER lower", "alpha" })) + ({ "q", "/a/j!", "/x/;/e/I", "0l", "/x/;/e/l", "/[a-c]/p", "-l", "1,$l", ".=", "f" })); }
string t_r085() { return ed(lines(({ "gamma delta", "foo.bar", "a.b.c" })) + ({ "1d 2", "+2s/e/3/", "'at0", "%>2", "1,$l", ".=", "f" })); }
string t_r086() { return ed(lines(({ "x = 1;", "if (x) {", "}" })) + ({ "/a/p", "$-1s/[a-z]*/\\uz/g#", ".,+1s/^$/\\2\\1/g", "4I", "$a", "", ".", "0p", "-y B", "'aa", "end.", ".", "z-", "$>2", "%p", "1,$l", ".=", "f" })); }
string t_r087() { return ed(lines(({ "gamma delta", "a.b.c", "x = 1;", "beta", "a.b.c", "gamma delta", "}" })) + ({ "p", "+'b", "/a/kb", "2,3.", "4j", "?e?s/a/\\uz/g#", "v/a/p", "$-1.", "", "/a/d", "$-1dp", "1,$l", ".=", "f" })); }
string t_r088() { return ed(lines(({ "  indented" })) + ({ "-s/\\(a\\)\\(l\\)/\\L&\\e!/p", ".s/^ /&&/p", "", ".,+1=", "1,$l", ".=", "f" })); }
string t_r089() { return ed(lines(({ "end.", "", "((nested))", "if (x) {", "end." })) + ({ "", "set", "/a/d", "1>2", "-s", "+s/a/\\2\\1/2", ".ka", "/a/p", "-c", "end.", "  indented", ".", "%p", "1,$l", ".=", "f" })); }
string t_r090() { return ed(lines(({ "a.b.c", "  indented", "foo.bar", "x = 1;", "gamma delta", "foo.bar" })) + ({ "v/a/d", "1,$s/e/3/", "p", "/a/l", "f", "1,$s/e/\\L&\\e!/p", "g/^$/s/a/A/", "1;+1j", "set ic", "1.", "/x/;/e/p", "'aa", "", ".", "'ad", "1,$l", ".=", "f" })); }
string t_r091() { return ed(lines(({ "\ttabbed", "end.", "end." })) + ({ "$-1l", ">2", "4s/$/X/", "/[a-c]/<", "/a/pu b", "1;+1??", "", "1,$l", ".=", "f" })); }
string t_r092() { return ed(lines(({ "\ttabbed", "a.b.c", "gamma delta", "x = 1;", "gamma delta" })) + ({ "?e?nu", "1;+1=", "v/e/d", "1,$s/^$/\\U&/", "4?a?", "1p", "2,3p", "1,$=", "1,$l", ".=", "f" })); }
string t_r093() { return ed(lines(({ "}", "UPPER lower", "x = 1;", "", "((nested))" })) + ({ "", "u", "f", "%d", "", "1,$l", ".=", "f" })); }
string t_r094() { return ed(lines(({ "alpha", "end.", "UPPER lower" })) + ({ "/a/l", "4dp", "1t.", "q", ".s", "I", "1;+1kb", ".s/e/3/", "1,$l", ".=", "f" })); }
string t_r095() { return ed(lines(({ "}", "alpha", "foo.bar", "  indented" })) + ({ "%p", ".c", "", ".", "u", "+2j", "'as/[a-z]*/\\2\\1/l", "2,3i", "", ".", "f", "%I", ".,+1=", ".m+1", "2,3i", "end.", "((nested))", ".", "$-1s2", "1,$l", ".=", "f" })); }
string t_r096() { return ed(lines(({ "a.b.c", "alpha" })) + ({ "/[a-c]/p#", "v/a/s/^/> /", "%l", ".,+1l", "+ka", "2p", ".,+1p#", "%s/./\\2\\1/2", "1,$l", ".=", "f" })); }
string t_r097() { return ed(lines(({ "", "end.", "foo.bar", "alpha" })) + ({ "1;+1s g", "set wi=3", "/a/d", "0.", "s/\\<b/X/l", ".,+1p", "%d A", "'aI", "2l", "%p", "/[a-c]/pu", "2,3j", "1,$l", ".=", "f" })); }
string t_r098() { return ed(lines(({ "if (x) {", "" })) + ({ "0l", "$=", "$j!", "0s/^ /\\U&/g", "%d", "2p#", "%p", "/a/s/\\<b/-\\n-/p", "u", "1,$l", ".=", "f" })); }
string t_r099() { return ed(lines(({ "UPPER lower", "}", "\ttabbed", "UPPER lower" })) + ({ "1;+1i", "end.", ".", "q", "2s/x*/\\2\\1/2", "%s/e/\\L&\\e!/", "f", "1,$j 3", "f", "1,$l", ".=", "f" })); }
string t_r100() { return ed(lines(({ "UPPER lower", "foo.bar", "x = 1;" })) + ({ "", "1,$j 3", "u", "-s/\\<b/\\U&/g#", "-p", "q", "0p", "/[a-c]/j", "/a/kb", "0c", "  indented", ".", "$-1d", "1,$l", ".=", "f" })); }
string t_r101() { return ed(lines(({ "if (x) {", "UPPER lower", "if (x) {" })) + ({ "q", "?e?p", "/a/c", "end.", "  indented", ".", "1dp", "?e?j", "v/a/d", "/a/p", "/[a-c]/p", "2s/\\<b/\\2\\1/p", "?e?s/./-\\n-/g#", "4s/e/3/", "+y b", ".s/\\<b/\\2\\1/g", "1,$l", ".=", "f" })); }
string t_r102() { return ed(lines(({ "}" })) + ({ "$=", "$>2", "/x/;/e/i", "gamma delta", "alpha", ".", ".ka", "1,$dp", "z-", ".,+1s/x*/\\2\\1/g", "$kb", "/a/p", "u", "%=", "+d", "1,$l", ".=", "f" })); }
string t_r103() { return ed(lines(({ "UPPER lower", "((nested))" })) + ({ "$-1/a/", "2,3y b", "2p", "1,$l", ".=", "f" })); }
string t_r104() { return ed(lines(({ "((nested))", "((nested))", "end.", "beta", "end.", "if (x) {", "x = 1;" })) + ({ "1;+1I", "4=", "set wi=3", "/[a-c]/s/\\(a\\)\\(l\\)/-\\n-/2", "1,$l", ".=", "f" })); }
string t_r105() { return ed(lines(({ "if (x) {", "x = 1;", "", "  indented" })) + ({ "$p", "-d", "/x/;/e/d 2", "0I", "1;+1I", "#", "1,$l", ".=", "f" })); }
string t_r106() { return ed(lines(({ "end.", "end.", "", "alpha", "alpha", "if (x) {", "end." })) + ({ "$<", "v/e/d", "q", "", "%=", "2,3s/\\(a\\)\\(l\\)/X/p", "-l", "1,$l", ".=", "f" })); }
string t_r107() { return ed(lines(({ "gamma delta", "((nested))", "alpha", "x = 1;" })) + ({ "$-1s/a/[&]/l", "1,$p", "1;+1p", "1<<", "f", "1,$l", ".=", "f" })); }
string t_r108() { return ed(lines(({ "beta", "gamma delta", "", "end.", "a.b.c" })) + ({ "0c", "  indented", ".", "2,3l", "set noic", "1#", "", "/a/p", "/a/l", "+p", "v/a/p", "1,$l", ".=", "f" })); }
string t_r109() { return ed(lines(({ "if (x) {", "  indented", "beta", "\ttabbed", "}" })) + ({ "1;+1p", ".,+1>2", "u", "g/a/l", "0l", "-I", "'apu", ".,+1I", "+2p", ".=", "%??", "1;+1m+1", "1,$l", ".=", "f" })); }
string t_r110() { return ed(lines(({ "x = 1;", "" })) + ({ "u", "g/x/", "q", "$-1d", "$p", "set sw=2", "$-1pu a", "$-1d", "2,3#", "I", "1,$I", "1;+1//", "f", "1,$l", ".=", "f" })); }
string t_r111() { return ed(lines(({ "UPPER lower", "alpha" })) + ({ "+2s2", "1l", "t'a", "2,3pu b", "1;+1p", "u", "g/x/p", "1,$c", "foo.bar", ".", "/x/;/e/p", ".s", "2a", "", ".", "1,$l", ".=", "f" })); }
string t_r112() { return ed(lines(({ "", "\ttabbed", "((nested))", "((nested))", "  indented" })) + ({ "f", "+d", "/a/=", "1;+1l", "0y b", "1,$l", ".=", "f" })); }
string t_r113() { return ed(lines(({ "foo.bar", "((nested))", "  indented" })) + ({ "0.", "p", "0>2", "1,$l", "1,$l", ".=", "f" })); }
string t_r114() { return ed(lines(({ "end.", "((nested))", "beta", "gamma delta" })) + ({ "q", "4p", "/[a-c]/l", "/a/ka", "-s/^ /X/p", "%p", "1,$l", ".=", "f" })); }
string t_r115() { return ed(lines(({ "end.", "  indented", "  indented" })) + ({ "2,3s/./&&/2", "g/a/", "+2t'a", "+m$", "v/e/s/^/> /", "?e?p", ".,+1I", "1,$l", ".=", "f" })); }
string t_r116() { return ed(lines(({ "alpha", "gamma delta", "  indented", "end.", "}", "a.b.c", "beta" })) + ({ "v/e/p", "'a=", "-#", "z-", "1,$s/\\(a\\)\\(l\\)//2", "f", "l", "1,$l", ".=", "f" })); }
string t_r117() { return ed(lines(({ "gamma delta", "if (x) {", "gamma delta", "alpha", "\ttabbed", "if (x) {", "foo.bar" })) + ({ "2a", "\ttabbed", "}", ".", "/[a-c]/i", "end.", "((nested))", ".", "'a#", "f", "+2p", "f", "2//", "+2I", "q", "1,$l", ".=", "f" })); }
string t_r118() { return ed(lines(({ "gamma delta", "((nested))", "beta" })) + ({ "v/a/d", "", "q", "u", "=", "u", "1a", "alpha", "}", ".", "$-1p", "i", "", ".", "1,$l", ".=", "f" })); }
string t_r119() { return ed(lines(({ "beta" })) + ({ "", "$-1ka", "f", "1,$l", ".=", "f" })); }
string t_r120() { return ed(lines(({ "x = 1;", "end.", "x = 1;", "end.", "((nested))" })) + ({ "4.", "2,3d", "0j", "4d a", "$-1m+1", "1,$l", ".=", "f" })); }
string t_r121() { return ed(lines(({ "UPPER lower", "\ttabbed", "foo.bar" })) + ({ "g/^$/d", "g/e/#", ".p", "1,$l", ".=", "f" })); }
string t_r122() { return ed(lines(({ "if (x) {", "  indented", "gamma delta" })) + ({ ".,+1s/e/3/", "'ap", "u", "%p", "?e?s", "1,$l", ".=", "f" })); }
string t_r123() { return ed(lines(({ "\ttabbed", "((nested))", "  indented", "UPPER lower", "a.b.c", "\ttabbed" })) + ({ "4l", "1j", "-p", "2,3p#", "v/e/p", ".i", "", ".", "+l", "$-1d a", "0=", "$-1t0", "/a/.", "1,$l", ".=", "f" })); }
string t_r124() { return ed(lines(({ "alpha", "alpha", "end." })) + ({ "%a", "", ".", "'ap", "/x/;/e/I", "1,$l", ".=", "f" })); }
string t_r125() { return ed(lines(({ "beta", "  indented", "a.b.c" })) + ({ "s", "$c", "a.b.c", "a.b.c", ".", "%p", "/e/+1", "1,$l", ".=", "f" })); }
string t_r126() { return ed(lines(({ "end.", "}" })) + ({ ".,+1p", "$d", "$p", "1;+1j", ".,+1=", "1,$l", ".=", "f" })); }
string t_r127() { return ed(lines(({ "  indented", "if (x) {", "alpha" })) + ({ "/a/y B", "f", "?e?s/e/3/", ".,+1=", "+2I", ".p", "q", "", "0s/^ /\\L&\\e!/", "=", "'ad", "1,$l", ".=", "f" })); }
string t_r128() { return ed(lines(({ "x = 1;", "if (x) {" })) + ({ "/[a-c]/s/e/3/", "z-", "d", "1,$l", ".=", "f" })); }
string t_r129() { return ed(lines(({ "if (x) {", "", "if (x) {", "", "\ttabbed" })) + ({ "+p", "$-1s2", "u", "1;+1.", ".,+1s2", ".,+1?a?", "1d a", "z", "g/^$/p", "2s/[0-9]/X/l", "", "1z", "1,$l", ".=", "f" })); }
string t_r130() { return ed(lines(({ "}", "((nested))", "a.b.c", "beta", "end." })) + ({ "u", "'as/\\<b/[&]/2", "/x/;/e/=", "/[a-c]/ka", "%.", "u", "1;+1d", "u", "/x/;/e/s/[0-9]/-\\n-/", "/[a-c]/p", "1;+1l", "%p", "2d", "1,$l", ".=", "f" })); }
string t_r131() { return ed(lines(({ "x = 1;", "", "beta", "x = 1;" })) + ({ "+2p", "1;+1s/e/3/", "q", "'ad", "", "/x/;/e/>2", "v/a/d", "?e?/a/", "+2=", "$-1nu", "1;+1p", "'ap", "2,3c", "", ".", "1,$l", ".=", "f" })); }
string t_r132() { return ed(lines(({ "\ttabbed", "UPPER lower" })) + ({ "%s/\\(a\\)\\(l\\)//l", "%l", "g/a/s/a/A/", "z-", "1,$l", ".=", "f" })); }
string t_r133() { return ed(lines(({ "alpha", "alpha", "alpha", "\ttabbed", "alpha", "\ttabbed" })) + ({ ".,+1s/x*/-\\n-/", "'aI", "-d A", "/a/", "2,3I", "?e?s", "-s/e//", "1,$l", ".=", "f" })); }
string t_r134() { return ed(lines(({ "x = 1;", "alpha" })) + ({ "f", ".=", "/[a-c]/p", "+2dp", "+I", "s/e/3/", "?e?l", "u", "%y B", "", "1,$l", ".=", "f" })); }
string t_r135() { return ed(lines(({ "}" })) + ({ "/[a-c]/s/[a-z]*/\\L&\\e!/g#", "q", "2,3/e/+1", "+2s/./[&]/p", "%kb", "f", "-t0", "f", "2,3d", "1,$l", ".=", "f" })); }
string t_r136() { return ed(lines(({ "alpha", "end.", "a.b.c" })) + ({ "?e?y b", "1;+1y B", "z.", "1,$p", "1,$l", ".=", "f" })); }
string t_r137() { return ed(lines(({ "gamma delta", "beta" })) + ({ ".p", "2p", ".,+1I", "4??", "p", "pu a", "1z", "0kb", "'anu", "1,$l", ".=", "f" })); }
string t_r138() { return ed(lines(({ "if (x) {", "a.b.c", "if (x) {", "\ttabbed", "beta", "  indented", "end." })) + ({ "f", "/[a-c]/<<", "", "$s/[0-9]/X/p", "?e?ka", "1;+1i", "gamma delta", "gamma delta", ".", "q", ".,+1#", "set sw=2", "2,3c", "gamma delta", "((nested))", ".", "1,$l", ".=", "f" })); }
string t_r139() { return ed(lines(({ "\ttabbed", "gamma delta" })) + ({ "?e?i", "x = 1;", ".", "v/a/p", "-ka", "?e?s g", "1;+1=", "1,$l", ".=", "f" })); }
string t_r140() { return ed(lines(({ "if (x) {", "foo.bar", "end." })) + ({ "1,$.", "1;+1p", "a", "UPPER lower", "}", ".", "1s/a/&&/", "+2s/^ /[&]/2", "v/e/s/^/> /", "/x/;/e/.", "f", "1,$l", ".=", "f" })); }
string t_r141() { return ed(lines(({ "beta", "UPPER lower", "if (x) {", "}", "  indented", "beta", "UPPER lower" })) + ({ "/x/;/e/s/a\\>/X/l", "v/a/d", "/x/;/e/ka", "v/e/d", "", "q", "?e?j 3", "q", "1,$l", ".=", "f" })); }
string t_r142() { return ed(lines(({ "end.", "a.b.c", "}", "end.", "a.b.c" })) + ({ "/[a-c]/p#", "2/e/+1", "p", ".,+1s/e/3/", "/a/<", "u", "$-1s/e/3/", "v/e/s/^/> /", "1;+1s/x*/\\uz/g#", "0.", "/x/;/e//a/", "q", "f", "1,$l", ".=", "f" })); }
string t_r143() { return ed(lines(({ "gamma delta", "x = 1;", "gamma delta", "}" })) + ({ "", "/x/;/e/d", "4=", "0p", "", "u", "set wi=3", "4s/$//p", "+2l", "1,$l", ".=", "f" })); }
string t_r144() { return ed(lines(({ "end." })) + ({ "2l", "%s/^ /\\U&/", "1d", "2p", "", "nu", "$>2", "p#", "0s/e/3/", "-d", "f", "set sw=2", "0l", "1,$l", ".=", "f" })); }
string t_r145() { return ed(lines(({ "", "((nested))", "((nested))", "foo.bar", "a.b.c", "gamma delta", "x = 1;" })) + ({ "1p", "1;+1p", "2t.", "p", "/x/;/e/p", "+2/e/+1", "1;+1m+1", "q", "?e?I", "4#", "4t'a", "1,$l", ".=", "f" })); }
string t_r146() { return ed(lines(({ "gamma delta", "", "", "UPPER lower", "alpha", "x = 1;", "end." })) + ({ "/[a-c]/#", "2y B", "+y B", "0d", "f", "a", "end.", "}", ".", "4ka", "/x/;/e/>2", "0<<", "+2l", "1,$l", ".=", "f" })); }
string t_r147() { return ed(lines(({ "\ttabbed", "UPPER lower", "", "x = 1;", "  indented" })) + ({ "-d 2", "+2ka", "z.", "1,$>", "+2=", "-l", "1,$l", ".=", "f" })); }
string t_r148() { return ed(lines(({ "if (x) {", "gamma delta", "beta", "a.b.c" })) + ({ "2,3d", "+s/$/-\\n-/l", "/a/j 3", "1;+1y b", "-p", "1,$pu a", "f", "j", "v/e/s/^/> /", "-p", "1,$l", ".=", "f" })); }
string t_r149() { return ed(lines(({ "UPPER lower", "x = 1;", "UPPER lower", "x = 1;" })) + ({ "p#", "1;+1j!", "g/^$/s/a/A/", "+2l", "q", "/a/pu a", "1,$l", ".=", "f" })); }

