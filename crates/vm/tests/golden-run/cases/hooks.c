void fail(string s) { error(s); }

void middle() { catch(fail("inner")); }

atomic void atom() { fail("in atomic"); }

void main()
{
    find_object("/lib/driver")->set_verbose(1);
    middle();
    catch(atom());
    find_object("/lib/driver")->set_verbose(0);
}
