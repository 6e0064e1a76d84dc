//! Classic Unix DES `crypt(3)`: 25 DES encryptions of a zero block under a
//! key made from the first 8 password bytes, with a 12-bit salt that swaps
//! E-box outputs; the result is the 2 salt characters and 11 characters of
//! the 64-bit block, 13 in all. Written from the DES standard (FIPS 46).

/// The 64 characters of the crypt alphabet, in value order.
pub const ALPHABET: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Tables of FIPS 46, bit positions counted from 1 at the most significant bit.
const IP: [u8; 64] = [
    58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6,
    64, 56, 48, 40, 32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61,
    53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
const FP: [u8; 64] = [
    40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30,
    37, 5, 45, 13, 53, 21, 61, 29, 36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27,
    34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
];
const E: [u8; 48] = [
    32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17, 16, 17, 18,
    19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
];
const P: [u8; 32] = [
    16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19,
    13, 30, 6, 22, 11, 4, 25,
];
const PC1: [u8; 56] = [
    57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60,
    52, 44, 36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29,
    21, 13, 5, 28, 20, 12, 4,
];
const PC2: [u8; 48] = [
    14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52,
    31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS: [u32; 16] = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const S: [[u8; 64]; 8] = [
    [
        14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12,
        11, 9, 5, 3, 8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9,
        1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
    ],
    [
        15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1,
        10, 6, 9, 11, 5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15,
        4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
    ],
    [
        10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5,
        14, 12, 11, 15, 1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6,
        9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
    ],
    [
        7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2,
        12, 1, 10, 14, 9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1,
        13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
    ],
    [
        2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15,
        10, 3, 9, 8, 6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14,
        2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
    ],
    [
        12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13,
        14, 0, 11, 3, 8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5,
        15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
    ],
    [
        4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5,
        12, 2, 15, 8, 6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4,
        10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
    ],
    [
        13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6,
        11, 0, 14, 9, 2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10,
        8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
    ],
];

/// Permute the `width`-bit value `input` (bit 1 = most significant) by
/// `table`, giving a `table.len()`-bit value.
fn permute(input: u64, width: u32, table: &[u8]) -> u64 {
    let mut out = 0u64;
    for &pos in table {
        out = (out << 1) | ((input >> (width - u32::from(pos))) & 1);
    }
    out
}

/// The value (0..63) of a salt character. Characters outside the crypt
/// alphabet are mapped as DGD maps them: `':'..'@'` and `'['..'` '` continue
/// the count, anything below `'.'` or above `'z'` is 0.
pub fn salt_value(c: u8) -> u32 {
    if !(b'.'..=b'z').contains(&c) {
        return 0;
    }
    let mut v = u32::from(c - b'.');
    if c > b'9' {
        v -= 7;
    }
    if c > b'Z' {
        v -= 6;
    }
    v & 63
}

/// The 16 round keys (48 bits each) of a 64-bit key.
fn key_schedule(key: u64) -> [u64; 16] {
    let cd = permute(key, 64, &PC1);
    let mut c = (cd >> 28) & 0x0fff_ffff;
    let mut d = cd & 0x0fff_ffff;
    let mut keys = [0u64; 16];
    for (k, &s) in keys.iter_mut().zip(SHIFTS.iter()) {
        c = ((c << s) | (c >> (28 - s))) & 0x0fff_ffff;
        d = ((d << s) | (d >> (28 - s))) & 0x0fff_ffff;
        *k = permute((c << 28) | d, 56, &PC2);
    }
    keys
}

/// The Feistel function with the salt's E-box swaps.
fn feistel(r: u64, k: u64, salt: u32) -> u64 {
    let mut e = permute(r, 32, &E);
    // salt bit i swaps E output bits i and i + 24 (bit 0 = first output bit)
    for i in 0..12 {
        if salt & (1 << i) != 0 {
            let a = 47 - i;
            let b = 47 - (i + 24);
            let ba = (e >> a) & 1;
            let bb = (e >> b) & 1;
            if ba != bb {
                e ^= (1 << a) | (1 << b);
            }
        }
    }
    let x = e ^ k;
    let mut out = 0u64;
    for (i, sbox) in S.iter().enumerate() {
        let six = ((x >> (42 - 6 * i)) & 0x3f) as usize;
        let row = ((six >> 4) & 2) | (six & 1);
        let col = (six >> 1) & 0xf;
        out = (out << 4) | u64::from(sbox[row * 16 + col]);
    }
    permute(out, 32, &P)
}

/// `crypt(passwd, salt)`: the 13-byte DES crypt string. Only the password
/// bytes before the first NUL, at most 8, count; the salt is the first two
/// bytes of `salt` (kept as given in the result).
pub fn crypt(passwd: &[u8], salt: [u8; 2]) -> Vec<u8> {
    let mut key = 0u64;
    let mut ended = false;
    for i in 0..8 {
        let c = if ended {
            0
        } else {
            passwd.get(i).copied().unwrap_or(0)
        };
        if c == 0 {
            ended = true;
        }
        key = (key << 8) | u64::from(c << 1);
    }
    let keys = key_schedule(key);
    let saltbits = salt_value(salt[0]) | (salt_value(salt[1]) << 6);

    // FP and IP cancel between the 25 encryptions: stay in the IP domain
    let mut block = permute(0, 64, &IP);
    for _ in 0..25 {
        let mut l = block >> 32;
        let mut r = block & 0xffff_ffff;
        for k in keys.iter() {
            let t = r;
            r = l ^ feistel(r, *k, saltbits);
            l = t;
        }
        // the halves swap after the last round
        block = (r << 32) | l;
    }
    let out = permute(block, 64, &FP);

    let mut result = Vec::with_capacity(13);
    result.push(salt[0]);
    result.push(salt[1]);
    for i in 0..11 {
        let shift = 58i32 - 6 * i;
        let v = if shift >= 0 {
            (out >> shift) & 0x3f
        } else {
            (out << 2) & 0x3f
        };
        result.push(ALPHABET[v as usize]);
    }
    result
}

/// One DES block encryption with the 16 round keys `keys` (in the order
/// they are applied: reversed keys decrypt), including IP and FP.
pub fn des_block(block: u64, keys: &[u64; 16]) -> u64 {
    let b = permute(block, 64, &IP);
    let mut l = b >> 32;
    let mut r = b & 0xffff_ffff;
    for k in keys.iter() {
        let t = r;
        r = l ^ feistel(r, *k, 0);
        l = t;
    }
    permute((r << 32) | l, 64, &FP)
}

/// The 16 DES round keys (48 bits each) of an 8-byte key as DGD takes it:
/// each key byte shifted left one bit (its top bit is lost), as for crypt.
pub fn des_round_keys(key: &[u8; 8]) -> [u64; 16] {
    let mut k = 0u64;
    for &c in key {
        k = (k << 8) | u64::from(c << 1);
    }
    key_schedule(k)
}

/// The salt DGD uses: the first two bytes of the given salt if it has at
/// least two, else two characters chosen from `random`.
pub fn choose_salt(given: Option<&[u8]>, random: u32) -> [u8; 2] {
    match given {
        Some(s) if s.len() >= 2 => [s[0], s[1]],
        _ => [
            ALPHABET[(random & 63) as usize],
            ALPHABET[((random >> 8) & 63) as usize],
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(p: &str, s: &str) -> String {
        let s = s.as_bytes();
        String::from_utf8(crypt(p.as_bytes(), [s[0], s[1]])).unwrap()
    }

    /// (password, salt, expected) from a reference crypt(3).
    const VECTORS: &[(&str, &str, &str)] = &[
        ("test", "ab", "abgOeLfPimXQo"),
        ("", "..", "..X8NBuQ4l6uQ"),
        ("a", "zz", "zzJZ5PtvFqi9o"),
        ("password", "ab", "abJnggxhB/yWI"),
        ("longpassword123", "Xy", "Xy3GYGsL3apDg"),
        ("12345678", "./", "./qw5JW./79Vg"),
        ("hello world", "AZ", "AZvlsOeH0883k"),
        ("4St'*e", "Ai", "AibCC0KqoIhds"),
        ("(a<%,XV)?,", "q5", "q5liCxGStEQvc"),
        ("0=qqk(jkS'", "Q3", "Q3x.imwWnaV9c"),
        ("2FV3f0jHh", "LB", "LBqE7i0AJtz.Y"),
        ("jr9P-g|)i(", "Oz", "Ozki19Zkh6NhY"),
        ("eWI\\k[OG@8z", "T8", "T8QHfgyChM8Ps"),
        ("Gd`L~ZEn*0", "pJ", "pJ0.mXrL3QrEQ"),
        ("4_V&v*", "cf", "cfBVwjjqr3z2c"),
        ("Mm`k[),C]zv)", "5b", "5b0kTRAsVro96"),
        ("jxZE|RvM#\\N", "JC", "JCOq97QWafvs6"),
        ("(<E1@SS`", "8J", "8J6HDpQOOv2Hs"),
        ("TgD2XgD{", "ph", "phTQH/IOkfkFM"),
        ("Q>4+74>u>\"_", "LV", "LVwg9S7bm1evE"),
        ("!3VeP", "cE", "cE3SMgk6U8iN."),
    ];

    #[test]
    fn known_vectors() {
        for (p, s, want) in VECTORS {
            assert_eq!(c(p, s), *want, "crypt({p:?}, {s:?})");
        }
    }

    #[test]
    fn odd_salts_and_bytes_as_dgd() {
        // observed on DGD 1.7
        assert_eq!(c("abc", ":@"), ":@v38ZSHyuImQ");
        assert_eq!(c("abc", "[`"), "[`LZJSnN3sw92");
        assert_eq!(c("abc", "{~"), "{~4WjmMO32dBQ");
        assert_eq!(c("abc", " !"), " !4WjmMO32dBQ");
        assert_eq!(crypt(b"\xff\x80\x01zz", *b"ab"), b"ab2yfEWY82bUA".to_vec());
        // the password ends at NUL
        assert_eq!(crypt(b"pass\0word", *b"ab"), crypt(b"pass", *b"ab"));
        assert_eq!(c("pass", "abcdef"), "abccBcrPOxnLU");
    }

    #[test]
    fn salt_choice() {
        assert_eq!(choose_salt(Some(b"xyz"), 0), *b"xy");
        assert_eq!(choose_salt(Some(b"x"), 0x0102), *b"0/");
        assert_eq!(choose_salt(None, 63 | (62 << 8)), *b"zy");
        let r = crypt(b"pw", choose_salt(None, 12345));
        assert_eq!(r.len(), 13);
        assert!(r.iter().all(|b| ALPHABET.contains(b)));
    }
}
