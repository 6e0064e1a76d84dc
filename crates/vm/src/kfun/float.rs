//! DGD's float: a double kept to 37 significant bits (1 sign, 11 exponent,
//! 36 stored mantissa bits), printed with up to 9 significant digits.
//!
//! Everything here is pure Rust over `f64`; the interpreter stores floats as
//! `f64` values that have passed through [`constrain`] (or [`truncate`]).

use super::KfunError;

/// Exponent bias of DGD's float format (the same as IEEE double).
const FLOAT_BIAS: i32 = 0x3ff;
/// Significant digits printed.
const FLOAT_DIGITS: i32 = 9;
/// 10^FLOAT_DIGITS: a rounded digit string that reaches this has carried over.
const FLOAT_LIMIT: u32 = 1_000_000_000;

const TENS: [f64; 9] = [1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256];
const TENTHS: [f64; 9] = [1e-1, 1e-2, 1e-4, 1e-8, 1e-16, 1e-32, 1e-64, 1e-128, 1e-256];

/// Split a finite non-zero `d` into a fraction in [0.5, 1) and an exponent,
/// like C's `frexp`. Zero, infinities and NaN come back unchanged with 0.
pub fn frexp(d: f64) -> (f64, i32) {
    if d == 0.0 || !d.is_finite() {
        return (d, 0);
    }
    let bits = d.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    if exp_field == 0 {
        // subnormal: scale into the normal range first
        let (m, e) = frexp(d * f64::from_bits(0x4350_0000_0000_0000)); // 2^54
        return (m, e - 54);
    }
    let e = exp_field - 1022;
    let m = f64::from_bits((bits & !(0x7ff_u64 << 52)) | (1022_u64 << 52));
    (m, e)
}

/// C's `ldexp`: `m * 2^e`, exact unless it overflows or underflows.
pub fn ldexp(m: f64, e: i32) -> f64 {
    if m == 0.0 || !m.is_finite() {
        return m;
    }
    let mut m = m;
    let mut e = e.clamp(-2200, 2200);
    // multiply in steps that keep every intermediate exact
    while e > 1000 {
        m *= f64::from_bits(((1000 + 1023) as u64) << 52);
        e -= 1000;
    }
    while e < -1000 {
        m *= f64::from_bits(((-1000 + 1023) as u64) << 52);
        e += 1000;
        if m == 0.0 {
            return m;
        }
    }
    // 2^e for -1000 <= e <= 1000 is a normal double
    m * f64::from_bits(((e + 1023) as u64) << 52)
}

/// DGD's range check and rounding of a computed result: the mantissa is
/// rounded (to nearest, ties to even) to 37 significant bits; a result that is
/// infinite, NaN or too large is the error "Result too large"; one too small
/// becomes 0.
pub fn constrain(d: f64) -> Result<f64, KfunError> {
    if d == 0.0 {
        return Ok(0.0);
    }
    if !d.is_finite() {
        return Err(KfunError::ResultTooLarge);
    }
    let negative = d < 0.0;
    let (mut m, mut e) = frexp(d.abs());
    // rounding to 2^-37 granularity of a value in [0.5, 1): 53 - 38 = 15
    let big = (1_u32 << 15) as f64;
    m += big;
    m -= big;
    if m >= 1.0 {
        e += 1;
        if e > FLOAT_BIAS {
            return Err(KfunError::ResultTooLarge);
        }
        m = ldexp(m, -1);
    }
    if e <= -FLOAT_BIAS {
        return Ok(0.0);
    }
    let r = ldexp(m, e);
    Ok(if negative { -r } else { r })
}

/// The value as DGD stores it without a range check (used by kfuns whose
/// result cannot overflow, e.g. `floor`, `sin`): the mantissa is truncated to
/// 37 significant bits.
pub fn truncate(d: f64) -> f64 {
    if d == 0.0 || !d.is_finite() {
        return d;
    }
    let negative = d < 0.0;
    let (m, e) = frexp(d.abs());
    let m37 = ldexp(m, 37).trunc();
    let r = ldexp(ldexp(m37, -37), e);
    if negative {
        -r
    } else {
        r
    }
}

/// Format a float exactly as DGD prints it (`(string)f`, `f + ""`):
/// at most 9 significant digits, trailing zeros dropped, exponent form
/// ("1e+20", "-1.5e-07") outside the range DGD prints plainly.
pub fn format_float(d: f64) -> String {
    if d == 0.0 {
        return "0".to_string();
    }
    if !d.is_finite() {
        return if d.is_nan() {
            "nan".to_string()
        } else if d < 0.0 {
            "-inf".to_string()
        } else {
            "inf".to_string()
        };
    }
    let mut out = String::new();
    let mut a = d;
    if a < 0.0 {
        out.push('-');
        a = -a;
    }
    // reduce to 1 .. 9.999999999 and extract the decimal exponent, with the
    // same sequence of multiplications DGD uses (so the same rounding)
    let mut e: i32 = 0;
    if a >= 1.0 {
        for i in (0..TENS.len()).rev() {
            e <<= 1;
            if a >= TENS[i] {
                e |= 1;
                a *= TENTHS[i];
            }
        }
    } else {
        for i in (0..TENS.len()).rev() {
            e <<= 1;
            if a <= TENTHS[i] {
                e |= 1;
                a *= TENS[i];
            }
        }
        if a < 1.0 {
            a *= TENS[0];
            e += 1;
        }
        e = -e;
    }
    a *= TENS[3];
    a += 0.5;
    let mut n = a as u32;
    // the significant digits, most significant first, trailing zeros dropped
    let digits: Vec<u8> = if n >= FLOAT_LIMIT {
        e += 1;
        vec![b'1']
    } else {
        while n != 0 && n.is_multiple_of(10) {
            n /= 10;
        }
        n.to_string().into_bytes()
    };
    let ndigits = digits.len() as i32;
    if e >= FLOAT_DIGITS || (e < -3 && ndigits - e > FLOAT_DIGITS) {
        out.push(digits[0] as char);
        if digits.len() > 1 {
            out.push('.');
            out.extend(digits[1..].iter().map(|&c| c as char));
        }
        out.push('e');
        if e >= 0 {
            out.push('+');
        } else {
            out.push('-');
        }
        out.push_str(&e.abs().to_string());
    } else if e < 0 {
        out.push_str("0.");
        for _ in 0..(-e - 1) {
            out.push('0');
        }
        out.extend(digits.iter().map(|&c| c as char));
    } else {
        let mut it = digits.iter();
        for _ in 0..=e {
            out.push(it.next().map_or('0', |&c| c as char));
        }
        let rest: Vec<u8> = it.copied().collect();
        if !rest.is_empty() {
            out.push('.');
            out.extend(rest.iter().map(|&c| c as char));
        }
    }
    out
}

/// Parse a float the way DGD does for `(float)"string"` and `sscanf("%f")`:
/// optional '-', digits with an optional fraction (at least one digit), an
/// optional exponent (`e`/`E`, sign, digits). Returns the value (already
/// constrained) and the number of bytes consumed, or `None` when no float
/// starts at the beginning of `s` or it is out of range.
pub fn parse_float(s: &[u8]) -> Option<(f64, usize)> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut p = 0;
    let negative = at(p) == b'-';
    if negative {
        p += 1;
    }
    let mut a = 0.0_f64;
    let mut digits = false;
    while at(p).is_ascii_digit() {
        a = a * TENS[0] + f64::from(at(p) - b'0');
        p += 1;
        if !a.is_finite() {
            return None;
        }
        digits = true;
    }
    if at(p) == b'.' {
        let mut b = TENTHS[0];
        p += 1;
        while at(p).is_ascii_digit() {
            a += b * f64::from(at(p) - b'0');
            b *= TENTHS[0];
            p += 1;
            digits = true;
        }
    }
    if !digits {
        return None;
    }
    if at(p) == b'e' || at(p) == b'E' {
        let q = p;
        p += 1;
        let table = if at(p) == b'-' {
            p += 1;
            &TENTHS
        } else {
            if at(p) == b'+' {
                p += 1;
            }
            &TENS
        };
        if at(p).is_ascii_digit() {
            let mut e: u32 = 0;
            while at(p).is_ascii_digit() {
                e = e * 10 + u32::from(at(p) - b'0');
                p += 1;
                if e >= 1024 {
                    return None;
                }
            }
            let mut i = 0;
            while e != 0 {
                if e & 1 != 0 {
                    match table.get(i) {
                        Some(t) => a *= t,
                        // 10^512 (DGD reads past its table here)
                        None => a = a * table[8] * table[8],
                    }
                }
                e >>= 1;
                i += 1;
            }
        } else {
            p = q;
        }
    }
    if negative {
        a = -a;
    }
    let a = constrain(a).ok()?;
    Some((a, p))
}

/// `(int)f`: round to nearest, halves away from zero; out of the int range is
/// "Result too large".
pub fn float_to_int(d: f64) -> Result<i32, KfunError> {
    let r = if d >= 0.0 {
        (d + 0.5).floor()
    } else {
        (d - 0.5).ceil()
    };
    if r.is_nan() || r > f64::from(i32::MAX) || r < f64::from(i32::MIN) {
        return Err(KfunError::ResultTooLarge);
    }
    Ok(r as i32)
}

/// `(float)i`: every 32-bit int is exact in 37 bits.
pub fn int_to_float(i: i32) -> f64 {
    f64::from(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> f64 {
        parse_float(s.as_bytes()).expect("float").0
    }

    #[test]
    fn prints_like_dgd() {
        assert_eq!(format_float(constrain(1.0 / 3.0).unwrap()), "0.333333333");
        assert_eq!(format_float(2.0), "2");
        assert_eq!(format_float(1e20), "1e+20");
        assert_eq!(format_float(-1.5e-7), "-0.00000015");
        assert_eq!(format_float(1.23456789e-5), "1.23456789e-5");
        assert_eq!(format_float(0.0), "0");
        assert_eq!(format_float(-0.0), "0");
        assert_eq!(format_float(0.5), "0.5");
        assert_eq!(format_float(100.0), "100");
        assert_eq!(format_float(123456789.0), "123456789");
        assert_eq!(format_float(1234567890.0), "1.23456789e+9");
        assert_eq!(format_float(0.001), "0.001");
        assert_eq!(format_float(0.0001), "0.0001");
        assert_eq!(format_float(1.5), "1.5");
        assert_eq!(format_float(constrain(2.0 / 3.0).unwrap()), "0.666666667");
        assert_eq!(format_float(std::f64::consts::PI), "3.14159265");
        assert_eq!(format_float(9.9999999999), "10");
        assert_eq!(format_float(-42.25), "-42.25");
    }

    #[test]
    fn parses_like_dgd() {
        assert_eq!(parse_float(b"1.5abc"), Some((1.5, 3)));
        assert_eq!(parse_float(b"-2"), Some((-2.0, 2)));
        assert_eq!(parse_float(b".5"), Some((0.5, 2)));
        assert_eq!(parse_float(b"5."), Some((5.0, 2)));
        assert_eq!(parse_float(b"1e3"), Some((1000.0, 3)));
        assert_eq!(parse_float(b"1e"), Some((1.0, 1)));
        assert_eq!(parse_float(b"1e+x"), Some((1.0, 1)));
        assert_eq!(parse_float(b"2E-2"), Some((f("0.02"), 4)));
        assert_eq!(parse_float(b"."), None);
        assert_eq!(parse_float(b"-"), None);
        assert_eq!(parse_float(b"+1"), None);
        assert_eq!(parse_float(b""), None);
        assert_eq!(parse_float(b"1e1024"), None);
        assert_eq!(parse_float(b"1e400"), None);
        assert_eq!(parse_float(b"1e999"), None);
        assert_eq!(parse_float(b"1e-999"), Some((0.0, 6)));
    }

    #[test]
    fn rounds_to_37_bits() {
        let x = constrain(0.1).unwrap();
        assert_ne!(x, 0.1);
        assert!((x - 0.1).abs() < 1e-11);
        assert_eq!(constrain(x).unwrap(), x);
        assert!(matches!(
            constrain(f64::INFINITY),
            Err(KfunError::ResultTooLarge)
        ));
        assert!(matches!(
            constrain(f64::NAN),
            Err(KfunError::ResultTooLarge)
        ));
        assert!(constrain(f64::MAX).is_err());
        assert_eq!(constrain(1e-310).unwrap(), 0.0);
        assert_eq!(truncate(1.0), 1.0);
    }

    #[test]
    fn int_conversion_rounds_half_away() {
        assert_eq!(float_to_int(1.9).unwrap(), 2);
        assert_eq!(float_to_int(-0.5).unwrap(), -1);
        assert_eq!(float_to_int(0.5).unwrap(), 1);
        assert_eq!(float_to_int(0.49).unwrap(), 0);
        assert_eq!(float_to_int(-1.4).unwrap(), -1);
        assert_eq!(float_to_int(2147483647.0).unwrap(), i32::MAX);
        assert!(float_to_int(2147483648.0).is_err());
        assert_eq!(float_to_int(-2147483648.0).unwrap(), i32::MIN);
        assert!(float_to_int(-2147483649.0).is_err());
    }

    #[test]
    fn frexp_ldexp_roundtrip() {
        for &d in &[1.0, 0.5, 3.0, 1e300, 1e-300, 5e-324, -7.25] {
            let (m, e) = frexp(d);
            assert!((0.5..1.0).contains(&m.abs()), "{d}");
            assert_eq!(ldexp(m, e), d);
        }
    }
}
