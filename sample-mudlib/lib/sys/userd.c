/*
 * The user daemon: makes connection objects, knows who is logged in.
 */

mapping players;	/* name : user object */

static void create()
{
    players = ([ ]);
}

/*
 * a new connection (only the driver object asks)
 */
object new_user(int binary)
{
    object user;

    if (previous_object() != find_object(DRIVER)) {
	error("Access denied");
    }
    user = clone(USER_OBJ);
    if (binary) {
	user->set_binary();
    }
    return user;
}

void login(string name)
{
    if (previous_program() == USER_OBJ) {
	players[name] = previous_object();
    }
}

void logout(string name)
{
    if (previous_program() == USER_OBJ && players[name] == previous_object()) {
	players[name] = nil;
    }
}

object find_player(string name)
{
    return players[name];
}

object *query_players()
{
    return map_values(players);
}

/*
 * After a restore, user objects whose connection did not survive are
 * cleaned up; after a hotboot the connected ones stay.
 */
void restored(int hotboot)
{
    object *list;
    int i;

    if (previous_object() != find_object(DRIVER)) {
	return;
    }
    list = map_values(players);
    for (i = 0; i < sizeof(list); i++) {
	if (list[i] && !query_ip_number(list[i])) {
	    list[i]->linkdead();
	}
    }
}
