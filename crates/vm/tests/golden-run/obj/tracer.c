mixed *trace(int n, varargs string s) { return call_trace(); }
