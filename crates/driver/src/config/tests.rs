use super::*;

/// The kernel library's own `kernel.dgd`, in substance (directory changed).
const KERNEL: &str = r#"
/*
 * sample config file for the kernel library
 */

telnet_port	= 6047;			/* telnet port number */
binary_port	= 6048;			/* binary port number */
directory	= "/home/dworkin/kernellib/src";
users		= 40;			/* max # of users */
editors		= 40;			/* max # of editor sessions */
ed_tmpfile	= "../state/ed";	/* proto editor tmpfile */
swap_file	= "../state/swap";	/* swap file */
swap_size	= 1024;			/* # sectors in swap file */
cache_size	= 50;			/* # sectors in swap cache */
sector_size	= 512;			/* swap sector size */
swap_fragment	= 32;			/* fragment to swap out */
static_chunk	= 64512;		/* static memory chunk */
dynamic_chunk	= 261120;		/* dynamic memory chunk */
dump_file	= "../state/snapshot";	/* snapshot file */
dump_interval	= 3600;			/* dump interval in seconds */

typechecking	= 2;			/* highest level of typechecking */
include_file	= "/include/std.h";	/* standard include file */
include_dirs	= ({ "/include", "~/include" }); /* directories to search */
auto_object	= "/kernel/lib/auto";	/* auto inherited object */
driver_object	= "/kernel/sys/driver";	/* driver object */
create		= "_F_create";		/* name of create function */

array_size	= 1000;			/* max array size */
objects		= 500;			/* max # of objects */
call_outs	= 100;			/* max # of call_outs */
"#;

fn parse(s: &str) -> Result<Config, ConfigError> {
    Config::parse(Path::new("/m/kernel.dgd"), s.as_bytes())
}

fn with(replace: &str, by: &str) -> String {
    assert!(KERNEL.contains(replace), "{replace}");
    KERNEL.replacen(replace, by, 1)
}

#[test]
fn kernel_dgd_parses_with_a_cache_size_warning() {
    let c = parse(KERNEL).unwrap();
    assert_eq!(
        c.telnet_ports,
        vec![PortSpec {
            host: None,
            port: 6047
        }]
    );
    assert_eq!(c.binary_ports[0].port, 6048);
    assert_eq!(c.directory, PathBuf::from("/home/dworkin/kernellib/src"));
    assert_eq!(c.users, 40);
    assert_eq!(c.driver_object, "/kernel/sys/driver");
    assert_eq!(c.include_dirs, vec!["/include", "~/include"]);
    assert_eq!(c.create, "_F_create");
    assert_eq!(c.cache_size, Some(50));
    assert_eq!(c.warnings.len(), 1);
    assert_eq!(c.warnings[0].line, 14);
    assert!(c.warnings[0].msg.contains("cache_size"));
    assert_eq!(
        c.swap_path(),
        PathBuf::from("/home/dworkin/kernellib/src/../state/swap")
    );
    assert_eq!(
        c.header_dir(),
        PathBuf::from("/home/dworkin/kernellib/src/include")
    );
    assert!(c.hotboot.is_none());
}

#[test]
fn port_mappings_hosts_and_star() {
    let c = parse(&with(
        "telnet_port	= 6047;",
        "telnet_port = ([ \"*\" : 6047, \"127.0.0.1\" : 7000 ]);",
    ))
    .unwrap();
    assert_eq!(
        c.telnet_ports,
        vec![
            PortSpec {
                host: None,
                port: 6047
            },
            PortSpec {
                host: Some("127.0.0.1".into()),
                port: 7000
            }
        ]
    );
    let c = parse(&with("binary_port	= 6048;", "binary_port = ([ ]);")).unwrap();
    assert!(c.binary_ports.is_empty());
}

#[test]
fn relative_directory_is_relative_to_the_config_file() {
    let c = parse(&with("\"/home/dworkin/kernellib/src\"", "\"lib\"")).unwrap();
    assert_eq!(c.directory, PathBuf::from("/m/lib"));
    assert_eq!(c.dump_path(), PathBuf::from("/m/lib/../state/snapshot"));
}

#[test]
fn hotboot_and_optional_keys() {
    let c = parse(&format!(
        "{KERNEL}\nhotboot = ({{ \"/bin/driver\", \"mud.dgd\", \"snap\" }});\ndatagram_port = 6049; datagram_users = 3;"
    ))
    .unwrap();
    assert_eq!(c.hotboot.unwrap(), vec!["/bin/driver", "mud.dgd", "snap"]);
    assert_eq!(c.datagram_ports[0].port, 6049);
    assert_eq!(c.datagram_users, 3);
}

fn err_of(s: &str) -> String {
    parse(s).unwrap_err().to_string()
}

#[test]
fn errors_name_file_line_and_key() {
    assert_eq!(
        err_of(&with("users		= 40;", "usres = 40;")),
        "/m/kernel.dgd:9: unknown option usres"
    );
    assert_eq!(
        err_of(&with("typechecking	= 2;", "typechecking = 3;")),
        "/m/kernel.dgd:22: int value out of range for typechecking: 3 (allowed 0..2)"
    );
    assert!(err_of(&with("sector_size	= 512;", "sector_size = 100;"))
        .contains("out of range for sector_size"));
    assert!(err_of(&with("array_size	= 1000;", "array_size = 40000;"))
        .contains("out of range for array_size"));
    assert!(
        err_of(&with("users		= 40;", "users = \"many\";")).contains(":9: bad value type for users")
    );
    assert!(err_of(&with("users		= 40;", "users = 40")).contains("';' expected"));
    assert!(err_of(&with("users		= 40;", "users 40;")).contains("'=' expected"));
    assert!(err_of(&with("telnet_port	= 6047;", "telnet_port = 0;"))
        .contains("out of range for telnet_port"));
    assert!(err_of(&with(
        "telnet_port	= 6047;",
        "telnet_port = ([ \"*\" : 70000 ]);"
    ))
    .contains("out of range"));
    assert!(
        err_of(&with("telnet_port	= 6047;", "telnet_port = ([ 6047 ]);"))
            .contains("string expected")
    );
    assert!(err_of(&with(
        "include_dirs	= ({ \"/include\", \"~/include\" });",
        "include_dirs = ({ \"/include\", });"
    ))
    .contains("string expected"));
    assert!(err_of(&with("objects		= 500;", "")).contains("unspecified option objects"));
    assert!(err_of(&with("users		= 40;", "users = 0;")).contains("no users"));
    assert!(
        err_of(&format!("{KERNEL} modules = ([ \"ext.so\" : \"\" ]);"))
            .contains("modules are not supported")
    );
    assert!(parse(&format!("{KERNEL} modules = ([ ]);")).is_ok());
    assert!(err_of(&format!("{KERNEL} = 3;")).contains("option expected"));
    assert!(err_of(&format!("{KERNEL} users = ")).contains("at end of file"));
}

#[test]
fn normalize_paths_like_dgd() {
    assert_eq!(normalize_path("/kernel/sys/driver"), "/kernel/sys/driver");
    assert_eq!(normalize_path("kernel//sys/./driver"), "/kernel/sys/driver");
    assert_eq!(normalize_path("/a/../../b"), "/b");
    assert_eq!(normalize_path(""), "/");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let pieces = [
        "users",
        "=",
        "40",
        ";",
        "(",
        "[",
        "{",
        "\"x\"",
        ":",
        ",",
        "]",
        ")",
        "}",
        "telnet_port",
        "hotboot",
        "modules",
        "0x",
        "'",
        "/*",
        "\n",
    ];
    let mut x = 12345u32;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(x % 12) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            s.push_str(pieces[(x as usize) % pieces.len()]);
            s.push(' ');
        }
        let _ = parse(&s);
        let _ = parse(&format!("{KERNEL}{s}"));
    }
}
