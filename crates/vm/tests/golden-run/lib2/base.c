string who() { return "base v1"; }
