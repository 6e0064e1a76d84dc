# define CASES ({ "re_class","re_negclass","re_star","re_plus_group","re_question","re_alt","re_group_alt","re_escapes","re_dot","re_class_escape","re_class_dash","re_class_multi","re_longest","re_first_rule","re_alt_rule_prio","re_empty_match","re_nested_groups","re_bracket_slash","re_backtrack","str_beats_regexp","regexp_longer_than_str","str_tokens_ws","str_escaped","str_unused_token","ws_multi","ws_only_input","nomatch","nomatch_end","nomatch_ws","nomatch_words","bad_token_offset","bad_token_after_fail","bad_token_first","no_parse","no_parse_short","expr_flat","expr_eval","cb_wrap","cb_reject_all","cb_reject_one","cb_notarr","cb_missing","cb_empty","cb_count","cb_error","cb_static","cb_private","cb_twice","cb_nested_parse","cb_called_once","empty_prod","empty_prod_cb","left_rec","right_rec","nested_rules","start_first_prod","amb_default","amb_one","amb_four","amb_four_two","amb_rule_order","amb_rule_order2","amb_reject","amb_nested","amb_dangling","amb_zero","amb_negative","amb_empty","cyclic","cyclic_empty","unreachable_undefined","unreachable_ok","err_no_tokens","err_no_start","err_empty","err_undefined_last","err_bad_token","err_unexpected","err_regexp_expected","err_rgx_paren","err_rgx_empty","err_rgx_star","err_rgx_class","err_rgx_alt","err_rgx_escape_end","err_extra_nomatch","err_prod_as_token","err_token_as_prod","err_bad_string","err_func_expected","err_rule_too_long","rule_max_len","err_symbol_too_long","symbol_max_len","err_string_too_long","err_rgx_too_large","rgx_max","err_rule_numbering","err_in_body_next_rule","cr_in_grammar","tab_ws_grammar","quest_no_space","long_input","ws_text_quirk","sub_parser","sub_parser_echo","sub_parser_missing","nomatch_plus_regexp","nomatch_before_ws","err_grammar_too_large","amb_five","amb_unambiguous","amb_error_cb","amb_error_cb_skipped","cb_modify_arg","dot_newline","unused_token_input","amb_shared_token_cb","long_cb_input","too_many_result","amb_expr","amb_two_levels","sub_parser_and_quest","cb_frame","cb_nested_same_grammar","sub_parser_nested","cb_from_lwo","rgx_size_class","rgx_size_star","rgx_size_escape","rgx_size_parens","rgx_size_alt","ticks_simple","ticks_list","ticks_ambiguous","ticks_callbacks","ticks_error" })
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
mixed *num(mixed *a) { return ({ (int) a[0] }); }
mixed *add(mixed *a) { return ({ a[0] + a[2] }); }
mixed *mul(mixed *a) { return ({ a[0] * a[2] }); }
mixed *wrap(mixed *a) { return ({ a }); }
mixed *leaf(mixed *a) { return ({ "L" + a[0] }); }
mixed *pair(mixed *a) { return ({ ({ a[0], a[1] }) }); }
mixed *tagA(mixed *a) { return ({ "A:" + implode(a, "") }); }
mixed *tagB(mixed *a) { return ({ "B:" + implode(a, "") }); }
mixed *reject(mixed *a) { return nil; }
mixed *rejectx(mixed *a) { return (a[0] == "x") ? nil : a; }
int notarr(mixed *a) { return 1; }
mixed *empty(mixed *a) { return ({ }); }
mixed *count(mixed *a) { return ({ sizeof(a) }); }
mixed *boom(mixed *a) { error("boom in callback"); }
static mixed *stat(mixed *a) { return ({ "static" }); }
private mixed *priv(mixed *a) { return ({ "private" }); }
mixed *twice(mixed *a) { return a + a; }
mixed *nest(mixed *a) { return ({ parse_string("d = /[0-9]/\nS: d d", "12") }); }
int calls;
mixed *counted(mixed *a) { calls++; return a; }
string t_re_class() { return show(parse_string("w = /[a-c]+/\nS: w", "abcab")); }
string t_re_negclass() { return show(parse_string("w = /[^ ]+/\nwhitespace = / +/\nS: w S\nS: w", "foo bar!  baz")); }
string t_re_star() { return show(parse_string("a = /ab*/\nS: a S\nS: a", "abbbaab")); }
string t_re_plus_group() { return show(parse_string("a = /(ab)+/\nS: a S\nS: a", "ababab")); }
string t_re_question() { return show(parse_string("a = /colou?r/\nwhitespace = / /\nS: a a", "color colour")); }
string t_re_alt() { return show(parse_string("t = /cat|dog/\nwhitespace = / /\nL: t\nL: L t", "cat dog cat")); }
string t_re_group_alt() { return show(parse_string("t = /x(a|bc)*y/\nS: t", "xabcaay")); }
string t_re_escapes() { return show(parse_string("t = /\\*\\+\\.\\[\\(\\)\\/\\\\\\?\\|/\nS: t", "*+.[()/\\?|")); }
string t_re_dot() { return show(parse_string("t = /a.c/\nS: t t", "abca-c")); }
string t_re_class_escape() { return show(parse_string("t = /[\\]\\-\\^]+/\nS: t", "]-^]")); }
string t_re_class_dash() { return show(parse_string("t = /[a-]+/\nS: t", "a-a")); }
string t_re_class_multi() { return show(parse_string("t = /[a-cx-z0-9_]+/\nwhitespace = / /\nS: t t", "abz_09 cx")); }
string t_re_longest() { return show(parse_string("a = /a/\nb = /aa/\nS: b a", "aaa")); }
string t_re_first_rule() { return show(parse_string("x = /[a-z]+/\ny = /if/\nS: y", "if")); }
string t_re_alt_rule_prio() { return show(parse_string("a = /x/\nb = /y/\na = /y/\nS: a a", "xy")); }
string t_re_empty_match() { return show(parse_string("a = /x*/\nS: a", "")) + show(parse_string("a = /x*/\nS: a", "xx")); }
string t_re_nested_groups() { return show(parse_string("t = /((a|b)c)+d?/\nwhitespace = / /\nS: t t", "acbc acbcd")); }
string t_re_bracket_slash() { return show(parse_string("t = /[/]+/\nS: t", "//")); }
string t_re_backtrack() { return show(parse_string("t = /ab|abcd/\nu = /c/\nS: t u", "abc")); }
string t_str_beats_regexp() { return show(parse_string("x = /[a-z]+/\nwhitespace = / /\nS: 'if' x\nS: x x", "if foo")); }
string t_regexp_longer_than_str() { return show(parse_string("x = /[a-z]+/\nwhitespace = / /\nS: 'go' x\nS: x x", "gone x")); }
string t_str_tokens_ws() { return show(parse_string("w = /x/\nwhitespace = / /\nS: 'a' 'bc'", "a  bc")); }
string t_str_escaped() { return show(parse_string("w = /x/\nS: 'it\\'s' '\\'a'", "it's'a")); }
string t_str_unused_token() { return show(parse_string("w = /[a-z]+/\nS: 'b' 'a'", "ba")); }
string t_ws_multi() { return show(parse_string("w = /[a-z]+/\nwhitespace = / +/\nwhitespace = /#[^#]*#/\nS: w w", " ab #note#  cd ")); }
string t_ws_only_input() { return show(parse_string("w = /a/\nwhitespace = / /\nS: w\nS:", "   ")); }
string t_nomatch() { return show(parse_string("w = /[0-9]+/\nrest = nomatch\nS: rest w rest", "abc123def")); }
string t_nomatch_end() { return show(parse_string("w = /[0-9]+/\nr = nomatch\nS: w r", "12xy")); }
string t_nomatch_ws() { return show(parse_string("whitespace = nomatch\nw = /[a-z]+/\nS: w w", "ab12cd!")); }
string t_nomatch_words() { return show(parse_string("kw = /go|look/\nwhitespace = / /\nword = nomatch\nS: kw word\nS: kw", "go north")); }
string t_bad_token_offset() { return show(parse_string("w = /a/\nwhitespace = / /\nS: w w w", "a a b")); }
string t_bad_token_after_fail() { return show(parse_string("w = /a/\nS: w", "aa!")); }
string t_bad_token_first() { return show(parse_string("w = /a/\nS: w", "!")); }
string t_no_parse() { return show(parse_string("w = /a/\nS: w", "aa")); }
string t_no_parse_short() { return show(parse_string("w = /a/\nS: w w", "a")); }
string t_expr_flat() { return show(parse_string("n = /[0-9]+/\nwhitespace = / /\nE: T\nE: E '+' T\nT: n\nT: T '*' n", "1 + 2 * 3")); }
string t_expr_eval() { return show(parse_string("n = /[0-9]+/\nwhitespace = / /\nE: T\nE: E '+' T ? add\nT: F\nT: T '*' F ? mul\nF: n ? num", "1 + 2 * 3 + 4")); }
string t_cb_wrap() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: w w ? wrap\nS: w ? wrap", "ab cd")); }
string t_cb_reject_all() { return show(parse_string("w = /[a-z]+/\nS: w ? reject", "ab")); }
string t_cb_reject_one() { return show(parse_string("w = /[a-z]+/\nS: A\nS: B\nA: w ? rejectx\nB: w ? tagB", "x")) + show(parse_string("w = /[a-z]+/\nS: A\nS: B\nA: w ? rejectx\nB: w ? tagB", "y")); }
string t_cb_notarr() { return show(parse_string("w = /[a-z]+/\nS: w ? notarr", "ab")); }
string t_cb_missing() { return show(parse_string("w = /[a-z]+/\nS: w ? nosuchfunc", "ab")); }
string t_cb_empty() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: X w\nX: w ? empty", "ab cd")); }
string t_cb_count() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: L ? count\nL: w\nL: L w", "a b c d")); }
string t_cb_error() { return show(parse_string("w = /[a-z]+/\nS: w ? boom", "ab")); }
string t_cb_static() { return show(parse_string("w = /[a-z]+/\nS: w ? stat", "ab")); }
string t_cb_private() { return show(parse_string("w = /[a-z]+/\nS: w ? priv", "ab")); }
string t_cb_twice() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: S X\nS: X\nX: w ? twice", "a b")); }
string t_cb_nested_parse() { return show(parse_string("w = /[a-z]+/\nS: w ? nest", "ab")); }
string t_cb_called_once() { calls = 0; parse_string("a = /a/\nS: S S\nS: X\nX: a ? counted", "aaaa", 10); return show(calls); }
string t_empty_prod() { return show(parse_string("w = /[a-z]/\nS: 'a' O 'b'\nO:\nO: 'x'", "ab")) + show(parse_string("w = /[a-z]/\nS: 'a' O 'b'\nO:\nO: 'x'", "axb")); }
string t_empty_prod_cb() { return show(parse_string("w = /[a-z]/\nS: 'a' O 'b'\nO: ? count\nO: 'x' ? count", "ab")); }
string t_left_rec() { return show(parse_string("w = /[a-z]/\nL: L w ? wrap\nL: w", "abcd")); }
string t_right_rec() { return show(parse_string("w = /[a-z]/\nL: w L ? wrap\nL: w", "abcd")); }
string t_nested_rules() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: NP VP\nNP: 'the' N ? wrap\nN: w\nVP: V NP ? wrap\nV: w", "the cat ate the fish")); }
string t_start_first_prod() { return show(parse_string("w = /[a-z]/\nA: w\nB: w w", "ab")) + show(parse_string("w = /[a-z]/\nA: w\nB: w w", "a")); }
string t_amb_default() { return show(parse_string("a = /a/\nS: S S\nS: a", "aaa")); }
string t_amb_one() { return show(parse_string("a = /a/\nS: S S ? wrap\nS: a", "aaa", 1)); }
string t_amb_four() { return show(parse_string("a = /a/\nS: S S ? pair\nS: a ? leaf", "aaaa", 10)); }
string t_amb_four_two() { return show(parse_string("a = /a/\nS: S S ? pair\nS: a ? leaf", "aaaa", 1)); }
string t_amb_rule_order() { return show(parse_string("a = /a/\nS: B\nS: A\nA: a ? tagA\nB: a ? tagB", "a", 3)); }
string t_amb_rule_order2() { return show(parse_string("a = /a/\nS: A\nS: B\nA: a ? tagA\nB: a ? tagB", "a", 3)); }
string t_amb_reject() { return show(parse_string("a = /a/\nx = /x/\nS: A\nS: B\nA: x ? rejectx\nB: x ? tagB", "x", 3)); }
string t_amb_nested() { return show(parse_string("w = /[a-z]/\nwhitespace = / /\nS: E\nE: E 'o' E ? wrap\nE: w", "a o b o c", 5)); }
string t_amb_dangling() { return show(parse_string("c = /c/\nx = /x/\nwhitespace = / /\nS: 'if' c S ? wrap\nS: 'if' c S 'else' S ? wrap\nS: x", "if c if c x else x", 3)); }
string t_amb_zero() { return show(parse_string("a = /a/\nS: S S\nS: a", "aaa", 0)); }
string t_amb_negative() { return show(parse_string("a = /a/\nS: S S\nS: a", "aaa", -1)); }
string t_amb_empty() { return show(parse_string("a = /a/\nS: A A\nA: a\nA:", "a", 3)); }
string t_cyclic() { return show(parse_string("a = /a/\nS: S\nS: a", "a", 3)); }
string t_cyclic_empty() { return show(parse_string("a = /a/\nS: A\nA: A\nA: a\nA:", "", 3)); }
string t_unreachable_undefined() { return show(catch(parse_string("a = /a/\nS: a\nX: Y", "a"))); }
string t_unreachable_ok() { return show(parse_string("a = /a/\nS: a\nX: a a", "a")); }
string t_err_no_tokens() { return show(catch(parse_string("S: 'a'", "a"))); }
string t_err_no_start() { return show(catch(parse_string("a = /a/", "a"))); }
string t_err_empty() { return show(catch(parse_string("", "a"))); }
string t_err_undefined_last() { return show(catch(parse_string("a = /a/\nS: X Y Z\nY: a", "a"))); }
string t_err_bad_token() { return show(catch(parse_string("a = /a/\nS: a ;", "a"))) + show(catch(parse_string("; a = /a/", "a"))); }
string t_err_unexpected() { return show(catch(parse_string("a = /a/\nfoo", "a"))) + show(catch(parse_string("'x'", "a"))) + show(catch(parse_string("? f", "a"))); }
string t_err_regexp_expected() { return show(catch(parse_string("a = foo\nS: a", "a"))) + show(catch(parse_string("a = 'x'\nS: a", "a"))); }
string t_err_rgx_paren() { return show(catch(parse_string("S: a\na = /a(/", "a"))) + show(catch(parse_string("a = /a)/\nS: a", "a"))) + show(catch(parse_string("a = /()/\nS: a", "a"))); }
string t_err_rgx_empty() { return show(catch(parse_string("a = //\nS: a", "a"))) + show(catch(parse_string("a = /abc\nS: a", "a"))); }
string t_err_rgx_star() { return show(catch(parse_string("a = /*a/\nS: a", "a"))) + show(catch(parse_string("a = /a**/\nS: a", "a"))) + show(catch(parse_string("a = /a+?/\nS: a", "a"))); }
string t_err_rgx_class() { return show(catch(parse_string("a = /[]/\nS: a", "a"))) + show(catch(parse_string("a = /[z-a]/\nS: a", "a"))) + show(catch(parse_string("a = /[abc/\nS: a", "a"))) + show(catch(parse_string("a = /[^]/\nS: a", "a"))); }
string t_err_rgx_alt() { return show(catch(parse_string("a = /a|/\nS: a", "a"))) + show(catch(parse_string("a = /|a/\nS: a", "a"))) + show(catch(parse_string("a = /(a|)/\nS: a", "a"))); }
string t_err_rgx_escape_end() { return show(catch(parse_string("a = /a\\", "a"))); }
string t_err_extra_nomatch() { return show(catch(parse_string("a = nomatch\nb = nomatch\nS: a", "a"))); }
string t_err_prod_as_token() { return show(catch(parse_string("a = /a/\nS: a\nS = /x/", "a"))); }
string t_err_token_as_prod() { return show(catch(parse_string("a = /a/\nS: a\na: 'x'", "a"))); }
string t_err_bad_string() { return show(catch(parse_string("a = /a/\nS: a ''", "a"))) + show(catch(parse_string("a = /a/\nS: a 'abc", "a"))); }
string t_err_func_expected() { return show(catch(parse_string("a = /a/\nS: a ? 'x'", "a"))) + show(catch(parse_string("a = /a/\nS: a ?", "a"))); }
string t_err_rule_too_long() { string g; int i; g = "a = /a/\nS:"; for (i = 0; i < 128; i++) g += " a"; return show(catch(parse_string(g, "a"))); }
string t_rule_max_len() { string g; int i; g = "a = /a/\nS:"; for (i = 0; i < 127; i++) g += " a"; return show(sizeof(parse_string(g, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))); }
string t_err_symbol_too_long() { string g; int i; g = "a"; for (i = 0; i < 255; i++) g += "b"; return show(catch(parse_string("x = /x/\n" + g + " = /a/\nS: x", "a"))); }
string t_symbol_max_len() { string g; int i; g = "a"; for (i = 0; i < 254; i++) g += "b"; return show(parse_string("x = /x/\n" + g + " = /a/\nS: " + g, "a")); }
string t_err_string_too_long() { string g; int i; g = ""; for (i = 0; i < 256; i++) g += "b"; return show(catch(parse_string("x = /x/\nS: '" + g + "'", "a"))); }
string t_err_rgx_too_large() { string g; int i; g = ""; for (i = 0; i < 130; i++) g += "a"; return show(catch(parse_string("x = /" + g + "/\nS: x", "a"))); }
string t_rgx_max() { string g; int i; g = ""; for (i = 0; i < 126; i++) g += "a"; return show(catch(parse_string("x = /" + g + "/\nS: x", "a"))); }
string t_err_rule_numbering() { return show(catch(parse_string("a = /a/\nb = /b/\nS: a\nT: b\nc = /(/", "a"))); }
string t_err_in_body_next_rule() { return show(catch(parse_string("a = /a/\nS: a /(/", "a"))); }
string t_cr_in_grammar() { return show(catch(parse_string("a = /a/\r\nS: a", "a"))); }
string t_tab_ws_grammar() { return show(parse_string("\ta\t=\t/a/\n\tS\t:\ta\t", "a")); }
string t_quest_no_space() { return show(parse_string("a = /a/\nS: a?wrap", "a")); }
string t_long_input() { string s; int i; s = ""; for (i = 0; i < 500; i++) s += "ab "; return show(sizeof(parse_string("w = /[a-z]+/\nwhitespace = / /\nL: L w\nL: w", s))); }
string restfn(string s) { return "foo bar"; }
int restbad(string s) { return 0; }
string restecho(string s) { return s + " zz"; }
mixed *setfirst(mixed *a) { a[0] = "changed"; return a; }
string t_ws_text_quirk() { return show(parse_string("whitespace = /ab|abcde/\nu = /[cd]/\nS: u u", "abcd")); }
string t_sub_parser() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: V A\nV: 'say' < restfn\nA: w w", "say something")); }
string t_sub_parser_echo() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: V A\nV: 'say' < restecho ? wrap\nA: w w", "say hi")); }
string t_sub_parser_missing() { return show(parse_string("w = /[a-z]+/\nS: V w\nV: w < nosuch", "ab")); }
string t_nomatch_plus_regexp() { return show(parse_string("a = /a/\nb = nomatch\nb = /b/\nS: b a b", "xxab")); }
string t_nomatch_before_ws() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nr = nomatch\nS: w r w", "ab 12 cd")); }
string t_err_grammar_too_large() { string g, r; int i; r = ""; for (i = 0; i < 120; i++) r += "a"; g = ""; for (i = 0; i < 300; i++) g += "t" + i + " = /" + r + "/\n"; return show(catch(parse_string(g + "S: t0", "a"))); }
string t_amb_five() { return show(parse_string("a = /a/\nS: S S ? wrap\nS: a", "aaaaa", 2)); }
string t_amb_unambiguous() { return show(parse_string("a = /a/\nS: S a\nS: a", "aaa", 5)); }
string t_amb_error_cb() { return show(catch(parse_string("a = /a/\nS: A\nS: B\nA: a\nB: a ? boom", "a", 3))); }
string t_amb_error_cb_skipped() { return show(parse_string("a = /a/\nS: A\nS: B\nA: a\nB: a ? boom", "a")); }
string t_cb_modify_arg() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: w w ? setfirst", "ab cd")); }
string t_dot_newline() { mixed *r; r = parse_string("t = /a.b/\nS: t", "a\nb"); return show(sizeof(r)) + show(r[0] == "a\nb"); }
string t_unused_token_input() { return show(parse_string("w = /[a-z]+/\nn = /[0-9]+/\nwhitespace = / /\nS: w w", "ab 12")); }
string t_amb_shared_token_cb() { calls = 0; parse_string("a = /a/\nS: A A\nA: B\nA: B B\nB: a ? counted\nB:", "aa", 10); return show(calls); }
string t_long_cb_input() { string s; int i; s = ""; for (i = 0; i < 300; i++) s += "ab "; return show(sizeof(parse_string("w = /[a-z]+/\nwhitespace = / /\nL: L w ? count\nL: w", s))); }
string t_too_many_result() { string s; int i; s = ""; for (i = 0; i < 1001; i++) s += "a"; return show(catch(parse_string("w = /a/\nL: L w\nL: w", s))); }
string t_amb_expr() { return show(parse_string("n = /[0-9]/\nE: E '-' E ? wrap\nE: n", "1-2-3-4", 4)); }
string t_amb_two_levels() { return show(parse_string("w = /[a-z]/\nS: X X\nX: Y\nX: Z\nY: w ? tagA\nZ: w ? tagB", "ab", 3)); }
string t_sub_parser_and_quest() { return show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: V A\nV: 'say' < restfn ? wrap\nA: w w", "say hi")) + show(parse_string("w = /[a-z]+/\nwhitespace = / /\nS: V A ? wrap\nV: 'say' < restfn\nA: w w", "say hi")); }
mixed *pv(mixed *a) { return ({ previous_object() == this_object(), previous_program(), sizeof(call_trace()) }); }
string t_cb_frame() { return show(parse_string("w = /a/\nS: w ? pv", "a")); }
mixed *nestsame(mixed *a) { return ({ parse_string("w = /[a-z]/\nS: w ? nestsame\nS: w w", "xy"), a[0] }); }
string t_cb_nested_same_grammar() { return show(parse_string("w = /[a-z]/\nS: w ? nestsame\nS: w w", "q")); }
string substr_rest(string s) { return show(parse_string("w = /[a-z]/\nwhitespace = / /\nS: V w w\nV: w < substr_rest", "")) == "nil" ? "x y" : "z"; }
string t_sub_parser_nested() { return show(parse_string("w = /[a-z]/\nwhitespace = / /\nS: V w w\nV: w < substr_rest", "ab")); }
int lv;
mixed *cbv(mixed *a) { return ({ lv, a[0] }); }
mixed *inlwo() { lv = 7; return parse_string("w = /a/\nS: w ? cbv", "a"); }
string t_cb_from_lwo() { object o; lv = 3; o = new_object(this_object()); return show(o->inlwo()) + show(lv); }
string rep(string s, int n) { string r; r = ""; while (n-- > 0) r += s; return r; }
string rgxres(string r) { mixed e; e = catch(parse_string("x = /" + r + "/\nS: x", "a")); return e ? e : "ok"; }
string t_rgx_size_class() { return rgxres(rep("[ab]", 51)) + "|" + rgxres(rep("[ab]", 52)); }
string t_rgx_size_star() { return rgxres(rep("a*", 63)) + "|" + rgxres(rep("a*", 64)); }
string t_rgx_size_escape() { return rgxres(rep("\\+", 85)) + "|" + rgxres(rep("\\+", 86)) + "|" + rgxres(rep("\\*", 127)) + "|" + rgxres(rep("\\*", 128)); }
string t_rgx_size_parens() { return rgxres(rep("(", 128) + "a" + rep(")", 128)) + "|" + rgxres(rep("(", 129) + "a" + rep(")", 129)); }
string t_rgx_size_alt() { return rgxres("a" + rep("|a", 85)) + "|" + rgxres("a" + rep("|a", 64)); }
int ticks_used(string g, string s, int alt) { int t0, t1; rlimits (50; 1000000) { t0 = status()[23]; parse_string(g, s, alt); t1 = status()[23]; } return t0 - t1; }
string t_ticks_simple() { return show(ticks_used("w = /a/\nS: w", "a", 0)); }
string t_ticks_list() { return show(ticks_used("w = /[a-z]+/\nwhitespace = / /\nS: S w\nS: w", "a b c d e f g", 0)); }
string t_ticks_ambiguous() { return show(ticks_used("a = /a/\nS: S S\nS: a", "aaaaa", 3)); }
string t_ticks_callbacks() { return show(ticks_used("n = /[0-9]+/\nwhitespace = / /\nE: T\nE: E '+' T ? add\nT: F\nT: T '*' F ? mul\nF: n ? num", "1 + 2 * 3 + 4", 0)); }
string t_ticks_error() { return show(catch(ticks_used("w = /a/\nS: S S\nS: w", "aaaaaaaaaaaaaaaaaaaa", 5))); }
