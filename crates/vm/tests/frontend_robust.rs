//! The front end never panics, hangs or blows the stack, on any bytes:
//! property tests over random bytes and over random soups of LPC tokens,
//! plus pathological inputs (deep nesting, long chains, macro bombs).

use proptest::prelude::*;
use std::sync::Arc;
use vm::preprocess::{MemResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

fn compile(src: &[u8], level: u8) -> usize {
    let mut mem = MemResolver::default();
    mem.files.insert("/obj/x.c".into(), Arc::from(src));
    mem.files.insert("/include/x.h".into(), Arc::from(src));
    mem.files.insert("/lib/x.c".into(), Arc::from(src));
    mem.add("/sys/auto.c", "static int auto_fn(int x) { return x; }\n");
    let pp = PpOptions {
        include_dirs: vec!["/include".into()],
        ..PpOptions::default()
    };
    let tc = TcOptions {
        typechecking: level,
        auto_object: Some("/sys/auto".into()),
        driver_object: None,
    };
    let mut fe = FrontEnd::new(&mut mem, pp, tc, Arc::new(StdKfuns::new()));
    match fe.compile("/obj/x.c") {
        Ok(c) => {
            let _ = vm::ast::dump(&c.program);
            c.diags.len()
        }
        Err(_) => 1,
    }
}

const VOCAB: &[&str] = &[
    "int",
    "float",
    "string",
    "object",
    "mapping",
    "mixed",
    "void",
    "nil",
    "private",
    "static",
    "nomask",
    "atomic",
    "varargs",
    "inherit",
    "if",
    "else",
    "while",
    "do",
    "for",
    "switch",
    "case",
    "default",
    "break",
    "continue",
    "return",
    "goto",
    "rlimits",
    "catch",
    "try",
    "new",
    "operator",
    "function",
    "x",
    "y",
    "f",
    "g",
    "0",
    "1",
    "2.5",
    "\"s\"",
    "'c'",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    ":",
    "::",
    "?",
    "+",
    "-",
    "*",
    "/",
    "%",
    "&",
    "|",
    "^",
    "~",
    "!",
    "<",
    ">",
    "=",
    "==",
    "!=",
    "<=",
    ">=",
    "<<",
    ">>",
    "&&",
    "||",
    "++",
    "--",
    "+=",
    "->",
    "<-",
    "..",
    "...",
    "({",
    "})",
    "([",
    "])",
    "\n#define M(a) a\n",
    "\n#include \"/include/x.h\"\n",
    "\n#include <x.h>\n",
    "\n#if 1\n",
    "\n#else\n",
    "\n#endif\n",
    "M(",
    "inherit \"/lib/x\";",
    "#",
    "##",
    "\\\n",
    "/*",
    "*/",
    "//",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(src in proptest::collection::vec(any::<u8>(), 0..512), level in 0u8..3) {
        compile(&src, level);
    }

    #[test]
    fn token_soup_never_panics(toks in proptest::collection::vec(0..VOCAB.len(), 0..200), level in 0u8..3) {
        let mut s = String::new();
        for t in toks {
            s.push_str(VOCAB[t]);
            s.push(' ');
        }
        compile(s.as_bytes(), level);
    }
}

#[test]
fn pathological_inputs_are_bounded() {
    let cases: Vec<String> = vec![
        format!(
            "int f() {{ return {}1{}; }}",
            "(".repeat(100_000),
            ")".repeat(100_000)
        ),
        format!("int f() {{ return {}; }}", vec!["1"; 100_000].join(" + ")),
        format!("int f() {{ return {}1; }}", "-".repeat(100_000)),
        format!("int f() {{ return x{}; }}", "[0]".repeat(100_000)),
        format!("void f() {}{}", "{".repeat(100_000), "}".repeat(100_000)),
        format!("void f() {{ {}; }}", "if (1) ".repeat(100_000)),
        format!(
            "mixed f() {{ return {}1{}; }}",
            "({ ".repeat(50_000),
            " })".repeat(50_000)
        ),
        format!("int x = {};", "a ? ".repeat(100_000)),
        "#define A A A A A A A A\n#define B A A A A A A A A\nB B B B B B B B B\n".repeat(20),
        format!("{}\n", "#if 1\n".repeat(100_000)),
        "#include \"/include/x.h\"\n".repeat(10),
        "inherit \"/obj/x\";\n".into(),
        "inherit \"/lib/x\";\n".into(),
        format!("int f() {{ return \"{}\"; }}", "a".repeat(200_000)),
        "\u{0}\u{1}\u{ff}".repeat(1000),
    ];
    for c in &cases {
        assert!(
            compile(c.as_bytes(), 2) > 0,
            "expected diagnostics for {:?}",
            &c[..c.len().min(60)]
        );
    }
}
