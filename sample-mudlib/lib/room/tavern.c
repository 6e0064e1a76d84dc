inherit ROOM_LIB;

static void setup()
{
    set_short("The Persistent Pint");
    set_long("A warm tavern. The innkeeper swears nothing said here is\n" +
	     "ever forgotten. The square is to the south.\n");
    add_exit("south", "/room/square");
}
