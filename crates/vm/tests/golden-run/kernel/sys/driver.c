/*
 * Driver object whose hooks are all static, as in DGD's kernel library
 * (/kernel/sys/driver.c): DGD calls them regardless.  compile_rlimits()
 * grants nothing and runtime_rlimits() refuses everything, so only the
 * driver and auto programs may use rlimits.
 */

static void initialize()
{
    send_message("initialize\n");
}

static object call_object(string path)
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

static object inherit_program(string from, string path, int priv)
{
    send_message("inherit_program " + path + "\n");
    return call_object(path);
}

static mixed include_file(string from, string path)
{
    send_message("include_file " + path + "\n");
    if (path == "/include/secret.h") {
	return nil;	/* access denied: the include fails */
    }
    return path;
}

static int compile_rlimits(string objname)
{
    return 0;
}

static int runtime_rlimits(object obj, int depth, int ticks)
{
    send_message("runtime_rlimits " + depth + " " + ticks + "\n");
    return 0;
}

static void compile_error(string file, int line, string err)
{
    send_message("compile_error " + file + ", " + line + ": " + err + "\n");
}

static void runtime_error(string error, int caught, int ticks)
{
    send_message("runtime_error " + error + " caught " + caught + " trace " + sizeof(call_trace()) + " " + call_trace()[sizeof(call_trace())-2][2] + "\n");
}

static void atomic_error(string error, int atom, int ticks)
{
    send_message("atomic_error " + error + " atom " + atom + " trace " + sizeof(call_trace()) + " " + call_trace()[atom][2] + "\n");
}
