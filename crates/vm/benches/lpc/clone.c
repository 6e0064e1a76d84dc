int run()
{
    int i;
    object o;
    for (i = 0; i < 1000000; i++) {
	o = clone_object(this_object());
	destruct_object(o);
    }
    return i;
}
