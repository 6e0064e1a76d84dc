int depth;

void thrower(string s) { error(s); }

int nested()
{
    string e;
    e = catch(thrower("inner"));
    writeln("caught " + e);
    thrower("outer");
    return 1;
}

void main()
{
    string e;
    mixed x;

    e = catch(thrower("boom"));
    writeln(e);
    writeln(catch(1));
    e = catch(nested());
    writeln(e);
    catch {
	writeln("in catch");
	error("x");
	writeln("not reached");
    } : {
	writeln("handler");
    }
    catch {
	writeln("no error");
    }
    try {
	thrower("tried");
    } catch (err) {
	writeln("try got " + err);
    }
    x = catch(({ 1 })[3]);
    writeln(x);
    writeln(catch(error("a"), error("b")));
    writeln("end");
    thrower("uncaught");
    writeln("not printed");
}
