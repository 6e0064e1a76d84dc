# include "/include/defs.h"

inherit "/lib/base";

void inner() { error("in atomic"); }
atomic void atom2() { inner(); }
atomic void atom() { atom2(); }
void mid() { atom(); }

int loop() { for (;;) ; }

string ticks() { return "ticks " + (status()[23] == -1 ? "unlimited" : "limited"); }

void main()
{
    send_message(GREETING + "\n");
    send_message(base() + "\n");
    send_message(unlimited("ticks") + "\n");
    send_message(catch(mid()) + "\n");
    send_message(catch(compile_object("/cases/bad", "int f() { return x; }")) + "\n");
    send_message(catch(compile_object("/cases/inc", "# include \"/include/secret.h\"\n")) + "\n");
    rlimits (10; 1000) {
	send_message("unreached\n");
    }
}
