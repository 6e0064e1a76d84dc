string run() {
  object o; mapping m; mixed *a; string r; mixed n;
  o = compile_object("/ob");
  m = ([ 1 : o, o : 2, 3 : 4 ]);
  a = ({ o, 1 });
  destruct_object(o);
  r = map_sizeof(m) + " " + sizeof(map_values(m)) + " " + sizeof(map_indices(m)) + " " + (a[0] == nil) + " " + sizeof(a) + " " + typeof(a[0]) + "\n";
  r += catch(sizeof(n)) + "|" + catch(strlen(n)) + "|" + catch(map_sizeof(n)) + "|" + catch(map_indices(n)) + "|" + catch(explode(n, ",")) + "|" + catch(implode(n, ",")) + "\n";
  return r;
}
