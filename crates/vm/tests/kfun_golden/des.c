string hex(string s) { int i; string r; r = ""; for (i = 0; i < strlen(s); i++) r += ({ "0","1","2","3","4","5","6","7","8","9","a","b","c","d","e","f" })[s[i] >> 4] + ({ "0","1","2","3","4","5","6","7","8","9","a","b","c","d","e","f" })[s[i] & 15]; return r; }
string run() {
  string k, dk, c, r;
  k = encrypt("DES key", "abcdefgh");
  r = hex(k) + "\n";
  dk = decrypt("DES key", "abcdefgh");
  r += hex(dk) + "\n";
  c = encrypt("DES", k, "hello world");
  r += hex(c) + "\n";
  r += decrypt("DES", dk, c) + "\n";
  r += hex(encrypt("DES", encrypt("DES key", "\x01\x23\x45\x67\x89\xab\xcd\xef"), "\x4e\x6f\x77\x20\x69\x73\x20\x74")) + " " + hex(encrypt("DES", encrypt("DES key", "\x80\x80\x80\x80\x80\x80\x80\x80"), "12345678")) + "\n";
  return r;
}
