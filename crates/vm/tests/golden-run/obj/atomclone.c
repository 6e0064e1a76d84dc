object made;
atomic void make_and_fail()
{
    made = clone_object(this_object());
    error("fail after clone");
}
object query_made() { return made; }
