//! Engine tests. Expected outputs marked "DGD" were produced by DGD 1.7.9's
//! editor (the same scripts are golden cases in tests/dgd_golden/editor.c).

use super::*;
use std::collections::HashMap;

#[derive(Default)]
struct MemIo {
    files: HashMap<Vec<u8>, Vec<u8>>,
}

impl EdIo for MemIo {
    type Error = String;
    fn read(&mut self, name: &[u8]) -> Result<FileRead, String> {
        if name == b"boom" {
            return Err("hook failed".into());
        }
        Ok(match self.files.get(name) {
            Some(d) => FileRead::Data(d.clone()),
            None => FileRead::Unreadable,
        })
    }
    fn write(&mut self, name: &[u8], data: &[u8], append: bool) -> Result<FileWrite, String> {
        if name.starts_with(b"ro") {
            return Ok(FileWrite::Refused);
        }
        let f = self.files.entry(name.to_vec()).or_default();
        if !append {
            f.clear();
        }
        f.extend_from_slice(data);
        Ok(FileWrite::Done)
    }
}

/// Runs commands, returning DGD-harness style `[output]` pieces.
fn script(ed: &mut Editor, io: &mut MemIo, cmds: &[&str]) -> String {
    let mut r = String::new();
    for c in cmds {
        match ed.command(c.as_bytes(), io) {
            Ok(Reply { output: None, .. }) => r.push_str("[nil]"),
            Ok(Reply {
                output: Some(o), ..
            }) => {
                r.push('[');
                r.push_str(
                    &String::from_utf8_lossy(&o)
                        .replace('\n', "\\n")
                        .replace('\t', "\\t"),
                );
                r.push(']');
            }
            Err(e) => r.push_str(&format!("[E:{e}]")),
        }
    }
    r
}

fn run(cmds: &[&str]) -> String {
    script(&mut Editor::new(), &mut MemIo::default(), cmds)
}

#[test]
fn delete_prints_and_assign() {
    // DGD
    assert_eq!(
        run(&["a", "one", "two", "three", ".", "1d", "p", "=", ".=", "$="]),
        "[nil][nil][nil][nil][nil][two\\n][two\\n][2\\n][1\\n][2\\n]"
    );
}

#[test]
fn print_next_and_eof() {
    // DGD
    assert_eq!(
        run(&["a", "one", "two", "three", ".", "1,2p", "", "", ""]),
        "[nil][nil][nil][nil][nil][one\\ntwo\\n][three\\n][End-of-file\\n][End-of-file\\n]"
    );
}

#[test]
fn substitute_undo_file() {
    // DGD
    assert_eq!(
        run(&["a", "one", "two", "three", ".", "s/o/0/", "1", "s/e/E/g", "u", "u", "f"]),
        "[nil][nil][nil][nil][nil][Substitute pattern match failed\\n][one\\n][onE\\n][one\\n][onE\\n]\
         [No file [Modified] line 1 of 3 --33%--\\n]"
    );
}

#[test]
fn unknown_commands() {
    // DGD
    assert_eq!(
        run(&["E", "W", "Q", "n", "h", "o", "b", "nu", "A"]),
        "[No such command\\n][No such command\\n][No such command\\n][No such command\\n]\
         [No such command\\n][No such command\\n][No such command\\n][No lines in buffer\\n]\
         [No such command\\n]"
    );
}

#[test]
fn list_number_set() {
    // DGD
    assert_eq!(
        run(&[
            "a",
            "x\tyy",
            "\u{1}z",
            ".",
            "l",
            "#",
            "1,2nu",
            "set",
            "set ic sw=8 nowi",
            "set",
            "set foo",
            "set sw=-1"
        ]),
        "[nil][nil][nil][nil][^Az$\\n][     2  ^Az\\n][     1  x\\tyy\\n     2  ^Az\\n]\
         [noignorecase\\tshiftwidth=4\\twindow=20\\n][nil][ignorecase\\tshiftwidth=8\\twindow=0\\n]\
         [No such option\\n][Bad numeric value for option \"shiftwidth\"\\n]"
    );
}

#[test]
fn join_and_quit_guard() {
    // DGD
    assert_eq!(
        run(&["a", "one", "two", "three", ".", "1,3j", "p", "q"]),
        "[nil][nil][nil][nil][nil][one two three\\n][one two three\\n]\
         [No write since last change (quit! overrides)\\n]"
    );
}

#[test]
fn globals() {
    // DGD
    assert_eq!(
        run(&[
            "a",
            "abc",
            "abd",
            ".",
            "g/ab/s/b/X/",
            "1,2p",
            "v/X/d",
            "g/X/p|s/X/Y/",
            "1,$p"
        ]),
        "[nil][nil][nil][nil][nil][aXc\\naXd\\n][nil][aXc\\naXd\\n][aYc\\naYd\\n]"
    );
    // DGD: flags after s inside a global are "illegal characters"
    assert_eq!(
        run(&["a", "abc", "abd", ".", "g/ab/s/b/X/p", "1,$p"]),
        "[nil][nil][nil][nil][Illegal characters after command\\n][aXc\\nabd\\n]"
    );
}

#[test]
fn errors_inside_globals() {
    // DGD (each alone: a second aborted global command crashes DGD 1.7.9)
    let two = ["a", "aa", "bb", "."];
    for (cmd, m) in [
        ("g/a/g/b/p", "Command not allowed in global"),
        ("g/a/a", "Command not allowed in global"),
        ("g/a/u", "Command not allowed in global"),
        ("g/a/x", "Command not allowed in global"),
        ("g/a/q", "Command not allowed in global"),
        ("g/a/zz", "No such command"),
        ("g/\\(/p", "Unmatched \\("),
        ("g/[/p", "Unmatched ["),
        ("g/a/s/\\(/x/", "Unmatched \\("),
        ("g/a/zz|p", "No such command"),
    ] {
        let mut c: Vec<&str> = two.to_vec();
        c.push(cmd);
        c.push("1,$p");
        assert_eq!(
            run(&c),
            format!("[nil][nil][nil][nil][{m}\\n][aa\\nbb\\n]"),
            "{cmd}"
        );
    }
    assert_eq!(
        run(&["a", "a1", "b2", "a3", ".", "g/a/m0", "1,$p"]),
        "[nil][nil][nil][nil][nil][Move to moved line\\n][a1\\nb2\\na3\\n]"
    );
}

#[test]
fn runaway_global_stops() {
    // every round adds a matching line after the range, which the change
    // then pulls into it: DGD loops forever here
    let out = run(&["a", "x", "x", "x", ".", "1g/x/$s/$/\\nx/", "$="]);
    assert_eq!(
        out,
        "[nil][nil][nil][nil][nil][Too many lines\\n][65551\\n]"
    );
}

#[test]
fn regex_quirks() {
    // DGD
    assert_eq!(
        run(&["a", "ab", ".", "s/[ab]*[bc]/X/", "s/x*/-/g"]),
        "[nil][nil][nil][X\\n][-\\n]"
    );
    assert_eq!(
        run(&["a", "abc", ".", "s/x*/-/g"]),
        "[nil][nil][nil][---\\n]"
    );
    assert_eq!(
        run(&[
            "a",
            "Abc",
            "abc",
            ".",
            "set ic",
            "/Abc/",
            "/abc/",
            "s/b*c/Z/",
            "1s/a*A/Q/"
        ]),
        "[nil][nil][nil][nil][nil][Abc\\n][abc\\n][aZ\\n][Substitute pattern match failed\\n]"
    );
    assert_eq!(
        run(&[
            "a", "Abc", "abc", ".", "1", "/\\(/", "//", "/a\\(/", "/[a-/", "/*/", "/a\\<*/",
            "/a\\(*/"
        ]),
        "[nil][nil][nil][nil][Abc\\n][Unmatched \\(\\n][No previous regular expression\\n]\
         [Unmatched \\(\\n][Invalid character class\\n][* must follow pattern\\n][* follows \\<\\n]\
         [* follows \\(\\n]"
    );
}

#[test]
fn empty_buffer_exit() {
    // DGD
    assert_eq!(run(&["x"]), "[No lines in buffer\\n]");
    assert_eq!(run(&["a", ".", "x"]), "[nil][nil][No lines in buffer\\n]");
    assert_eq!(
        run(&["a", "q", ".", "x"]),
        "[nil][nil][nil][No current filename\\n]"
    );
}

#[test]
fn paging() {
    // DGD
    assert_eq!(
        run(&["a", "one", "two", "three", ".", "z", "1z", "2z-", "set wi=1", "1z", "z.", "z+"]),
        "[nil][nil][nil][nil][nil][three\\n][one\\ntwo\\nthree\\n][one\\ntwo\\nthree\\n][nil][one\\n]\
         [one\\n][one\\n]"
    );
}

#[test]
fn marks_move_copy_undo() {
    // DGD
    assert_eq!(
        run(&[
            "a", "a", "b", "c", "d", ".", "2ka", "1d", "'ap", "1m$", "1,$p", "'ap", "2t0", "1,$p", "u", "1,$p"
        ]),
        "[nil][nil][nil][nil][nil][nil][nil][b\\n][b\\n][b\\n][c\\nd\\nb\\n][b\\n][d\\n][d\\nc\\nd\\nb\\n]\
         [c\\n][c\\nd\\nb\\n]"
    );
}

#[test]
fn files_through_io() {
    let mut io = MemIo::default();
    io.files.insert(b"f".to_vec(), b"one\ntwo\nthree".to_vec());
    let mut ed = Editor::new();
    let out = script(
        &mut ed,
        &mut io,
        &[
            "e f", "f", "w", "w!", "2,3w g", "$r g", "w ro", "w >> g", "e boom", "x",
        ],
    );
    assert_eq!(
        out,
        "[\"f\" 3 lines, 13 characters [incomplete last line]\\n]\
         [\"f\" [Not edited] line 3 of 3 --100%--\\n]\
         [File is changed (use w! to override)\\n]\
         [\"f\" 3 lines, 14 characters\\n]\
         [\"g\" 2 lines, 10 characters\\n]\
         [\"g\" 2 lines, 10 characters\\n]\
         [\"ro\" write failed\\n]\
         [\"g\" 5 lines, 24 characters\\n]\
         [E:hook failed]\
         [No lines in buffer\\n]"
    );
    assert_eq!(io.files[&b"f"[..]], b"one\ntwo\nthree\n");
    assert_eq!(
        io.files[&b"g"[..]],
        b"two\nthree\none\ntwo\nthree\ntwo\nthree\n"
    );
}

#[test]
fn quit_and_insert_status() {
    let mut ed = Editor::new();
    let mut io = MemIo::default();
    assert_eq!(ed.status(), "command");
    ed.command(b"a", &mut io).expect("a");
    assert_eq!(ed.status(), "insert");
    ed.command(b"x", &mut io).expect("line");
    ed.command(b".", &mut io).expect(".");
    assert_eq!(ed.status(), "command");
    assert!(!ed.command(b"q", &mut io).expect("q").quit);
    assert!(ed.command(b"Q", &mut io).is_ok());
    assert!(ed.command(b"q!", &mut io).expect("q!").quit);
    assert_eq!(ed.command(b"a\nb", &mut io), Err(EdError::Newline));
}

#[test]
fn output_limit() {
    let mut ed = Editor::new();
    let mut io = MemIo::default();
    ed.command(b"a", &mut io).expect("a");
    let long = "x".repeat(4000);
    for _ in 0..20 {
        ed.command(long.as_bytes(), &mut io).expect("line");
    }
    ed.command(b".", &mut io).expect(".");
    assert_eq!(ed.command(b"1,$p", &mut io), Err(EdError::OutputTooLong));
    assert!(ed.command(b"1,10p", &mut io).is_ok());
    assert_eq!(
        script(&mut ed, &mut io, &["a", &"y".repeat(4096)]),
        "[nil][Line too long\\n]"
    );
    assert_eq!(ed.status(), "command");
}

#[test]
fn shifts_and_indent() {
    let mut ed = Editor::new();
    let mut io = MemIo::default();
    let out = script(
        &mut ed,
        &mut io,
        &[
            "a",
            "int f(int x) {",
            "if (x)",
            "return 1;",
            "switch (x) {",
            "case 1:",
            "x++;",
            "}",
            "return 0;",
            "}",
            ".",
            "I",
            "1,$p",
            "2>",
            "2<",
            "2<",
        ],
    );
    assert_eq!(
        out,
        "[nil][nil][nil][nil][nil][nil][nil][nil][nil][nil][nil][nil]\
         [int f(int x) {\\n    if (x)\\n\\treturn 1;\\n    switch (x) {\\n    case 1:\\n\\tx++;\\n    }\\n    return 0;\\n}\\n]\
         [\\tif (x)\\n][    if (x)\\n][if (x)\\n]"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
    /// Random command lines never panic and always finish.
    #[test]
    fn random_commands_never_panic(cmds in proptest::collection::vec(
        proptest::string::string_regex(
            "([0-9.$%,;'a-z/?+-]{0,4}[acdefgijklmnpqrstuvwxyz=#<>I]{0,3}[ !/a-z0-9&\\\\|.*^$\\[\\]()<>-]{0,12})|[a-z .]{0,6}"
        ).expect("regex"), 1..40)) {
        let mut ed = Editor::new();
        let mut io = MemIo::default();
        io.files.insert(b"f".to_vec(), b"alpha\nbeta\n\tgamma {\n}\n".to_vec());
        let _ = ed.command(b"e f", &mut io);
        for c in &cmds {
            let _ = ed.command(c.as_bytes(), &mut io);
            assert!(ed.lines() <= MAX_LINES);
        }
    }
}
