# define CASES ({ "f0","f1","f2","f3","f4","f5","f6","f7","f8","f9","f10","f11","f12","f13","f14","f15","f16","f17","f18","f19","f20","f21","f22","f23","f24","f25","f26","f27","f28","f29","f30","f31","f32","f33","f34","f35","f36","f37","f38","f39","f40","f41","f42","f43","f44","f45","f46","f48","f50","f51","f52","f53","f54","f55","f56","f57","f59","f60","f61","f62","f63","f64","f65","f66","f67","f68","f69","f70","f71","f72","f73","f74","f75","f76","f77","f78","f79","f80","f81","f82","f83","f84","f85","f86","f87","f88","f89","f90","f91","f92","f93","f94","f95","f96","f97","f98","f99","f100","f101","f102","f103","f104","f105","f107","f108","f109","f110","f111","f112","f113","f114","f115","f116","f117","f118","f119","f120","f121","f122","f123","f124","f125","f126","f127","f128","f129","f130","f131","f132","f133","f134","f135","f136","f137","f138","f139","f140","f141","f142","f143","f144","f145","f146","f147","f148","f149","f150","f151","f152","f153","f154","f155","f156","f157","f158","f159","f160","f161","f162","f163","f164","f165","f166","f167","f168","f169","f170","f171","f172","f173","f174","f175","f176","f177","f178","f179","f180","f182","f183","f184","f185","f186","f187","f188","f189","f190","f191","f192","f193","f194","f195","f196","f197","f198","f199" })
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
/* generated: random grammars over a pool of regexps and callbacks, inputs derived from the grammar (some mutated); the expected output is DGD 1.7.9's (cases where DGD crashed or ran out of ticks left out) */
mixed doparse(string g, string s, int alt) { rlimits (100; 3000000) { return alt < 0 ? parse_string(g, s) : parse_string(g, s, alt); } }
string runps(string g, string s, int alt) { mixed r; string e; e = catch(r = doparse(g, s, alt)); return e ? "E:" + e : show(r); }
string *strs(mixed *a) { int i; string *r; r = allocate(sizeof(a)); for (i = 0; i < sizeof(a); i++) r[i] = typeof(a[i]) == 3 ? a[i] : typeof(a[i]) == 1 ? "" + a[i] : "#"; return r; }
mixed *wrap(mixed *a) { return ({ a }); }
mixed *rejecta(mixed *a) { return (sizeof(a) && a[0] == "a") ? nil : a; }
mixed *count(mixed *a) { return ({ sizeof(a) }); }
mixed *tag(mixed *a) { return ({ "<" + implode(strs(a), ",") + ">" }); }
mixed *idf(mixed *a) { return a; }
mixed *nilf(mixed *a) { return nil; }
mixed *flip(mixed *a) { int i; mixed *b; b = allocate(sizeof(a)); for (i = 0; i < sizeof(a); i++) b[i] = a[sizeof(a) - 1 - i]; return b; }
string t_f0() { return runps("t0 = /[ab]/\nwhitespace = / +/\nS: t0 S\nA: 'x' t0\nA: t0 ? rejecta\nB: t0 'x'\nB: A A t0 ? nilf\nB: A S\nS: t0 A S", "b b b b b b a b b a a b a", 0); }
string t_f1() { return runps("whitespace = / +/\nt0 = /b/\nS: t0", "", -1); }
string t_f2() { return runps("t0 = /y(z)?/\nt0 = /(ab)+/\nS: 'a' ? idf", "a!", 2); }
string t_f3() { return runps("t0 = /b/\nwhitespace = / +/\nt2 = /[a-c]+/\nt0 = /c?a/\nt1 = /b*a/\nS: S S", "", -1); }
string t_f4() { return runps("t0 = /ab|abc/\nS: t0 t0 t0 ? nilf\nA: t0 t0 B\nA: t0\nA: t0 ? nilf\nB: A B", "aabcab", 5); }
string t_f5() { return runps("t0 = /(ab)+/\nt1 = /y(z)?/\nt0 = /(ab)+/\nt1 = /a./\nS: t1 ? tag\nA: '+' t0\nA: t1 t0 t0\nB: A ? rejecta\nB: B ? rejecta\nB: C\nC: S ? count", "a+", 1); }
string t_f6() { return runps("t2 = /[a-c]+/\nt1 = /ab|abc/\nwhitespace = / +/\nt0 = /a|b/\nS: \nA: \nS: S\nS: t2 S ? flip", "abc", -1); }
string t_f7() { return runps("t0 = /[0-9]+/\nnm = nomatch\nS: S t0 ? nilf\nA:  ? flip\nA: '('", "142424242114211142", 3); }
string t_f8() { return runps("t2 = /x/\nt2 = /ab|abc/\nt0 = /a|b/\nwhitespace = / +/\nt1 = /c?a/\nS: \nS: t1 ? tag", "aa", -1); }
string t_f9() { return runps("whitespace = / +/\nt0 = /(a|bc)*d/\nS: \nS: t0 ? rejecta", "", 2); }
string t_f10() { return runps("t2 = /[0-9]+/\nt1 = /a+/\nt0 = /[ab]/\nS: S t0", "bbbaabbababb", 2); }
string t_f11() { return runps("t0 = /[^ ]/\nnm = nomatch\nwhitespace = / +/\nS: t0 t0\nA: B\nA: B A t0 ? count\nA: S t0\nB: 'a'\nB: 'ab' t0 ? rejecta\nB: S 'a'\nC: t0 ? flip", "a x", 0); }
string t_f12() { return runps("t2 = /c?a/\nt1 = /b*a/\nt0 = /y(z)?/\nt0 = /ab|abc/\nt1 = /a+/\nS: S t2 t1 ? count\nS: S t2 t1 ? count", "abaaaaacabacaacabaca", 1); }
string t_f13() { return runps("t0 = /y(z)?/\nS: S\nA: t0 C\nA: C A ? rejecta\nB: A 'if' ? wrap\nB: t0\nC: A B\nC: C t0 ? wrap\nC: ", "", -1); }
string t_f14() { return runps("t0 = /ab|abc/\nt1 = /c?a/\nwhitespace = / +/\nS: B t0\nA: B '('\nA: t0 'a'\nB: B", "abc", 2); }
string t_f15() { return runps("t0 = /a|b/\nt0 = /y(z)?/\nwhitespace = / +/\nS: t0\nS: S ? idf", "yz", 0); }
string t_f16() { return runps("whitespace = / +/\nt0 = /[a-c]+/\nt1 = /b/\nS: \nA: \nA: A t0 t1 ? idf\nA: A ? flip", "", 1); }
string t_f17() { return runps("t1 = /(a|bc)*d/\nt1 = /c?a/\nwhitespace = / +/\nt0 = /b/\nS: 'x' t0\nA: t1 ? wrap\nS: 'b'", " b", 1); }
string t_f18() { return runps("whitespace = / +/\nt2 = /[^ ]/\nt2 = /c?a/\nt0 = /ab|abc/\nt1 = /\\\\./\nS: \nA: B t1 C\nA: t0 t1\nA: t2\nB: C 'ab' C ? count\nC: '+' t0 C ? tag\nS: A", "a", -1); }
string t_f19() { return runps("t0 = /y(z)?/\nt0 = /b/\nwhitespace = / +/\nS: t0 ? tag\nA: t0 t0\nA: t0 t0 S\nB: t0 t0 'a' ? idf\nB: t0 ? flip\nS:  ? count", "", 1); }
string t_f20() { return runps("t0 = /b*a/\nt1 = /y(z)?/\nt2 = /c?a/\nnm = nomatch\nwhitespace = / +/\nS: t0 S\nA: A A\nS: t2 t2 'x'\nS: t0 t1 ? wrap", "a ba y", 1); }
string t_f21() { return runps("whitespace = / +/\nt0 = /[^ ]/\nt1 = /a+/\nS: A S ? rejecta\nA: A A\nS: \nS: t1 A", "", 1); }
string t_f22() { return runps("t2 = /x/\nwhitespace = / +/\nt0 = /c?a/\nt1 = /(a|bc)*d/\nt1 = /b*a/\nS: t1 B\nA: S ? rejecta\nB: 'b' 'ab' ? idf\nB: t0 'if' '('\nC: C t2 ? nilf", "a ca if (", 1); }
string t_f23() { return runps("t1 = /a./\nt0 = /c?a/\nt0 = /[a-c]+/\nt2 = /b*a/\nS: t2\nA: t0\nA:  ? rejecta\nA: 'a' '(' t1\nB: t0 B\nB:  ? flip\nC:  ? rejecta\nS:  ? wrap", "", 2); }
string t_f24() { return runps("t0 = /y(z)?/\nS: S t0\nS: ", "yy", 1); }
string t_f25() { return runps("t0 = /a./\nt0 = /(a|bc)*d/\nS: 'a'\nA: t0 t0 t0 ? wrap\nA:  ? nilf\nB: t0 t0\nS: 'if' S ? wrap", "a!", -1); }
string t_f26() { return runps("whitespace = / +/\nt2 = /a+/\nt0 = /c?a/\nt1 = /[0-9]+/\nS: t0\nA: t2 'a'\nA: \nS: A t2", "", 0); }
string t_f27() { return runps("t0 = /a+/\nt1 = /x/\nt0 = /a./\nS: A ? wrap\nA: t1 ? rejecta", "x", 3); }
string t_f28() { return runps("t0 = /y(z)?/\nwhitespace = / +/\nt0 = /b/\nt1 = /y(z)?/\nS: t1 'a' A\nA: \nA: 'if' ? rejecta\nA: 'a' A ? idf\nS: A t1 t0", "if y ", -1); }
string t_f29() { return runps("t0 = /ab|abc/\nt1 = /b/\nt0 = /b/\nS: A 'x' A ? nilf\nA:  ? wrap\nA: \nA: t0 B ? wrap\nB: '+' t0\nC: t1\nS: t1 'x'\nS: ", "x", -1); }
string t_f30() { return runps("whitespace = / +/\nt0 = /c?a/\nt1 = /\\\\./\nt2 = /b*a/\nt0 = /a|b/\nt2 = /a+/\nt1 = /[a-c]+/\nS: S 'if' ? nilf\nS: S ? flip\nS: t2 '('", "a (", -1); }
string t_f31() { return runps("t0 = /\\\\./\nt0 = /b/\nS: t0 t0\nS: S ? wrap\nS: S t0", "b.b.", -1); }
string t_f32() { return runps("t0 = /x/\nwhitespace = / +/\nS: t0 t0 A ? count\nA: '+'\nS:  ? tag\nS: A", "", 5); }
string t_f33() { return runps("t1 = /x/\nt0 = /[ab]/\nS: t1 t1\nA: 'b'\nB: 'ab' C C\nB: t0 B t0\nB: 'if' C\nC: C\nC: A t0\nC: \nS: t1", "xx", 1); }
string t_f34() { return runps("t1 = /[ab]/\nt1 = /(a|bc)*d/\nwhitespace = / +/\nt2 = /x/\nt0 = /y(z)?/\nS: S ? nilf\nS: t1", "acd", -1); }
string t_f35() { return runps("t0 = /b/\nnm = nomatch\nS: t0 t0 t0\nS: t0 ? tag", "bbb", 1); }
string t_f36() { return runps("t1 = /a./\nt1 = /[a-c]+/\nt2 = /[a-c]+/\nt2 = /a+/\nnm = nomatch\nt0 = /c?a/\nS: t0 t0 ? flip", "aca", -1); }
string t_f37() { return runps("t1 = /y(z)?/\nt0 = /b/\nwhitespace = / +/\nS: t1\nA: t1 ? idf\nB: \nB:  ? count\nB: \nC: B t1\nS: S\nS: ", "", -1); }
string t_f38() { return runps("t0 = /\\\\./\nwhitespace = / +/\nt0 = /a+/\nS: t0 'a'\nS: S\nS: S t0", ". a aa", 2); }
string t_f39() { return runps("whitespace = / +/\nt0 = /(a|bc)*d/\nt0 = /ab|abc/\nS: t0 A\nA: 'if' S ? flip\nB: t0\nB: t0 t0\nC: B t0 ? wrap\nC: C ? nilf\nC: S t0\nS: 'if' ? idf\nS:  ? nilf", "if", -1); }
string t_f40() { return runps("whitespace = / +/\nt0 = /b*a/\nt2 = /ab|abc/\nt1 = /ab|abc/\nt1 = /c?a/\nS: S", "", -1); }
string t_f41() { return runps("t0 = /b*a/\nt1 = /a+/\nt1 = /a./\nS: B '('\nA: t1\nA: t0 S A\nB: t0 t0 t0 ? idf\nB: t1\nS: ", "", 3); }
string t_f42() { return runps("t0 = /a|b/\nt0 = /y(z)?/\nS:  ? nilf\nA: t0 t0\nA: S t0 ? wrap\nA: \nS: A\nS: 'x'", "", 5); }
string t_f43() { return runps("t0 = /b*a/\nt2 = /(a|bc)*d/\nt1 = /b*a/\nwhitespace = / +/\nt0 = /[ab]/\nt2 = /a./\nS: t2 ? wrap\nA: A t1\nA: t2 A\nB: 'ab' S B", "d", 5); }
string t_f44() { return runps("nm = nomatch\nt0 = /[0-9]+/\nt1 = /[0-9]+/\nS: S t1\nS:  ? tag\nS: S", "42", 5); }
string t_f45() { return runps("t1 = /a./\nt2 = /a./\nwhitespace = / +/\nt0 = /x/\nS: t2 'if' t2 ? tag\nA: \nA: t2 ? idf\nS: A", "a+ if a+ b", -1); }
string t_f46() { return runps("t1 = /(ab)+/\nt0 = /a|b/\nt0 = /[a-c]+/\nwhitespace = / +/\nt1 = /y(z)?/\nS: t0 t0 ? wrap\nS: t1 'ab' ? idf\nS: S ? rejecta", "abc b", 1); }
string t_f48() { return runps("t0 = /a./\nt0 = /x/\nnm = nomatch\nt1 = /a+/\nt1 = /b/\nS: S t1\nA: t0 t1 C\nA: t0 S\nA: \nB: t1 ? flip\nC: t0 t0\nS: B S 'x'\nS: S", "bbaaaabaaaxxxxaaa", -1); }
string t_f50() { return runps("whitespace = / +/\nt0 = /a|b/\nt0 = /[ab]/\nS: S ? rejecta\nS: S", "", 5); }
string t_f51() { return runps("whitespace = / +/\nt0 = /a|b/\nt0 = /ab|abc/\nt1 = /a+/\nt1 = /ab|abc/\nS:  ? wrap\nA: t0 S\nB: \nB: A C\nC: '+'\nC:  ? tag\nC: '(' ? count\nS: S t1 t1\nS: t1 B ? rejecta", "", 3); }
string t_f52() { return runps("t0 = /[0-9]+/\nt1 = /(a|bc)*d/\nwhitespace = / +/\nt0 = /a+/\nS: A t1\nA: t0 ? flip\nA: t1 A ? wrap\nB: \nB: t0 B 'ab' ? tag", "d d 1 da", 5); }
string t_f53() { return runps("t1 = /(a|bc)*d/\nt0 = /a+/\nS: t0\nA: \nB: t1 ? tag\nB: t1 t0 ? nilf\nB: ", "a", 1); }
string t_f54() { return runps("t0 = /\\\\./\nwhitespace = / +/\nS: S t0 ? nilf\nS: S ? idf", ". . . . . .", -1); }
string t_f55() { return runps("whitespace = / +/\nt0 = /[0-9]+/\nt0 = /(ab)+/\nt1 = /b*a/\nt2 = /b/\nnm = nomatch\nt1 = /b/\nS: t2\nA: t0 t1 S\nA: t2 t0\nA: C C\nB:  ? count\nB: t0\nC: t2 ? count\nS: t1 t2", "b", -1); }
string t_f56() { return runps("t0 = /[0-9]+/\nwhitespace = / +/\nS: t0 t0\nA: '(' t0 ? idf\nA: t0 t0\nB: \nB: B t0 'ab'\nC: ", "42 42", -1); }
string t_f57() { return runps("t1 = /\\\\./\nwhitespace = / +/\nt1 = /\\\\./\nt0 = /ab|abc/\nS: S t1 t0 ? count\nA:  ? wrap\nA: S C\nA: \nB: t1 t0 ? wrap\nB: '(' S\nC: S t1\nS: C t1 A", ". . . abc . . . . . ab . abc .", 3); }
string t_f59() { return runps("t0 = /\\\\./\nt0 = /b/\nwhitespace = / +/\nS: S t0 ? wrap\nA: '+' t0\nB: A ? tag\nS: t0 A t0\nS: S ? rejecta", "b + . b", 5); }
string t_f60() { return runps("whitespace = / +/\nt2 = /ab|abc/\nt2 = /[0-9]+/\nt1 = /(ab)+/\nt0 = /x/\nS: t1 t2 t0 ? tag\nA: t2 t2", "abab abc x", -1); }
string t_f61() { return runps("t0 = /(a|bc)*d/\nt1 = /[ab]/\nwhitespace = / +/\nS: S ? idf\nA: t0\nA: A\nA: 'b' ? count\nB: \nB: B t0\nC: S t0\nC: A A\nS: ", "", 2); }
string t_f62() { return runps("t0 = /a./\nS:  ? wrap\nA: S t0\nA: S t0 t0\nB: t0\nS:  ? wrap", "", 0); }
string t_f63() { return runps("whitespace = / +/\nt0 = /(a|bc)*d/\nS: t0\nA: 'ab' t0 ? nilf\nA: 'x'\nA: t0\nS: t0 'a'\nS: ", "d", -1); }
string t_f64() { return runps("whitespace = / +/\nt0 = /\\\\./\nt1 = /a+/\nS:  ? count\nA: \nA:  ? flip\nA: t1 'a' t0 ? tag\nB: t1 S ? rejecta\nB: B ? count\nS: S B\nS: ", "", 0); }
string t_f65() { return runps("whitespace = / +/\nt0 = /y(z)?/\nt1 = /[^ ]/\nS: 'if'\nA: 'a' t1 t1\nA: B B ? flip\nB: '+'", "if", -1); }
string t_f66() { return runps("t0 = /[0-9]+/\nnm = nomatch\nt2 = /a|b/\nt1 = /x/\nt0 = /a|b/\nt2 = /(ab)+/\nwhitespace = / +/\nS: t2\nA: A ? count\nA: \nS: t0 t1 ? tag", "b x", -1); }
string t_f67() { return runps("t0 = /ab|abc/\nwhitespace = / +/\nt2 = /b*a/\nt1 = /b*a/\nt1 = /(a|bc)*d/\nS: t1 A ? count\nA: B ? nilf\nB: C t0\nB: t0 ? idf\nB: C\nC: '(' B ? idf\nC: t0 ? flip\nS: C", "d abc", -1); }
string t_f68() { return runps("t1 = /[^ ]/\nt0 = /a|b/\nS: '+' '(' t0 ? flip\nA: S t1", "+(a", 3); }
string t_f69() { return runps("t1 = /[^ ]/\nwhitespace = / +/\nt1 = /[ab]/\nt0 = /a|b/\nt2 = /a+/\nt2 = /x/\nS: t0\nS: S S\nS: t2", "b", 0); }
string t_f70() { return runps("whitespace = / +/\nt0 = /ab|abc/\nS:  ? count\nA: A\nA: '(' t0\nS: 'a'", "a", 5); }
string t_f71() { return runps("t2 = /x/\nt1 = /[^ ]/\nt0 = /ab|abc/\nwhitespace = / +/\nt1 = /(a|bc)*d/\nS: t2 'b' ? tag\nA: A t0 'x'\nA: S B ? wrap\nB: t0\nB: t0 'x'\nC: t1\nC: C\nS: A t1 t2", "x b abc x abc x a x abc x abc x d", 0); }
string t_f72() { return runps("t1 = /x/\nwhitespace = / +/\nt2 = /[a-c]+/\nt0 = /[0-9]+/\nt0 = /(a|bc)*d/\nt1 = /[ab]/\nS: t2 t2\nS: t1", "abc abc", -1); }
string t_f73() { return runps("t0 = /\\\\./\nt0 = /(ab)+/\nS: t0 t0 ? idf\nS: t0 S\nS: t0", "", 2); }
string t_f74() { return runps("whitespace = / +/\nt1 = /b*a/\nt0 = /a|b/\nS: t1\nA: S ? wrap\nB: A B ? count\nB: B t0 t0 ? count", " b", -1); }
string t_f75() { return runps("t1 = /ab|abc/\nwhitespace = / +/\nt0 = /(ab)+/\nS:  ? wrap\nA: t1 t0\nA: \nA: C C S ? idf\nB: t0 ? nilf\nC: C t0 ? rejecta\nC: t0 t1\nC: t1 B ? count\nS: S t1 S ? count\nS: S t0 ? count", "ab abab abc ab ab abab", -1); }
string t_f76() { return runps("whitespace = / +/\nt0 = /a/\nS: S A\nA: t0 t0\nA: t0 S t0\nA: t0\nS: t0 ? idf\nS:  ? nilf", "a", 5); }
string t_f77() { return runps("t0 = /\\\\./\nt0 = /a+/\nt1 = /(a|bc)*d/\nt1 = /[0-9]+/\nS: t0 ? rejecta\nA: t0 t1 t0 ? nilf\nA: t0 t0 t1\nS: t1\nS: S t0 ? count", "aa", 2); }
string t_f78() { return runps("t1 = /\\\\./\nt1 = /[ab]/\nt0 = /(a|bc)*d/\nwhitespace = / +/\nS:  ? flip\nA: S\nB: \nB: S\nB:  ? tag\nS: B\nS:  ? wrap", "", 2); }
string t_f79() { return runps("whitespace = / +/\nt1 = /\\\\./\nt0 = /c?a/\nt0 = /b*a/\nS: C '+'\nA: t0 t0\nA: \nB: C 'b' ? nilf\nC: t1 ? count\nS: 'a' t1 S ? rejecta", ". +", 2); }
string t_f80() { return runps("t0 = /[a-c]+/\nS: S\nA: t0 t0", "", 2); }
string t_f81() { return runps("whitespace = / +/\nt1 = /[0-9]+/\nt0 = /a+/\nt1 = /[ab]/\nt0 = /x/\nt2 = /a+/\nS: ", "", -1); }
string t_f82() { return runps("t0 = /b/\nt0 = /ab|abc/\nt1 = /[ab]/\nS:  ? rejecta\nS: t0 ? flip\nS:  ? rejecta", "", -1); }
string t_f83() { return runps("t1 = /y(z)?/\nt0 = /y(z)?/\nwhitespace = / +/\nS: t1\nA: 'x' '(' t0\nA: A 'if'", "a", 3); }
string t_f84() { return runps("whitespace = / +/\nt0 = /x/\nS: t0 'if' A\nA: t0 S t0\nB: t0 t0\nC: t0\nC: C ? idf\nC: '+' C B ? flip\nS: t0\nS: t0 B S ? rejecta", "xa", 3); }
string t_f85() { return runps("whitespace = / +/\nt0 = /[^ ]/\nt1 = /[ab]/\nS: t1 t0\nA: t0 ? wrap\nA: \nA: t1 t0 t1\nS: A t0 t0 ? tag\nS: S", "a a", 3); }
string t_f86() { return runps("t0 = /b/\nt0 = /a./\nt1 = /ab|abc/\nS: t1\nA: S\nB: A S\nB: C C t0\nB: t0 t0 ? wrap\nC: \nC: A\nC: A C t0", "a", -1); }
string t_f87() { return runps("t0 = /[0-9]+/\nt0 = /a|b/\nt2 = /x/\nt2 = /a/\nt1 = /y(z)?/\nt1 = /(a|bc)*d/\nS: '(' S\nS: t0 'ab' t2 ? rejecta\nS: ", "(", 3); }
string t_f88() { return runps("t2 = /[^ ]/\nt1 = /\\\\./\nwhitespace = / +/\nt0 = /a./\nS: S ? flip\nA: 'a'\nA: 'a' A\nS: t2 ? rejecta", "", -1); }
string t_f89() { return runps("t0 = /(ab)+/\nt0 = /ab|abc/\nS: A t0 t0\nA: t0 t0\nA: t0\nB: t0 A t0\nC: '+' ? count\nS: t0\nS: t0 B", "ab", -1); }
string t_f90() { return runps("whitespace = / +/\nt1 = /ab|abc/\nt2 = /(ab)+/\nt1 = /y(z)?/\nt0 = /c?a/\nS: ", "", -1); }
string t_f91() { return runps("t0 = /a/\nt1 = /c?a/\nt2 = /a+/\nt2 = /ab|abc/\nt0 = /(ab)+/\nt1 = /[0-9]+/\nwhitespace = / +/\nS: S 'ab' ? count\nA: A\nA: \nS: S ? nilf", "ab a ab ab ab abz", 3); }
string t_f92() { return runps("whitespace = / +/\nt0 = /[ab]/\nS: t0 t0 ? idf\nA: 'ab'\nA: t0\nA: t0\nB: \nS: '(' t0", "( a", 2); }
string t_f93() { return runps("nm = nomatch\nwhitespace = / +/\nt0 = /y(z)?/\nS: \nA: t0 A\nA:  ? tag\nS: t0", "y", 5); }
string t_f94() { return runps("t0 = /[^ ]/\nt0 = /b/\nt1 = /a/\nt1 = /[ab]/\nwhitespace = / +/\nS: t0\nA: S C ? rejecta\nA: \nB: t0 t0 A ? idf\nB: S\nB: t0 S B ? tag\nC: t0 t0\nC: 'if' ? nilf\nC: t0 t1 t1 ? wrap\nS: t1", "b", 1); }
string t_f95() { return runps("whitespace = / +/\nt0 = /a|b/\nt1 = /(a|bc)*d/\nt2 = /[^ ]/\nt1 = /a|b/\nS: S 'a'", "a aa a a a a a a a a a!", -1); }
string t_f96() { return runps("t0 = /b*a/\nnm = nomatch\nt2 = /[a-c]+/\nt1 = /[a-c]+/\nwhitespace = / +/\nt1 = /(a|bc)*d/\nS: t0 t1\nA: t2\nB: t1 B C ? nilf\nC: t1 t0 t2 ? flip\nC:  ? tag\nS: t2\nS: 'if' t1 'if' ? count", "c", 2); }
string t_f97() { return runps("t0 = /\\\\./\nt1 = /x/\nt2 = /[a-c]+/\nwhitespace = / +/\nt0 = /(ab)+/\nt1 = /[a-c]+/\nS: \nA: t1 t1 A\nA: A t1", "", 1); }
string t_f98() { return runps("t0 = /[ab]/\nt0 = /b*a/\nS: S ? tag\nS: S S 'a'\nS: 'if' ? wrap", "if", 2); }
string t_f99() { return runps("t0 = /y(z)?/\nwhitespace = / +/\nt1 = /\\\\./\nt0 = /\\\\./\nS: t0\nA:  ? idf\nA: B t1 t0\nA: t0 'b' t1\nB: t1 B\nB: t0 B t0\nB: S\nS: t1\nS:  ? count", "", 0); }
string t_f100() { return runps("t2 = /\\\\./\nt0 = /\\\\./\nt2 = /b*a/\nt1 = /\\\\./\nS: t2 t0 ? wrap\nA: A '('\nA: A S\nS: S t0 t1", "a.", 5); }
string t_f101() { return runps("t0 = /ab|abc/\nt1 = /a./\nt1 = /x/\nS: t1 t0\nA: 'a' '(' ? rejecta\nA: 'x'\nB: \nC: t1 B t0 ? idf\nC: 'b'\nC: t0", "ababc", 3); }
string t_f102() { return runps("t2 = /a+/\nt1 = /x/\nt2 = /[^ ]/\nt1 = /a/\nt0 = /[0-9]+/\nS: B t1 ? idf\nA: B A\nB: S A\nB: 'ab' t1", "abaaabaabaabaabaabx", -1); }
string t_f103() { return runps("t0 = /a/\nt2 = /[^ ]/\nt1 = /a./\nt2 = /[a-c]+/\nS: A A ? flip\nA: t1\nA: \nS: t1", "a+", -1); }
string t_f104() { return runps("t0 = /[^ ]/\nnm = nomatch\nwhitespace = / +/\nS: t0 t0 t0", "a x x", 0); }
string t_f105() { return runps("t0 = /[^ ]/\nS:  ? count\nA: A\nA: S A ? wrap\nB: C ? flip\nB: A\nB: \nC: A C\nS: t0\nS: t0 t0", "", 5); }
string t_f107() { return runps("t0 = /b/\nt0 = /y(z)?/\nwhitespace = / +/\nS: t0 'ab'\nA: t0\nA: S\nA: A A A ? idf\nS:  ? idf", "", 2); }
string t_f108() { return runps("t0 = /b/\nt1 = /[ab]/\nt0 = /(a|bc)*d/\nS:  ? rejecta\nA: t0 t1\nA: t0 '('\nB: '(' t1 A ? idf\nB: B C\nC: t1 t0 A\nC: t0 ? count", "", 2); }
string t_f109() { return runps("t1 = /x/\nt1 = /ab|abc/\nt0 = /b/\nwhitespace = / +/\nS: C 'b'\nA: A ? nilf\nA: A 'b' t0 ? tag\nA: \nB: C ? idf\nB: t1 ? idf\nC: t1\nS: ", "", -1); }
string t_f110() { return runps("t0 = /[a-c]+/\nt0 = /a|b/\nS: t0 ? rejecta\nS: S 'if'", "a", 0); }
string t_f111() { return runps("t0 = /x/\nwhitespace = / +/\nt1 = /[ab]/\nt1 = /y(z)?/\nS: B A\nA: S t0\nA: 'ab' t1 ? tag\nB: A '+' ? flip\nB: t1 t1 t0 ? idf\nB: t1\nC: t1\nS: B", "ab a + x + ab yz b", -1); }
string t_f112() { return runps("t0 = /a+/\nt0 = /x/\nwhitespace = / +/\nt1 = /a+/\nt1 = /\\\\./\nS: t1\nA: t0 t1\nA: B C\nA: t0 S A\nB: C t1\nB: t1 C\nC: C 'a' ? flip\nS: '(' ? wrap\nS: t1 t0", "aa a", -1); }
string t_f113() { return runps("t2 = /b/\nt1 = /b/\nt0 = /y(z)?/\nS: S A '+'\nA: S A\nA: t1 '+'\nA: t1 ? idf\nS: t1 'a' ? nilf", "bab++bab++bab", 3); }
string t_f114() { return runps("t0 = /\\\\./\nt1 = /[ab]/\nt1 = /x/\nS: \nA: t1 B ? idf\nA: 'a' S t0 ? count\nB: t1 B ? nilf\nB: B ? wrap\nB: t0 t0 t1", "", 0); }
string t_f115() { return runps("t0 = /a./\nS: t0 t0 S ? wrap\nA: S t0 A ? rejecta\nA: \nA: '+'\nS: 'a'\nS: 'ab' ? idf", "ab", 2); }
string t_f116() { return runps("whitespace = / +/\nt1 = /a/\nt0 = /b*a/\nt2 = /\\\\./\nt1 = /\\\\./\nS: S t0 ? idf\nA: A\nA: t0 A ? wrap\nS: A t2 ? rejecta\nS: ", "a ba ba ba ba ba ba .", 2); }
string t_f117() { return runps("t0 = /a+/\nS: t0 A ? wrap\nA: t0\nA: t0\nS: S\nS: t0", "a", 5); }
string t_f118() { return runps("t0 = /a./\nwhitespace = / +/\nnm = nomatch\nS: B t0 ? wrap\nA: \nA: t0 ? wrap\nA:  ? wrap\nB: A C ? rejecta\nB: \nB: '(' A B ? nilf\nC: t0\nC: t0 B\nS: t0 t0 C ? count\nS: C t0", "a+ ab", 5); }
string t_f119() { return runps("t0 = /(ab)+/\nt1 = /a+/\nt0 = /(ab)+/\nS: t1 'b' ? count\nA: t0 t1 S ? count\nA: t0 B\nA: t1 t0 A ? count\nB: t1 t0 ? flip\nS: B S", "b", 5); }
string t_f120() { return runps("t2 = /(a|bc)*d/\nt0 = /a/\nt1 = /a/\nt1 = /\\\\./\nt2 = /(a|bc)*d/\nS: C t1 t0\nA: t2 B t1\nA: 'b' A\nA: t2 ? tag\nB: t0 C\nC: t1 C\nS: ", "aaaaaaa..aa.a", -1); }
string t_f121() { return runps("t0 = /[a-c]+/\nS: t0 ? nilf\nA: t0 t0\nA: t0 A t0 ? flip", "c", 5); }
string t_f122() { return runps("t0 = /\\\\./\nwhitespace = / +/\nt1 = /a/\nS: t0 t1\nA: '('\nB: t0\nB: C '(' t0\nC: A S t1 ? rejecta\nC: \nC: t0 ? idf\nS: t0 t0 S ? idf\nS: t1 t0", "a .", -1); }
string t_f123() { return runps("t1 = /c?a/\nwhitespace = / +/\nt0 = /[a-c]+/\nS: t0 t0\nA: t1\nA: t0\nA: t1 'b'\nB: t0 t0 ? nilf\nC: B\nC: t1\nS: \nS: t1 t1", "a a", 1); }
string t_f124() { return runps("t1 = /y(z)?/\nt0 = /a./\nt0 = /(ab)+/\nS: t0 ? nilf\nS: t1 S\nS: ", "", 0); }
string t_f125() { return runps("t1 = /b*a/\nt0 = /b/\nt0 = /(a|bc)*d/\nS: t1 S t0\nA: \nA: t1 A ? count\nA: t1 S\nB: t0 t0 A\nB: t1 t1\nB: t1 'b'", "baaaaabaabaaababad", 0); }
string t_f126() { return runps("t0 = /(a|bc)*d/\nt1 = /ab|abc/\nt1 = /b/\nwhitespace = / +/\nS: S t1\nS: t0 t1 S\nS: t1", "abc ab", 2); }
string t_f127() { return runps("whitespace = / +/\nt1 = /\\\\./\nt0 = /b*a/\nS: t0 t0 t0\nA:  ? tag\nA: \nA: \nS: S S", "a a ba ba ba a ba a a", 1); }
string t_f128() { return runps("t0 = /a./\nwhitespace = / +/\nS: t0 S ? rejecta\nA: t0 S ? flip\nB: '+' t0\nS:  ? tag\nS: t0 t0 t0", "ab ab ab a+ a+", -1); }
string t_f129() { return runps("t0 = /(a|bc)*d/\nt0 = /b/\nS: S t0 ? nilf\nA: t0\nA: t0\nB: t0 C t0 ? nilf\nC: 'b'\nS: S\nS: S B", "babcddbbb", 3); }
string t_f130() { return runps("t2 = /a+/\nwhitespace = / +/\nt1 = /a|b/\nt0 = /\\\\./\nt1 = /\\\\./\nt2 = /a./\nS: \nA: '('\nB:  ? wrap\nB: B A\nC: B\nC: t0 ? tag\nC: t1 t1", "", 0); }
string t_f131() { return runps("t2 = /x/\nt0 = /(a|bc)*d/\nt1 = /(ab)+/\nwhitespace = / +/\nt2 = /a|b/\nS: S\nA: t0 'a' ? tag\nB: B\nB: t0\nB: t0\nC: t1 t1 t0 ? wrap\nC: t2 t2 t0\nC: t2 C ? count\nS: S B 'a' ? tag\nS: t0 t1", "d abab", -1); }
string t_f132() { return runps("whitespace = / +/\nt1 = /a./\nt0 = /c?a/\nt2 = /a|b/\nt0 = /[ab]/\nt1 = /a/\nS: t1 t0 ? count\nA: t1 ? count\nS: 'b' ? wrap", "a+ a", 0); }
string t_f133() { return runps("nm = nomatch\nt0 = /ab|abc/\nS: t0 t0\nA: t0 '+' t0\nA: B t0 S ? count\nB: t0 ? count\nB: 'a'\nB: t0 t0 t0 ? idf\nS:  ? count", "", 3); }
string t_f134() { return runps("t0 = /a./\nt1 = /\\\\./\nnm = nomatch\nt2 = /a/\nS: ", "", 2); }
string t_f135() { return runps("t2 = /[^ ]/\nt1 = /c?a/\nt0 = /ab|abc/\nS: 'if' ? rejecta\nA: \nA: B ? nilf\nB: t2 t1\nC: t1 S ? tag\nC: \nC: t0 S\nS: t2 ? flip", "x", 3); }
string t_f136() { return runps("t1 = /a./\nt0 = /c?a/\nt0 = /c?a/\nnm = nomatch\nt1 = /(a|bc)*d/\nS: t1 t1 ? wrap\nA: C ? count\nB: B ? idf\nB:  ? flip\nC: t0 t0\nC: t1 A ? count\nC: \nS: \nS: '(' t1 t1", "", 2); }
string t_f137() { return runps("t2 = /\\\\./\nwhitespace = / +/\nt1 = /x/\nt0 = /(a|bc)*d/\nS: t1 B\nA: t1 ? flip\nB: S S C ? nilf\nC: t2 '(' C\nC: t2 t0", "x x xx x x x . abcd x x x .", -1); }
string t_f138() { return runps("t2 = /[0-9]+/\nt1 = /(ab)+/\nt1 = /x/\nt0 = /a|b/\nt2 = /[^ ]/\nS: t0 ? count\nA: 'x' t0\nA: t1 'ab' t2\nA: A S ? rejecta\nB: t2\nB:  ? rejecta\nC: \nC: t1 C\nS: B", "", 3); }
string t_f139() { return runps("t0 = /b*a/\nt1 = /b*a/\nt0 = /b*a/\nwhitespace = / +/\nt1 = /y(z)?/\nt2 = /(a|bc)*d/\nS: t1 '(' t2 ? wrap\nA: t2 t2\nB: 'x' '('\nC: 'a' t2\nC: t2\nS: A C ? idf", "yz ( d", 1); }
string t_f140() { return runps("t1 = /\\\\./\nt0 = /a/\nwhitespace = / +/\nS: t0 ? wrap\nA: '(' t0\nA: t1\nB: t1\nB: B t1 t0 ? flip\nB: t1 ? nilf\nC: \nC: C t0\nC: t1 '+' t1 ? tag\nS: \nS: t0", "a", -1); }
string t_f141() { return runps("whitespace = / +/\nt0 = /a+/\nS: '(' t0 A\nA: t0 t0 ? nilf\nA: B t0\nB: A A\nB: t0 ? idf\nS: \nS:  ? nilf", "( a a aa", 1); }
string t_f142() { return runps("whitespace = / +/\nt0 = /c?a/\nS: 'b' t0\nA: t0 t0 t0\nB: t0 A\nB: B ? nilf\nB: B", " ca", -1); }
string t_f143() { return runps("t1 = /[ab]/\nt0 = /(a|bc)*d/\nwhitespace = / +/\nt1 = /b/\nt2 = /a+/\nS: t0\nA: t1\nA:  ? wrap\nB: B t2\nC: t1\nS: t0 t1 ? flip\nS: A t1", "d", 3); }
string t_f144() { return runps("t0 = /a|b/\nt1 = /a+/\nt2 = /a/\nt2 = /a./\nt0 = /c?a/\nwhitespace = / +/\nS: t0 'ab' 'ab' ? count\nA: \nA: \nA: 'if' 'if' t0\nB: t2", "b ab ab", -1); }
string t_f145() { return runps("whitespace = / +/\nt0 = /[ab]/\nt0 = /ab|abc/\nS: S ? nilf\nA: 'a' ? wrap\nA: t0 t0 t0 ? rejecta\nA: t0 t0\nB:  ? wrap\nC: A B\nC: t0 t0 t0\nS: ", "", 2); }
string t_f146() { return runps("t0 = /[ab]/\nwhitespace = / +/\nt0 = /\\\\./\nS: t0 ? count\nA: t0 B\nA: S 'a'\nA: 'x' t0 t0 ? wrap\nB:  ? wrap\nB: t0\nS: t0 A", "b", -1); }
string t_f147() { return runps("t0 = /a+/\nS: t0\nA: 'ab' t0 ? idf\nA: S C\nB: t0 'x' ? nilf\nB: t0 t0 C\nB: C ? nilf\nC: C S 'x'\nS: A", "axaaxaxaxaxaaxa", 2); }
string t_f148() { return runps("t0 = /b/\nt1 = /a|b/\nwhitespace = / +/\nt2 = /a+/\nt0 = /x/\nS: t1 t2\nA: B ? tag\nA: \nA: t2 S ? nilf\nB: t0\nB: t2", "b aa", 2); }
string t_f149() { return runps("t0 = /y(z)?/\nwhitespace = / +/\nS: t0\nA: 'a' B\nA: '('\nA: 'b' 'b' ? idf\nB: t0\nB: A A\nC: \nC: 'if' 'a'\nC: 'ab' t0", "y", 0); }
string t_f150() { return runps("t0 = /c?a/\nS: A C t0 ? wrap\nA: \nA: C t0\nB: C 'ab'\nB:  ? rejecta\nB: 'ab' t0 B\nC: \nS: C 'x' t0 ? nilf", "caa", 3); }
string t_f151() { return runps("t0 = /b*a/\nt1 = /(a|bc)*d/\nt2 = /[^ ]/\nS: S S", "!", -1); }
string t_f152() { return runps("t0 = /a./\nt1 = /b/\nt0 = /b*a/\nS: S", "", -1); }
string t_f153() { return runps("t0 = /b/\nwhitespace = / +/\nS: C\nA: \nB: S\nB: \nC: \nC: \nS: t0 t0", "b b", -1); }
string t_f154() { return runps("t1 = /(a|bc)*d/\nt2 = /a/\nt2 = /y(z)?/\nt0 = /a/\nt1 = /(a|bc)*d/\nS: S S", "", 0); }
string t_f155() { return runps("t1 = /[a-c]+/\nt2 = /[0-9]+/\nt0 = /(a|bc)*d/\nt1 = /a./\nS: S ? nilf\nA: t0 t0 A\nA: A ? count\nA: S S t2 ? count\nS: 'x' ? tag", "x", 2); }
string t_f156() { return runps("t1 = /(ab)+/\nwhitespace = / +/\nt0 = /y(z)?/\nt0 = /\\\\./\nt2 = /c?a/\nnm = nomatch\nt2 = /[^ ]/\nS: '+' A ? tag\nA: t2 t1\nB: t1 t1\nB: S t0 t1\nC: t0 S t0 ? tag\nC: '+' t0\nC: t0 ? idf\nS: t0 'if' t0\nS: t2 t0", "x .", -1); }
string t_f157() { return runps("t0 = /[ab]/\nt1 = /[a-c]+/\nS: t0\nA: '+' t0\nB: S\nB: t0 t0 ? idf\nS: t1 A t1", "c+ac", 5); }
string t_f158() { return runps("t0 = /b/\nt0 = /[^ ]/\nS: t0 ? rejecta\nS: t0 ? idf\nS: t0 'b' t0", "az", 3); }
string t_f159() { return runps("t0 = /a|b/\nt0 = /b*a/\nS: t0\nA: B t0 S ? nilf\nA: 'a' t0 ? idf\nA: C C ? rejecta\nB: t0 t0 A ? flip\nC: \nC: \nC: 'ab' t0", "a", -1); }
string t_f160() { return runps("t2 = /ab|abc/\nt1 = /[^ ]/\nt0 = /[^ ]/\nS: t2\nS: ", "", 0); }
string t_f161() { return runps("t0 = /a./\nS: t0 ? count\nA: t0 B t0\nB: t0 'x' 'if'\nB: t0 A\nB: 'if' t0 B\nC: C ? nilf", "a+", 1); }
string t_f162() { return runps("t1 = /a./\nt2 = /b/\nwhitespace = / +/\nt2 = /(a|bc)*d/\nt0 = /[0-9]+/\nS: S ? flip\nS: t2", "b", 1); }
string t_f163() { return runps("t0 = /y(z)?/\nwhitespace = / +/\nS: t0 S t0\nA:  ? nilf\nA: t0 t0\nA: t0 S\nB:  ? tag\nB: \nC: t0 ? wrap\nC: S t0 C\nC: t0 t0 ? idf\nS: 'if' ? tag\nS: t0 t0 'a' ? rejecta", "fa", -1); }
string t_f164() { return runps("whitespace = / +/\nt0 = /a|b/\nnm = nomatch\nt1 = /(a|bc)*d/\nS: \nS: \nS: S ? tag", "", -1); }
string t_f165() { return runps("t0 = /(ab)+/\nS: t0 t0\nS: t0\nS: t0 S 'x' ? idf", "abababab", 3); }
string t_f166() { return runps("t1 = /a/\nt0 = /b/\nt1 = /[ab]/\nt2 = /c?a/\nS: t0 ? count\nA: \nA: t1 t2 B ? idf\nA: t2 A A\nB: B t2 t1\nS: 'x'", "x", -1); }
string t_f167() { return runps("t0 = /ab|abc/\nwhitespace = / +/\nS: t0\nA: \nA: t0\nA: 'ab' t0 t0\nB: S ? nilf\nB: C t0 ? idf\nC: A 'b'\nC: A S\nS: S '(' S\nS: t0 t0 S", "ab!", -1); }
string t_f168() { return runps("t1 = /\\\\./\nt2 = /y(z)?/\nt0 = /ab|abc/\nS: B\nA: t2\nA: t1 ? nilf\nB: t0 ? nilf\nS: t2 'if' ? nilf\nS: 'b' t2 ? count", "abc", -1); }
string t_f169() { return runps("t1 = /[0-9]+/\nt0 = /c?a/\nS: \nA: B\nA: S t0\nA: t1\nB: t1\nS: t1 t1\nS: t1 A 'b'", "", 1); }
string t_f170() { return runps("t0 = /a|b/\nwhitespace = / +/\nS: S S\nA: 'x'\nS: A t0\nS: t0 t0 ? idf", " b", 3); }
string t_f171() { return runps("t2 = /b*a/\nt1 = /a|b/\nt0 = /a+/\nt2 = /a/\nS: S", "z", 5); }
string t_f172() { return runps("t0 = /a./\nS: A S\nA: t0 t0\nA: B t0\nB: t0 t0 ? wrap\nS: S ? count\nS: 'b' 'ab' ? nilf", "bab", 2); }
string t_f173() { return runps("t0 = /b/\nS: t0\nA: \nA: t0 ? count\nA: t0 t0 t0", "b", 3); }
string t_f174() { return runps("t0 = /a|b/\nt2 = /[0-9]+/\nt1 = /c?a/\nwhitespace = / +/\nS: t0 A A\nA: B t1 t2\nB: t1 B t1\nB: \nB: t0\nS: \nS: ", "", 1); }
string t_f175() { return runps("t1 = /[0-9]+/\nt0 = /\\\\./\nwhitespace = / +/\nt1 = /\\\\./\nt0 = /x/\nS: \nA: t1\nA: S t0 t1\nA: B t1 ? wrap\nB: S\nB: A\nC: 'if' t1 t0\nC: \nC: t0\nS: ", "!", -1); }
string t_f176() { return runps("t0 = /ab|abc/\nt0 = /a/\nt1 = /a./\nS: B S t1 ? rejecta\nA: 'b' ? nilf\nA: t1 t1 t1 ? nilf\nA: t1 'x'\nB: B\nB: S t0\nB: A t0\nS: t1 B\nS: t0 t0 ? count", "aab", 3); }
string t_f177() { return runps("t0 = /a./\nnm = nomatch\nwhitespace = / +/\nt1 = /b*a/\nt0 = /[^ ]/\nS: S t1\nS: 'x' S", "x x x x x x a ba ba a a ba", 3); }
string t_f178() { return runps("t0 = /a|b/\nt0 = /[^ ]/\nt1 = /a+/\nS: A S S ? rejecta\nA: t1\nA: t1 t0", "aaaababaaaaaaaaaaa", -1); }
string t_f179() { return runps("t2 = /a|b/\nt1 = /a./\nt0 = /(ab)+/\nS: ", "", 0); }
string t_f180() { return runps("t2 = /b/\nwhitespace = / +/\nt2 = /a/\nt1 = /a./\nt0 = /ab|abc/\nS: A\nA: t2 t1 ? flip\nS: t2\nS: S A", "b b ab", -1); }
string t_f182() { return runps("t0 = /c?a/\nwhitespace = / +/\nS: S S", "", 3); }
string t_f183() { return runps("t1 = /[a-c]+/\nt0 = /a|b/\nt1 = /[^ ]/\nS: t1\nS: t0\nS: S", "c", 5); }
string t_f184() { return runps("t0 = /y(z)?/\nwhitespace = / +/\nt0 = /\\\\./\nS: t0 t0\nA: t0 ? flip\nA: t0 t0 C\nA: '(' ? tag\nB: B t0 ? flip\nB: t0 S\nB: t0\nC: S ? idf\nC: B\nC: B t0\nS: 'b'", "yz y", 1); }
string t_f185() { return runps("t0 = /(a|bc)*d/\nt0 = /b/\nt1 = /a+/\nt1 = /\\\\./\nwhitespace = / +/\nS: S C ? flip\nA: t1 ? idf\nB: '+'\nB: A B A ? flip\nB: t0 t0 t0\nC: B t0\nS: t0 t0 C\nS:  ? rejecta", "", 1); }
string t_f186() { return runps("whitespace = / +/\nt0 = /a./\nt0 = /a|b/\nS: \nA: B S '('\nB: t0 B 'ab' ? count\nC: A t0\nS: 'a' ? tag\nS: t0 B ? rejecta", "a", 1); }
string t_f187() { return runps("t0 = /b/\nwhitespace = / +/\nt0 = /b/\nt1 = /a+/\nt1 = /y(z)?/\nS: t0 S\nS: t1 ? tag", "b b b a", -1); }
string t_f188() { return runps("t2 = /c?a/\nt0 = /a./\nt2 = /a|b/\nt1 = /\\\\./\nwhitespace = / +/\nS: A t2\nA: 'ab' t0 'if' ? idf\nS: 'x' t2 ? idf", "ab a+ if a", 2); }
string t_f189() { return runps("t1 = /[a-c]+/\nwhitespace = / +/\nt0 = /c?a/\nt1 = /ab|abc/\nt0 = /c?a/\nS: S t1 t0 ? nilf\nA:  ? nilf\nA: t1 S ? idf\nA: 'a' t0\nB: 'b' ? wrap\nB: \nC: t1 t0 'b' ? rejecta", "ab a c ca abc a ab a c ca abc ca c", 3); }
string t_f190() { return runps("t1 = /a|b/\nt0 = /y(z)?/\nt1 = /(ab)+/\nS: \nA: A A\nB: t0 ? nilf\nB: 'b'\nS: t1\nS: t1 t1", "", -1); }
string t_f191() { return runps("t1 = /[ab]/\nt2 = /\\\\./\nt0 = /y(z)?/\nS: t2\nA: t2 A ? rejecta\nS: A ? nilf", ".", -1); }
string t_f192() { return runps("t0 = /a|b/\nwhitespace = / +/\nS: S '('\nA: '+' t0\nB: t0\nB: 'ab' ? nilf", "( ( ( ( ( (( ( ( ( ( (", 5); }
string t_f193() { return runps("t2 = /[a-c]+/\nt1 = /a+/\nt0 = /b*a/\nwhitespace = / +/\nS: S\nA: \nA: t0\nA: A t1", "", 2); }
string t_f194() { return runps("t0 = /c?a/\nwhitespace = / +/\nt2 = /a|b/\nt0 = /a+/\nt2 = /ab|abc/\nt1 = /\\\\./\nS: S A ? wrap\nA: S t1\nA:  ? count\nA: A t2\nB: t2 ? rejecta\nC: ", "abc a ", -1); }
string t_f195() { return runps("t1 = /\\\\./\nt1 = /x/\nt0 = /ab|abc/\nS: t0 t1\nA: t0 A\nA: t0 ? flip\nA: t0 S\nS: t0 '('\nS: t0", "abc(", -1); }
string t_f196() { return runps("t2 = /[a-c]+/\nt1 = /a+/\nt1 = /c?a/\nwhitespace = / +/\nt0 = /b/\nt2 = /y(z)?/\nS: t0 'a' ? flip\nA:  ? count\nA: S\nA: t1 ? flip\nB: B\nB: 'x' '+'\nS: S\nS: '+' t1", "+ aa", 5); }
string t_f197() { return runps("t0 = /a|b/\nt1 = /[^ ]/\nt2 = /a+/\nS: 'if' t0\nA: B\nA: t0\nA: t2 t2 ? count\nB: 'b' t2 ? tag\nB: t1 ? wrap", "ifb", 2); }
string t_f198() { return runps("t0 = /y(z)?/\nt0 = /a|b/\nwhitespace = / +/\nS: S t0 ? count\nA: C\nB: A t0\nB: '('\nB: t0 B S\nC: A t0\nC: t0 B t0\nC: A ? flip\nS: C 'if' t0", "b yz ( a ( y y y if yz b y if", -1); }
string t_f199() { return runps("t0 = /(a|bc)*d/\nt1 = /b/\nt0 = /\\\\./\nS: t0 ? rejecta\nA: C t1 'ab'\nB: S t1 S\nB: '+' S\nB: 'x' B C\nC: t1\nS: C B ? tag", "babcdbbabcdbb+.", 1); }
