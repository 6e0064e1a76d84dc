inherit ROOM_LIB;

static void setup()
{
    set_short("The village square");
    set_long("A cobbled square with a well in the middle. A tavern lies\n" +
	     "to the north; a garden gate is to the east.\n");
    add_exit("north", "/room/tavern");
    add_exit("east", "/room/garden");
}
