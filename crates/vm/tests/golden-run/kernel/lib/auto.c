/* Auto object: privileged (rlimits allowed) whatever compile_rlimits says. */

# include "/include/defs.h"	/* include_file is not asked for the auto object */

static mixed unlimited(string func)
{
    rlimits (-1; -1) {
	return call_other(this_object(), func);
    }
}
