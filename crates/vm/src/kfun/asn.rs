//! The `asn_*` kfuns: arbitrary size integers encoded as strings, most
//! significant byte first, negative numbers in two's complement.
//!
//! DGD computes on sign and magnitude: the modular operations reduce the
//! magnitude (`|x| mod m`) and keep the sign of the exact result, so results
//! lie strictly between `-m` and `m`. A result is encoded in as few bytes as
//! its sign allows; zero is `"\0"`. Observed quirks kept for compatibility:
//! `asn_mod(m, m)` is `m`; `asn_pow(a, 0, m)` is 1 even for `m == 1`; the
//! sign of `asn_pow` with a negative base is negative whenever the low 32
//! bits of the exponent are not all zero.

use num_bigint::BigUint;

use super::args;
use crate::value::{KfunCtx, KfunRegistry, LpcError, Value};

/// A decoded number: sign and magnitude.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Num {
    pub minus: bool,
    pub mag: BigUint,
}

/// Decode a two's complement string (`""` is 0).
pub fn decode(s: &[u8]) -> Num {
    let Some(&first) = s.first() else {
        return Num {
            minus: false,
            mag: BigUint::default(),
        };
    };
    if first & 0x80 == 0 {
        return Num {
            minus: false,
            mag: BigUint::from_bytes_be(s),
        };
    }
    // negative: magnitude = 2^(8n) - value
    let inv: Vec<u8> = s.iter().map(|b| !b).collect();
    let mag = BigUint::from_bytes_be(&inv) + 1u32;
    Num { minus: true, mag }
}

/// Encode sign and magnitude minimally (zero, of either sign, is `"\0"`).
pub fn encode(minus: bool, mag: &BigUint) -> Vec<u8> {
    if mag.bits() == 0 {
        return vec![0];
    }
    if !minus {
        let mut b = mag.to_bytes_be();
        if b[0] & 0x80 != 0 {
            b.insert(0, 0);
        }
        return b;
    }
    // two's complement in the fewest bytes: n bytes hold -2^(8n-1) .. -1
    let bytes = mag.bits().div_ceil(8) as usize;
    let mut n = bytes.max(1);
    let half = BigUint::from(1u32) << (8 * n - 1);
    if *mag > half {
        n += 1;
    }
    let modulus = BigUint::from(1u32) << (8 * n);
    let v = modulus - mag;
    let mut out = v.to_bytes_be();
    while out.len() < n {
        out.insert(0, 0);
    }
    out
}

/// Number of 32-bit words of a magnitude (at least 1), for tick costs.
fn words(n: &BigUint) -> u64 {
    n.bits().div_ceil(32).max(1)
}

fn modulus(s: &[u8]) -> Result<BigUint, LpcError> {
    let m = decode(s);
    if m.minus || m.mag.bits() == 0 {
        return Err(LpcError::new("Invalid modulus"));
    }
    Ok(m.mag)
}

/// Charge for reducing `c` modulo `m` (when it needs it).
fn charge_reduce(ctx: &mut dyn KfunCtx, c: &BigUint, m: &BigUint) -> Result<(), LpcError> {
    if c >= m {
        let (cw, mw) = (words(c), words(m));
        ctx.charge_checked(mw * (cw.saturating_sub(mw) + 10))?;
    }
    Ok(())
}

fn out(minus: bool, mag: &BigUint) -> Result<Value, LpcError> {
    let b = encode(minus, mag);
    if b.len() > super::MAX_STRLEN {
        return Err(LpcError::new("String too long"));
    }
    Ok(args::string_value(b))
}

/// `a + b` (signed), reduced: sign of the sum, magnitude mod m.
fn signed_sum(a: &Num, b_minus: bool, b: &BigUint) -> (bool, BigUint) {
    if a.minus == b_minus {
        (a.minus, &a.mag + b)
    } else if a.mag >= *b {
        (a.minus, &a.mag - b)
    } else {
        (b_minus, b - &a.mag)
    }
}

fn add_sub(
    ctx: &mut dyn KfunCtx,
    args: &[Value],
    kfun: &str,
    sub: bool,
) -> Result<Value, LpcError> {
    let a = decode(args::string(args, 0, kfun)?.as_bytes());
    let b = decode(args::string(args, 1, kfun)?.as_bytes());
    let Some(ms) = args.get(2) else {
        return Err(LpcError::new(format!("Too few arguments for kfun {kfun}")));
    };
    let m = modulus(args::string(std::slice::from_ref(ms), 0, kfun)?.as_bytes())?;
    ctx.charge(4 + (words(&a.mag) + words(&b.mag) + words(&m)) / 2)?;
    let (minus, c) = signed_sum(&a, b.minus != sub, &b.mag);
    charge_reduce(ctx, &c, &m)?;
    out(minus, &(c % &m))
}

fn kf_asn_add(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    add_sub(ctx, args, "asn_add", false)
}

fn kf_asn_sub(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    add_sub(ctx, args, "asn_sub", true)
}

/// The modulus argument at `i` of a kfun whose modulus may be omitted by the
/// prototype but is required.
fn req_modulus(args: &[Value], i: usize, kfun: &str) -> Result<BigUint, LpcError> {
    if args.len() <= i {
        return Err(LpcError::new(format!("Too few arguments for kfun {kfun}")));
    }
    modulus(args::string(args, i, kfun)?.as_bytes())
}

fn kf_asn_mult(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = req_modulus(args, 2, "asn_mult")?;
    let a = decode(args::string(args, 0, "asn_mult")?.as_bytes());
    let b = decode(args::string(args, 1, "asn_mult")?.as_bytes());
    ctx.charge_checked(4 + words(&a.mag) * words(&b.mag))?;
    let c = &a.mag * &b.mag;
    charge_reduce(ctx, &c, &m)?;
    out(a.minus ^ b.minus, &(c % &m))
}

fn kf_asn_div(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = req_modulus(args, 2, "asn_div")?;
    let b = decode(args::string(args, 1, "asn_div")?.as_bytes());
    if b.mag.bits() == 0 {
        return Err(LpcError::new("Division by zero"));
    }
    let a = decode(args::string(args, 0, "asn_div")?.as_bytes());
    ctx.charge(4 + (words(&a.mag) + words(&b.mag)) / 2)?;
    let (aw, bw) = (words(&a.mag), words(&b.mag));
    if a.mag >= b.mag {
        ctx.charge_checked(bw * (aw.saturating_sub(bw) + 10))?;
    }
    let d = &a.mag / &b.mag;
    charge_reduce(ctx, &d, &m)?;
    out(a.minus ^ b.minus, &(d % &m))
}

fn kf_asn_mod(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = modulus(args::string(args, 1, "asn_mod")?.as_bytes())?;
    let a = decode(args::string(args, 0, "asn_mod")?.as_bytes());
    let (aw, mw) = (words(&a.mag), words(&m));
    // DGD reduces only a magnitude strictly larger than the modulus
    let c = if a.mag > m {
        ctx.charge_checked(mw * (aw.saturating_sub(mw) + 10))?;
        &a.mag % &m
    } else {
        ctx.charge(4 + aw + mw / 2)?;
        a.mag.clone()
    };
    out(a.minus, &c)
}

fn kf_asn_pow(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = req_modulus(args, 2, "asn_pow")?;
    let a = decode(args::string(args, 0, "asn_pow")?.as_bytes());
    let b = decode(args::string(args, 1, "asn_pow")?.as_bytes());
    let mw = words(&m);
    let cost = mw
        .checked_mul(mw)
        .and_then(|x| x.checked_mul(words(&b.mag)))
        .and_then(|x| x.checked_mul(32))
        .filter(|&x| x <= i64::MAX as u64)
        .ok_or_else(|| LpcError::new("Out of ticks"))?;
    ctx.charge_checked(cost)?;
    let base = if b.minus {
        ctx.charge_checked(words(&a.mag) * (mw + 10))?;
        a.mag
            .modinv(&m)
            .ok_or_else(|| LpcError::new("No inverse"))?
    } else {
        a.mag.clone()
    };
    let c = if b.mag.bits() == 0 {
        BigUint::from(1u32)
    } else {
        base.modpow(&b.mag, &m)
    };
    let low_word_set = b.mag.iter_u32_digits().next().is_some_and(|w| w != 0);
    out(a.minus && low_word_set, &c)
}

fn kf_asn_modinv(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = modulus(args::string(args, 1, "asn_modinv")?.as_bytes())?;
    let a = decode(args::string(args, 0, "asn_modinv")?.as_bytes());
    ctx.charge_checked(4 + words(&a.mag) * words(&m))?;
    let inv = a
        .mag
        .modinv(&m)
        .ok_or_else(|| LpcError::new("No inverse"))?;
    out(a.minus, &inv)
}

fn kf_asn_lshift(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let s = args::string(args, 0, "asn_lshift")?.clone();
    let shift = args::int(args, 1, "asn_lshift")?;
    if shift < 0 {
        return Err(LpcError::new("Negative left shift"));
    }
    let m = req_modulus(args, 2, "asn_lshift")?;
    let a = decode(s.as_bytes());
    let mw = words(&m);
    let size = (s.len() as u64 >> 2) + 2 + ((shift as u64 + 31) >> 5);
    ctx.charge(4 + size + mw / 2)?;
    let c = if size <= mw << 2 {
        &a.mag << (shift as u64)
    } else {
        // (2^shift mod m) * |a|, without building the huge shifted value
        BigUint::from(2u32).modpow(&BigUint::from(shift as u32), &m) * &a.mag
    };
    charge_reduce(ctx, &c, &m)?;
    out(a.minus, &(c % &m))
}

fn kf_asn_rshift(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let a = decode(args::string(args, 0, "asn_rshift")?.as_bytes());
    let shift = args::int(args, 1, "asn_rshift")?;
    if shift < 0 {
        return Err(LpcError::new("Negative right shift"));
    }
    ctx.charge(4 + words(&a.mag))?;
    out(a.minus, &(&a.mag >> (shift as u64)))
}

fn kf_asn_cmp(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let a = decode(args::string(args, 0, "asn_cmp")?.as_bytes());
    let b = decode(args::string(args, 1, "asn_cmp")?.as_bytes());
    ctx.charge(4 + (words(&a.mag) + words(&b.mag)) / 2)?;
    let ord = match (a.minus, b.minus) {
        (false, true) => std::cmp::Ordering::Greater,
        (true, false) => std::cmp::Ordering::Less,
        (false, false) => a.mag.cmp(&b.mag),
        (true, true) => b.mag.cmp(&a.mag),
    };
    // -0 cannot occur: a negative encoding is never zero
    Ok(Value::Int(ord as i32))
}

#[derive(Clone, Copy)]
/// A bitwise operation of [`bitwise`].
pub enum BitOp {
    /// `asn_and`
    And,
    /// `asn_or`
    Or,
    /// `asn_xor`
    Xor,
}

/// Bitwise operation on the raw strings, the shorter sign-extended; the
/// result is as long as the longer argument.
pub fn bitwise(a: &[u8], b: &[u8], op: BitOp) -> Vec<u8> {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let ext = if short.first().is_some_and(|&c| c & 0x80 != 0) {
        0xff
    } else {
        0
    };
    let pad = long.len() - short.len();
    (0..long.len())
        .map(|i| {
            let x = if i < pad { ext } else { short[i - pad] };
            let y = long[i];
            match op {
                BitOp::And => x & y,
                BitOp::Or => x | y,
                BitOp::Xor => x ^ y,
            }
        })
        .collect()
}

fn bit_kfun(
    ctx: &mut dyn KfunCtx,
    args: &[Value],
    kfun: &str,
    op: BitOp,
) -> Result<Value, LpcError> {
    let a = args::string(args, 0, kfun)?;
    let b = args::string(args, 1, kfun)?;
    ctx.charge(4 + (a.len().max(b.len()) as u64 >> 4))?;
    Ok(args::string_value(bitwise(a.as_bytes(), b.as_bytes(), op)))
}

fn kf_asn_and(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    bit_kfun(ctx, args, "asn_and", BitOp::And)
}

fn kf_asn_or(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    bit_kfun(ctx, args, "asn_or", BitOp::Or)
}

fn kf_asn_xor(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    bit_kfun(ctx, args, "asn_xor", BitOp::Xor)
}

/// Registers the `asn_*` kfuns.
pub fn register(r: &mut KfunRegistry) {
    r.register("asn_add", kf_asn_add);
    r.register("asn_sub", kf_asn_sub);
    r.register("asn_mult", kf_asn_mult);
    r.register("asn_div", kf_asn_div);
    r.register("asn_mod", kf_asn_mod);
    r.register("asn_pow", kf_asn_pow);
    r.register("asn_modinv", kf_asn_modinv);
    r.register("asn_lshift", kf_asn_lshift);
    r.register("asn_rshift", kf_asn_rshift);
    r.register("asn_cmp", kf_asn_cmp);
    r.register("asn_and", kf_asn_and);
    r.register("asn_or", kf_asn_or);
    r.register("asn_xor", kf_asn_xor);
}

#[cfg(test)]
mod tests {
    use super::super::testctx::TestCtx;
    use super::*;

    fn hex(v: &Value) -> String {
        let b = v.as_str().expect("string").as_bytes();
        if b.is_empty() {
            return "-".into();
        }
        b.iter().map(|x| format!("{x:02x}")).collect()
    }
    fn s(b: &[u8]) -> Value {
        Value::bytes(b)
    }
    fn call(c: &mut TestCtx, k: &str, a: Vec<Value>) -> String {
        match c.call(k, a) {
            Ok(Value::Int(i)) => i.to_string(),
            Ok(v) => hex(&v),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn encoding() {
        for (v, minus, enc) in [
            (0u64, false, "00"),
            (0, true, "00"),
            (1, true, "ff"),
            (127, false, "7f"),
            (128, false, "0080"),
            (128, true, "80"),
            (129, true, "ff7f"),
            (256, true, "ff00"),
            (1 << 31, true, "80000000"),
            (1 << 32, true, "ff00000000"),
            (255, true, "ff01"),
        ] {
            let e = encode(minus, &BigUint::from(v));
            let h: String = e.iter().map(|x| format!("{x:02x}")).collect();
            assert_eq!(h, enc, "{minus} {v}");
            let d = decode(&e);
            assert_eq!(d.mag, BigUint::from(v));
            assert_eq!(d.minus, minus && v != 0);
        }
        assert_eq!(decode(b"\xff\xff\xff"), decode(b"\xff"));
        assert_eq!(decode(b"").mag, BigUint::default());
    }

    #[test]
    #[allow(clippy::vec_init_then_push)]
    fn as_dgd() {
        // each line observed on DGD 1.7 (see tests/kfun_golden/asn.c)
        let mut c = TestCtx::new();
        let m = || s(b"\x01\x00\x00\x00\x00\x00");
        let big = || s(b"\x7f\xff\xff\xff\xff\xff\xff\xff");
        let mut got = Vec::new();
        got.push(call(&mut c, "asn_add", vec![s(b"\x05"), s(b"\x03"), m()]));
        got.push(call(
            &mut c,
            "asn_add",
            vec![s(b"\xfb"), s(b"\x02"), s(b"\x03")],
        ));
        got.push(call(&mut c, "asn_add", vec![s(b"\x80"), s(b"\xff"), m()]));
        got.push(call(
            &mut c,
            "asn_sub",
            vec![s(b"\x01"), s(b"\x02\x00"), m()],
        ));
        got.push(call(
            &mut c,
            "asn_sub",
            vec![s(b"\x00"), s(b"\x00\x80\x00\x00\x00"), m()],
        ));
        got.push(call(&mut c, "asn_mult", vec![big(), big(), m()]));
        got.push(call(&mut c, "asn_div", vec![s(b"\x9c"), s(b"\x07"), m()]));
        got.push(call(&mut c, "asn_div", vec![big(), s(b"\x03"), s(b"\x10")]));
        got.push(call(&mut c, "asn_div", vec![s(b"\x01"), s(b""), m()]));
        got.push(call(
            &mut c,
            "asn_div",
            vec![s(b"\x01"), s(b"\x00"), s(b"\x00")],
        ));
        got.push(call(&mut c, "asn_mod", vec![s(b"\x07"), s(b"\x07")]));
        got.push(call(&mut c, "asn_mod", vec![s(b"\x9c"), s(b"\x07")]));
        got.push(call(
            &mut c,
            "asn_pow",
            vec![s(b"\xfd"), s(b"\x02"), s(b"\x64")],
        ));
        got.push(call(
            &mut c,
            "asn_pow",
            vec![s(b"\x03"), s(b"\xff"), s(b"\x07")],
        ));
        got.push(call(
            &mut c,
            "asn_pow",
            vec![s(b"\x02"), s(b"\xff"), s(b"\x04")],
        ));
        got.push(call(
            &mut c,
            "asn_pow",
            vec![s(b"\x05"), s(b"\x00"), s(b"\x01")],
        ));
        got.push(call(
            &mut c,
            "asn_pow",
            vec![s(b"\xfd"), s(b"\x01\x00\x00\x00\x00"), s(b"\x64")],
        ));
        got.push(call(&mut c, "asn_modinv", vec![s(b"\xfd"), s(b"\x07")]));
        got.push(call(
            &mut c,
            "asn_lshift",
            vec![s(b"\x01"), Value::Int(100), s(b"\x64")],
        ));
        got.push(call(
            &mut c,
            "asn_lshift",
            vec![s(b"\x01"), Value::Int(-1), m()],
        ));
        got.push(call(&mut c, "asn_rshift", vec![s(b"\xff"), Value::Int(1)]));
        got.push(call(&mut c, "asn_cmp", vec![s(b"\xfe"), s(b"\xff")]));
        got.push(call(&mut c, "asn_and", vec![s(b"\xff"), s(b"\x12\x34")]));
        got.push(call(&mut c, "asn_xor", vec![s(b"\x80"), s(b"\x12\x34")]));
        got.push(call(&mut c, "asn_or", vec![s(b""), s(b"")]));
        got.push(call(
            &mut c,
            "asn_add",
            vec![s(b"\x01"), s(b"\x01"), s(b"\x80")],
        ));
        assert_eq!(
            got,
            [
                "08",
                "00",
                "ff7f",
                "fe01",
                "80000000",
                "01",
                "f2",
                "0a",
                "Division by zero",
                "Invalid modulus",
                "07",
                "fe",
                "f7",
                "05",
                "No inverse",
                "01",
                "15",
                "fb",
                "4c",
                "Negative left shift",
                "00",
                "-1",
                "1234",
                "edb4",
                "-",
                "Invalid modulus",
            ]
        );
        // beyond DGD (which loops forever on this one): -2^32
        assert_eq!(
            call(
                &mut c,
                "asn_sub",
                vec![s(b"\x00"), s(b"\x01\x00\x00\x00\x00"), m()]
            ),
            "ff00000000"
        );
        // a huge shift with a small modulus stays cheap
        assert_eq!(
            call(
                &mut c,
                "asn_lshift",
                vec![s(b"\x01"), Value::Int(i32::MAX), s(b"\x07")]
            ),
            "02"
        );
    }

    #[test]
    fn big_pow_runs_out_of_ticks() {
        let mut c = TestCtx::new();
        c.tick_limit = 100_000;
        let m = vec![0x7fu8; 4096];
        let e = vec![0x7fu8; 4096];
        let r = c.call("asn_pow", vec![s(b"\x03"), s(&e), s(&m)]);
        assert_eq!(r.unwrap_err().to_string(), "Out of ticks");
    }
}
