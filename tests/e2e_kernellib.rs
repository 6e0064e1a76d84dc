//! End to end: DGD's kernel library (github.com/dworkin/kernellib), unmodified,
//! boots on the driver, an admin logs in over telnet and runs the smoke test of
//! LPC-DIALECT.md: `code`, compile, clone, errors, ticks, status, people, ls,
//! an `ed` session, statedump, shutdown, restart from the dump and log in again.
//!
//! The kernel library is not part of this repository and CI has no network, so
//! the test runs only when `KERNELLIB_DIR` names a checkout of it (the directory
//! holding `src/` and `kernel.dgd`), and is skipped with a message otherwise:
//!
//! ```text
//! git clone https://github.com/dworkin/kernellib /tmp/kernellib
//! KERNELLIB_DIR=/tmp/kernellib cargo test --test e2e_kernellib
//! ```

use mud_tests::{free_port, Mud, Telnet, TempDir};
use std::path::Path;
use std::time::{Duration, Instant};

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_tree(&p, &t);
        } else if p.is_file() {
            std::fs::copy(&p, &t).expect("copy");
        }
    }
}

/// A private copy of the kernel library's `src/` with a config like its
/// kernel.dgd on free ports (the mudlib itself is not changed).
fn kernellib(dir: &Path) -> Mud {
    let tmp = TempDir::new();
    let src = tmp.path().join("src");
    copy_tree(&dir.join("src"), &src);
    // state a previous run may have left in the checkout: saved passwords and
    // the files this test writes
    if let Ok(rd) = std::fs::read_dir(src.join("kernel/data")) {
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "pwd") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let _ = std::fs::remove_file(src.join("usr/admin/t.c"));
    let _ = std::fs::remove_dir_all(src.join("usr/admin/obj"));
    std::fs::create_dir_all(tmp.path().join("state")).expect("state dir");
    let (telnet, binary) = (free_port(), free_port());
    let config = format!(
        "telnet_port = ([ \"127.0.0.1\" : {telnet} ]);\n\
         binary_port = ([ \"127.0.0.1\" : {binary} ]);\n\
         directory = \"{}\";\n\
         users = 40; editors = 40; ed_tmpfile = \"../state/ed\";\n\
         swap_file = \"../state/swap\"; swap_size = 1024; cache_size = 50;\n\
         sector_size = 512; swap_fragment = 32; static_chunk = 64512;\n\
         dynamic_chunk = 261120; dump_file = \"../state/snapshot\";\n\
         dump_interval = 3600; typechecking = 2;\n\
         include_file = \"/include/std.h\";\n\
         include_dirs = ({{ \"/include\", \"~/include\" }});\n\
         auto_object = \"/kernel/lib/auto\"; driver_object = \"/kernel/sys/driver\";\n\
         create = \"_F_create\"; array_size = 1000; objects = 500; call_outs = 100;\n",
        tmp.path().join("src").display()
    );
    std::fs::write(tmp.path().join("mud.dgd"), config).expect("config");
    Mud {
        dir: tmp,
        telnet,
        binary,
    }
}

/// Sends a command and returns its output up to the next "# " prompt.
fn cmd(t: &mut Telnet, l: &str) -> String {
    t.line(l);
    t.expect("# ")
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(30);
    while !f() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn kernel_library_smoke_test() {
    let Some(dir) = std::env::var_os("KERNELLIB_DIR") else {
        eprintln!(
            "skipped: set KERNELLIB_DIR to a checkout of github.com/dworkin/kernellib \
             to boot the kernel library"
        );
        return;
    };
    let mud = kernellib(Path::new(&dir));
    let mut srv = mud.start(&[]);
    wait_for("Initialization complete", || {
        srv.log_text().contains("Initialization complete.")
    });

    // first login: the admin picks a password
    let mut a = Telnet::connect(mud.telnet);
    a.expect("login: ");
    a.line("admin");
    a.expect("Pick a new password:");
    a.line("sesame");
    a.expect("Retype new password:");
    a.line("sesame");
    a.expect("# ");

    let out = cmd(&mut a, "code 1+2");
    assert!(out.contains("$0 = 3"), "{out}");
    let out = cmd(
        &mut a,
        "code write_file(\"/usr/admin/t.c\", \"int foo() { return 42; }\\n\")",
    );
    assert!(out.contains("= 1"), "{out}");
    let out = cmd(&mut a, "compile /usr/admin/t.c");
    assert!(out.contains("</usr/admin/t>"), "{out}");
    let out = cmd(&mut a, "code \"/usr/admin/t\"->foo()");
    assert!(out.contains("= 42"), "{out}");

    // clones come from an obj/ directory in the kernel library
    cmd(&mut a, "code make_dir(\"/usr/admin/obj\")");
    cmd(
        &mut a,
        "code write_file(\"/usr/admin/obj/thing.c\", \
         \"int n; void set(int x) { n = x; } int get() { return n; }\\n\")",
    );
    let out = cmd(&mut a, "compile /usr/admin/obj/thing.c");
    assert!(out.contains("</usr/admin/obj/thing>"), "{out}");
    let out = cmd(&mut a, "clone /usr/admin/obj/thing");
    let clone = out
        .split('<')
        .nth(1)
        .and_then(|r| r.split('>').next())
        .unwrap_or_else(|| panic!("no clone in {out}"))
        .to_string();
    assert!(clone.starts_with("/usr/admin/obj/thing#"), "{out}");
    cmd(&mut a, &format!("code find_object(\"{clone}\")->set(7)"));

    let out = cmd(&mut a, "code error(\"x\");");
    assert!(out.contains("Error: x."), "{out}");
    let out = cmd(&mut a, "code rlimits(10;1000) { for (;;) ; }");
    assert!(out.contains("Error: Out of ticks."), "{out}");

    let out = cmd(&mut a, "status");
    assert!(out.contains("Objects:") && out.contains("Users:"), "{out}");
    assert!(!out.contains("Division by zero"), "{out}");
    let out = cmd(&mut a, "people");
    assert!(out.contains("admin"), "{out}");
    let out = cmd(&mut a, "ls /usr/admin");
    assert!(out.contains("t.c") && out.contains("obj/"), "{out}");

    // the line editor (editor() in the wiztool, files through the driver's
    // path_read/path_write): edit t.c, write it back, recompile
    a.line("ed /usr/admin/t.c");
    let out = a.expect("\n:");
    assert!(
        out.contains("\"/usr/admin/t.c\" 1 lines, 25 characters"),
        "{out}"
    );
    a.line("s/42/43/");
    let out = a.expect("\n:");
    assert!(out.contains("int foo() { return 43; }"), "{out}");
    a.line("a");
    a.expect("*");
    a.line("int bar() { return 1; }");
    a.expect("*");
    a.line(".");
    a.expect(":");
    a.line("1,$#");
    let out = a.expect("\n:");
    assert!(out.contains("     2  int bar() { return 1; }"), "{out}");
    a.line("x");
    let out = a.expect("# ");
    assert!(
        out.contains("\"/usr/admin/t.c\" 2 lines, 49 characters"),
        "{out}"
    );
    let out = cmd(&mut a, "compile /usr/admin/t.c");
    assert!(out.contains("</usr/admin/t>"), "{out}");
    let out = cmd(
        &mut a,
        "code \"/usr/admin/t\"->foo() + \"/usr/admin/t\"->bar()",
    );
    assert!(out.contains("= 44"), "{out}");

    cmd(&mut a, "statedump");
    wait_for("the statedump", || {
        srv.log_text().contains("statedump: full")
    });
    a.line("shutdown");
    assert!(
        srv.wait_exit(30).is_some(),
        "no shutdown:\n{}",
        srv.log_text()
    );
    drop(srv);

    // restart from the dump: same password, same objects
    let snapshot = mud.dir.path().join("state/snapshot");
    let srv = mud.start(&[&snapshot]);
    let mut b = Telnet::connect(mud.telnet);
    b.expect("login: ");
    b.line("admin");
    b.expect("Password:");
    b.line("sesame");
    b.expect("# ");
    let out = cmd(&mut b, "code \"/usr/admin/t\"->foo()");
    assert!(out.contains("= 43"), "{out}\nlog:\n{}", srv.log_text());
    let out = cmd(&mut b, &format!("code find_object(\"{clone}\")->get()"));
    assert!(out.contains("= 7"), "{out}\nlog:\n{}", srv.log_text());
}
