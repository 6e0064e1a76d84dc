/*
 * Included before every file (the config's include_file).
 */
# define DRIVER		"/sys/driver"
# define AUTO		"/sys/auto"
# define USERD		"/sys/userd"
# define DUMPD		"/sys/dumpd"
# define USER_OBJ	"/obj/user"
# define ROOM_LIB	"/lib/room"
# define START_ROOM	"/room/square"
# define USER_SAVE_DIR	"/data/users/"
# define MOTD_FILE	"/etc/motd"
# define WIZARDS_FILE	"/etc/wizards"
# define SCHEDULE_FILE	"/etc/schedule"
