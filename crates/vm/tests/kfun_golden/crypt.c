string run() {
  string r;
  r = crypt("test", "ab") + "\n" + crypt("abc", ":@") + "\n" + crypt("abc", "[`") + "\n" + crypt("abc", "{~") + "\n" + crypt("abc", " !") + "\n"
    + crypt("\xff\x80\x01zz", "ab") + "\n" + hash_string("crypt", "test", "ab") + "\n" + strlen(crypt("x")) + " " + strlen(crypt("x", "a")) + "\n"
    + crypt("pass\0word", "ab") + "\n" + crypt("pass", "abcdef") + "\n";
  return r;
}
