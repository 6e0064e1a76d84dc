string run() {
  string r, a; int n, k;
  r = "";
  r += sscanf("/usr/System/obj/foo", "%*s/obj/") + sscanf("/usr/System/lib/foo", "%*s/obj/") + " ";
  r += sscanf("/obj/foo#-1", "%*s#-1") + sscanf("/obj/foo#12", "%*s#-1") + " ";
  r += sscanf("/kernel/lib/auto", "/kernel/%*s") + sscanf("/kernelx", "/kernel/%*s") + " ";
  n = sscanf("/obj/thing#12", "%s#%d", a, k); r += n + ":" + a + ":" + k + " ";
  n = sscanf("/obj/thing", "%s#%d", a, k); r += n + ":" + a + " ";
  n = sscanf("/obj/x#-1", "%s#%d", a, k); r += n + ":" + a + ":" + k + " ";
  r += sscanf("/usr/admin", "/%*s") + sscanf("usr", "/%*s") + sscanf("", "/%*s") + " ";
  n = sscanf("a#b#3", "%s#%d", a, k); r += n + ":" + a + " ";
  r += catch(sscanf("code 1+2", "%s %s", a, k)) + ":" + a + ":" + k;
  return r + "\n";
}
