//! String kfuns and conversions: `explode`, `implode`, `ctime`, `(int)str`,
//! `(float)str`, index and range checks with DGD's error messages.

use super::float::parse_float;
use super::{KfunError, MAX_STRLEN};

/// First occurrence of `needle` (non-empty) in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `explode(str, sep)`: the pieces of `str` between separators; a separator
/// at the very start or end is not taken into account (so no empty first or
/// last piece comes from it), `explode("", sep)` is `({ })`, and an empty
/// separator splits into single bytes.
///
/// `max_array` is `status()[ST_ARRAYSIZE]`; a longer result is "Array too
/// large".
pub fn explode<'a>(s: &'a [u8], sep: &[u8], max_array: usize) -> Result<Vec<&'a [u8]>, KfunError> {
    if s.is_empty() {
        return Ok(Vec::new());
    }
    if sep.is_empty() {
        if s.len() > max_array {
            return Err(KfunError::ArrayTooLarge);
        }
        return Ok(s.chunks(1).collect());
    }
    let mut p = s;
    // a leading separator is skipped only if something follows it (a string
    // that is exactly the separator gives ({ "" }))
    if p.len() > sep.len() && p.starts_with(sep) {
        p = &p[sep.len()..];
    }
    let mut out = Vec::new();
    loop {
        match find(p, sep) {
            Some(q) => {
                out.push(&p[..q]);
                p = &p[q + sep.len()..];
                if p.is_empty() {
                    // trailing separator: no final empty piece
                    break;
                }
            }
            None => {
                out.push(p);
                break;
            }
        }
        if out.len() > max_array {
            return Err(KfunError::ArrayTooLarge);
        }
    }
    if out.len() > max_array {
        return Err(KfunError::ArrayTooLarge);
    }
    Ok(out)
}

/// `implode(arr, sep)`: the strings joined by `sep`; "String too long" past
/// the maximum string length.
pub fn implode(parts: &[&[u8]], sep: &[u8]) -> Result<Vec<u8>, KfunError> {
    let total: usize =
        parts.iter().map(|p| p.len()).sum::<usize>() + sep.len() * parts.len().saturating_sub(1);
    if total > MAX_STRLEN {
        return Err(KfunError::StringTooLong);
    }
    let mut out = Vec::with_capacity(total);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(p);
    }
    Ok(out)
}

/// DGD's `strtoint`: an optional '-' and decimal digits at the start of `s`.
/// Returns the value and the bytes consumed; nothing is consumed (0, 0) when
/// there are no digits or the number does not fit in 32 bits.
pub fn parse_int(s: &[u8]) -> (i32, usize) {
    let mut p = 0;
    let negative = s.first() == Some(&b'-');
    if negative {
        p = 1;
        if !s.get(1).is_some_and(u8::is_ascii_digit) {
            return (0, 0);
        }
    }
    let mut i: i64 = 0;
    while let Some(&c) = s.get(p) {
        if !c.is_ascii_digit() {
            break;
        }
        i = i * 10 + i64::from(c - b'0');
        if i > i64::from(i32::MAX) + i64::from(negative) {
            return (0, 0);
        }
        p += 1;
    }
    let v = if negative { -i } else { i };
    (v as i32, p)
}

/// `(int)str`: the whole string must be an int (`(int)""` is 0).
pub fn string_to_int(s: &[u8]) -> Result<i32, KfunError> {
    let (v, n) = parse_int(s);
    if n != s.len() {
        return Err(KfunError::NotAnIntString);
    }
    Ok(v)
}

/// `(float)str`: the whole string must be a float.
pub fn string_to_float(s: &[u8]) -> Result<f64, KfunError> {
    match parse_float(s) {
        Some((v, n)) if n == s.len() => Ok(v),
        _ => Err(KfunError::NotAFloatString),
    }
}

/// Check `s[i]`: "String index out of range" unless `0 <= i < len`.
pub fn check_string_index(len: usize, i: i32) -> Result<usize, KfunError> {
    if i < 0 || i as usize >= len {
        return Err(KfunError::Other("String index out of range".into()));
    }
    Ok(i as usize)
}

/// Check `s[from..to]` (inclusive bounds, as LPC has them; an omitted start is
/// 0, an omitted end is `len - 1`): "Invalid string range" unless
/// `0 <= from <= to + 1` and `to < len`. Returns the byte range.
pub fn check_string_range(
    len: usize,
    from: i32,
    to: i32,
) -> Result<std::ops::Range<usize>, KfunError> {
    check_range(len, from, to).ok_or_else(|| KfunError::Other("Invalid string range".into()))
}

/// Like [`check_string_range`] for arrays: "Invalid array range".
pub fn check_array_range(
    len: usize,
    from: i32,
    to: i32,
) -> Result<std::ops::Range<usize>, KfunError> {
    check_range(len, from, to).ok_or_else(|| KfunError::Other("Invalid array range".into()))
}

/// Check `arr[i]`: "Array index out of range".
pub fn check_array_index(len: usize, i: i32) -> Result<usize, KfunError> {
    if i < 0 || i as usize >= len {
        return Err(KfunError::Other("Array index out of range".into()));
    }
    Ok(i as usize)
}

fn check_range(len: usize, from: i32, to: i32) -> Option<std::ops::Range<usize>> {
    let (f, t, l) = (i64::from(from), i64::from(to), len as i64);
    if f < 0 || f > t + 1 || t >= l {
        return None;
    }
    Some(f as usize..(t + 1) as usize)
}

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Civil date (year, month 1..12, day 1..31) of days since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `ctime(t)`: "Tue Aug  3 14:40:18 1993". DGD takes the time as unsigned
/// 32 bits (a negative int is a time after 2038) and prints local time;
/// `utc_offset` is the host's offset from UTC in seconds (0 for UTC).
pub fn ctime(t: i32, utc_offset: i32) -> String {
    let secs = i64::from(t as u32) + i64::from(utc_offset);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wday = DAYS[days.rem_euclid(7) as usize];
    let month = MONTHS[(m - 1) as usize];
    format!(
        "{wday} {month} {d:>2} {:02}:{:02}:{:02} {y}",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    )
}

// ---------------------------------------------------------------------------
// Kfun wiring

use super::args;
use crate::value::{KfunCtx, KfunRegistry, LpcError, Value};

/// Registers `explode` and `implode`.
pub fn register(r: &mut KfunRegistry) {
    r.register("explode", kf_explode);
    r.register("implode", kf_implode);
}

fn kf_explode(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let s = args::string(args, 0, "explode")?;
    let sep = args::string(args, 1, "explode")?;
    let pieces = explode(s.as_bytes(), sep.as_bytes(), ctx.max_array_size())?;
    ctx.charge(2 * pieces.len() as u64)?;
    Ok(Value::array(pieces.into_iter().map(Value::bytes).collect()))
}

fn kf_implode(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let arr = args::array(args, 0, "implode")?;
    let sep = args::string(args, 1, "implode")?;
    ctx.charge(arr.len() as u64)?;
    let elems = arr.borrow();
    let mut parts = Vec::with_capacity(elems.len());
    for v in elems.iter() {
        match v {
            Value::String(s) => parts.push(s.as_bytes()),
            _ => return Err(args::bad_arg("implode", 1)),
        }
    }
    Ok(args::string_value(implode(&parts, sep.as_bytes())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str, sep: &str) -> Vec<String> {
        explode(s.as_bytes(), sep.as_bytes(), 1000)
            .unwrap()
            .into_iter()
            .map(|p| String::from_utf8(p.to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn explode_as_dgd() {
        // observed on DGD 1.7
        assert_eq!(ex("a,b,c", ","), ["a", "b", "c"]);
        assert_eq!(ex(",a,b,", ","), ["a", "b"]);
        assert_eq!(ex("a,,b", ","), ["a", "", "b"]);
        assert_eq!(ex(",,a,,", ","), ["", "a", ""]);
        assert_eq!(ex(",", ","), [""]);
        assert_eq!(ex(",,", ","), [""]);
        assert_eq!(ex(",,,", ","), ["", ""]);
        assert_eq!(ex("", ","), Vec::<String>::new());
        assert_eq!(ex("abc", ""), ["a", "b", "c"]);
        assert_eq!(ex("abc", "abc"), [""]);
        assert_eq!(ex("abcabc", "abc"), [""]);
        assert_eq!(ex("abc", "abcd"), ["abc"]);
        assert_eq!(ex("a--b---c", "--"), ["a", "b", "-c"]);
        assert_eq!(ex("aaa", "aa"), ["a"]);
        assert!(explode(b"a,b,c", b",", 2).is_err());
        assert!(explode(b"abc", b"", 2).is_err());
    }

    #[test]
    fn implode_joins() {
        assert_eq!(implode(&[b"a", b"b", b"c"], b", ").unwrap(), b"a, b, c");
        assert_eq!(implode(&[], b",").unwrap(), b"");
        assert_eq!(implode(&[b"x"], b",").unwrap(), b"x");
        let big = vec![b'x'; 40000];
        assert_eq!(implode(&[&big, &big], b""), Err(KfunError::StringTooLong));
    }

    #[test]
    fn int_strings() {
        assert_eq!(parse_int(b"123abc"), (123, 3));
        assert_eq!(parse_int(b"-7"), (-7, 2));
        assert_eq!(parse_int(b"-x"), (0, 0));
        assert_eq!(parse_int(b"2147483647"), (i32::MAX, 10));
        assert_eq!(parse_int(b"2147483648"), (0, 0));
        assert_eq!(parse_int(b"-2147483648"), (i32::MIN, 11));
        assert_eq!(parse_int(b"-2147483649"), (0, 0));
        assert_eq!(parse_int(b"99999999999"), (0, 0));
        assert_eq!(string_to_int(b""), Ok(0));
        assert_eq!(string_to_int(b"12a"), Err(KfunError::NotAnIntString));
        assert_eq!(string_to_int(b" 1"), Err(KfunError::NotAnIntString));
        assert_eq!(string_to_float(b"1.5"), Ok(1.5));
        assert_eq!(string_to_float(b"1x"), Err(KfunError::NotAFloatString));
        assert_eq!(string_to_float(b""), Err(KfunError::NotAFloatString));
    }

    #[test]
    fn casts_as_dgd() {
        // observed on DGD 1.7 (tests/kfun_golden/casts.c)
        let ints: &[(&str, Option<i32>)] = &[
            ("", Some(0)),
            ("0", Some(0)),
            ("-0", Some(0)),
            ("12", Some(12)),
            ("-12", Some(-12)),
            ("2147483647", Some(i32::MAX)),
            ("-2147483648", Some(i32::MIN)),
            ("2147483648", None),
            (" 1", None),
            ("1 ", None),
            ("+1", None),
            ("0x10", None),
            ("-", None),
            ("007", Some(7)),
        ];
        for (s, want) in ints {
            assert_eq!(string_to_int(s.as_bytes()).ok(), *want, "(int){s:?}");
        }
        let floats: &[(&str, Option<&str>)] = &[
            ("1", Some("1")),
            ("1.5", Some("1.5")),
            (".5", Some("0.5")),
            ("5.", Some("5")),
            ("-0.25", Some("-0.25")),
            ("1e3", Some("1000")),
            ("1E-3", Some("0.001")),
            ("1e", None),
            ("1e+", None),
            ("1.5e+2x", None),
            ("", None),
            (".", None),
            ("-.5", Some("-0.5")),
            ("0.1", Some("0.1")),
            ("123456789012", Some("1.23456789e+11")),
            ("1e308", Some("1e+308")),
            ("1e309", None),
            (" 1", None),
            ("nan", None),
            ("inf", None),
        ];
        for (s, want) in floats {
            let got = string_to_float(s.as_bytes())
                .ok()
                .map(super::super::float::format_float);
            assert_eq!(got.as_deref(), *want, "(float){s:?}");
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(check_string_range(5, 0, 4), Ok(0..5));
        assert_eq!(check_string_range(5, 2, 1), Ok(2..2));
        assert_eq!(check_string_range(0, 0, -1), Ok(0..0));
        assert!(check_string_range(5, 3, 1).is_err());
        assert!(check_string_range(5, -1, 2).is_err());
        assert!(check_string_range(5, 0, 5).is_err());
        assert!(check_string_range(5, 0, i32::MAX).is_err());
        assert_eq!(
            check_string_index(3, 3).unwrap_err().to_string(),
            "String index out of range"
        );
        assert_eq!(
            check_array_range(3, 2, 0).unwrap_err().to_string(),
            "Invalid array range"
        );
    }

    #[test]
    fn ctime_format() {
        assert_eq!(ctime(0, 0), "Thu Jan  1 00:00:00 1970");
        assert_eq!(ctime(744388818, 0), "Tue Aug  3 14:40:18 1993");
        assert_eq!(ctime(951782400, 0), "Tue Feb 29 00:00:00 2000");
        assert_eq!(ctime(i32::MAX, 0), "Tue Jan 19 03:14:07 2038");
        // negative ints are times after 2038
        assert_eq!(ctime(-1, 0), "Sun Feb  7 06:28:15 2106");
        assert_eq!(ctime(3600, 3600), "Thu Jan  1 02:00:00 1970");
    }
}
