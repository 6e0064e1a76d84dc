//! The VM world's host adapter: what the driver object may do that other
//! objects may not, the call_out table limit as an LPC error.

mod common;
use common::{config, free_port};
use driver::callout::CallOuts;
use driver::net::Net;
use driver::vmworld::VmWorld;
use driver::world::{Host, World};
use std::cell::RefCell;
use std::rc::Rc;
use vm::value::Value;

const DRIVER: &str = r#"
int *sent;

static void initialize()
{
    sent = ({ send_message("driver boots\n"), "/obj/other"->say() });
}

int *sent() { return sent; }

/* as on DGD, a path given to call_other names an object only through this */
static object call_object(string path)
{
    object o;
    return (o = find_object(path)) ? o : compile_object(path);
}
"#;

const OTHER: &str = r#"
int say() { return send_message("not the driver\n"); }
void later() { call_out("say", 1000); }
int *counts() { return ({ status()[16], status()[17], status()[27] }); }
void nop() { }
int *mix()
{
    /* DGD 1.7.9 counts these 5 short-term (int delays under 128 s, delays
       under 1 ms) and 5 long-term (other int delays, float delays) */
    call_out("nop", 10); call_out("nop", 200); call_out("nop", 0.5);
    call_out("nop", 1.0); call_out("nop", 0.0); call_out("nop", 0);
    call_out("nop", 127); call_out("nop", 128); call_out("nop", 0.0001);
    call_out("nop", 130.0);
    return counts();
}
int fill(int n)
{
    int i;
    for (i = 0; i < n; i++) {
        if (catch(call_out("say", 100))) {
            return i;
        }
    }
    return -1;
}
"#;

#[test]
fn driver_object_call_out_limit_and_status_counts() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), free_port(), free_port(), 10);
    for (f, src) in [
        ("sys/driver.c", DRIVER),
        ("sys/auto.c", ""),
        ("obj/other.c", OTHER),
    ] {
        let p = dir.path().join("lib").join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, src).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("lib/include")).unwrap();
    std::fs::write(dir.path().join("lib/include/std.h"), "").unwrap();
    let host = Rc::new(RefCell::new(Host::new(
        Net::with_listeners(Vec::new(), 10),
        CallOuts::new(cfg.call_outs),
        false,
    )));
    let mut w = VmWorld::in_memory(&cfg, host.clone());
    w.cold_boot(&host).unwrap();
    let d = w.vm.driver_object().unwrap();
    // the driver's message went to the log (its length); another object
    // without a connection is ignored (0), also while booting
    let sent = w.vm.call(d, "sent", Vec::new()).unwrap();
    assert_eq!(
        format!("{sent:?}"),
        format!("{:?}", Value::array(vec![Value::Int(13), Value::Int(0)]))
    );
    // config call_outs = 100: the 101st is "Too many callouts"
    let o = w.vm.find_object("/obj/other").unwrap();
    w.vm.call(o, "later", Vec::new()).unwrap();
    let r = w.vm.call(o, "fill", vec![Value::Int(150)]).unwrap();
    assert_eq!(r, Value::Int(99));
    // status(): ST_NCOSHORT (due within 128 s), ST_NCOLONG, ST_NUSERS from
    // the driver's schedule and connections
    let c = w.vm.call(o, "counts", Vec::new()).unwrap();
    assert_eq!(
        format!("{c:?}"),
        format!(
            "{:?}",
            Value::array(vec![Value::Int(99), Value::Int(1), Value::Int(0)])
        )
    );
}

const ED_DRIVER: &str = r#"
static void initialize() { }
string path_read(string p) { return p; }
string path_write(string p) { return p == "/no.txt" ? nil : p; }
object telnet_connect(int port) { return find_object("/obj/ed"); }
"#;

const EDITING: &str = r#"
mixed ed(string c) { string e, r; e = catch(r = editor(c)); return e ? "E:" + e : r; }
string mode() { return query_editor(this_object()); }
"#;

/// The config's `editors` limit reaches the VM, and the editor's files are
/// the mudlib's, through the driver object's path hooks.
#[test]
fn editor_sessions_and_files() {
    for editors in [0, 1] {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = config(dir.path(), free_port(), free_port(), 10);
        cfg.editors = editors;
        for (f, src) in [
            ("sys/driver.c", ED_DRIVER),
            ("sys/auto.c", ""),
            ("obj/ed.c", EDITING),
        ] {
            let p = dir.path().join("lib").join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, src).unwrap();
        }
        std::fs::create_dir_all(dir.path().join("lib/include")).unwrap();
        std::fs::write(dir.path().join("lib/include/std.h"), "").unwrap();
        std::fs::write(dir.path().join("lib/in.txt"), "one\ntwo\n").unwrap();
        let host = Rc::new(RefCell::new(Host::new(
            Net::with_listeners(Vec::new(), 10),
            CallOuts::new(cfg.call_outs),
            false,
        )));
        let mut w = VmWorld::in_memory(&cfg, host.clone());
        w.cold_boot(&host).unwrap();
        let o = w.vm.compile_object_task("/obj/ed", None).unwrap();
        let mut ed = |c: &str| w.vm.call(o, "ed", vec![Value::str(c)]).unwrap();
        let mode = |w: &mut VmWorld| w.vm.call(o, "mode", Vec::new()).unwrap();
        if editors == 0 {
            assert_eq!(ed("p"), Value::str("E:Too many editor instances"));
            continue;
        }
        assert_eq!(
            ed("e /in.txt"),
            Value::str("\"/in.txt\" 2 lines, 8 characters\n")
        );
        assert_eq!(ed("s/two/2/"), Value::str("2\n"));
        // an editing object cannot become a user (DGD's "special purpose")
        let c = w.connect(&host, driver::net::PortKind::Telnet, 0);
        assert_eq!(
            c.map_err(|e| e.0),
            Err("User object is already special purpose".to_string())
        );
        let mut ed = |c: &str| w.vm.call(o, "ed", vec![Value::str(c)]).unwrap();
        assert_eq!(ed("w /no.txt"), Value::str("\"/no.txt\" write failed\n"));
        assert_eq!(
            ed("w ../../out.txt"),
            Value::str("\"../../out.txt\" 2 lines, 6 characters\n")
        );
        assert_eq!(ed("a"), Value::Nil);
        assert_eq!(mode(&mut w), Value::str("insert"));
        let mut ed = |c: &str| w.vm.call(o, "ed", vec![Value::str(c)]).unwrap();
        assert_eq!(ed("."), Value::Nil);
        assert_eq!(
            ed("q"),
            Value::str("No write since last change (quit! overrides)\n")
        );
        // writing the whole buffer (to any file) makes it unmodified
        assert_eq!(
            ed("w ../../out.txt"),
            Value::str("\"../../out.txt\" 2 lines, 6 characters\n")
        );
        assert_eq!(ed("q"), Value::Nil);
        assert_eq!(mode(&mut w), Value::Nil);
        assert!(w.connect(&host, driver::net::PortKind::Telnet, 0).is_ok());
        // `..` stops at the mudlib root
        assert_eq!(
            std::fs::read_to_string(dir.path().join("lib/out.txt")).unwrap(),
            "one\n2\n"
        );
        assert!(!dir.path().join("out.txt").exists());
    }
}

#[test]
fn status_counts_call_outs_by_their_delay_as_dgd() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), free_port(), free_port(), 10);
    for (f, src) in [
        ("sys/driver.c", DRIVER),
        ("sys/auto.c", ""),
        ("obj/other.c", OTHER),
    ] {
        let p = dir.path().join("lib").join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, src).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("lib/include")).unwrap();
    std::fs::write(dir.path().join("lib/include/std.h"), "").unwrap();
    let host = Rc::new(RefCell::new(Host::new(
        Net::with_listeners(Vec::new(), 10),
        CallOuts::new(cfg.call_outs),
        false,
    )));
    let mut w = VmWorld::in_memory(&cfg, host.clone());
    w.cold_boot(&host).unwrap();
    let o = w.vm.find_object("/obj/other").unwrap();
    let c = w.vm.call(o, "mix", Vec::new()).unwrap();
    assert_eq!(
        format!("{c:?}"),
        format!(
            "{:?}",
            Value::array(vec![Value::Int(5), Value::Int(5), Value::Int(0)])
        )
    );
    // the classification is kept in a dump of the schedule
    let bytes = host.borrow().callouts.encode();
    let back = CallOuts::decode(&bytes, cfg.call_outs).unwrap();
    assert_eq!(back.counts(), (5, 5));
}
