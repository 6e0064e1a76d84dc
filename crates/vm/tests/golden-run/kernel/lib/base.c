string base() { return "base"; }
