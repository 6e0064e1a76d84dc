/*
 * The auto object: inherited by every object but the driver.  Its static
 * functions behave like kfuns.
 */

/*
 * find or compile an object
 */
static object load_object(string path)
{
    object obj;

    obj = find_object(path);
    return (obj) ? obj : compile_object(path);
}

/*
 * make a clone of the object with the given path
 */
static object clone(string path)
{
    return clone_object(load_object(path));
}

/*
 * first letter in upper case
 */
static string capitalize(string str)
{
    if (strlen(str) != 0 && str[0] >= 'a' && str[0] <= 'z') {
	str[0] -= 'a' - 'A';
    }
    return str;
}

/*
 * remove leading and trailing blanks
 */
static string trim(string str)
{
    int b, e;

    for (b = 0, e = strlen(str) - 1; b <= e && str[b] == ' '; b++) ;
    for (; e >= b && (str[e] == ' ' || str[e] == '\r'); --e) ;
    return str[b .. e];
}
