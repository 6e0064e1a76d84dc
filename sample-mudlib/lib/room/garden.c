inherit ROOM_LIB;

static void setup()
{
    set_short("A quiet garden");
    set_long("Flower beds in neat rows. Anything planted here blooms in\n" +
	     "its own time, however long the world sleeps. The square is\n" +
	     "to the west.\n");
    add_exit("west", "/room/square");
}
