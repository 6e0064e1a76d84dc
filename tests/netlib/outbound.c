/*
 * An outbound connection of tests/e2e_net.rs: connect() or
 * connect_datagram() from a fresh clone; it reports to the driver's log.
 */
void tcp(string host, int port) { connect(host, port); }
void udp(int uport, string host, int port) { connect_datagram(uport, host, port); }
void open() { "/driver"->log("outbound open " + query_ip_number(this_object()) + " " + sizeof(users()) + "\n"); send_message("hello from outbound\n"); }
void unconnected(int err) { "/driver"->log("unconnected " + err + "\n"); }
void receive_message(string s) { "/driver"->log("outbound got [" + s + "]\n"); send_message("echo " + s); }
void receive_datagram(string s) { int n; n = send_datagram("dg " + s); "/driver"->log("outbound datagram [" + s + "] " + n + "\n"); }
void message_done() { "/driver"->log("outbound done\n"); }
void close(int d) { "/driver"->log("outbound close(" + d + ")\n"); }
