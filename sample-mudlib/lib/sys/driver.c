/*
 * The driver object: the functions the driver calls, and logging.
 */
# include <status.h>
# include <trace.h>

/*
 * write a timestamped line to the driver's log (stderr), as DGD's kernel
 * library does
 */
static void message(string str)
{
    send_message(ctime(time())[4 .. 18] + " ** " + str);
}

/*
 * logging for system objects and wizard commands
 */
void log(string str)
{
    string name;

    name = object_name(previous_object());
    if (sscanf(name, "/sys/%*s") != 0 || sscanf(name, USER_OBJ + "#%*d") != 0) {
	message(str);
    }
}

/*
 * make a path absolute, relative to the directory of `from'
 */
private string resolve(string from, string path)
{
    string *parts, *res;
    int i, sz;

    if (strlen(path) == 0 || path[0] != '/') {
	parts = explode(from, "/");
	path = implode(parts[.. sizeof(parts) - 2], "/") + "/" + path;
    }
    parts = explode(path, "/");
    res = ({ });
    for (i = 0, sz = sizeof(parts); i < sz; i++) {
	switch (parts[i]) {
	case "":
	case ".":
	    break;
	case "..":
	    if (sizeof(res) != 0) {
		res = res[.. sizeof(res) - 2];
	    }
	    break;
	default:
	    res += ({ parts[i] });
	    break;
	}
    }
    return "/" + implode(res, "/");
}

private object load(string path)
{
    object obj;

    obj = find_object(path);
    return (obj) ? obj : compile_object(path);
}

/*
 * cold boot
 */
static void initialize()
{
    message("Sample mudlib starting on " + status()[ST_VERSION] + ".\n");
    load(USERD);
    load(START_ROOM);
    load("/room/tavern");
    load("/room/garden");
    load(DUMPD)->start();
    message("Initialization complete.\n");
}

/*
 * the world came back from a statedump
 */
static void restored(varargs int hotboot)
{
    message("State restored" + ((hotboot) ? " after a hotboot" : "") +
	    ".\n");
    load(USERD)->restored(hotboot);
}

/*
 * SIGTERM, SIGINT, SIGHUP: dump and stop
 */
static void interrupt()
{
    message("Interrupt: dumping state and shutting down.\n");
    dump_state();
    shutdown();
}

static string path_read(string path)	{ return path; }
static string path_write(string path)	{ return path; }

static mixed include_file(string from, string path)
{
    return resolve(from, path);
}

static object inherit_program(string from, string path, int priv)
{
    return load(resolve(from, path));
}

static string object_type(string from, string type)
{
    return resolve(from, type);
}

static object call_object(string path)
{
    return load(resolve("/", path));
}

static int compile_rlimits(string objname)
{
    return (sscanf(objname, "/sys/%*s") != 0);
}

static int runtime_rlimits(object obj, int maxdepth, int maxticks)
{
    return (sscanf(object_name(obj), "/sys/%*s") != 0);
}

static void compile_error(string file, int line, string err)
{
    message(file + ", " + line + ": " + err + "\n");
}

static void runtime_error(string error, int caught, int ticks)
{
    mixed **trace;
    string str;
    int i, sz;
    object user;

    if (caught) {
	return;
    }
    trace = call_trace();
    str = error + "\n";
    for (i = 0, sz = sizeof(trace) - 1; i < sz; i++) {
	str += "  " + trace[i][TRACE_PROGNAME] + ":" + trace[i][TRACE_LINE] +
	       " " + trace[i][TRACE_FUNCTION] + "()\n";
    }
    message(str);
    user = this_user();
    if (user) {
	catch {
	    user->tell("Error: " + error + ".\n");
	}
    }
}

static void atomic_error(string error, int atom, int ticks)
{
    message("Atomic error: " + error + "\n");
}

static void recompile(object obj)
{
    destruct_object(obj);
}

static void remove_program(string path, int timestamp, int index)
{
}

static int touch(object obj, string func)
{
    return 0;
}

static object telnet_connect(int port)
{
    return load(USERD)->new_user(0);
}

static object binary_connect(int port)
{
    return load(USERD)->new_user(1);
}
