string show(string *a) { int i; string r; r = sizeof(a) + ":"; for (i = 0; i < sizeof(a); i++) r += "[" + a[i] + "]"; return r + "\n"; }
string run() {
  return show(explode("a,b,c", ",")) + show(explode(",a,b,", ",")) + show(explode("a,,b", ",")) + show(explode(",,a,,", ","))
   + show(explode(",", ",")) + show(explode(",,", ",")) + show(explode(",,,", ",")) + show(explode("", ",")) + show(explode("abc", ""))
   + show(explode("abc", "abc")) + show(explode("abcabc", "abc")) + show(explode("abc", "abcd")) + show(explode("a--b---c", "--")) + show(explode("aaa", "aa"))
   + ctime(0) + "|" + ctime(-1) + "|" + ctime(2147483647) + "\n";
}
