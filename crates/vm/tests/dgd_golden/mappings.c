# define CASES ({ "int_order","string_order","mixed_order","float_order","index_missing","assign","delete_nil","add","sub","and_array","indices_values","sizeof","nil_value_literal","aliasing","plus_copies","array_keys","nested","compound_add","index_nil_key","object_keys","range_not_allowed","equal","big_order","string_keys_case" })
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

string t_int_order() { return show(([ 3:"c", 1:"a", 2:"b", -5:"n" ])); }
string t_string_order() { return show(([ "b":1, "a":2, "B":3, "":4, "ab":5 ])); }
string t_mixed_order() { return show(([ "x":1, 2:2, 1.5:3, nil:4 ])); }
string t_float_order() { return show(([ 2.5:1, -1.0:2, 0.0:3 ])); }
string t_index_missing() { return show(([ 1:2 ])[5]); }
string t_assign() { mapping m; m = ([ ]); m["z"] = 1; m["a"] = 2; m["m"] = 3; return show(m); }
string t_delete_nil() { mapping m; m = ([ 1:1, 2:2, 3:3 ]); m[2] = nil; return show(m) + " " + show(map_sizeof(m)); }
string t_add() { return show(([ 1:1, 2:2 ]) + ([ 2:20, 3:30 ])); }
string t_sub() { return show(([ 1:1, 2:2, 3:3 ]) - ({ 2, 5 })); }
string t_and_array() { return show(([ 1:1, 2:2, 3:3 ]) & ({ 3, 1, 9 })); }
string t_indices_values() { mapping m; m = ([ "b":2, "a":1, "c":3 ]); return show(map_indices(m)) + show(map_values(m)); }
string t_sizeof() { return show(map_sizeof(([ ]))) + show(map_sizeof(([ 1:0, 2:nil ]))); }
string t_nil_value_literal() { return show(([ 1:nil, 2:0 ])); }
string t_aliasing() { mapping a, b; a = ([ 1:1 ]); b = a; b[2] = 2; return show(a); }
string t_plus_copies() { mapping a, b; a = ([ 1:1 ]); b = a + ([ ]); b[2] = 2; return show(a) + show(b); }
string t_array_keys() { mixed *k; mapping m; k = ({ 1 }); m = ([ k:"x" ]); return show(m[k]) + " " + show(m[({ 1 })]); }
string t_nested() { mapping m; m = ([ "a":([ "b":({ 1, 2 }) ]) ]); m["a"]["b"][1] = 9; return show(m); }
string t_compound_add() { mapping m; m = ([ "k":1 ]); m["k"] += 5; m["j"] += 2; return show(m); }
string t_index_nil_key() { mapping m; m = ([ ]); m[nil] = 1; return show(m); }
string t_object_keys() { mapping m; object o; o = find_object("/ob"); if (!o) o = compile_object("/ob"); m = ([ o:1, this_object():2 ]); return show(map_sizeof(m)) + show(m[o]); }
string t_range_not_allowed() { mixed m; m = ([ 1:1 ]); return show(m[0..1]); }
string t_equal() { return show(([ 1:1 ]) == ([ 1:1 ])); }
string t_big_order() { mapping m; int i; m = ([ ]); for (i = 20; i > 0; i -= 3) m[i] = i * i; return show(map_indices(m)); }
string t_string_keys_case() { return show(map_indices(([ "Zeta":1, "alpha":1, "Alpha":1, "zeta":1, "_":1, "1":1 ]))); }
