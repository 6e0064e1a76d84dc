/*
 * The connection object of tests/e2e_net.rs: echoes every input line as
 * "[line] length" with control bytes in octal (unless it starts with "!"),
 * and has a command for each connection kfun whose behaviour the test
 * compares with DGD 1.7.9.
 */
# include <status.h>
int ndone, nopen;
string hexesc(string s) {
    string r; int i, c;
    r = "";
    for (i = 0; i < strlen(s); i++) {
        c = s[i];
        if (c < 32 || c >= 127 || c == '\\') {
            r += "\\" + ((c >> 6) & 7) + ((c >> 3) & 7) + (c & 7);
        } else {
            r += s[i..i];
        }
    }
    return r;
}
void open() { nopen++; send_message("Welcome\n"); }
void close(int d) { "/driver"->log("close(" + d + ") " + object_name(this_object()) + "\n"); }
void message_done() { ndone++; }
void nop() { }
void unhold() { block_input(0); }
void hear(string s) { send_message(s + "\n"); }
void tock() { object *u; int i; u = users(); for (i = 0; i < sizeof(u); i++) u[i]->hear("tock"); }
void unblock() { block_input(0); send_message("unblocked\n"); }
void receive_datagram(string s) { int n; if (s == "quit") { destruct_object(this_object()); return; } if (s == "users") { send_datagram("users " + sizeof(users()) + " " + status()[ST_NUSERS] + " " + status()[ST_UTABSIZE] + " " + query_ip_number(this_object())); return; } n = send_datagram("got " + s); send_message("datagram [" + hexesc(s) + "] " + n + "\n"); }
void datagram_attach() { send_message("attached\n"); }
void receive_message(string s) {
    string a, b; int n, i, m;
    if (strlen(s) && s[0] == '!') s = s[1 ..]; else send_message("[" + hexesc(s) + "] " + strlen(s) + "\n");
    if (s == "echo off") { n = send_message(0); send_message("r=" + n + "\n"); }
    else if (s == "echo on") { n = send_message(1); send_message("r=" + n + "\n"); }
    else if (s == "echo off2") { send_message(0); send_message(1); send_message(0); }
    else if (s == "quiet") { "/driver"->set_quiet(1); }
    else if (s == "loud") { "/driver"->set_quiet(0); }
    else if (s == "empty") { n = send_message(""); send_message("r=" + n + "\n"); }
    else if (s == "empty2") { n = send_message(""); }
    else if (s == "md") { send_message("done=" + ndone + "\n"); }
    else if (s == "nl") { send_message("a\nb\r\nc\rd\n"); }
    else if (s == "iac") { a = "x y\n"; a[1] = 255; n = send_message(a); send_message("r=" + n + "\n"); }
    else if (sscanf(s, "big %d", n) == 1) {
        a = "0123456789";
        while (strlen(a) < n) a += a;
        a = a[0 .. n - 1];
        for (i = 0; i < 20; i++) { m = send_message(a); if (m < n) break; }
        send_message("sent " + i + " full, last " + m + "\n");
    }
    else if (sscanf(s, "bignl %d", n) == 1) {
        a = "\n";
        while (strlen(a) < n) a += a;
        a = a[0 .. n - 1];
        for (i = 0; i < 20; i++) { m = send_message(a); if (m < n) break; }
        send_message("sent " + i + " full, last " + m + "\n");
    }
    else if (s == "block") { block_input(1); call_out("unblock", 2); }
    else if (s == "close") { send_message("bye\n"); send_close(); }
    else if (s == "close2") { send_close(); n = catch(send_message("more\n")) ? -1 : 1; "/driver"->log("after close " + n + "\n"); }
    else if (s == "quit") { send_message("bye\n"); destruct_object(this_object()); }
    else if (s == "users") { send_message("users " + sizeof(users()) + " nusers " + status()[ST_NUSERS] + "\n"); }
    else if (sscanf(s, "say %s", a) == 1) { object *u; u = users(); for (i = 0; i < sizeof(u); i++) u[i]->hear(a); }
    else if (sscanf(s, "spin %d", n) == 1) { for (i = 0; i < n; i++) m += i; }
    else if (s == "hold") { block_input(1); "/driver"->hold(this_object()); send_message("held\n"); }
    else if (s == "release") { "/driver"->release(); }
    else if (s == "tick") { call_out("tock", 0); }
    else if (s == "who") { object *u; u = users(); for (i = 0; i < sizeof(u); i++) send_message(object_name(u[i]) + " "); send_message("\n"); }
    else if (s == "ip") { send_message(query_ip_number(this_object()) + "\n"); }
    else if (s == "ipname") { send_message(query_ip_name(this_object()) + "\n"); }
    else if (s == "cos") {
        call_out("nop", 10); call_out("nop", 200); call_out("nop", 0.5);
        call_out("nop", 1.0); call_out("nop", 0.0); call_out("nop", 0);
        call_out("nop", 127); call_out("nop", 128); call_out("nop", 0.0001);
        call_out("nop", 130.0);
        send_message("co " + status()[ST_NCOSHORT] + " " + status()[ST_NCOLONG] + "\n");
    }
    else if (sscanf(s, "out %s %d", a, n) == 2) {
        b = catch(clone_object(find_object("/outbound"))->tcp(a, n));
        send_message("out " + (b ? b : "ok") + "\n");
    }
    else if (sscanf(s, "outd %d %s %d", m, a, n) == 3) {
        b = catch(clone_object(find_object("/outbound"))->udp(m, a, n));
        send_message("outd " + (b ? b : "ok") + "\n");
    }
    else if (s == "dump") { dump_state(); send_message("dumped\n"); }
    else if (s == "shutdown") { shutdown(); }
    else if (s == "status") { send_message("co " + status()[ST_NCOSHORT] + " " + status()[ST_NCOLONG] + " up " + status()[ST_UPTIME] + "\n"); }
    else if (sscanf(s, "chal %s", a) == 1) { datagram_challenge(a); send_message("challenge set\n"); }
    else if (sscanf(s, "dgram %s", a) == 1) { n = send_datagram(a); send_message("dgram " + n + "\n"); }
}
