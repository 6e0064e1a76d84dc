string hex(string s) { int i; string r; r = ""; for (i = 0; i < strlen(s); i++) r += ({ "0","1","2","3","4","5","6","7","8","9","a","b","c","d","e","f" })[s[i] >> 4] + ({ "0","1","2","3","4","5","6","7","8","9","a","b","c","d","e","f" })[s[i] & 15]; return r == "" ? "-" : r; }
string t(string e) { return e == nil ? "ok" : e; }
string run() {
  string r, m, big;
  m = "\x01\x00\x00\x00\x00\x00";
  big = "\x7f\xff\xff\xff\xff\xff\xff\xff";
  r = hex(asn_add("\x05", "\x03", m)) + " " + hex(asn_add("\xfb", "\x02", "\x03")) + " " + hex(asn_add("\x7f", "\x01", m)) + " " + hex(asn_add("\x80", "\xff", m)) + " " + hex(asn_add("", "", m)) + " " + hex(asn_add("\x02", "\xfe", m)) + "\n";
  r += hex(asn_sub("\x00", "\x01", m)) + " " + hex(asn_sub("\x01", "\x02\x00", m)) + " " + hex(asn_sub("\x00", "\x80", m)) + " " + hex(asn_sub("\x00", "\x00\x80\x00\x00\x00", m)) + "\n";
  r += hex(asn_mult("\x10", "\x10", "\x64")) + " " + hex(asn_mult("\xf0", "\x10", m)) + " " + hex(asn_mult(big, big, m)) + " " + hex(asn_mult("\xff", "\xff", m)) + "\n";
  r += hex(asn_div("\x64", "\x07", m)) + " " + hex(asn_div("\x9c", "\x07", m)) + " " + hex(asn_div("\x03", "\x07", m)) + " " + hex(asn_div(big, "\x03", "\x10")) + " " + t(catch(asn_div("\x01", "", m))) + " " + t(catch(asn_div("\x01", "\x00", "\x00"))) + "\n";
  r += hex(asn_mod("\x64", "\x07")) + " " + hex(asn_mod("\x07", "\x07")) + " " + hex(asn_mod("\x9c", "\x07")) + " " + hex(asn_mod("\x03", "\x07")) + " " + hex(asn_mod("\x00\x07\x00", "\x07")) + " " + t(catch(asn_mod("\x01", "\xff"))) + "\n";
  r += hex(asn_pow("\x03", "\x05", "\x64")) + " " + hex(asn_pow("\xfd", "\x02", "\x64")) + " " + hex(asn_pow("\xfd", "\x03", "\x64")) + " " + hex(asn_pow("\x03", "\xff", "\x07")) + " " + hex(asn_pow("\x03", "", "\x07")) + " " + t(catch(asn_pow("\x02", "\xff", "\x04"))) + " " + hex(asn_pow("\x05", "\x00", "\x01")) + " " + hex(asn_pow("\xfd", "\x01\x00\x00\x00\x00", "\x64")) + "\n";
  r += hex(asn_modinv("\x03", "\x07")) + " " + hex(asn_modinv("\xfd", "\x07")) + " " + t(catch(asn_modinv("\x02", "\x04"))) + " " + hex(asn_modinv("\x0a", "\x07")) + "\n";
  r += hex(asn_lshift("\x01", 8, m)) + " " + hex(asn_lshift("\xff", 4, m)) + " " + hex(asn_lshift("\x01", 100, "\x64")) + " " + hex(asn_lshift("\x01", 40, m)) + " " + t(catch(asn_lshift("\x01", -1, m))) + "\n";
  r += hex(asn_rshift("\x01\x00", 4)) + " " + hex(asn_rshift("\xf0", 2)) + " " + hex(asn_rshift("\xff", 1)) + " " + hex(asn_rshift("\x7f", 100)) + " " + t(catch(asn_rshift("\x01", -1))) + "\n";
  r += asn_cmp("\x01", "\x02") + " " + asn_cmp("\xff", "") + " " + asn_cmp("\x00\x05", "\x05") + " " + asn_cmp("\xfe", "\xff") + " " + asn_cmp(big, "\x01") + "\n";
  r += hex(asn_and("\xf0\x0f", "\x3c")) + " " + hex(asn_and("\x0f", "\xf0\xff")) + " " + hex(asn_and("\xff", "\x12\x34")) + " " + hex(asn_or("\x80", "\x12\x34")) + " " + hex(asn_or("\x01", "\x12\x34")) + " " + hex(asn_xor("\x80", "\x12\x34")) + " " + hex(asn_xor("\x01", "\x12\x34")) + " " + hex(asn_and("", "\x12")) + " " + hex(asn_or("", "")) + "\n";
  r += t(catch(asn_add("\x01", "\x01", ""))) + " " + t(catch(asn_add("\x01", "\x01", "\x80"))) + " " + hex(asn_add("\x01", "\x01", "\x00\x00\x02")) + "\n";
  return r;
}
