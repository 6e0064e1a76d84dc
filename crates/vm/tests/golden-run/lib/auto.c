/* Auto object of the golden-test mudlib: output helpers. */

static string dump(mixed v)
{
    int i, sz;
    string s;
    mixed *ks;

    switch (typeof(v)) {
    case 0:
	return "nil";
    case 1:
	return "" + v;
    case 2:
	s = "" + v;
	if (sscanf(s, "%*s.") == 0 && sscanf(s, "%*se") == 0) {
	    s += ".0";
	}
	return s;
    case 3:
	return "\"" + v + "\"";
    case 4:
	return "<" + object_name(v) + ">";
    case 5:
	s = "({ ";
	sz = sizeof(v);
	for (i = 0; i < sz; i++) {
	    s += dump(v[i]) + ", ";
	}
	return s + "})";
    case 6:
	s = "([ ";
	ks = map_indices(v);
	sz = sizeof(ks);
	for (i = 0; i < sz; i++) {
	    s += dump(ks[i]) + ":" + dump(v[ks[i]]) + ", ";
	}
	return s + "])";
    }
}

static void write(mixed v)
{
    if (typeof(v) == 3) {
	send_message(v);
    } else {
	send_message(dump(v));
    }
}

static void writeln(mixed v)
{
    write(v);
    send_message("\n");
}

/* a kfun redefined in the auto object: calls reach this, ::sizeof() the kfun */
static int sizeof(mixed *arr)
{
    if (arr == nil) {
	return -1;
    }
    return ::sizeof(arr);
}

/* new_object() also takes a path, as the kernel library's auto object does */
static object new_object(mixed obj, mixed args...)
{
    if (typeof(obj) == 3) {
	if (!find_object(obj)) {
	    compile_object(obj);
	}
	obj = find_object(obj);
    }
    obj = ::new_object(obj);
    if (sizeof(args) != 0) {
	obj->init(args...);
    }
    return obj;
}
