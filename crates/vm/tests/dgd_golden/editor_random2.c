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
string t_r000() { return ed(lines(({ "end.", "} while (0);" })) + ({ "1;+1i", "", ".", "1,s/e/3/", "?^?s/\\<b/\\U&/", "2-1p", "'b,$p", "%s/^ /X/2", "- 1/e/+1", "1y B", "f", "1,$l", ".=", "f" })); }
string t_r001() { return ed(lines(({ "  indented", "# define Z", "switch (z) {", "switch (z) {", "UPPER lower", "alpha" })) + ({ "./a/", "l", "2,$-1s/^$/-\\n-/2", "z.", "g/x/d", "1,$l", ".=", "f" })); }
string t_r002() { return ed(lines(({ "}", "gamma delta", "x = ({ 1,", "if (x) {", "if (x) {", "do {", "ab" })) + ({ "q", "2,$-1p#", "f", "/x/;/e/s", "9l", "2-1t.", "--=", "/\\(e\\)/j!", "y", "/\\(e\\)/s/a/[&]/", "f", "4dp", "-a", "x = 1;", "# define Z", ".", "1,$l", ".=", "f" })); }
string t_r003() { return ed(lines(({ "   ", "default:", "a.b.c" })) + ({ "q", "+d a", "/a/p", "q", "'aka", "g/e/", "'as/e/3/", "3,1p", "1,$l", ".=", "f" })); }
string t_r004() { return ed(lines(({ "s = \"q{\";", "((nested))", "do {", "}" })) + ({ "2,$-1s/e/[&]/2", "q", "1;+1p", "2,3p", "g/a/", "'ad 2", "1,$l", ".=", "f" })); }
string t_r005() { return ed(lines(({ "({ ([ 'c' ]) })" })) + ({ "$-1a", "for (;;) {", "c2 */", ".", "2,3p", "$;-2s/^$/[&]/", "2-1s", "2-1s/e/3/", "q", "set wi=3", "9s/a\\>/\\uz/g", "1,$l", ".=", "f" })); }
string t_r006() { return ed(lines(({ "for (;;) {", "alpha", "((nested))", "do {", "\ttabbed", "switch (z) {", "} while (0);" })) + ({ "4pu b", "- 1d A", "g/e/#", "1,$l", ".=", "f" })); }
string t_r007() { return ed(lines(({ "  indented", "((nested))" })) + ({ "s/[^a-z]/[&]/g", "-p", "1;+1a", "else", ".", "++j!", "1,$l", ".=", "f" })); }
string t_r008() { return ed(lines(({ "case 3:", "x = 1;" })) + ({ "--s/^ /\\L&\\e!/", "?^?c", "", ".", "l", "$pu B", "q", "1,$l", ".=", "f" })); }
string t_r009() { return ed(lines(({ "} while (0);", "}", "", "switch (z) {", "} while (0);", "case 3:", "a.b.c" })) + ({ "--d a", "1;+1m+1", "2,$-1l", "1,$l", ".=", "f" })); }
string t_r010() { return ed(lines(({ "  indented", "else", "case 3:", "beta", "s = \"q{\";" })) + ({ "4/e/+1", "1;+1t'a", "$;-2c", "", ".", "4p", "3,1s", "- 1j", "$p", ",c", "switch (z) {", "alpha", ".", "g/x/s/a/A/", "--=", "++p", "d", "1,$l", ".=", "f" })); }
string t_r011() { return ed(lines(({ "end.", "beta", "}", "", "} while (0);", "while (y)" })) + ({ "'b,$??", "1,$l", "u", ".d", "set noic", "/[a-c]/kb", "2,3a", "default:", ".", "set wi=3", "--c", "default:", "alpha", ".", "1,$l", ".=", "f" })); }
string t_r012() { return ed(lines(({ "a.b.c", "if (x) {" })) + ({ "++d", "2,$-1p", ".s/\\<b/\\uz/g#", "u", "'b,$s/^ /-\\n-/p", "?e?i", "", ".", "4p", "1,$l", ".=", "f" })); }
string t_r013() { return ed(lines(({ "", "switch (z) {", "({ ([ 'c' ]) })", "switch (z) {", "\ttabbed" })) + ({ "?e?=", ".,+1d 2", "++s/x*//2", ".,+1I", "g/^$/p", "/[a-c]/s", "2-1ka", "?^?p", "", "u", "dp", "+s/$/\\U&/2", "kb", "1,$l", ".=", "f" })); }
string t_r014() { return ed(lines(({ "\ttabbed", "while (y)" })) + ({ "2=", "?e?t.", "u", ";d", "g/a/", "?e?d", "/\\(e\\)/p", "$;-2s/e/3/", "f", "1,$l", ".=", "f" })); }
string t_r015() { return ed(lines(({ "do {", "ab", "do {", "a.b.c" })) + ({ "$-1y B", "0t'a", "a", "gamma delta", "x = 1;", ".", "+=", "g/^$/l", "1,$l", ".=", "f" })); }
string t_r016() { return ed(lines(({ "beta", "x = 1;", "beta" })) + ({ "set ic", "1s/e/\\U&/p", "f", "?e?<", "$;-2??", "4p", "%d", "1=", "3,1/e/+1", "f", "2-1p", "z.", "1,$l", ".=", "f" })); }
string t_r017() { return ed(lines(({ "({ ([ 'c' ]) })", "/* c1", "ab", "alpha", "default:", "", "do {" })) + ({ "9s2", "-.", "u", "1,$l", ".=", "f" })); }
string t_r018() { return ed(lines(({ "ab", "UPPER lower", "alpha", "default:", "UPPER lower", "x = 1;" })) + ({ "pu", "'aa", "s = \"q{\";", "return;", ".", "/[a-c]/<", "2,$-1=", ",t'a", "q", ".d", "u", "f", "", "'b,$p", "", "1,$l", ".=", "f" })); }
string t_r019() { return ed(lines(({ "for (;;) {", "if (x) {", "for (;;) {", "  indented", "if (x) {", "default:" })) + ({ "2-1=", "?^?.", "'a#", "g/x/d", "1z", "/a/pu", "--d", "set wi=3", "9p", ";d", "/x/;/e/p", "1,$l", ".=", "f" })); }
string t_r020() { return ed(lines(({ "/* c1", "ab", "foo.bar", "for (;;) {", "\ttabbed" })) + ({ "--s/[a-z]*//", "1;+1p", "", "/\\(e\\)/s", "2,$-1l", "g/a/l", "1,$l", ".=", "f" })); }
string t_r021() { return ed(lines(({ "\ttabbed", "c2 */", "a.b.c", "/* c1", "UPPER lower", "((nested))", "while (y)" })) + ({ "$y B", "q", "2,3kb", "-d", "/x/;/e/a", "foo.bar", "}", ".", "+2a", "  indented", ".", "g/e/s/a/A/", "+2s g", "q", "1s2", "/x/;/e/s/e/3/", "ka", "$-1.", "1,$l", ".=", "f" })); }
string t_r022() { return ed(lines(({ "" })) + ({ "-p", "q", "%p", ",i", "else", "switch (z) {", ".", "f", ">2", "3,1s/./[&]/l", ";c", "while (y)", "}", ".", "%I", "1,$l", ".=", "f" })); }
string t_r023() { return ed(lines(({ "# define Z", "return;", "/* c1", "   ", "}", "x = ({ 1,", "while (y)" })) + ({ ".//", "z.", ".,+1p", "/x/;/e/j!", "2s g", "?e?s/[a-z]*/X/g#", "$-1s/^ /\\L&\\e!/", "9s/[^a-z]/&&/l", "u", "/[a-c]/s2", ".p", "q", "1,$l", ".=", "f" })); }
string t_r024() { return ed(lines(({ "case 3:", "while (y)" })) + ({ "/[a-c]/d 2", "", "v/e/d", "3,1j!", "1,$l", ".=", "f" })); }
string t_r025() { return ed(lines(({ "while (y)" })) + ({ "++p", "q", "1s/[^a-z]/&&/p", "q", "2,3/e/+1", "'a.", "2-1j 3", "set ic", "1;+1p", "1;+1p l", "1,$l", ".=", "f" })); }
string t_r026() { return ed(lines(({ "c2 */" })) + ({ "+2d", "0t.", ".,+1p#", "%p", "'b,$ka", "1,a", "return;", "UPPER lower", ".", "?e?/a/", "set sw=2", "1,$l", ".=", "f" })); }
string t_r027() { return ed(lines(({ "x = 1;", "x = ({ 1,", "default:", "alpha" })) + ({ "?e?=", "1s/^ /\\U&/g", "/x/;/e/p", "g/x/#", "3,1/e/+1", "--d", "/a/pu b", "1,ka", "2-1j 3", "1,$l", ".=", "f" })); }
string t_r028() { return ed(lines(({ "foo.bar", "do {" })) + ({ "./a/", "0d A", "f", "'al", ".,+1p", ".,+1d", "%p", "d", "--d", "1z", "'b,$s/./\\uz/g", "--=", "+2p", "1,$l", ".=", "f" })); }
string t_r029() { return ed(lines(({ "alpha", "x = ({ 1,", "gamma delta", "x = 1;", "/* c1", "  indented" })) + ({ "$p", "4a", "", ".", "1;+1=", ",c", "end.", ".", "q", "2,$-1/a/", "3,1y", "v/e/d", "4c", "({ ([ 'c' ]) })", ".", "+2kb", "1,$l", ".=", "f" })); }
string t_r030() { return ed(lines(({ "default:", "# define Z", "UPPER lower", "if (x) {", "# define Z", "x = 1;" })) + ({ "'ay", "1j", "3,1d", "=", "1,$l", ".=", "f" })); }
string t_r031() { return ed(lines(({ "ab" })) + ({ "4s/a\\>/\\L&\\e!/g", "+2.", "'ac", "", ".", "1,$l", ".=", "f" })); }
string t_r032() { return ed(lines(({ "x = 1;" })) + ({ "2,3>2", "++s g", "1;+1p", "0d A", "0d 2", "q", ";p", "1,$l", ".=", "f" })); }
string t_r033() { return ed(lines(({ "} while (0);", "} while (0);", "default:", "ab" })) + ({ ",s/a//2", "2,$-1p", "set", "-s/e/3/", "p", "1,$l", ".=", "f" })); }
string t_r034() { return ed(lines(({ "s = \"q{\";", "\ttabbed", "for (;;) {" })) + ({ "$p", ",p", "", "++kb", "z.", "", "%i", "", ".", "$-1d", "- 1.", "f", "q", "u", "9ka", "1,$l", ".=", "f" })); }
string t_r035() { return ed(lines(({ "# define Z" })) + ({ "1,$l", "1,j!", "1,$=", "g/x/l", "q", "g/^$/s/a/A/", "1,$l", ".=", "f" })); }
string t_r036() { return ed(lines(({ "for (;;) {", "c2 */", "else", "end.", "x = ({ 1," })) + ({ "2,3a", "x = 1;", "else", ".", "'a=", "/a/nu", "1,l", "9i", "", ".", "2,3=", "1,$l", ".=", "f" })); }
string t_r037() { return ed(lines(({ "({ ([ 'c' ]) })" })) + ({ "-i", "switch (z) {", "gamma delta", ".", "9s", "v/a/s/^/> /", "- 1<<", "/a/pu", "s2", "--t.", "2,3s2", "++i", "while (y)", ".", "%/a/", "g/^$/l", "$;-2j!", "1,$l", ".=", "f" })); }
string t_r038() { return ed(lines(({ "beta", "", "do {", "x = 1;", "switch (z) {" })) + ({ "/a/p", "%j", "q", "$;-2j 3", ".p", "1,p", "1,$l", ".=", "f" })); }
string t_r039() { return ed(lines(({ "({ ([ 'c' ]) })", "while (y)", "case 3:", "x = 1;", "x = 1;", "switch (z) {", "((nested))" })) + ({ "0l", "1d", "/a/s/a\\>//l", ",a", "ab", ".", "u", "g/e/p", "/x/;/e/l", "--nu", "f", "1,$l", ".=", "f" })); }
string t_r040() { return ed(lines(({ "for (;;) {", "c2 */", "", "gamma delta", "ab", "for (;;) {", "default:" })) + ({ "$;-2p", "", "3,1s/\\<b/[&]/", "+j!", "u", "1,.", "2l", "2dp", "1,$pu", "1,$l", ".=", "f" })); }
string t_r041() { return ed(lines(({ "", "while (y)", "ab" })) + ({ "%<<", "u", "2-1j!", "q", "g/a/s/e/E/g", ".,+1p", "-p", "/\\(e\\)/l", "'b,$j!", "u", "+2p", "1,$l", ".=", "f" })); }
string t_r042() { return ed(lines(({ "else", "for (;;) {" })) + ({ "2-1s2", "u", "set", "q", "1,$l", ".=", "f" })); }
string t_r043() { return ed(lines(({ "ab" })) + ({ "u", "%<", "/[a-c]/y", "?e?s/a/-\\n-/g#", "u", "++.", ".s/e/3/", ".,+1p", "v/e/d", "3,1>", "1,kb", "p", "1,$l", ".=", "f" })); }
string t_r044() { return ed(lines(({ "return;", "\ttabbed", "beta", "switch (z) {", "c2 */" })) + ({ "", ";j 3", "q", "", "2.", "4//", "1s/[a-z]*/\\2\\1/g#", "2,3p", "'a=", "u", "p", "1,$l", ".=", "f" })); }
string t_r045() { return ed(lines(({ "end.", "} while (0);", "# define Z" })) + ({ "$;-2.", "u", "2,3p", "1z", "1,$l", ".=", "f" })); }
string t_r046() { return ed(lines(({ "do {", "a.b.c", "if (x) {", "alpha", "x = 1;" })) + ({ "v/a/p", "=", "z-", "/a/s/$/X/g", "%i", "# define Z", "   ", ".", "?e?s g", "1,.", "$-1p", "3,1s/$//l", "0y B", "1,$l", ".=", "f" })); }
string t_r047() { return ed(lines(({ "UPPER lower", "if (x) {", "({ ([ 'c' ]) })", "   " })) + ({ "/x/;/e/s/[0-9]/\\L&\\e!/", ".,+1d", "2,3=", "9c", "}", ".", "4i", "", ".", "f", "2/e/+1", ";p", "/\\(e\\)/s/[^a-z]//2", "$;-2d", "$;-2l", "%<", "1,$l", ".=", "f" })); }
string t_r048() { return ed(lines(({ "({ ([ 'c' ]) })", "s = \"q{\";", "else", "beta", "a.b.c" })) + ({ "2,$-1p l", "4>2", "->2", ".", "0d 2", "/a/p", "/x/;/e/j!", "3,1??", "'b,$s/\\(a\\)\\(l\\)/[&]/g", "?^?d", "1,$l", ".=", "f" })); }
string t_r049() { return ed(lines(({ "   ", "}", "for (;;) {", "case 3:", "c2 */" })) + ({ "--p", "$s/\\(a\\)\\(l\\)/\\2\\1/2", "q", "f", "u", "--s g", "", "2=", "4.", "9t0", "a", "x = ({ 1,", "alpha", ".", "u", "1,$l", ".=", "f" })); }
string t_r050() { return ed(lines(({ "ab" })) + ({ "g/a/#", "'b,$d", "++a", "if (x) {", "gamma delta", ".", "c 2", "new", ".", "/\\(e\\)/p", "1,$l", ".=", "f" })); }
string t_r051() { return ed(lines(({ "case 3:", "beta", "\ttabbed", "c2 */" })) + ({ "?e?<", "q", "3,1p", "?e?s/$/\\L&\\e!/", "/a/t.", "++ka", "v/e/d", "1t.", "2d a", "1,t'a", "v/a/d", "9i", "} while (0);", ".", "9a", "({ ([ 'c' ]) })", "beta", ".", "1,$l", ".=", "f" })); }
string t_r052() { return ed(lines(({ "}", "c2 */", "" })) + ({ "+.", "$-1p", "2,$-1j!", "$-1p", "0.", ",p#", "$-1nu", "?e?p", "/a/s/[a-z]*/[&]/l", "1,$l", ".=", "f" })); }
string t_r053() { return ed(lines(({ "ab", "/* c1", "s = \"q{\";", "  indented", "" })) + ({ "", "1s/l*p/-\\n-/", ".>2", "2-1.", "$d", "%kb", "4d", "z-", "0d", "$-1<<", "1,$l", ".=", "f" })); }
string t_r054() { return ed(lines(({ "end.", "alpha", "# define Z", "({ ([ 'c' ]) })", "" })) + ({ "?e?pu", "--c", "# define Z", ".", "%s/e/[&]/2", ";ka", "0s/e/3/", ".,+1#", "+s", "dp", "1j!", "q", "f", "1,$l", ".=", "f" })); }
string t_r055() { return ed(lines(({ "s = \"q{\";", "case 3:", "s = \"q{\";", "default:", "  indented" })) + ({ ",m0", ";ka", "<", "$;-2=", ";d", "+2y B", "1,$l", ".=", "f" })); }
string t_r056() { return ed(lines(({ "default:", "return;" })) + ({ "1,$d", "0s/\\(a\\)\\(l\\)/\\2\\1/g#", "u", "s/e/3/", "1,$p#", "1,$l", ".=", "f" })); }
string t_r057() { return ed(lines(({ "   ", "gamma delta", "/* c1", "  indented", "UPPER lower" })) + ({ ";ka", "?^?s/e/3/", "q", "-s/\\(a\\)\\(l\\)/X/g#", "--p", "1,$l", ".=", "f" })); }
string t_r058() { return ed(lines(({ "alpha", "s = \"q{\";", "({ ([ 'c' ]) })", "default:", "\ttabbed", "alpha" })) + ({ "/a/.", "v/e/d", "9c", "", ".", "v/e/d", "g/a/l", "- 1p", "2-1I", "$;-2i", "", ".", "4j", "?^?l", "1;+1pu B", ".d", "d", "1,$l", ".=", "f" })); }
string t_r059() { return ed(lines(({ "ab", "gamma delta" })) + ({ "set wi=3", "++l", "u", "1,$l", ".=", "f" })); }
string t_r060() { return ed(lines(({ "({ ([ 'c' ]) })", "switch (z) {" })) + ({ "?e?p l", ".s/e/3/", "/\\(e\\)/d A", "%d", "$p", "%<<", "u", "?^?j 3", "+2<", "f", "'b,$c 2", "new", ".", "dp", "1,$l", ".=", "f" })); }
string t_r061() { return ed(lines(({ "default:", "  indented" })) + ({ "z-", "/\\(e\\)/p", ",p", ".,+1p", "1,$l", ".=", "f" })); }
string t_r062() { return ed(lines(({ "x = 1;", "x = ({ 1,", "switch (z) {", "  indented", "}", "case 3:", "for (;;) {" })) + ({ "+s/e/3/", "0.", "g/x/#", "$d", "", "1,$l", ".=", "f" })); }
string t_r063() { return ed(lines(({ "c2 */", "return;", "} while (0);" })) + ({ "set", "2-1s2", "/x/;/e/.", "1,i", "   ", "while (y)", ".", "f", "1d", "/x/;/e/s2", "/x/;/e/p", "'at.", "$;-2m+1", ".p l", "--d", "1,$l", ".=", "f" })); }
string t_r064() { return ed(lines(({ "foo.bar", "c2 */", "/* c1", "UPPER lower", "case 3:", "ab" })) + ({ "/a/p", "/a/p", "--p", "--?a?", "1,p", "'b,$kb", ";s/a/&&/p", "0=", "++p", "%.", "+j", "2d", "1,$l", ".=", "f" })); }
string t_r065() { return ed(lines(({ "alpha" })) + ({ "3,1I", "2,3nu", "v/a/p", "'ac 2", "new", ".", "1;+1p", "/a/>2", "1,$l", ".=", "f" })); }
string t_r066() { return ed(lines(({ "for (;;) {" })) + ({ "set noic", "1d", "f", "$t'a", "/\\(e\\)/p", "1,$l", ".=", "f" })); }
string t_r067() { return ed(lines(({ "  indented", "} while (0);" })) + ({ "'ad", "--s/e/3/", "?e?.", "f", ".,+1p", "2p", "=", "'b,$p", ";m+1", "'al", "1,$l", ".=", "f" })); }
string t_r068() { return ed(lines(({ "x = ({ 1,", "case 3:", "\ttabbed", "alpha", "/* c1", "x = 1;", "for (;;) {" })) + ({ "/a/y B", ";=", "-j", "g/x/s/e/E/g", "2l", ".,+1d", "3,1?a?", "2'b", "f", "q", ".p", "1,$l", ".=", "f" })); }
string t_r069() { return ed(lines(({ "\ttabbed", "({ ([ 'c' ]) })" })) + ({ "'ad", "v/a/s/^/> /", "'ap l", "2-1p", "$-1p", "-.", "/x/;/e/c", "  indented", "switch (z) {", ".", "'b,$l", "1,$l", ".=", "f" })); }
string t_r070() { return ed(lines(({ "s = \"q{\";", "for (;;) {", "({ ([ 'c' ]) })", "", "alpha", "if (x) {", "" })) + ({ "/[a-c]/p", "-d", "/x/;/e/s/./\\U&/2", "/a/.", "g/x/", "--y B", "++s/a\\>/\\2\\1/p", "+i", "c2 */", ".", "'b,$s/e/3/", "/x/;/e/I", "9dp", "$s g", "1,$l", ".=", "f" })); }
string t_r071() { return ed(lines(({ "gamma delta", "ab" })) + ({ "1,d", "g/e/", "$/e/+1", "", "/[a-c]/p", ",d", "/[a-c]/s/.//g", "/x/;/e/l", "%p", "f", "1,$l", ".=", "f" })); }
string t_r072() { return ed(lines(({ "a.b.c", "do {", "switch (z) {", "end.", "", "" })) + ({ "?e?i", "({ ([ 'c' ]) })", "} while (0);", ".", "q", "", "-p l", "$;-2.", ",s/l*p/\\L&\\e!/2", "v/a/s/^/> /", "", "f", "v/e/d", ".,+1p", "$;-2.", "1,$l", ".=", "f" })); }
string t_r073() { return ed(lines(({ "end.", "} while (0);" })) + ({ "9p", "1;+1d A", "l", "z.", "2p", ";s/e/3/", "f", "'a>2", "u", "v/a/p", ".s/^$/[&]/l", "1,$l", ".=", "f" })); }
string t_r074() { return ed(lines(({ "s = \"q{\";", "/* c1", "x = ({ 1,", "} while (0);", "ab", "} while (0);", "return;" })) + ({ "?^?.", "-p", "s/$/\\U&/p", "2-1s g", "1;+1.", "--s/^$/\\2\\1/l", ".m+1", "$;-2c", "s = \"q{\";", ".", "v/a/d", "1,$l", ".=", "f" })); }
string t_r075() { return ed(lines(({ "   ", "if (x) {", "foo.bar", "case 3:", "  indented" })) + ({ "0j 3", "v/e/d", "/\\(e\\)/<<", "$-1y B", "f", "q", "/a/p l", "f", "0s", "$p", "1,$l", ".=", "f" })); }
string t_r076() { return ed(lines(({ "} while (0);", "x = ({ 1,", "foo.bar", "case 3:" })) + ({ "$l", "?e?=", ".,+1=", "?^?d a", "$p l", "/a/kb", "1,$l", ".=", "f" })); }
string t_r077() { return ed(lines(({ "((nested))", "end.", "({ ([ 'c' ]) })", "\ttabbed", "}", "x = 1;" })) + ({ "/\\(e\\)/#", "f", "'b,$/e/+1", "/a/>2", "-=", ".ka", "v/e/d", "1;+1p", "u", "v/e/s/^/> /", ";s/a\\>//g", ",s/$/-\\n-/g", "1,$l", ".=", "f" })); }
string t_r078() { return ed(lines(({ "a.b.c", "\ttabbed", "\ttabbed" })) + ({ "--l", "u", "g/x/s/e/E/g", "+p", "$;-2y", "0a", "UPPER lower", ".", "v/e/s/^/> /", "1p", ".,+1nu", "$p", "1,$l", ".=", "f" })); }
string t_r079() { return ed(lines(({ "foo.bar", "if (x) {", "if (x) {", "s = \"q{\";" })) + ({ "2s/e/3/", "1c", "case 3:", "}", ".", "++d A", "1y b", "1z", "g/^$/l", "1;+1p", "q", "2-1kb", "v/a/d", "'b,$l", "1,$l", ".=", "f" })); }
string t_r080() { return ed(lines(({ "switch (z) {" })) + ({ "/a//a/", ".,+1j!", "g/a/", "4>2", "v/e/d", "1s/\\<b/&&/g#", "/[a-c]/p", "1,>", "%#", ".,+1d", "1,$l", ".=", "f" })); }
string t_r081() { return ed(lines(({ "a.b.c" })) + ({ "2-1d A", "2.", "2,$-1??", "'ac", "((nested))", ".", "+p l", "2,3s/x*/&&/", "v/a/p", "<<", "f", "1,$l", ".=", "f" })); }
string t_r082() { return ed(lines(({ "# define Z" })) + ({ "g/a/p", "- 1y", ",/e/+1", "2,3s/[a-z]*/&&/2", "-p", "1,$l", ".=", "f" })); }
string t_r083() { return ed(lines(({ "c2 */", "({ ([ 'c' ]) })", "   ", "ab", "", "return;" })) + ({ "1y b", "-p", "1l", "", "p", "v/e/s/^/> /", "1,$l", ".=", "f" })); }
string t_r084() { return ed(lines(({ "}", "   ", "UPPER lower", "x = ({ 1," })) + ({ "2,$-1p", "", "$-1<<", "/\\(e\\)/=", "<", "", "f", "2,3p l", "1,$l", ".=", "f" })); }
string t_r085() { return ed(lines(({ "if (x) {", "switch (z) {", "c2 */" })) + ({ "$;-2d", "2,$-1p", "/a/d", "u", "1a", "", ".", "?^?s/e/3/", "1;+1s2", "/[a-c]/=", "/\\(e\\)/p", "1,$p", "1,$l", ".=", "f" })); }
string t_r086() { return ed(lines(({ "x = ({ 1,", "a.b.c", "for (;;) {", "end.", "s = \"q{\";", "/* c1" })) + ({ "2,$-1p", "--a", "({ ([ 'c' ]) })", ".", "+kb", "-p", "/\\(e\\)/d", "u", "+d A", ";d a", "-y B", "q", ".,+1l", "1,$l", ".=", "f" })); }
string t_r087() { return ed(lines(({ "/* c1", "end.", "if (x) {", "# define Z", "} while (0);", "   " })) + ({ "1s/l*p/[&]/g", "%t.", "/a/s/./\\uz/l", "?e?s", "++d 2", "9s/e/3/", "1,$l", ".=", "f" })); }
string t_r088() { return ed(lines(({ "alpha", "} while (0);", "UPPER lower", "alpha", "if (x) {", "}" })) + ({ "4p", "g/x/d", "1,$=", "z.", "u", "$p", ".,+1pu B", "y B", "2-1j!", "f", "$-1t.", ".,+1p", ",.", "1,$l", ".=", "f" })); }
string t_r089() { return ed(lines(({ "}", "x = ({ 1,", "return;", "default:", "default:", "gamma delta", "" })) + ({ "v/e/d", "", "+j 3", "+ka", ";s/\\(a\\)\\(l\\)/\\L&\\e!/p", "1,.", "set noic", "'ap", "$;-2dp", "g/x/l", "?^?l", "", "1;+1pu b", "1,$l", ".=", "f" })); }
string t_r090() { return ed(lines(({ "gamma delta", "s = \"q{\";", "ab", "beta" })) + ({ "9=", "2-1#", "/x/;/e/p", "1,s/e/3/", "1,$l", ".=", "f" })); }
string t_r091() { return ed(lines(({ "else", "case 3:", "beta", "default:", "foo.bar" })) + ({ "", "/a/'b", "4p", "1>", "9j!", "+s2", "2,$-1d", "g/^$/s/e/E/g", "2y B", "v/a/p", "v/e/p", "g/^$/p", "?e?p", "1,$l", ".=", "f" })); }
string t_r092() { return ed(lines(({ "\ttabbed" })) + ({ "1,$c", "", ".", "?e?d", "$s/l*p/[&]/", ";s/^ /\\2\\1/p", ".kb", "2-1l", "1,$l", ".=", "f" })); }
string t_r093() { return ed(lines(({ "s = \"q{\";", "", "", "s = \"q{\";", "# define Z", "default:" })) + ({ "/x/;/e/ka", "u", "0s/l*p/X/2", "1,$l", ".=", "f" })); }
string t_r094() { return ed(lines(({ "switch (z) {", "do {", "beta", "((nested))", "}", "return;" })) + ({ ",p#", "/a/>2", "+s/x*/&&/g#", "set sw=2", ",p", "q", "?^?p", "'b,$i", "x = 1;", "default:", ".", ";s/[^a-z]/\\L&\\e!/p", "- 1j", "3,1j", "f", "1,$l", ".=", "f" })); }
string t_r095() { return ed(lines(({ "case 3:", "s = \"q{\";", "x = ({ 1," })) + ({ "?e?kb", ".p", "/\\(e\\)/p", "/x/;/e/s/./\\2\\1/p", "q", "1,$l", ".=", "f" })); }
string t_r096() { return ed(lines(({ "ab", "((nested))", "c2 */", "x = 1;", "   ", "end." })) + ({ "?^?.", "u", "/x/;/e/=", "+2a", "", ".", "1,l", "f", "$s/./-\\n-/l", "$;-2s2", "2,$-1a", "\ttabbed", "} while (0);", ".", "1,$l", ".=", "f" })); }
string t_r097() { return ed(lines(({ "alpha" })) + ({ "/\\(e\\)/s", "p", "1ka", "9p", "g/x/d", "1l", "/a/p", "2,$-1p", "1;+1j", "%d", "2,$-1p", "3,1d", "set wi=3", "1,$l", ".=", "f" })); }
string t_r098() { return ed(lines(({ "s = \"q{\";", "end.", "ab", "alpha", "   ", "a.b.c" })) + ({ "3,1p", "g/x/s/e/E/g", "2s/l*p/\\2\\1/l", "", ";j", "?e?y B", "set wi=3", "'ap", "/a/d", "g/x/#", "/[a-c]/<<", "1,$l", ".=", "f" })); }
string t_r099() { return ed(lines(({ "x = ({ 1,", "beta", "gamma delta", "switch (z) {", "ab", "c2 */" })) + ({ "9p", "a", "", ".", "$;-2s/e/3/", ".,+1i", "", ".", ".I", "'b,$s/e/3/", "--<<", "q", ";l", "1,$l", ".=", "f" })); }

