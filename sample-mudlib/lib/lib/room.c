/*
 * Inheritable room: description, exits, people, a board that keeps what
 * players write on it (kept only in the statedump), and seeds that bloom
 * onto the board after a delay (a call_out, kept across dumps).
 */

string short_desc;	/* one-line name */
string long_desc;	/* full description */
mapping exits;		/* direction : path */
string *board;		/* notes on the board */
object *people;		/* who is here */

/*
 * rooms define this to set themselves up
 */
static void setup()
{
}

static void create()
{
    short_desc = "A room";
    long_desc = "An empty room.\n";
    exits = ([ ]);
    board = ({ });
    people = ({ });
    setup();
}

static void set_short(string str)	{ short_desc = str; }
static void set_long(string str)	{ long_desc = str; }
static void add_exit(string dir, string path) { exits[dir] = path; }

string query_short()		{ return short_desc; }
string query_exit(string dir)	{ return exits[dir]; }
string *query_board()		{ return board[..]; }

void enter(object who)
{
    people -= ({ nil, who });
    people += ({ who });
}

void leave(object who)
{
    people -= ({ nil, who });
}

/*
 * message to everybody here, except one
 */
void tell(string str, varargs object except)
{
    int i;

    people -= ({ nil });
    for (i = 0; i < sizeof(people); i++) {
	if (people[i] != except) {
	    people[i]->tell(str);
	}
    }
}

string describe(object viewer)
{
    string str, *dirs, *names;
    int i;

    str = short_desc + "\n" + long_desc;
    dirs = map_indices(exits);
    str += (sizeof(dirs) == 0) ? "There are no exits.\n" :
	   "Exits: " + implode(dirs, ", ") + ".\n";
    if (sizeof(board) != 0) {
	str += "There is a board here with " + sizeof(board) +
	       ((sizeof(board) == 1) ? " note" : " notes") + " on it.\n";
    }
    people -= ({ nil });
    names = ({ });
    for (i = 0; i < sizeof(people); i++) {
	if (people[i] != viewer && people[i]->query_name()) {
	    names += ({ capitalize(people[i]->query_name()) });
	}
    }
    if (sizeof(names) != 0) {
	str += implode(names, ", ") + ((sizeof(names) == 1) ? " is" : " are") +
	       " here.\n";
    }
    return str;
}

void write_note(string who, string text)
{
    board += ({ who + ": " + text });
}

/*
 * a seed that blooms onto the board after `delay' seconds
 */
void plant(string who, int delay, string text)
{
    call_out("bloom", delay, who, text);
}

static void bloom(string who, string text)
{
    board += ({ "(a flower planted by " + who + ") " + text });
    tell("A flower blooms here.\n");
}
