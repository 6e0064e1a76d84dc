# define CASES ({ "r000","r001","r002","r003","r004","r005","r006","r007","r008","r009","r010","r011","r012","r013","r014","r015","r016","r017","r018","r019","r020","r021","r022","r023","r024","r025","r026","r027","r028","r029","r030","r031","r032","r033","r034","r035","r036","r037","r038","r039","r040","r041","r042","r043","r044","r045","r046","r047","r048","r049","r050","r051","r052","r053","r054","r055","r056","r057","r058","r059","r060","r061","r062","r063","r064","r065","r066","r067","r068","r069","r070","r071","r072","r073","r074","r075","r076","r077","r078","r079","r080","r081","r082","r083","r084","r085","r086","r087","r088","r089","r090","r091","r092","r093","r094","r095","r096","r097","r098","r099" })
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
string t_r000() { return ed(lines(({ "c2 */" })) + ({ "r /edr_a.txt", "g/e/p", "f", "v/a/s/^/> /", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r001() { return ed(lines(({ "do {" })) + ({ "%s/\\<b/[&]/g#", "/[a-c]/>", "p#", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r002() { return ed(lines(({ "if (x) {", "if (x) {", "a.b.c" })) + ({ "1,$ka", "/[a-c]/??", "", "2p", "/a/.", "/[a-c]/s/[a-z]*//", "$;-2p", ",d", "'b,$s2", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r003() { return ed(lines(({ "if (x) {", "a.b.c", "# define Z" })) + ({ "set wi=3", "1;+1j!", "", "1z", "+//", "/a/s/e/3/", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r004() { return ed(lines(({ "default:", "else", "   ", "do {", "foo.bar" })) + ({ "?e?s/a/-\\n-/l", "++nu", "0d", ";#", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r005() { return ed(lines(({ "a.b.c", "/* c1", "((nested))", "ab", "beta", "else", "} while (0);" })) + ({ "+pu b", "?e?#", "'aj 3", "$-1l", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r006() { return ed(lines(({ "c2 */" })) + ({ "?^?.", "2-1s/e/3/", "z-", "set noic", ".", "set sw=2", "d", "u", "1s/[a-z]*/&&/g#", "2s/e/3/", "/[a-c]/d", "0d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r007() { return ed(lines(({ "/* c1", "else", "} while (0);", "s = \"q{\";", "s = \"q{\";" })) + ({ "u", "v/e/s/^/> /", ";.", "2-1s/e/\\L&\\e!/p", "?e?//", "v/a/p", "-l", "$-1s", "u", "0<", ".,+1p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r008() { return ed(lines(({ "c2 */" })) + ({ ".,+1.", "f", "2-1<", "u", "u", "4s g", "2-1m0", "w! /edr_b.txt", "1,d 2", ".,+1I", "1>", "set wi=3", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r009() { return ed(lines(({ "c2 */", "   ", "alpha", "alpha", "", "((nested))", "" })) + ({ "1,$m+1", "++m$", "$-1dp", "1,2w >> /edr_a.txt", "g/a/l", "9l", "1,m+1", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r010() { return ed(lines(({ "", "foo.bar", "ab", "((nested))", "((nested))", "do {", "if (x) {" })) + ({ "%l", "1,$p", "v/a/d", "g/^$/p", "2,$-1p", "1,$j 3", "z.", "w", "1j!", "9d 2", "f", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r011() { return ed(lines(({ "alpha" })) + ({ "1,l", "1,pu", "g/^$/#", ".s/x*/-\\n-/", "++.", "--a", "}", ".", ",p", "- 1p", "++I", "$;-2.", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r012() { return ed(lines(({ "}", "else", "", "ab" })) + ({ "2I", "0d", "--s/x*/\\U&/p", "/x/;/e/j!", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r013() { return ed(lines(({ "a.b.c", "   ", "", "case 3:", "/* c1", "   ", "do {" })) + ({ "$j", "%i", "", ".", "+nu", ",pu", ".s2", "/x/;/e/p l", "/\\(e\\)/l", "$-1kb", "z", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r014() { return ed(lines(({ "case 3:", "a.b.c", "a.b.c" })) + ({ "f", "1,2w >> /edr_a.txt", "v/a/d", "9s/$//g#", "9y B", "2,3p", "'aa", "\ttabbed", "c2 */", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r015() { return ed(lines(({ "for (;;) {", "   ", "} while (0);", "({ ([ 'c' ]) })", "for (;;) {" })) + ({ ";<", ";s/\\<b/\\2\\1/l", "3,1l", "set noic", "j!", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r016() { return ed(lines(({ "do {", "x = ({ 1,", "if (x) {" })) + ({ "z.", "+s2", "/\\(e\\)/y B", "+2p", "0r /edr_b.txt", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r017() { return ed(lines(({ "  indented" })) + ({ "2.", "", "$d A", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r018() { return ed(lines(({ "end.", "foo.bar", "s = \"q{\";", "beta" })) + ({ "u", "++#", "1;+1=", "1s/\\(a\\)\\(l\\)/&&/g#", "++s/$/&&/p", "1,$dp", "set", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r019() { return ed(lines(({ "end.", "} while (0);", "return;", "# define Z" })) + ({ "pu b", "f", "/[a-c]/s/e/3/", "$-1p", "+//", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r020() { return ed(lines(({ "if (x) {", "c2 */", "}", "UPPER lower", "/* c1", "x = 1;" })) + ({ "2-1I", "3,1pu b", ";y B", "v/a/d", "9>", ";p", "f", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r021() { return ed(lines(({ "ab", "while (y)", "switch (z) {", "   ", "c2 */" })) + ({ "?^?p", ";i", "s = \"q{\";", "x = ({ 1,", ".", "f", "1,$p", "2=", "u", ".pu", "'ad 2", "1,$i", "", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r022() { return ed(lines(({ "c2 */", "switch (z) {", "}", "\ttabbed", "case 3:", "do {" })) + ({ "f", "1j!", "+y", "++l", ";p", "g/a/", "?^?p#", "--i", "", ".", "/x/;/e/p", "'akb", ".,+1ka", "$-1nu", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r023() { return ed(lines(({ "gamma delta", "gamma delta", "do {", "if (x) {", "c2 */" })) + ({ "2,$-1t.", "2,3s", "v/e/s/^/> /", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r024() { return ed(lines(({ "beta", "beta", "beta", "while (y)", "if (x) {", "\ttabbed", "" })) + ({ "2,$-1I", "$p", "+2p", "--j!", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r025() { return ed(lines(({ "  indented", "   ", "x = ({ 1," })) + ({ "2d", "'b,$s/e/3/", "/\\(e\\)/d", "1,c", "", ".", "", "a", "while (y)", "   ", ".", "$;-2ka", "%a", "", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r026() { return ed(lines(({ "default:", "\ttabbed", "while (y)", "while (y)" })) + ({ "-s/e/3/", "u", "g/a/t$", "$;-2j!", "g/x/s/a/A/", "+kb", "f", "2-1s/a/\\2\\1/g", "/\\(e\\)/#", "?e?'b", "?e?kb", "2,3p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r027() { return ed(lines(({ "", "((nested))", "((nested))", "foo.bar", "ab", "({ ([ 'c' ]) })" })) + ({ "v/a/d", ".s2", "'b,$c", "({ ([ 'c' ]) })", ".", "v/a/s/^/> /", "1,$s/e/3/", "$I", "0=", "3,1s/e/3/", "2,3j!", "?^?kb", "", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r028() { return ed(lines(({ "case 3:", "   ", "ab", "while (y)", "switch (z) {", "if (x) {" })) + ({ "4p", "0=", "4.", "u", "p", "0p", "- 1s g", "v/e/s/^/> /", "/a/j", "2a", "gamma delta", "return;", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r029() { return ed(lines(({ "((nested))", "gamma delta" })) + ({ "", "v/e/s/^/> /", "+s/\\<b/\\U&/2", "3,1l", "g/^$/l", "/a/p", "4/e/+1", "+//", "u", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r030() { return ed(lines(({ "case 3:", "UPPER lower", "case 3:", "if (x) {", "for (;;) {", "foo.bar" })) + ({ "'b,$p", "'ai", "for (;;) {", "x = 1;", ".", "f", "f", ";s", "1pu B", "/x/;/e/=", "0d", "2,3s/e/3/", "+<", "j", "g/a/p", "/\\(e\\)/ka", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r031() { return ed(lines(({ "} while (0);", "foo.bar", "foo.bar", "c2 */", "\ttabbed", "UPPER lower", "  indented" })) + ({ "g/a/", "set wi=3", "/x/;/e/.", "u", "z.", "9kb", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r032() { return ed(lines(({ "if (x) {", "}", "UPPER lower", "} while (0);", "foo.bar", "x = ({ 1,", "   " })) + ({ "", "2,3s/e/3/", "2,3s/e/3/", ".,+1p", "%y", "/a/a", "ab", ".", "", "2l", "2/a/", "/[a-c]/p", "'b,$ka", "g/x/#", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r033() { return ed(lines(({ "/* c1", "case 3:", "", "x = ({ 1," })) + ({ "", "+2ka", "1;+1s/e/3/", "+2d", "g/x/p", "u", ".,+1s/e/3/", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r034() { return ed(lines(({ "while (y)", "default:", "gamma delta", "UPPER lower", "} while (0);", "s = \"q{\";" })) + ({ "z-", "0kb", "+2y b", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r035() { return ed(lines(({ "end.", "alpha", "do {" })) + ({ "", "++p", "2c", "# define Z", "switch (z) {", ".", "?^?ka", "%s/./\\2\\1/2", ";d a", "%p", "- 1p l", "1,$?a?", "r", "1,d", "set wi=3", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r036() { return ed(lines(({ "s = \"q{\";", "for (;;) {", "", "alpha", "s = \"q{\";" })) + ({ "/[a-c]/ka", "u", ",=", "/\\(e\\)/l", "/\\(e\\)/ka", "9p", "4s/\\<b/\\L&\\e!/g", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r037() { return ed(lines(({ "beta", "((nested))", "/* c1", "gamma delta", "for (;;) {", "\ttabbed", "if (x) {" })) + ({ "", "1,$?a?", "u", "3,1p", "g/a/l", "-=", ",d", "/\\(e\\)/c", "", ".", "?e?=", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r038() { return ed(lines(({ "# define Z", "((nested))", "ab", "while (y)", "switch (z) {", "do {", "\ttabbed" })) + ({ "2,3pu B", "v/a/p", "2,$-1y B", "2,3ka", "- 1p", "f", "/a/p", "wq /edr_c.txt", ">", "/x/;/e/l", "2-1m$", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r039() { return ed(lines(({ "return;", "a.b.c", "" })) + ({ "- 1p", "c", "end.", ".", ",l", "v/a/s/^/> /", "1,$dp", "-d", "f", "--i", "", ".", "g/x/p", "4s/l*p/[&]/2", ".,+1.", "'b,$s/^ /\\2\\1/", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r040() { return ed(lines(({ "# define Z", "", "/* c1" })) + ({ "3,1p", "4p", "1,p l", "?^?I", "2,$-1m$", "$a", "if (x) {", "else", ".", "nu", "z", "1,$s g", "'b,$p", "v/a/s/^/> /", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r041() { return ed(lines(({ "x = 1;" })) + ({ "$-1>", "g/e/l", "/[a-c]/s/\\(a\\)\\(l\\)/[&]/p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r042() { return ed(lines(({ "return;", "((nested))", "s = \"q{\";", "} while (0);", "end.", "x = 1;", "ab" })) + ({ "g/e/j", ".kb", "++p", "/[a-c]/p", "/\\(e\\)/kb", "2,3?a?", "3,1p", "v/a/d", "2-1a", "", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r043() { return ed(lines(({ "({ ([ 'c' ]) })", "alpha", "# define Z", "" })) + ({ "set sw=2", "/x/;/e/y", "$;-2p", ".d", ";p", "+d a", "'b,$i", "", ".", "0r /edr_b.txt", "/\\(e\\)/l", "", "x", "2s g", "2pu B", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r044() { return ed(lines(({ "do {" })) + ({ "0s/e/3/", "?e?s/^$/\\L&\\e!/l", "?e?s/[0-9]/X/", "1,$t0", "1s/[a-z]*/[&]/2", "+2p", "v/e/d", "+2#", "1ka", "1,p", "g/x/p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r045() { return ed(lines(({ "default:", "foo.bar", "while (y)", "}", "# define Z", "\ttabbed" })) + ({ "nu", "'b,$c", "", ".", "9s/[a-z]*//g#", "g/x/s/e/E/g", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r046() { return ed(lines(({ "end.", "a.b.c" })) + ({ "/\\(e\\)/j", ";<<", "'b,$?a?", "2,$-1?a?", "g/x/d", "1,$kb", ".t'a", "", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r047() { return ed(lines(({ "while (y)", "x = ({ 1,", "else", "  indented", "for (;;) {", "   " })) + ({ "z-", "2,3l", "'b,$l", "/x/;/e/.", "/a/d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r048() { return ed(lines(({ "else", "while (y)", "else", "UPPER lower" })) + ({ "-p", "set sw=2", "/x/;/e/s/\\<b/\\2\\1/g", "'b,$p", "/\\(e\\)/I", "a", "} while (0);", ".", "set wi=3", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r049() { return ed(lines(({ "for (;;) {", "s = \"q{\";", "ab", "return;" })) + ({ "-c", "", ".", "?^?i", "", ".", "?e?p", "/x/;/e/=", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r050() { return ed(lines(({ "alpha", "for (;;) {", "switch (z) {", "# define Z", "} while (0);", "if (x) {", "do {" })) + ({ ",s/x*/X/", "1p", "$.", ";s/l*p/&&/2", "$>", ".,+1j!", "/x/;/e/s/\\(a\\)\\(l\\)/[&]/", "+2s", "-s/e/3/", "2,$-1i", "a.b.c", ".", "++d a", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r051() { return ed(lines(({ "do {" })) + ({ "$-1=", "$-1c", "end.", "   ", ".", "'b,$p", "9d", "2,3kb", "--d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r052() { return ed(lines(({ "", "end.", "# define Z" })) + ({ "=", "f", "1;+1pu b", "/a/c 2", "new", ".", "g/e/", "u", ";s2", "'b,$s/[a-z]*/\\U&/p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r053() { return ed(lines(({ "default:", "gamma delta", "UPPER lower", "((nested))" })) + ({ "f", "", "1,s/a\\>/\\uz/g", "2,$-1a", "# define Z", ".", "1;+1kb", "/\\(e\\)/<", "/x/;/e/s2", ".,+1p", "--l", "2p l", "$-1t'a", "1,s g", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r054() { return ed(lines(({ "if (x) {", "", "UPPER lower", "gamma delta", "UPPER lower" })) + ({ "--c", "} while (0);", ".", ";p", "2,$-1=", "2,$-1=", "$//", "++l", "- 1t.", ".,+1p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r055() { return ed(lines(({ "   ", "beta", "\ttabbed", "for (;;) {" })) + ({ "1;+1j 3", "s/e/3/", "p", "/a/p", "w /edr_a.txt", "$d", "g/a/#", "1,$pu b", "/a/m0", "1;+1d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r056() { return ed(lines(({ "}", "}", "x = ({ 1,", "while (y)" })) + ({ "/x/;/e/kb", ";l", "/\\(e\\)/I", "2,3'b", "/x/;/e/ka", ";s/^ /&&/p", ";d A", "?^?d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r057() { return ed(lines(({ "s = \"q{\";", "for (;;) {", "foo.bar" })) + ({ "g/^$/", "f", ".c", "/* c1", ".", "s/e/3/", "2,$-1.", "/a/p", "-p", "v/e/d", "$-1c", "", ".", "- 1s/x*/\\L&\\e!/p", "'b,$d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r058() { return ed(lines(({ "switch (z) {", "x = ({ 1,", "\ttabbed", "alpha", "case 3:" })) + ({ "$.", "f", "1,2w >> /edr_a.txt", "0c", "", ".", "9d", ".s/[^a-z]/[&]/p", "--pu a", "v/e/s/^/> /", "z-", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r059() { return ed(lines(({ "", "   ", "do {", "\ttabbed" })) + ({ "2d", "2,3t'a", "ka", "$-1>", "z-", "+2p", "?e?j 3", "r /edr_a.txt", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r060() { return ed(lines(({ "a.b.c", "}", "while (y)", "# define Z" })) + ({ "f", "1,l", "f", "/[a-c]/l", "9=", "3,1j", ".t'a", "1,$s/\\<b/\\2\\1/l", "?^?s g", "2-1i", "", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r061() { return ed(lines(({ "x = ({ 1,", "while (y)", "gamma delta", "\ttabbed" })) + ({ ".,+1d", "'a#", "+pu B", "v/a/p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r062() { return ed(lines(({ "UPPER lower" })) + ({ "g/^$/s/a/A/", "2,$-1p", "3,1p l", ";.", "dp", ".,+1d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r063() { return ed(lines(({ "# define Z", "switch (z) {", "c2 */" })) + ({ "/\\(e\\)/j!", "$d A", "q", "3,1c", "else", ".", "", "?^?j 3", "u", "w", "3,1p", "'ac", "while (y)", ".", "f", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r064() { return ed(lines(({ "  indented", "do {", "x = ({ 1,", "}", "UPPER lower", "else", "# define Z" })) + ({ "?e?s/e/3/", "set", "3,1<<", "e /edr_a.txt", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r065() { return ed(lines(({ "a.b.c", "\ttabbed", "   ", "return;", "do {", "alpha", "({ ([ 'c' ]) })" })) + ({ "$-1y b", "2-1>", "", "4//", "", "?e?y", "/a/s/e/X/l", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r066() { return ed(lines(({ "x = ({ 1,", "((nested))", "switch (z) {", "# define Z", "s = \"q{\";", "do {", "\ttabbed" })) + ({ "f", "++ka", "f", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r067() { return ed(lines(({ "c2 */" })) + ({ "1z", "2-1j", "?e?j 3", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r068() { return ed(lines(({ "else", "((nested))", "case 3:", "gamma delta", "a.b.c" })) + ({ ".I", "4s/e/3/", "%i", "", ".", "$;-2p", "u", "u", "$;-2s2", "z-", "+s/x*/\\2\\1/g", "+d a", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r069() { return ed(lines(({ "x = 1;" })) + ({ "set ic", "e! /edr_b.txt", "f", "++d", "0l", "/\\(e\\)/p", "1,s/^ //", "1;+1??", "f", "/\\(e\\)/s/$/&&/g#", "/x/;/e///", "$.", "j!", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r070() { return ed(lines(({ "a.b.c", "do {", "while (y)", "alpha", "else", "beta", "x = 1;" })) + ({ "", "$-1>2", "3,1/a/", "/\\(e\\)/d", "4<<", "u", "1,$s/$//p", ",m+1", "'a>2", "3,1=", "1,$pu B", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r071() { return ed(lines(({ "x = 1;" })) + ({ "set", "/\\(e\\)/y b", "+2t.", "g/e/l", "", "'b,$kb", ".'b", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r072() { return ed(lines(({ "  indented", "beta", "UPPER lower" })) + ({ "1,$p", "v/e/p", "2-1s/e/X/", "j 3", "- 1>", "1,$l", "?^?>", "/x/;/e/s/e/3/", "'aI", "?^?c", "for (;;) {", "UPPER lower", ".", "$d", "2,3/e/+1", "$-1s/[a-z]*/\\2\\1/g", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r073() { return ed(lines(({ "a.b.c" })) + ({ "+2a", "x = ({ 1,", "x = ({ 1,", ".", "/a/ka", "/x/;/e/p#", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r074() { return ed(lines(({ "while (y)", "return;", "s = \"q{\";", "", "default:" })) + ({ "9d 2", "4s2", "9y B", "/x/;/e/.", "/x/;/e/s/^$/\\L&\\e!/g#", "u", "f", "+2/a/", "$-1s g", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r075() { return ed(lines(({ "do {", "({ ([ 'c' ]) })" })) + ({ "x", "?^?s/l*p/[&]/g", "?e?c", "", ".", ">2", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r076() { return ed(lines(({ "/* c1", "({ ([ 'c' ]) })", "} while (0);", "}", "}", "case 3:", "return;" })) + ({ ".,+1.", "2.", "1;+1.", "v/e/s/^/> /", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r077() { return ed(lines(({ "x = 1;", "s = \"q{\";", "x = ({ 1,", "end.", "a.b.c" })) + ({ ";s2", "2,$-1>", "9//", "'b,$ka", "-p", "v/e/p", "e!", "q", "1,$p", "/\\(e\\)/s/e/3/", "1;+1a", "", ".", "f", "2,$-1l", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r078() { return ed(lines(({ "default:", "a.b.c", "x = ({ 1," })) + ({ "$;-2i", "UPPER lower", ".", "/\\(e\\)/#", "u", "/a/c 2", "new", ".", "2,3=", "++s/[^a-z]/\\uz/g#", "/x/;/e/p", "2-1s/\\<b/\\uz/2", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r079() { return ed(lines(({ "a.b.c" })) + ({ "?^?c", "switch (z) {", ".", "$s/e/3/", "f", "3,1#", "", "v/a/s/^/> /", ",.", "/x/;/e/s", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r080() { return ed(lines(({ "/* c1", "ab", "c2 */", "gamma delta", "UPPER lower", "return;" })) + ({ "g/^$/p", "1,$<<", "1;+1d", "--m+1", "/[a-c]/y", "4p", "u", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r081() { return ed(lines(({ "beta", "# define Z", "a.b.c", "a.b.c", "foo.bar" })) + ({ ",l", "/[a-c]/p", "'b,$t.", "1,$s/e/3/", "-ka", "2p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r082() { return ed(lines(({ "foo.bar", "c2 */" })) + ({ "1;+1a", "for (;;) {", "while (y)", ".", ".,+1/e/+1", "+2p", "0a", "({ ([ 'c' ]) })", "UPPER lower", ".", "0j!", "$s/l*p/&&/g#", "f", "$;-2s/e/3/", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r083() { return ed(lines(({ "}" })) + ({ "?^?s/e/3/", "", "g/x/s/a/A/", "+2ka", "s/$/-\\n-/p", ",p l", "v/e/d", "/\\(e\\)/s/a\\>/\\2\\1/g", "?^?p", "1j 3", "/a/j 3", ",.", "/a/p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r084() { return ed(lines(({ "   ", "case 3:", "x = ({ 1,", "beta", "} while (0);", "\ttabbed" })) + ({ "f", "/[a-c]/.", "4=", "1,$pu B", "1,$j!", "4a", "", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r085() { return ed(lines(({ "gamma delta", "\ttabbed", "beta", "beta", "if (x) {" })) + ({ "+2d", ",>", "0p", "x", "+2d", "set wi=3", "?^?pu", ",kb", "- 1=", "?e?p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r086() { return ed(lines(({ "default:" })) + ({ "set", "$;-2s", "e /edr_a.txt", "9=", "u", "++p", "4s/^$/[&]/p", "4=", ",s g", "1,$?a?", "$;-2s/^ /X/g", "++l", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r087() { return ed(lines(({ "case 3:", "else", "# define Z", "   ", "\ttabbed", "case 3:", "# define Z" })) + ({ "- 1s/e/3/", "++dp", "set noic", "w", "-//", "e /edr_a.txt", "", "d", "+d", "set wi=3", "1,t0", "9p", "set wi=3", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r088() { return ed(lines(({ "} while (0);", "while (y)", "foo.bar", "", "while (y)", "x = 1;" })) + ({ "+nu", "?^?d", "/a/p", ";d", "+2I", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r089() { return ed(lines(({ "  indented", "while (y)", "/* c1", "end." })) + ({ "?e?j", "2,3kb", ".,+1s/\\(a\\)\\(l\\)/X/l", "", "/\\(e\\)/p", "9s/e/-\\n-/g#", "4p l", "1m+1", "$;-2d", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r090() { return ed(lines(({ "x = ({ 1,", "return;", "for (;;) {", "  indented", "switch (z) {", "for (;;) {" })) + ({ "+2s/[0-9]/[&]/g#", ";s2", "?^?c", "foo.bar", "   ", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r091() { return ed(lines(({ "/* c1", "/* c1", "gamma delta", "\ttabbed", "   ", "foo.bar" })) + ({ "'apu a", "2,$-1.", "2-1/a/", ".,+1l", "2,3p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r092() { return ed(lines(({ "a.b.c" })) + ({ "1,ka", "u", "c 2", "new", ".", "1;+1p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r093() { return ed(lines(({ "switch (z) {", "UPPER lower", "foo.bar", "} while (0);" })) + ({ "?e?p", "4d", ";=", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r094() { return ed(lines(({ "do {", "do {", "return;", "return;", "end." })) + ({ "$p", "/a/s/a/\\2\\1/g", "/\\(e\\)/j!", "9p", "/a/l", "f", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r095() { return ed(lines(({ "default:", "x = ({ 1,", "ab" })) + ({ "/\\(e\\)/a", "foo.bar", "beta", ".", "$-1p", "u", "2,3s/$/\\2\\1/", "/\\(e\\)/i", "end.", ".", "set wi=3", "2,3d", "1,$y B", "/\\(e\\)/p", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r096() { return ed(lines(({ "return;", "if (x) {", "default:", "else", "((nested))", "} while (0);", "UPPER lower" })) + ({ "+s/e/3/", "g/x/", "/\\(e\\)/kb", "--s/e/3/", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r097() { return ed(lines(({ "beta", "for (;;) {" })) + ({ "u", "2-1c", "   ", "while (y)", ".", "/a/i", "}", ".", ";.", "?e?'b", "r", "'b,$p", "'b,$y B", "1,$=", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r098() { return ed(lines(({ "beta", "end." })) + ({ "- 1p", "++//", "u", "g/x/s/e/E/g", "+l", "z.", "--p", "/[a-c]/t'a", "s g", "1,$nu", "9??", "'aka", ".", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }
string t_r099() { return ed(lines(({ "do {" })) + ({ "$;-2s", "u", "4=", "d 2", "1,$l", ".=", "f" })) + " " + esc(read_file("/edr_a.txt")) + " " + esc(read_file("/edr_c.txt")); }

