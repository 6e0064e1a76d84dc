# define CASES ({ "typeof_all","call_out_handle","call_out_missing_fn","call_out_float_delay","call_out_zero","this_user","instanceof","new_object_lwo","lwo_copy_apart","lwo_equal","new_object_of_lwo","object_name_master","status_obj","get_dir","get_dir_missing","read_file_range","write_file_append","write_file_offset","read_missing","remove_missing","make_dir","rename_file","ctime","ctime_neg","crypt_fixed","hash_md5","hash_crc","random_range","random_neg","sscanf_float_print","query_editor","save_restore_escape","to_string_obj","arr_string_add_err","sizeof_mapping","status_call_outs","remove_call_out_kinds","str_plus_mixed_nil","str_plus_mixed_arr","mixed_obj_plus_str","str_add_eq_mixed_obj","str_plus_mixed_int","str_plus_mixed_float","sum_str_mixed_obj","sum_mixed_first_obj","sum_str_mixed_int" })
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

void nothing() { }
object copy_lw(object o) { return o; }
string t_typeof_all() { return show(({ typeof(nil), typeof(1), typeof(1.0), typeof(""), typeof(this_object()), typeof(({ })), typeof(([ ])) })); }
string t_call_out_handle() { int h; h = call_out("nothing", 10); return show(h > 0) + show(remove_call_out(h)) + show(remove_call_out(h)); }
string t_call_out_missing_fn() { return show(catch(call_out("no_such_function", 1))); }
string t_call_out_float_delay() { int h; h = call_out("nothing", 2.5); return show(remove_call_out(h)); }
string t_call_out_zero() { int h; h = call_out("nothing", 0); return show(remove_call_out(h)); }
string t_this_user() { return show(this_user()) + show(users()); }
string t_instanceof() { return show(instanceof(this_object(), "/t")) + show(instanceof(this_object(), "/ob")); }
string t_new_object_lwo() { object l; write_file("/lw.c", "int v; void set(int x) { v = x; } int get() { return v; }\n"); compile_object("/lw"); l = new_object(find_object("/lw")); l->set(3); return show(l->get()) + show(typeof(l)) + show(object_name(l)); }
string t_lwo_copy_apart() { object a, b; a = new_object(find_object("/lw")); a->set(1); b = copy_lw(a); b->set(2); return show(a->get()) + show(b->get()); }
string t_lwo_equal() { object a; a = new_object(find_object("/lw")); return show(a == a) + show(new_object(find_object("/lw")) == a); }
string t_new_object_of_lwo() { object a; a = new_object(find_object("/lw")); return show(typeof(new_object(a))); }
string t_object_name_master() { return show(object_name(compile_object("/ob"))); }
string t_status_obj() { return show(sizeof(status(this_object())) > 0); }
string t_get_dir() { write_file("/gd.txt", "abc"); return show(get_dir("/gd.txt")[0..1]); }
string t_get_dir_missing() { return show(get_dir("/nonexist")); }
string t_read_file_range() { write_file("/rf.txt", "l1\nl2\nl3\n"); return show(strlen(read_file("/rf.txt", 2))) + show(strlen(read_file("/rf.txt", 2, 1))); }
string t_write_file_append() { remove_file("/wa.txt"); write_file("/wa.txt", "a"); write_file("/wa.txt", "b"); return show(read_file("/wa.txt")); }
string t_write_file_offset() { remove_file("/wo.txt"); write_file("/wo.txt", "abcdef"); write_file("/wo.txt", "XY", 2); return show(read_file("/wo.txt")); }
string t_read_missing() { return show(read_file("/missing.txt")); }
string t_remove_missing() { return show(remove_file("/missing.txt")); }
string t_make_dir() { return show(make_dir("/dd")) + show(make_dir("/dd")) + show(remove_dir("/dd")) + show(remove_dir("/dd")); }
string t_rename_file() { write_file("/rn1", "x"); return show(rename_file("/rn1", "/rn2")) + show(read_file("/rn2")) + show(read_file("/rn1")); }
string t_ctime() { return show(ctime(0)) + show(ctime(1000000000)); }
string t_ctime_neg() { return show(ctime(-1)); }
string t_crypt_fixed() { return show(crypt("secret", "ab")); }
string t_hash_md5() { return show(strlen(hash_string("MD5", "abc"))); }
string t_hash_crc() { return show(hash_crc16("123456789")) + " " + show(hash_crc32("123456789")); }
string t_random_range() { int i, ok; ok = 1; for (i = 0; i < 50; i++) if (random(3) < 0 || random(3) > 2) ok = 0; return show(ok); }
string t_random_neg() { return show(catch(random(-1))); }
string t_sscanf_float_print() { float f; sscanf("0.1", "%f", f); return show(f * 3.0); }
string t_query_editor() { return show(query_editor(this_object())); }
string t_save_restore_escape() { mixed v; write_file("/sv.c", "mixed v; void set(mixed x) { v = x; } mixed get() { return v; } void s() { save_object(\"/sv.o\"); } void r() { restore_object(\"/sv.o\"); }\n"); compile_object("/sv"); call_other("/sv", "set", ({ "a\nb\"c\\\\", 1.5, ([ 1:2 ]) })); call_other("/sv", "s"); return show(read_file("/sv.o")[0..40] == nil) + show(strlen(read_file("/sv.o"))); }
string t_to_string_obj() { mixed o; o = this_object(); return show(catch("" + o)); }
string t_arr_string_add_err() { mixed a; a = ({ 1 }); return show(catch(a + "x")); }
string t_sizeof_mapping() { mixed m; m = ([ 1:1 ]); return show(catch(sizeof(m))); }
string t_status_call_outs() {
  int h1, h2, h3, i; mixed *l; string r;
  h1 = call_out("nothing", 5, "a"); h2 = call_out("nothing", 2.5); h3 = call_out("nothing", 0.0);
  l = status(this_object())[4]; r = "";
  for (i = 0; i < sizeof(l); i++) r += show(l[i][1..]);
  remove_call_out(h1); remove_call_out(h2); remove_call_out(h3);
  return r;
}
string t_remove_call_out_kinds() {
  int h1, h2, h3, h4;
  h1 = call_out("nothing", 5); h2 = call_out("nothing", 0.25); h3 = call_out("nothing", 0.0); h4 = call_out("nothing", 3.0);
  return show(remove_call_out(h1)) + show(remove_call_out(h2)) + show(remove_call_out(h3)) + show(remove_call_out(h4)) + show(remove_call_out(h1));
}
string t_str_plus_mixed_nil() { mixed m; return show(catch("" + m)); }
string t_str_plus_mixed_arr() { mixed m; m = ({ 1 }); return show(catch("" + m)); }
string t_mixed_obj_plus_str() { mixed m; m = this_object(); return show(catch(m + "")); }
string t_str_add_eq_mixed_obj() { mixed m; string s; m = this_object(); s = "a"; return show(catch(s += m)) + show(s); }
string t_str_plus_mixed_int() { mixed m; m = 5; return show("x" + m); }
string t_str_plus_mixed_float() { mixed m; m = 1.5; return show("x" + m); }
string t_sum_str_mixed_obj() { mixed o; o = this_object(); return show(catch("x" + o + "y")); }
string t_sum_mixed_first_obj() { mixed m, o; m = "a"; o = this_object(); return show(catch(m + "x" + o)); }
string t_sum_str_mixed_int() { mixed m; m = 7; return show("x" + m + "y" + m); }
