//! The `sscanf` matching engine.
//!
//! `%s` matches as little as possible: up to the next literal in the format
//! (its first occurrence), up to the next number for `%s%d` / `%s%f`, or the
//! rest of the string at the end of the format. `%d` and `%f` skip leading
//! spaces; `%c` takes one byte as an int; `%*x` matches without a result;
//! `%%` is a literal `%`. The count of matches includes skipped conversions.
//! Matching stops at the first mismatch, keeping what matched so far.
//!
//! The interpreter assigns [`Scan::values`] to the lvalue arguments in order
//! (fewer lvalues than values is DGD's "Missing lvalue" error, raised before
//! anything is assigned) and returns [`Scan::matches`].

use super::float::parse_float;
use super::strings::{find, parse_int};
use super::KfunError;

/// One assigned result of `sscanf`.
#[derive(Debug, Clone, PartialEq)]
pub enum ScanValue<'a> {
    /// `%d` or `%c`
    Int(i32),
    /// `%f`
    Float(f64),
    /// `%s`
    Str(&'a [u8]),
}

/// The outcome of `sscanf`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan<'a> {
    /// The kfun's return value: conversions matched, skipped ones included.
    pub matches: i32,
    /// Values to assign, in order (skipped conversions give none).
    pub values: Vec<ScanValue<'a>>,
    /// Ticks DGD charges (8 per conversion).
    pub ticks: i64,
}

/// The literal text at the start of `fmt` up to the next conversion, with
/// `%%` turned into `%`; and how many format bytes it took.
fn literal(fmt: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            out.push(fmt[i]);
            i += 1;
        } else if fmt.get(i + 1) == Some(&b'%') {
            out.push(b'%');
            i += 2;
        } else {
            break;
        }
    }
    (out, i)
}

/// `sscanf(s, fmt, ...)`. Errors only for a malformed format ("Bad sscanf
/// format string"), and only when matching reaches the bad part.
pub fn sscanf<'a>(s: &'a [u8], fmt: &[u8]) -> Result<Scan<'a>, KfunError> {
    // bytes past the end read as NUL, as in DGD's NUL-terminated strings
    let sat = |i: usize| s.get(i).copied().unwrap_or(0);
    let fat = |i: usize| fmt.get(i).copied().unwrap_or(0);
    let digit = |c: u8| c.is_ascii_digit();

    let mut scan = Scan {
        matches: 0,
        values: Vec::new(),
        ticks: 0,
    };
    let mut sp = 0usize; // position in s
    let mut fp = 0usize; // position in fmt

    while fp < fmt.len() {
        let (lit, used) = literal(&fmt[fp..]);
        if !lit.is_empty() {
            if !s[sp..].starts_with(&lit) {
                return Ok(scan);
            }
            sp += lit.len();
            fp += used;
            if fp >= fmt.len() {
                break;
            }
        }
        // at a '%' that starts a conversion
        fp += 1;
        let skip = fat(fp) == b'*';
        if skip {
            fp += 1;
        }
        let conv = fat(fp);
        fp += 1;
        match conv {
            b's' => {
                let start = sp;
                let end; // end of the matched substring
                if fat(fp) == b'%' && fat(fp + 1) != b'%' {
                    let next = if fat(fp + 1) == b'*' {
                        fat(fp + 2)
                    } else {
                        fat(fp + 1)
                    };
                    let mut x = sp;
                    match next {
                        b'd' => {
                            while !digit(sat(x)) {
                                if x >= s.len() {
                                    return Ok(scan);
                                }
                                if sat(x) == b'-' && digit(sat(x + 1)) {
                                    break;
                                }
                                x += 1;
                            }
                        }
                        b'f' => {
                            while !digit(sat(x)) {
                                if x >= s.len() {
                                    return Ok(scan);
                                }
                                let c1 = sat(x + 1);
                                if (sat(x) == b'.' && digit(c1))
                                    || (sat(x) == b'-'
                                        && (digit(c1) || (c1 == b'.' && digit(sat(x + 2)))))
                                {
                                    break;
                                }
                                x += 1;
                            }
                        }
                        _ => return Err(KfunError::BadSscanfFormat),
                    }
                    end = x;
                    sp = x;
                } else if fp >= fmt.len() {
                    // %s at the end of the format takes the rest
                    end = s.len();
                    sp = s.len();
                } else {
                    let (lit, used) = literal(&fmt[fp..]);
                    let Some(m) = find(&s[sp..], &lit) else {
                        return Ok(scan);
                    };
                    fp += used;
                    end = sp + m;
                    sp = end + lit.len();
                }
                scan.ticks += 8;
                if !skip {
                    scan.values.push(ScanValue::Str(&s[start..end]));
                }
            }
            b'd' => {
                while sat(sp) == b' ' && sp < s.len() {
                    sp += 1;
                }
                let (v, used) = parse_int(&s[sp..]);
                if used == 0 {
                    return Ok(scan);
                }
                sp += used;
                scan.ticks += 8;
                if !skip {
                    scan.values.push(ScanValue::Int(v));
                }
            }
            b'f' => {
                while sat(sp) == b' ' && sp < s.len() {
                    sp += 1;
                }
                let Some((v, used)) = parse_float(&s[sp..]) else {
                    return Ok(scan);
                };
                if used == 0 {
                    return Ok(scan);
                }
                sp += used;
                scan.ticks += 8;
                if !skip {
                    scan.values.push(ScanValue::Float(v));
                }
            }
            b'c' => {
                if sp >= s.len() {
                    return Ok(scan);
                }
                scan.ticks += 8;
                if !skip {
                    scan.values.push(ScanValue::Int(i32::from(s[sp])));
                }
                sp += 1;
            }
            _ => return Err(KfunError::BadSscanfFormat),
        }
        scan.matches += 1;
    }
    Ok(scan)
}

// ---------------------------------------------------------------------------
// Kfun wiring

use crate::value::{KfunCtx, KfunRegistry, LpcError, Value};

/// Registers `sscanf`.
pub fn register(r: &mut KfunRegistry) {
    r.register("sscanf", kf_sscanf);
}

/// `sscanf(str, fmt)`: returns `({ count, v1, v2, ... })`; the VM assigns
/// `v1..` to the lvalue arguments ("Missing lvalue" if there are fewer).
fn kf_sscanf(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let s = super::args::string(args, 0, "sscanf")?;
    let fmt = super::args::string(args, 1, "sscanf")?;
    let scan = sscanf(s.as_bytes(), fmt.as_bytes())?;
    ctx.charge(scan.ticks as u64)?;
    let mut out = Vec::with_capacity(scan.values.len() + 1);
    out.push(Value::Int(scan.matches));
    for v in scan.values {
        out.push(match v {
            ScanValue::Int(i) => Value::Int(i),
            ScanValue::Float(f) => super::args::float_value(f)?,
            ScanValue::Str(b) => Value::bytes(b),
        });
    }
    Ok(Value::array(out))
}

#[cfg(test)]
mod tests {
    use super::super::float::format_float;
    use super::*;

    /// Render a result the way the DGD test program printed it.
    fn t(s: &str, fmt: &str) -> String {
        match sscanf(s.as_bytes(), fmt.as_bytes()) {
            Err(e) => format!("ERR {e}"),
            Ok(r) => {
                let mut out = format!("{}:", r.matches);
                for i in 0..4 {
                    out.push(' ');
                    out.push_str(&match r.values.get(i) {
                        None => "nil".to_string(),
                        Some(ScanValue::Int(n)) => n.to_string(),
                        Some(ScanValue::Float(f)) => format_float(*f),
                        Some(ScanValue::Str(b)) => {
                            format!("\"{}\"", String::from_utf8_lossy(b))
                        }
                    });
                }
                out
            }
        }
    }

    /// (string, format, DGD 1.7's result)
    const CASES: &[(&str, &str, &str)] = &[
        ("hello world", "%s %s", r#"2: "hello" "world" nil nil"#),
        ("a b c", "%s %s", r#"2: "a" "b c" nil nil"#),
        ("abc123def", "%s%d%s", r#"3: "abc" 123 "def" nil"#),
        ("x-5y", "%s%d%s", r#"3: "x" -5 "y" nil"#),
        ("x-y5", "%s%d", r#"2: "x-y" 5 nil nil"#),
        ("abc", "%s%d", "0: nil nil nil nil"),
        ("1.5e3xyz", "%f%s", r#"2: 1500 "xyz" nil nil"#),
        ("ab.5c", "%s%f%s", r#"3: "ab" 0.5 "c" nil"#),
        ("a-.5", "%s%f", r#"2: "a" -0.5 nil nil"#),
        ("  42", "%d", "1: 42 nil nil nil"),
        ("  -42x", "%d%s", r#"2: -42 "x" nil nil"#),
        ("- 4", "%d", "0: nil nil nil nil"),
        ("abc", "%c%c%c%c", "3: 97 98 99 nil"),
        ("abc", "%*c%c", "2: 98 nil nil nil"),
        ("100%", "%d%%", "1: 100 nil nil nil"),
        ("100%x", "%d%%%s", r#"2: 100 "x" nil nil"#),
        ("a%b", "%s%%%s", r#"2: "a" "b" nil nil"#),
        ("key=val", "%s=%s", r#"2: "key" "val" nil nil"#),
        ("abc", "%s", r#"1: "abc" nil nil nil"#),
        ("", "%s", r#"1: "" nil nil nil"#),
        ("", "", "0: nil nil nil nil"),
        ("abc", "abd", "0: nil nil nil nil"),
        ("abc", "ab", "0: nil nil nil nil"),
        ("abc", "abc%s", r#"1: "" nil nil nil"#),
        ("x", "%q", "ERR Bad sscanf format string"),
        ("x", "%s%s", "ERR Bad sscanf format string"),
        ("x", "%", "ERR Bad sscanf format string"),
        ("x5", "%s%*d", r#"2: "x" nil nil nil"#),
        ("99999999999", "%d", "0: nil nil nil nil"),
        ("2147483648", "%d", "0: nil nil nil nil"),
        ("-2147483648", "%d", "1: -2147483648 nil nil nil"),
        ("1e999", "%f", "0: nil nil nil nil"),
        (".e5", "%f", "0: nil nil nil nil"),
        ("a,b,c", "%s,%s", r#"2: "a" "b,c" nil nil"#),
        ("abcabc", "%sc", r#"1: "ab" nil nil nil"#),
        ("abc", "%*s%s", "ERR Bad sscanf format string"),
        ("12 34", "%d %d", "2: 12 34 nil nil"),
        ("12 34", "%d%d", "2: 12 34 nil nil"),
        ("12", "%d %d", "1: 12 nil nil nil"),
        ("xy", "x%sy%s", r#"2: "" "" nil nil"#),
        (" 1.5", "%f", "1: 1.5 nil nil nil"),
        ("5.", "%f", "1: 5 nil nil nil"),
        ("-", "%f", "0: nil nil nil nil"),
        ("1e+", "%f%s", r#"2: 1 "e+" nil nil"#),
        ("a", "%s%", "ERR Bad sscanf format string"),
        ("a", "%s%*", "ERR Bad sscanf format string"),
        ("a1", "%s%*f", r#"2: "a" nil nil nil"#),
        ("abc", "%s%c", "ERR Bad sscanf format string"),
    ];

    #[test]
    fn matches_dgd() {
        for (s, fmt, want) in CASES {
            assert_eq!(t(s, fmt), *want, "sscanf({s:?}, {fmt:?})");
        }
    }

    #[test]
    fn ticks_and_binary() {
        let r = sscanf(b"a\0b", b"%s\0%s").unwrap();
        assert_eq!(r.values, [ScanValue::Str(b"a"), ScanValue::Str(b"b")]);
        assert_eq!(r.ticks, 16);
        let r = sscanf(b"\xff", b"%c").unwrap();
        assert_eq!(r.values, [ScanValue::Int(255)]);
    }
}
