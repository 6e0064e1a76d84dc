void fail(string s) { error(s); }

void middle() { catch(fail("inner")); }

atomic void atom() { fail("in atomic"); }

int counter;

atomic void atom2() { counter++; fail("rewrite: in atomic"); }

void main()
{
    find_object("/lib/driver")->set_verbose(1);
    middle();
    catch(atom());
    send_message("caught: " + catch(atom2()) + ", counter " + counter + "\n");
    find_object("/lib/driver")->set_verbose(0);
}
