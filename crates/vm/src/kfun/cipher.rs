//! `encrypt` / `decrypt` with DGD's built-in cipher, DES.
//!
//! `encrypt("DES key", key)` (and `decrypt("DES key", key)`) turns an
//! 8-byte key into a 128-byte prepared key: the 16 round keys, each as two
//! big-endian 32-bit words holding the 6-bit groups of S-boxes 1,3,5,7 and
//! 2,4,6,8 in their low bits of each byte (the decryption key has the rounds
//! reversed). `encrypt("DES", prepared, mesg)` encrypts in ECB mode, the last
//! block padded with NUL bytes; `decrypt("DES", prepared, mesg)` is the same
//! operation with a decryption key. As in DGD, each key byte is shifted left
//! one bit before use (so only its low 7 bits count).

use super::args;
use super::crypt::{des_block, des_round_keys};
use crate::value::{KfunCtx, KfunRegistry, LpcError, Value};

/// Length of a prepared key.
pub const PREPARED_KEY_LEN: usize = 128;

/// The prepared key string of an 8-byte key.
pub fn prepare_key(key: &[u8], decrypt: bool) -> Result<Vec<u8>, LpcError> {
    let key: &[u8; 8] = key
        .try_into()
        .map_err(|_| LpcError::new("Wrong key length"))?;
    let mut rounds = des_round_keys(key);
    if decrypt {
        rounds.reverse();
    }
    let mut out = Vec::with_capacity(PREPARED_KEY_LEN);
    for k in rounds {
        // the eight 6-bit groups, S-box 1 first
        let g = |i: u32| ((k >> (42 - 6 * i)) & 0x3f) as u32;
        let w0 = (g(0) << 24) | (g(2) << 16) | (g(4) << 8) | g(6);
        let w1 = (g(1) << 24) | (g(3) << 16) | (g(5) << 8) | g(7);
        out.extend_from_slice(&w0.to_be_bytes());
        out.extend_from_slice(&w1.to_be_bytes());
    }
    Ok(out)
}

/// The round keys of a prepared key.
fn unprepare(prepared: &[u8]) -> Result<[u64; 16], LpcError> {
    if prepared.len() != PREPARED_KEY_LEN {
        return Err(LpcError::new("Wrong key length"));
    }
    let mut keys = [0u64; 16];
    for (r, k) in keys.iter_mut().enumerate() {
        let w = |j: usize| {
            let o = r * 8 + j * 4;
            u32::from_be_bytes([
                prepared[o],
                prepared[o + 1],
                prepared[o + 2],
                prepared[o + 3],
            ])
        };
        let (w0, w1) = (w(0), w(1));
        let mut groups = [0u64; 8];
        for i in 0..4 {
            groups[2 * i] = u64::from((w0 >> (24 - 8 * i)) & 0x3f);
            groups[2 * i + 1] = u64::from((w1 >> (24 - 8 * i)) & 0x3f);
        }
        *k = groups.iter().fold(0u64, |acc, g| (acc << 6) | g);
    }
    Ok(keys)
}

/// DES in ECB mode over `mesg` (NUL-padded to a multiple of 8 bytes) with a
/// prepared key.
pub fn des(prepared: &[u8], mesg: &[u8]) -> Result<Vec<u8>, LpcError> {
    let keys = unprepare(prepared)?;
    let mut out = Vec::with_capacity(mesg.len().div_ceil(8) * 8);
    for chunk in mesg.chunks(8) {
        let mut block = [0u8; 8];
        block[..chunk.len()].copy_from_slice(chunk);
        let c = des_block(u64::from_be_bytes(block), &keys);
        out.extend_from_slice(&c.to_be_bytes());
    }
    Ok(out)
}

fn cipher(
    ctx: &mut dyn KfunCtx,
    args: &[Value],
    kfun: &str,
    decrypt: bool,
) -> Result<Value, LpcError> {
    let name = args::string(args, 0, kfun)?;
    match name.as_bytes() {
        b"DES key" => {
            if args.len() > 2 {
                return Err(LpcError::new(format!("Too many arguments for kfun {kfun}")));
            }
            if args.len() < 2 {
                return Err(LpcError::new(format!("Too few arguments for kfun {kfun}")));
            }
            let key = args::string(args, 1, kfun)?;
            ctx.charge(60)?;
            Ok(args::string_value(prepare_key(key.as_bytes(), decrypt)?))
        }
        b"DES" => {
            if args.len() < 3 {
                return Err(LpcError::new(format!("Too few arguments for kfun {kfun}")));
            }
            if args.len() > 3 {
                return Err(LpcError::new(format!("Too many arguments for kfun {kfun}")));
            }
            let key = args::string(args, 1, kfun)?;
            let mesg = args::string(args, 2, kfun)?;
            if key.len() != PREPARED_KEY_LEN {
                return Err(LpcError::new("Wrong key length"));
            }
            ctx.charge(5 * mesg.len() as u64)?;
            if mesg.len().div_ceil(8) * 8 > super::MAX_STRLEN {
                return Err(LpcError::new("String too long"));
            }
            Ok(args::string_value(des(key.as_bytes(), mesg.as_bytes())?))
        }
        _ => Err(LpcError::new("Unknown cipher")),
    }
}

fn kf_encrypt(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    cipher(ctx, args, "encrypt", false)
}

fn kf_decrypt(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    cipher(ctx, args, "decrypt", true)
}

/// Registers `encrypt` and `decrypt`.
pub fn register(r: &mut KfunRegistry) {
    r.register("encrypt", kf_encrypt);
    r.register("decrypt", kf_decrypt);
}

#[cfg(test)]
mod tests {
    use super::super::testctx::TestCtx;
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }
    fn s(b: &[u8]) -> Value {
        Value::bytes(b)
    }
    fn bytes(v: Value) -> Vec<u8> {
        v.as_str().expect("string").as_bytes().to_vec()
    }

    #[test]
    fn as_dgd() {
        // observed on DGD 1.7
        let mut c = TestCtx::new();
        let k = bytes(
            c.call("encrypt", vec![s(b"DES key"), s(b"abcdefgh")])
                .unwrap(),
        );
        assert_eq!(
            hex(&k),
            "2f0d2e003d1307322b2d2626351b34250b0f002e3719241107373404351932151727380e361930080736140c3e0d030f16361d02320f212c1e3210271a2d032b36321b161b2c0e01343b2a110a2e240b3c38330c0f262d02383d251d0b260428381936290f370900391d34181d320e38390f0e382d3313082b0d021a2d332135"
        );
        let dk = bytes(
            c.call("decrypt", vec![s(b"DES key"), s(b"abcdefgh")])
                .unwrap(),
        );
        assert_eq!(&hex(&dk)[..32], "2b0d021a2d332135390f0e382d331308");
        let ct = bytes(
            c.call("encrypt", vec![s(b"DES"), s(&k), s(b"hello world")])
                .unwrap(),
        );
        assert_eq!(hex(&ct), "2c765060e412e767812ab3b247fa950b");
        let pt = bytes(c.call("decrypt", vec![s(b"DES"), s(&dk), s(&ct)]).unwrap());
        assert_eq!(pt, b"hello world\0\0\0\0\0");
        let k2 = bytes(
            c.call(
                "encrypt",
                vec![s(b"DES key"), s(b"\x01\x23\x45\x67\x89\xab\xcd\xef")],
            )
            .unwrap(),
        );
        let ct = bytes(
            c.call("encrypt", vec![s(b"DES"), s(&k2), s(b"Now is t")])
                .unwrap(),
        );
        assert_eq!(hex(&ct), "a4ad9b561c343a7e");
        let k3 = bytes(
            c.call("encrypt", vec![s(b"DES key"), s(&[0x80; 8])])
                .unwrap(),
        );
        let ct = bytes(
            c.call("encrypt", vec![s(b"DES"), s(&k3), s(b"12345678")])
                .unwrap(),
        );
        assert_eq!(hex(&ct), "62dd8e4a614e1af9");
        assert_eq!(
            bytes(c.call("encrypt", vec![s(b"DES"), s(&k), s(b"")]).unwrap()),
            b""
        );
    }

    #[test]
    fn standard_des_with_shifted_key() {
        // FIPS 81 vector: key 0123456789abcdef, "Now is t" -> 3fa40e8a984d4815;
        // DGD shifts key bytes left, so pass the key shifted right.
        let key: Vec<u8> = [0x01u8, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]
            .iter()
            .map(|b| b >> 1)
            .collect();
        let k = prepare_key(&key, false).unwrap();
        assert_eq!(hex(&des(&k, b"Now is t").unwrap()), "3fa40e8a984d4815");
    }

    #[test]
    fn errors() {
        let mut c = TestCtx::new();
        let e = |r: Result<Value, LpcError>| r.unwrap_err().to_string();
        assert_eq!(
            e(c.call("encrypt", vec![s(b"DES key"), s(b"short")])),
            "Wrong key length"
        );
        assert_eq!(
            e(c.call("encrypt", vec![s(b"DES"), s(b"short"), s(b"x")])),
            "Wrong key length"
        );
        assert_eq!(
            e(c.call("encrypt", vec![s(b"AES"), s(b"x")])),
            "Unknown cipher"
        );
        assert_eq!(
            e(c.call("decrypt", vec![s(b"DES key"), s(b"abcdefgh"), s(b"x")])),
            "Too many arguments for kfun decrypt"
        );
        let k = bytes(
            c.call("encrypt", vec![s(b"DES key"), s(b"abcdefgh")])
                .unwrap(),
        );
        assert_eq!(
            e(c.call("encrypt", vec![s(b"DES"), s(&k)])),
            "Too few arguments for kfun encrypt"
        );
    }
}
