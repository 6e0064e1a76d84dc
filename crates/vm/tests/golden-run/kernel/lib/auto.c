/* Auto object: privileged (rlimits allowed) whatever compile_rlimits says. */

static mixed unlimited(string func)
{
    rlimits (-1; -1) {
	return call_other(this_object(), func);
    }
}
