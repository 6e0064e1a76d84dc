/*
 * The dump daemon: an incremental statedump every `incr' seconds and a
 * full one every `full' seconds (by default hourly and daily), scheduled
 * with call_outs, which the statedumps themselves keep.
 */

int incr;		/* seconds between incremental dumps */
int full;		/* seconds between full dumps */
int incr_handle;	/* call_out handle of the next increment */
int full_handle;	/* call_out handle of the next full dump */
int nincr;		/* increments taken */
int nfull;		/* full dumps taken */

string query_status();

static void create()
{
    incr = 3600;
    full = 86400;
}

/*
 * read /etc/schedule: lines "incremental <seconds>" and "full <seconds>"
 */
private void read_schedule()
{
    string text, *lines;
    int i, n;

    text = read_file(SCHEDULE_FILE);
    if (!text) {
	return;
    }
    lines = explode(text, "\n");
    for (i = 0; i < sizeof(lines); i++) {
	if (sscanf(lines[i], "incremental %d", n) == 1 && n > 0) {
	    incr = n;
	} else if (sscanf(lines[i], "full %d", n) == 1 && n > 0) {
	    full = n;
	}
    }
}

private void schedule()
{
    if (incr_handle != 0) {
	remove_call_out(incr_handle);
    }
    if (full_handle != 0) {
	remove_call_out(full_handle);
    }
    incr_handle = call_out("incremental", incr);
    full_handle = call_out("full", full);
}

/*
 * cold boot
 */
void start()
{
    if (previous_object() == find_object(DRIVER)) {
	read_schedule();
	schedule();
    }
}

static void incremental()
{
    incr_handle = call_out("incremental", incr);
    nincr++;
    DRIVER->log("Scheduled incremental statedump #" + nincr + ".\n");
    dump_state(1);
}

static void full()
{
    full_handle = call_out("full", full);
    nfull++;
    DRIVER->log("Scheduled full statedump #" + nfull + ".\n");
    dump_state();
}

/*
 * wizard command: "schedule", "schedule reload", "schedule <incr> <full>"
 */
string set_schedule(string arg)
{
    int i, f;

    if (arg == "reload") {
	read_schedule();
	schedule();
    } else if (arg && sscanf(arg, "%d %d", i, f) == 2 && i > 0 && f > 0) {
	incr = i;
	full = f;
	schedule();
    } else if (arg) {
	return "Usage: schedule [reload | <incremental> <full>]\n";
    }
    return query_status();
}

string query_status()
{
    return "Dumps:       incremental every " + incr + " s (" + nincr +
	   " taken), full every " + full + " s (" + nfull + " taken)\n";
}
