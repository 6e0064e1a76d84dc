/* Driver object of the golden-test mudlib. */

static void initialize()
{
}

string path_read(string path) { return path; }
string path_write(string path) { return path; }

object call_object(string path)
{
    object obj;

    if (sscanf(path, "%*s.c") != 0) {
	path = path[.. strlen(path) - 3];
    }
    obj = find_object(path);
    if (!obj) {
	obj = compile_object(path);
    }
    return obj;
}

object inherit_program(string from, string path, int priv)
{
    object obj;
    string rest;

    /* the path comes as written in the inherit statement */
    if (path[0] != '/') {
	string *dirs;

	dirs = explode(from, "/");
	path = "/" + implode(dirs[.. sizeof(dirs) - 2], "/") + "/" + path;
    }
    /* as kernel libraries do with ~user paths: another name for a program */
    if (sscanf(path, "/alias/%s", rest) != 0) {
	path = "/obj/" + rest;
    }

    if (sscanf(path, "%*s.c") != 0) {
	path = path[.. strlen(path) - 3];
    }
    obj = find_object(path);
    if (!obj) {
	obj = compile_object(path);
    }
    return obj;
}

mixed include_file(string from, string path)
{
    /* DGD passes the name as written; a relative one is the includer's */
    if (strlen(path) != 0 && path[0] != '/') {
	path = from + "/../" + path;
    }
    return path;
}

int compile_rlimits(string objname)
{
    return objname == "/lib/driver" || objname == "/lib/auto";
}

int runtime_rlimits(object obj, int depth, int ticks)
{
    return 1;
}

void compile_error(string file, int line, string err)
{
    send_message(file + ", " + line + ": " + err + "\n");
}

int verbose;

void set_verbose(int v) { verbose = v; }

void runtime_error(string error, int caught, int ticks)
{
    if (verbose) {
	mixed **trace;
	trace = call_trace();
	send_message("runtime_error(" + error + ", caught " + caught + ") frames " +
		     sizeof(trace) + ", erring function " +
		     trace[sizeof(trace) - 2][2] + "\n");
	if (caught) {
	    send_message("  catching frame: " + trace[caught - 1][2] + "\n");
	}
    }
    if (!caught) {
	send_message("Error: " + error + "\n");
    }
}

mixed atomic_error(string error, int atom, int ticks)
{
    if (verbose) {
	send_message("atomic_error(" + error + ")\n");
    }
    if (sscanf(error, "rewrite:%s", error) != 0) {
	/* as DGD, a returned string replaces the error after the rollback */
	return "rewritten by atomic_error:" + error;
    }
}

void remove_program(string path, int ctime, int index)
{
    send_message("remove_program " + path + "\n");
}

void recompile(object obj)
{
    send_message("recompile " + object_name(obj) + "\n");
    destruct_object(obj);
}

int touch(object obj, string func)
{
    send_message("touch " + object_name(obj) + " " + func + "\n");
    return 0;
}
