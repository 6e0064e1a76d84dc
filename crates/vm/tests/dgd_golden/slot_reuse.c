# define CASES ({ "setup" })
/* slot_reuse: which freed object slot a new object takes. DGD frees the
 * objects destructed in one task in reverse order, so the first one
 * destructed is the first slot reused; slots freed in separate tasks are
 * reused last-freed first. Names are shown as letters of the old objects. */
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

object *old;
int *letters;

object master();
/* the slot of an object: a clone's number, a master's O_INDEX */
int idx(object o) {
  int n;
  if (sscanf(object_name(o), "%*s#%d", n) == 2) return n;
  return status(o)[5];
}

string t_setup() {
  int i; object m1, m2;
  old = allocate(4);
  for (i = 0; i < 4; i++) old[i] = clone_object(master());
  letters = ({ });
  for (i = 0; i < 4; i++) letters += ({ idx(old[i]) });
  /* two masters without clones, e and f */
  write_file("/m1.c", "int y;\n");
  write_file("/m2.c", "int z;\n");
  m1 = compile_object("/m1");
  m2 = compile_object("/m2");
  letters += ({ idx(m1), idx(m2) });
  /* destructed in the order b, f, d, a, e, c */
  destruct_object(old[1]);
  destruct_object(m2);
  destruct_object(old[3]);
  destruct_object(old[0]);
  destruct_object(m1);
  destruct_object(old[2]);
  return "ok";
}

string which(object o) {
  int i;
  for (i = 0; i < sizeof(letters); i++)
    if (letters[i] == idx(o)) return ({ "a", "b", "c", "d", "e", "f" })[i];
  return "new";
}

string run2() {
  string r; int i; object o;
  r = "reuse:";
  for (i = 0; i < 3; i++) {
    write_file("/n" + i + ".c", "int w;\n");
    r += " " + which(compile_object("/n" + i));
  }
  for (i = 0; i < 5; i++) {
    o = clone_object(master());
    r += " " + which(o);
  }
  return r + "\n";
}

object master() {
  object m;
  m = find_object("/ob");
  return m ? m : compile_object("/ob");
}
