//! DGD floats: an `f64` kept to 37 significant bits (1 sign, 11 exponent, 36 stored
//! mantissa bits plus the hidden one), as DGD stores them.
//!
//! Every `Float` value is already rounded: constructors either round (and fail with
//! "Result too large" on overflow, infinity or NaN) or are given a value that came out
//! of another `Float`. Because there is never a NaN, `Float` is totally ordered.

use std::cmp::Ordering;
use std::fmt;

/// Exponent bias of DGD's float format (11 exponent bits).
const BIAS: i32 = 1023;

/// A DGD float. Invariant: finite, rounded to 37 significant bits, exponent in range.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct Float(f64);

/// The message DGD gives when a float computation overflows.
pub const TOO_LARGE: &str = "Result too large";

impl Float {
    pub const ZERO: Float = Float(0.0);

    /// Rounds `d` to DGD precision; `None` on overflow, infinity or NaN.
    pub fn new(d: f64) -> Option<Float> {
        if d == 0.0 {
            return Some(Float(0.0));
        }
        if !d.is_finite() {
            return None;
        }
        let neg = d < 0.0;
        let (mut m, mut e) = frexp(d.abs());
        // Round the mantissa (in [0.5, 1)) to 37 bits, ties to even, as the FPU does
        // when DGD adds and subtracts 2^15.
        let k = (1u64 << 15) as f64;
        m = (m + k) - k;
        if m >= 1.0 {
            e += 1;
            m /= 2.0;
            if e > BIAS {
                return None;
            }
        }
        if e <= -BIAS {
            return Some(Float(0.0));
        }
        let v = ldexp(m, e);
        Some(Float(if neg { -v } else { v }))
    }

    /// Like [`Float::new`] but with DGD's error message.
    pub fn checked(d: f64) -> Result<Float, crate::value::LpcError> {
        Float::new(d).ok_or_else(|| crate::value::LpcError::new(TOO_LARGE))
    }

    /// Wraps a value known to be a valid DGD float (e.g. produced by an exact operation
    /// on DGD floats such as negation). Debug builds check the invariant.
    pub fn from_exact(d: f64) -> Float {
        debug_assert!(Float::new(d).map(|f| f.0.to_bits()) == Some(d.to_bits()) || d == 0.0);
        Float(d)
    }

    pub fn get(self) -> f64 {
        self.0
    }

    pub fn from_int(i: i32) -> Float {
        Float(i as f64) // 32-bit ints fit in 37 bits exactly
    }

    /// `(int)` of a float: rounds to nearest, halves away from zero; errors if out of
    /// the int range.
    pub fn to_int(self) -> Result<i32, crate::value::LpcError> {
        let r = self.0.round();
        if !(-2147483648.0..2147483648.0).contains(&r) {
            return Err(crate::value::LpcError::new("Result too large"));
        }
        Ok(r as i32)
    }

    /// The raw bits (for hashing and encoding).
    pub fn to_bits(self) -> u64 {
        self.0.to_bits()
    }

    /// Decodes raw bits, checking the invariant.
    pub fn from_bits(b: u64) -> Option<Float> {
        let d = f64::from_bits(b);
        let f = Float::new(d)?;
        if f.0.to_bits() == b || (d == 0.0) {
            Some(Float(d))
        } else {
            None
        }
    }

    pub fn fadd(self, o: Float) -> Result<Float, crate::value::LpcError> {
        Float::checked(self.0 + o.0)
    }
    pub fn fsub(self, o: Float) -> Result<Float, crate::value::LpcError> {
        Float::checked(self.0 - o.0)
    }
    pub fn fmul(self, o: Float) -> Result<Float, crate::value::LpcError> {
        Float::checked(self.0 * o.0)
    }
    pub fn fdiv(self, o: Float) -> Result<Float, crate::value::LpcError> {
        if o.0 == 0.0 {
            return Err(crate::value::LpcError::new("Division by zero"));
        }
        Float::checked(self.0 / o.0)
    }
    pub fn fneg(self) -> Float {
        Float(-self.0)
    }

    /// DGD's printed form: up to 9 significant digits, exponent form outside
    /// 1e-4 .. 1e9 ("0.333333333", "2", "1e+20", "-1.5e-07" style without padding: "1.5e-07" is "1.5e-7").
    pub fn to_lpc_string(self) -> String {
        format_float(self.0)
    }
}

impl Eq for Float {}

impl PartialOrd for Float {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Float {
    fn cmp(&self, other: &Self) -> Ordering {
        // no NaN by invariant; -0.0 never stored distinct from 0.0 in comparisons
        self.0.partial_cmp(&other.0).unwrap_or(Ordering::Equal)
    }
}

impl fmt::Debug for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_lpc_string())
    }
}

impl fmt::Display for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_lpc_string())
    }
}

use crate::kfun::float::{frexp, ldexp};

/// Formats like DGD (up to 9 significant digits, plain or exponent form). One
/// implementation serves the interpreter and the kfuns: `kfun::float`.
pub use crate::kfun::float::format_float;

#[cfg(test)]
mod tests {
    use super::*;

    fn f(d: f64) -> String {
        Float::new(d).map(|x| x.to_lpc_string()).unwrap_or_default()
    }

    #[test]
    fn printing() {
        assert_eq!(f(1.0 / 3.0), "0.333333333");
        assert_eq!(f(2.0), "2");
        assert_eq!(f(1e20), "1e+20");
        assert_eq!(f(-1.5), "-1.5");
        assert_eq!(f(0.0001), "0.0001");
        assert_eq!(f(123456789.0), "123456789");
        assert_eq!(f(1234567890.0), "1.23456789e+9");
        assert_eq!(f(0.1), "0.1");
        assert_eq!(f(100.0), "100");
        assert_eq!(f(3.25159), "3.25159");
    }

    #[test]
    fn limits() {
        assert!(Float::new(f64::INFINITY).is_none());
        assert!(Float::new(f64::NAN).is_none());
        assert!(Float::new(1e308).is_some());
        assert_eq!(Float::new(1.5).map(|x| x.to_int().ok()), Some(Some(2)));
        assert_eq!(Float::new(-0.5).map(|x| x.to_int().ok()), Some(Some(-1)));
    }

    #[test]
    fn precision() {
        // 1 + 2^-40 is not representable with 37 bits
        let x = Float::new(1.0 + 2f64.powi(-40)).map(|x| x.get());
        assert_eq!(x, Some(1.0));
        let y = Float::new(1.0 + 2f64.powi(-36)).map(|x| x.get());
        assert_eq!(y, Some(1.0 + 2f64.powi(-36)));
    }
}
