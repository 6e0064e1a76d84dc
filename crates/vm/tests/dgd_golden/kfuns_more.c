# define CASES ({ "time_type","millitime","compile_source","compile_source_multi","call_other_path","call_other_extra_args","call_other_few_args","call_other_wrong_type","destruct_returns","clone_create_arg","status_size","this_object_clone_name","find_object_clone","compile_object_relative","string_cmp_nul","string_repeat_index","int_string_concat_neg","float_string_concat","array_of_strings_implode_sep_empty","explode_nul","deep_array_equal_index" })
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

int member(mixed *a) { return sizeof(a & ({ a[0] })); }
string t_time_type() { return show(typeof(time())) + show(time() >= 1000000000); }
string t_millitime() { mixed *m; m = millitime(); return show(sizeof(m)) + show(typeof(m[0])) + show(typeof(m[1])) + show(m[1] >= 0.0 && m[1] < 1.0); }
string t_compile_source() { object o; o = compile_object("/src1", "int f() { return 7; }\n"); return show(o->f()) + show(object_name(o)); }
string t_compile_source_multi() { object o; o = compile_object("/src2", "int f() ", "{ return 8; }\n"); return show(o->f()); }
string t_call_other_path() { compile_object("/src3", "string hi(string s) { return \"hi \" + s; }\n"); return show(call_other("/src3", "hi", "there")); }
string t_call_other_extra_args() { compile_object("/src4", "int f(int a) { return a; }\n"); return show(call_other("/src4", "f", 1, 2, 3)); }
string t_call_other_few_args() { compile_object("/src5", "mixed f(int a, string b) { return ({ a, b }); }\n"); return show(call_other("/src5", "f")); }
string t_call_other_wrong_type() { compile_object("/src6", "int f(int a) { return a; }\n"); return show(catch(call_other("/src6", "f", "str"))); }
string t_destruct_returns() { object o; o = clone_object(compile_object("/src7", "int x;\n")); destruct_object(o); return show(o); }
string t_clone_create_arg() { object o; o = clone_object(compile_object("/src8", "int n; void create(varargs int a) { n = 1; } int get() { return n; }\n")); return show(o->get()); }
string t_status_size() { return show(sizeof(status()) > 10); }
string t_this_object_clone_name() { object o; o = clone_object(compile_object("/src9", "string me() { return object_name(this_object()); }\n")); return show(sscanf(o->me(), "/src9#%*d")); }
string t_find_object_clone() { object o; o = clone_object(compile_object("/src10", "int x;\n")); return show(find_object(object_name(o)) == o); }
string t_compile_object_relative() { return show(catch(compile_object("rel"))); }
string t_string_cmp_nul() { return show("a\0b" < "a\0c") + show(strlen("a\0b" + "c")); }
string t_string_repeat_index() { string s; int i, n; s = "hello"; for (i = 0; i < strlen(s); i++) n += s[i]; return show(n); }
string t_int_string_concat_neg() { return show(-5 + "") + show("" + -5); }
string t_float_string_concat() { return show(0.5 + "") + show(1e100 + ""); }
string t_array_of_strings_implode_sep_empty() { return show(implode(({ "a", "", "b" }), "")); }
string t_explode_nul() { return show(sizeof(explode("a\0b", "\0"))); }
string t_deep_array_equal_index() { mixed *a; a = ({ ({ 1 }) }); return show(member(a)); }
