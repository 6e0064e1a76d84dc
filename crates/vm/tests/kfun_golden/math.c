string t(string e) { return e == nil ? "ok" : e; }
string run() {
  string r, s1, s2, s3; mixed *a; float z, big, th; int two;
  z = 0.0; big = 1000.0; th = 3e9; two = 2000; s1 = "1x"; s2 = "12a"; s3 = "";
  r = floor(2.7) + " " + floor(-2.2) + " " + ceil(2.2) + " " + ceil(-2.7) + " " + fmod(7.5, 2.0) + " " + fmod(-7.5, 2.0) + "\n";
  a = frexp(8.0); r += a[0] + " " + a[1] + "\n";
  a = frexp(0.0); r += a[0] + " " + a[1] + "\n";
  a = modf(-3.25); r += a[0] + " " + a[1] + "\n";
  r += exp(1.0) + " " + log(10.0) + " " + log10(1000.0) + " " + pow(2.0,10.0) + " " + pow(-2.0, 3.0) + " " + sqrt(2.0) + "\n";
  r += sin(1.0) + " " + cos(0.0) + " " + tan(1.0) + " " + asin(1.0) + " " + acos(0.5) + " " + atan(1.0) + " " + atan2(1.0, -1.0) + "\n";
  r += sinh(1.0) + " " + cosh(1.0) + " " + tanh(1.0) + " " + ldexp(0.75, 3) + "\n";
  r += t(catch(exp(big))) + "|" + t(catch(log(z))) + "|" + t(catch(pow(z, -1.0))) + "|" + t(catch(fmod(1.0, z))) + "|" + t(catch((int)th)) + "|" + ldexp(1.0, -two) + "\n";
  r += t(catch((float)s1)) + "|" + t(catch((int)s2)) + "|" + t(catch(ldexp(1.0, two))) + "|" + catch(sqrt(-big))+ "|" + (int)s3 + "\n";
  return r;
}
