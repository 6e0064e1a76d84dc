/*
 * A connection: login with a saved, crypted password, then commands.
 */
# include <status.h>

# define S_NAME		0	/* asked for the name */
# define S_PASSWORD	1	/* asked for the password */
# define S_NEWPASS	2	/* new character: first password */
# define S_NEWPASS2	3	/* new character: password again */
# define S_PLAYING	4	/* logged in */

string name;		/* saved: character name */
string password;	/* saved: crypted password */
string location;	/* saved: path of the last room */

static int state;	/* login state */
static int binary;	/* binary connection: assemble lines ourselves */
static string inbuf;	/* partial input line (binary) */
static string newpass;	/* first entry of a new password */
static int wizard;	/* may use wizard commands */
static object env;	/* current room */

static void create()
{
    state = S_NAME;
    inbuf = "";
}

void set_binary()
{
    if (previous_program() == USERD) {
	binary = 1;
    }
}

string query_name()	{ return name; }
object query_env()	{ return env; }

/*
 * text to this user
 */
void tell(string str)
{
    send_message(str);
}

private void prompt()
{
    send_message("> ");
}

/*
 * the connection opened
 */
static void open()
{
    string motd;

    motd = read_file(MOTD_FILE);
    if (motd) {
	send_message(motd);
    }
    send_message("What is your name? ");
}

private int valid_name(string str)
{
    int i, c;

    if (strlen(str) < 2 || strlen(str) > 16) {
	return 0;
    }
    for (i = strlen(str); --i >= 0; ) {
	c = str[i];
	if (c < 'a' || c > 'z') {
	    return 0;
	}
    }
    return 1;
}

private int is_wizard(string str)
{
    string list;

    list = read_file(WIZARDS_FILE);
    return (list && sizeof(explode(list, "\n") & ({ str })) != 0);
}

private void move_to(string path)
{
    object room;

    room = load_object(path);
    if (env) {
	env->leave(this_object());
    }
    env = room;
    location = path;
    room->enter(this_object());
}

private void save()
{
    save_object(USER_SAVE_DIR + name + ".o");
}

private void enter_world()
{
    object other;

    other = USERD->find_player(name);
    if (other && other != this_object()) {
	other->tell("You are logged in from elsewhere.\n");
	other->linkdead();
    }
    state = S_PLAYING;
    wizard = is_wizard(name);
    USERD->login(name);
    send_message("\nHello, " + capitalize(name) +
		 ((wizard) ? " (wizard)" : "") + ".\n");
    move_to((location) ? location : START_ROOM);
    if (env) {
	env->tell(capitalize(name) + " arrives.\n", this_object());
	send_message(env->describe(this_object()));
    }
    prompt();
}

/*
 * the connection is gone (or, after a restore, was gone already)
 */
void linkdead()
{
    if (previous_program() == USERD || previous_object() == this_object()) {
	destruct_object(this_object());
    }
}

static void close(int destructed)
{
    if (state == S_PLAYING) {
	if (env) {
	    env->tell(capitalize(name) + " leaves the game.\n", this_object());
	    env->leave(this_object());
	}
	save();
	USERD->logout(name);
	state = S_NAME;
    }
    if (!destructed) {
	destruct_object(this_object());
    }
}

/*
 * the commands
 */
private void cmd_look()
{
    send_message(env->describe(this_object()));
}

private void cmd_say(string str)
{
    if (!str || strlen(str) == 0) {
	send_message("Say what?\n");
	return;
    }
    send_message("You say: " + str + "\n");
    env->tell(capitalize(name) + " says: " + str + "\n", this_object());
}

private void cmd_go(string dir)
{
    string path;

    path = (dir) ? env->query_exit(dir) : nil;
    if (!path) {
	send_message("You can't go that way.\n");
	return;
    }
    env->tell(capitalize(name) + " leaves " + dir + ".\n", this_object());
    move_to(path);
    env->tell(capitalize(name) + " arrives.\n", this_object());
    send_message(env->describe(this_object()));
}

private void cmd_who()
{
    object *list;
    string str;
    int i;

    list = users();
    str = "Connected:\n";
    for (i = 0; i < sizeof(list); i++) {
	if (list[i]->query_name()) {
	    str += "  " + capitalize(list[i]->query_name()) + "\n";
	}
    }
    send_message(str);
}

private void cmd_write(string str)
{
    if (!str || strlen(str) == 0) {
	send_message("Write what?\n");
	return;
    }
    env->write_note(capitalize(name), str);
    send_message("You write on the board.\n");
    env->tell(capitalize(name) + " writes on the board.\n", this_object());
}

private void cmd_read()
{
    string *notes;
    int i;

    notes = env->query_board();
    if (sizeof(notes) == 0) {
	send_message("The board is empty.\n");
	return;
    }
    for (i = 0; i < sizeof(notes); i++) {
	send_message((i + 1) + ". " + notes[i] + "\n");
    }
}

private void cmd_plant(string str)
{
    int delay;
    string text;

    if (!str || sscanf(str, "%d %s", delay, text) != 2 || delay < 0) {
	send_message("Usage: plant <seconds> <message>\n");
	return;
    }
    env->plant(capitalize(name), delay, text);
    send_message("You plant a seed. In " + delay +
		 " seconds it will bloom.\n");
}

private void cmd_quit()
{
    send_message("Goodbye.\n");
    destruct_object(this_object());
}

/*
 * wizard commands
 */
private void cmd_dump(string str)
{
    if (str == "incremental" || str == "incr") {
	dump_state(1);
	send_message("Incremental statedump at the end of this command.\n");
    } else {
	dump_state();
	send_message("Full statedump at the end of this command.\n");
    }
    DRIVER->log(capitalize(name) + " asked for a statedump.\n");
}

private void cmd_compile(string str)
{
    object obj;
    string err;

    if (!str) {
	send_message("Usage: compile <path>\n");
	return;
    }
    sscanf(str, "%s.c", str);
    if (str[0] != '/') {
	str = "/" + str;
    }
    err = catch(obj = compile_object(str));
    if (err) {
	send_message("Compile failed: " + err + "\n");
    } else {
	send_message("Compiled " + object_name(obj) + ".\n");
    }
}

private void cmd_status()
{
    mixed *st;

    st = status();
    send_message("Driver:      " + st[ST_VERSION] + "\n" +
		 "Uptime:      " + st[ST_UPTIME] + " seconds\n" +
		 "Objects:     " + st[ST_NOBJECTS] + "\n" +
		 "Call_outs:   " + (st[ST_NCOSHORT] + st[ST_NCOLONG]) + "\n" +
		 "Connections: " + st[ST_NUSERS] + "\n" +
		 DUMPD->query_status());
}

private int wizard_command(string verb, string arg)
{
    switch (verb) {
    case "dump":
	cmd_dump(arg);
	return 1;
    case "shutdown":
	send_message("Shutting down.\n");
	DRIVER->log(capitalize(name) + " shut the mud down.\n");
	shutdown();
	return 1;
    case "hotboot":
	send_message("Hotbooting.\n");
	dump_state();
	shutdown(1);
	return 1;
    case "compile":
	cmd_compile(arg);
	return 1;
    case "status":
	cmd_status();
	return 1;
    case "schedule":
	send_message(DUMPD->set_schedule(arg));
	return 1;
    }
    return 0;
}

private void command(string str)
{
    string verb, arg;

    str = trim(str);
    if (strlen(str) == 0) {
	prompt();
	return;
    }
    if (str[0] == '\'') {
	verb = "say";
	arg = str[1 ..];
    } else if (sscanf(str, "%s %s", verb, arg) != 2) {
	verb = str;
	arg = nil;
    }
    switch (verb) {
    case "look":
    case "l":
	cmd_look();
	break;
    case "say":
	cmd_say(arg);
	break;
    case "go":
	cmd_go(arg);
	break;
    case "north": case "south": case "east": case "west":
    case "up": case "down":
	cmd_go(verb);
	break;
    case "n": cmd_go("north"); break;
    case "s": cmd_go("south"); break;
    case "e": cmd_go("east"); break;
    case "w": cmd_go("west"); break;
    case "who":
	cmd_who();
	break;
    case "write":
	cmd_write(arg);
	break;
    case "read":
	cmd_read();
	break;
    case "plant":
	cmd_plant(arg);
	break;
    case "help":
	send_message("Commands: look, say <text>, go <direction>, who, " +
		     "write <text>, read, plant <seconds> <text>, quit\n" +
		     ((wizard) ?
		      "Wizard:   dump [incremental], shutdown, hotboot, " +
		      "compile <path>, status, schedule [<incr> <full>]\n" :
		      ""));
	break;
    case "quit":
	cmd_quit();
	return;
    default:
	if (!wizard || !wizard_command(verb, arg)) {
	    send_message("What?\n");
	}
	break;
    }
    prompt();
}

/*
 * one line of input
 */
private void input(string str)
{
    switch (state) {
    case S_NAME:
	str = trim(str);
	if (!valid_name(str)) {
	    send_message("Names are 2 to 16 lower case letters.\n" +
			 "What is your name? ");
	    return;
	}
	name = str;
	if (restore_object(USER_SAVE_DIR + name + ".o")) {
	    state = S_PASSWORD;
	    send_message("Password: ");
	} else {
	    state = S_NEWPASS;
	    send_message("New character. Choose a password: ");
	}
	send_message(0);
	break;

    case S_PASSWORD:
	send_message(1);
	send_message("\n");
	if (crypt(str, password) != password) {
	    send_message("Wrong password.\n");
	    destruct_object(this_object());
	    return;
	}
	enter_world();
	break;

    case S_NEWPASS:
	if (strlen(str) < 3) {
	    send_message("\nAt least 3 characters, please. Password: ");
	    return;
	}
	newpass = str;
	state = S_NEWPASS2;
	send_message("\nAgain: ");
	break;

    case S_NEWPASS2:
	send_message(1);
	send_message("\n");
	if (str != newpass) {
	    send_message("The passwords differ.\n");
	    destruct_object(this_object());
	    return;
	}
	newpass = nil;
	password = crypt(str);
	location = START_ROOM;
	save();
	enter_world();
	break;

    case S_PLAYING:
	command(str);
	break;
    }
}

static void receive_message(string str)
{
    string line;

    if (!binary) {
	input(str);
	return;
    }
    inbuf += str;
    while (this_object() && sscanf(inbuf, "%s\n%s", line, inbuf) == 2) {
	input(trim(line));
    }
}
