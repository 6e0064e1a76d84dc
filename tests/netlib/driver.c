/*
 * A driver object for tests/e2e_net.rs: the smallest mudlib that runs on
 * both DGD 1.7.9 and this driver, so that client sessions can be compared
 * byte for byte. Log lines go to the driver's stderr.
 */
# include <status.h>

int quiet;
object *held;
void hold(object u) { held = (held ? held : ({ })) + ({ u }); }
void release() { int i; for (i = 0; i < sizeof(held); i++) held[i]->unhold(); held = ({ }); }
void set_quiet(int q) { quiet = q; }
void initialize() { compile_object("/user"); compile_object("/quiet"); compile_object("/outbound"); send_message("driver up\n"); }
object telnet_connect(int port) { send_message("telnet_connect " + port + "\n"); return clone_object(find_object(quiet ? "/quiet" : "/user")); }
object binary_connect(int port) { send_message("binary_connect " + port + "\n"); return clone_object(find_object("/user")); }
object datagram_connect(int port) { send_message("datagram_connect " + port + "\n"); return clone_object(find_object("/user")); }
void restored() { send_message("restored\n"); }
object inherit_program(string from, string path, int priv) { object o; o = find_object(path); return o ? o : compile_object(path); }
void runtime_error(string err, int caught, int ticks) { send_message("runtime_error: " + err + "\n"); }
void compile_error(string file, int line, string err) { send_message(file + ":" + line + ": " + err + "\n"); }
void log(string s) { send_message(s); }
mixed include_file(string from, string path) { return path; }
object call_object(string path) { return find_object(path); }
