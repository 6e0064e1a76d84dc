string run() {
  string r, s; int i;
  r = hash_crc16("123456789") + " " + hash_crc16("1234", "56789") + " " + hash_crc32("123456789") + " " + hash_crc16("") + " " + hash_crc32("") + "\n";
  s = hash_string("MD5", "a", "bc");
  for (i = 0; i < strlen(s); i++) r += s[i] + ",";
  r += "\n" + strlen(hash_string("SHA1", "abc")) + "\n";
  r += catch(hash_string("md5", "x")) + "\n";
  return r;
}
