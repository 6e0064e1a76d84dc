//! `hash_string("MD5"|"SHA1"|"crypt", ...)`, `hash_crc16`, `hash_crc32`.
//!
//! Every hash takes several strings and hashes their concatenation, as the
//! kfuns do with their extra arguments. MD5 and SHA-1 return the raw digest
//! bytes (16 and 20), as DGD does.

use super::KfunError;

/// The algorithms `hash_string` knows; the names are case-sensitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlgo {
    /// `"crypt"`: Unix DES crypt.
    Crypt,
    /// `"MD5"`
    Md5,
    /// `"SHA1"`
    Sha1,
}

impl HashAlgo {
    /// The algorithm named `name`, or "Unknown hash algorithm".
    pub fn from_name(name: &[u8]) -> Result<Self, KfunError> {
        match name {
            b"crypt" => Ok(Self::Crypt),
            b"MD5" => Ok(Self::Md5),
            b"SHA1" => Ok(Self::Sha1),
            _ => Err(KfunError::UnknownHash),
        }
    }
}

/// `hash_string(algo, str, extra...)`. For `"crypt"`, `parts` are the
/// password and an optional salt (more is "Too many arguments for kfun
/// hash_string"); `random` supplies the salt when none of 2+ bytes is given.
pub fn hash_string(algo: HashAlgo, parts: &[&[u8]], random: u32) -> Result<Vec<u8>, KfunError> {
    match algo {
        HashAlgo::Md5 => Ok(md5(parts).to_vec()),
        HashAlgo::Sha1 => Ok(sha1(parts).to_vec()),
        HashAlgo::Crypt => {
            if parts.len() > 2 {
                return Err(KfunError::Other(
                    "Too many arguments for kfun hash_string".into(),
                ));
            }
            let passwd = parts.first().copied().unwrap_or(b"");
            let salt = super::crypt::choose_salt(parts.get(1).copied(), random);
            Ok(super::crypt::crypt(passwd, salt))
        }
    }
}

/// Tick cost DGD charges for `hash_crc16`/`hash_crc32` over `parts`.
pub fn crc_ticks(parts: &[&[u8]]) -> i64 {
    let len: i64 = parts.iter().map(|p| p.len() as i64).sum();
    3 * parts.len() as i64 + (len >> 2)
}

/// Tick cost DGD charges for MD5/SHA-1 over `parts`.
pub fn digest_ticks(parts: &[&[u8]]) -> i64 {
    let len: i64 = parts.iter().map(|p| p.len() as i64).sum();
    3 * parts.len() as i64 + 64 + len
}

/// `hash_crc16(str, extra...)`: CRC-16/CCITT-FALSE (poly 0x1021, init
/// 0xffff, not reflected), a value in 0..65535.
pub fn crc16(parts: &[&[u8]]) -> i32 {
    let mut crc: u16 = 0xffff;
    for part in parts {
        for &b in part.iter() {
            crc ^= u16::from(b) << 8;
            for _ in 0..8 {
                crc = if crc & 0x8000 != 0 {
                    (crc << 1) ^ 0x1021
                } else {
                    crc << 1
                };
            }
        }
    }
    i32::from(crc)
}

const fn crc32_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

static CRC32_TABLE: [u32; 256] = crc32_table();

/// `hash_crc32(str, extra...)`: the CRC-32 of zlib, as a (wrapping) LPC int.
pub fn crc32(parts: &[&[u8]]) -> i32 {
    let mut crc: u32 = 0xffff_ffff;
    for part in parts {
        for &b in part.iter() {
            crc = (crc >> 8) ^ CRC32_TABLE[((crc ^ u32::from(b)) & 0xff) as usize];
        }
    }
    (crc ^ 0xffff_ffff) as i32
}

/// Feed the concatenation of `parts` to `block` in 64-byte blocks, with the
/// MD-style padding (0x80, zeros, 64-bit bit length in `big_endian` or not).
fn md_blocks(parts: &[&[u8]], big_endian: bool, mut block: impl FnMut(&[u8; 64])) {
    let mut buf = [0u8; 64];
    let mut fill = 0usize;
    let mut total: u64 = 0;
    for part in parts {
        total = total.wrapping_add(part.len() as u64);
        for &b in part.iter() {
            buf[fill] = b;
            fill += 1;
            if fill == 64 {
                block(&buf);
                fill = 0;
            }
        }
    }
    buf[fill] = 0x80;
    fill += 1;
    if fill > 56 {
        buf[fill..].fill(0);
        block(&buf);
        fill = 0;
    }
    buf[fill..56].fill(0);
    let bits = total.wrapping_mul(8);
    let len = if big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    };
    buf[56..].copy_from_slice(&len);
    block(&buf);
}

/// MD5 (RFC 1321) of the concatenation of `parts`.
pub fn md5(parts: &[&[u8]]) -> [u8; 16] {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    // K[i] = floor(abs(sin(i + 1)) * 2^32)
    let mut k = [0u32; 64];
    for (i, v) in k.iter_mut().enumerate() {
        *v = ((i as f64 + 1.0).sin().abs() * 4_294_967_296.0) as u32;
    }
    let mut h: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    md_blocks(parts, false, |blk| {
        let mut m = [0u32; 16];
        for (i, w) in m.iter_mut().enumerate() {
            *w = u32::from_le_bytes([blk[4 * i], blk[4 * i + 1], blk[4 * i + 2], blk[4 * i + 3]]);
        }
        let (mut a, mut b, mut c, mut d) = (h[0], h[1], h[2], h[3]);
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let t = d;
            d = c;
            c = b;
            b = b.wrapping_add(
                a.wrapping_add(f)
                    .wrapping_add(k[i])
                    .wrapping_add(m[g])
                    .rotate_left(S[i]),
            );
            a = t;
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
    });
    let mut out = [0u8; 16];
    for (i, w) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
    }
    out
}

/// SHA-1 (FIPS 180) of the concatenation of `parts`.
pub fn sha1(parts: &[&[u8]]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    md_blocks(parts, true, |blk| {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([blk[4 * i], blk[4 * i + 1], blk[4 * i + 2], blk[4 * i + 3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let (mut a, mut b, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6_u32),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
        h[4] = h[4].wrapping_add(e);
    });
    let mut out = [0u8; 20];
    for (i, w) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&w.to_be_bytes());
    }
    out
}

// ---------------------------------------------------------------------------
// Kfun wiring

use super::args;
use crate::value::{KfunCtx, KfunRegistry, LpcError, Value};

/// Registers `hash_string`, `crypt`, `hash_crc16`, `hash_crc32`.
pub fn register(r: &mut KfunRegistry) {
    r.register("hash_string", kf_hash_string);
    r.register("crypt", kf_crypt);
    r.register("hash_crc16", kf_hash_crc16);
    r.register("hash_crc32", kf_hash_crc32);
}

fn kf_hash_string(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let algo = HashAlgo::from_name(args::string(args, 0, "hash_string")?.as_bytes())?;
    let parts = args::strings(args, 1, "hash_string")?;
    let ticks = match algo {
        HashAlgo::Crypt => 900,
        _ => digest_ticks(&parts),
    };
    if algo == HashAlgo::Crypt {
        ctx.charge(ticks as u64)?;
    } else {
        ctx.charge_or_fail(ticks as u64)?;
    }
    let random = (ctx.random_u64() >> 16) as u32;
    Ok(args::string_value(hash_string(algo, &parts, random)?))
}

fn kf_crypt(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let parts = args::strings(args, 0, "crypt")?;
    if parts.len() > 2 {
        return Err(LpcError::new("Too many arguments for kfun crypt"));
    }
    ctx.charge(900)?;
    let random = (ctx.random_u64() >> 16) as u32;
    Ok(args::string_value(hash_string(
        HashAlgo::Crypt,
        &parts,
        random,
    )?))
}

fn kf_hash_crc16(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let parts = args::strings(args, 0, "hash_crc16")?;
    ctx.charge_or_fail(crc_ticks(&parts) as u64)?;
    Ok(Value::Int(crc16(&parts)))
}

fn kf_hash_crc32(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let parts = args::strings(args, 0, "hash_crc32")?;
    ctx.charge_or_fail(crc_ticks(&parts) as u64)?;
    Ok(Value::Int(crc32(&parts)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn md5_vectors() {
        assert_eq!(hex(&md5(&[b""])), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(hex(&md5(&[b"abc"])), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            hex(&md5(&[b"The quick brown fox ", b"jumps over the lazy dog"])),
            "9e107d9d372bb6826bd81d3542a419d6"
        );
        let long = [b'a'; 1000];
        assert_eq!(hex(&md5(&[&long[..]])), "cabe45dcc9ae5b66ba86600cca6b8ba8");
        // 55, 56, 64 bytes: padding edge cases
        assert_eq!(
            hex(&md5(&[&long[..55]])),
            "ef1772b6dff9a122358552954ad0df65"
        );
        assert_eq!(
            hex(&md5(&[&long[..56]])),
            "3b0c8ac703f828b04c6c197006d17218"
        );
        assert_eq!(
            hex(&md5(&[&long[..64]])),
            "014842d480b571495a4a0363793f7367"
        );
    }

    #[test]
    fn sha1_vectors() {
        assert_eq!(
            hex(&sha1(&[b""])),
            "da39a3ee5e6b4b0d3255bfef95601890afd80709"
        );
        assert_eq!(
            hex(&sha1(&[b"abc"])),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex(&sha1(&[
                b"abcdbcdecdefdefgefghfghighijhi",
                b"jkijkljklmklmnlmnomnopnopq"
            ])),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        let long = [b'a'; 1000];
        assert_eq!(
            hex(&sha1(&[&long[..]])),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
    }

    #[test]
    fn crc_vectors() {
        assert_eq!(crc16(&[b"123456789"]), 0x29b1);
        assert_eq!(crc16(&[b"1234", b"56789"]), 0x29b1);
        assert_eq!(crc16(&[b""]), 0xffff);
        assert_eq!(crc32(&[b"123456789"]), 0xcbf4_3926_u32 as i32);
        assert_eq!(crc32(&[b""]), 0);
        assert_eq!(crc32(&[b"a", b"bc"]), crc32(&[b"abc"]));
    }

    #[test]
    fn hash_string_dispatch() {
        assert_eq!(HashAlgo::from_name(b"md5"), Err(KfunError::UnknownHash));
        assert_eq!(
            hash_string(HashAlgo::Md5, &[b"a", b"bc"], 0).unwrap(),
            md5(&[b"abc"]).to_vec()
        );
        assert_eq!(
            hash_string(HashAlgo::Crypt, &[b"test", b"ab"], 0).unwrap(),
            b"abgOeLfPimXQo".to_vec()
        );
        assert!(hash_string(HashAlgo::Crypt, &[b"a", b"b", b"c"], 0).is_err());
    }
}
