//! Tokeniser for DGD configuration files.
//!
//! DGD reads its `.dgd` file with the LPC preprocessor and lexer, so a config
//! file has LPC's comments (`/* */`, and `//` as newer code uses), string
//! literals with LPC escapes, integer literals (decimal, octal, hex, and
//! character constants) and the punctuation of array and mapping literals.

use super::ConfigError;
use std::path::Path;

/// One token with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    Str(String),
    Int(i64),
    /// Punctuation: one of `= ; ( ) { } [ ] : ,`.
    Punct(char),
}

impl Tok {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("identifier `{s}`"),
            Tok::Str(s) => format!("string \"{}\"", s.escape_default()),
            Tok::Int(n) => format!("integer {n}"),
            Tok::Punct(c) => format!("`{c}`"),
        }
    }
}

/// A token and its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
}

/// The longest string DGD accepts in a config value (its STRINGSZ less one).
pub const MAX_STRING: usize = 1023;

/// Splits `src` into tokens; `file` only names the file in errors.
pub fn tokenize(file: &Path, src: &[u8]) -> Result<Vec<Token>, ConfigError> {
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut line = 1u32;
    let err = |line: u32, msg: String| ConfigError::Syntax {
        file: file.to_path_buf(),
        line,
        msg,
    };
    while i < src.len() {
        let c = src[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => i += 1,
            b'/' if src.get(i + 1) == Some(&b'*') => {
                let start = line;
                i += 2;
                loop {
                    match src.get(i) {
                        None => return Err(err(start, "unterminated comment".into())),
                        Some(b'*') if src.get(i + 1) == Some(&b'/') => {
                            i += 2;
                            break;
                        }
                        Some(b'\n') => {
                            line += 1;
                            i += 1;
                        }
                        Some(_) => i += 1,
                    }
                }
            }
            b'/' if src.get(i + 1) == Some(&b'/') => {
                while i < src.len() && src[i] != b'\n' {
                    i += 1;
                }
            }
            b'#' => {
                return Err(err(
                    line,
                    "preprocessor directives are not supported in config files".into(),
                ))
            }
            b'"' => {
                i += 1;
                let mut s = Vec::new();
                loop {
                    match src.get(i) {
                        None | Some(b'\n') => return Err(err(line, "unterminated string".into())),
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(b'\\') => {
                            let (b, used) = escape(&src[i + 1..])
                                .ok_or_else(|| err(line, "bad escape in string".into()))?;
                            s.push(b);
                            i += 1 + used;
                        }
                        Some(&b) => {
                            s.push(b);
                            i += 1;
                        }
                    }
                }
                if s.len() > MAX_STRING {
                    return Err(err(line, format!("string longer than {MAX_STRING} bytes")));
                }
                let s = String::from_utf8(s)
                    .map_err(|_| err(line, "string is not valid UTF-8".into()))?;
                out.push(Token {
                    tok: Tok::Str(s),
                    line,
                });
            }
            b'\'' => {
                let (b, used) = match src.get(i + 1) {
                    Some(b'\\') => {
                        let (b, u) = escape(&src[i + 2..])
                            .ok_or_else(|| err(line, "bad escape in character constant".into()))?;
                        (b, u + 1)
                    }
                    Some(&b) if b != b'\n' && b != b'\'' => (b, 1),
                    _ => return Err(err(line, "bad character constant".into())),
                };
                if src.get(i + 1 + used) != Some(&b'\'') {
                    return Err(err(line, "unterminated character constant".into()));
                }
                i += used + 2;
                out.push(Token {
                    tok: Tok::Int(i64::from(b)),
                    line,
                });
            }
            b'0'..=b'9' => {
                let start = i;
                while i < src.len() && (src[i].is_ascii_alphanumeric() || src[i] == b'_') {
                    i += 1;
                }
                let text = std::str::from_utf8(&src[start..i]).unwrap_or("");
                let n = parse_int(text)
                    .ok_or_else(|| err(line, format!("malformed integer `{text}`")))?;
                out.push(Token {
                    tok: Tok::Int(n),
                    line,
                });
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = i;
                while i < src.len() && (src[i].is_ascii_alphanumeric() || src[i] == b'_') {
                    i += 1;
                }
                let text = String::from_utf8_lossy(&src[start..i]).into_owned();
                out.push(Token {
                    tok: Tok::Ident(text),
                    line,
                });
            }
            b'=' | b';' | b'(' | b')' | b'{' | b'}' | b'[' | b']' | b':' | b',' => {
                out.push(Token {
                    tok: Tok::Punct(char::from(c)),
                    line,
                });
                i += 1;
            }
            _ => {
                return Err(err(
                    line,
                    format!("unexpected character `{}`", char::from(c).escape_default()),
                ))
            }
        }
    }
    Ok(out)
}

/// Decodes one LPC escape (the bytes after the backslash): the byte and how
/// many input bytes it used.
fn escape(s: &[u8]) -> Option<(u8, usize)> {
    let c = *s.first()?;
    Some(match c {
        b'a' => (7, 1),
        b'b' => (8, 1),
        b't' => (9, 1),
        b'n' => (10, 1),
        b'v' => (11, 1),
        b'f' => (12, 1),
        b'r' => (13, 1),
        b'x' => {
            let mut v: u32 = 0;
            let mut n = 0;
            while n < 2 {
                match s.get(1 + n).and_then(|b| char::from(*b).to_digit(16)) {
                    Some(d) => v = v * 16 + d,
                    None => break,
                }
                n += 1;
            }
            if n == 0 {
                return None;
            }
            (v as u8, 1 + n)
        }
        b'0'..=b'7' => {
            let mut v: u32 = 0;
            let mut n = 0;
            while n < 3 {
                match s.get(n) {
                    Some(b) if (b'0'..=b'7').contains(b) => v = v * 8 + u32::from(b - b'0'),
                    _ => break,
                }
                n += 1;
            }
            ((v & 0xff) as u8, n)
        }
        b'\n' => return None,
        other => (other, 1),
    })
}

/// Parses an LPC integer literal: decimal, `0x` hex or leading-zero octal.
fn parse_int(text: &str) -> Option<i64> {
    let v = if let Some(h) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()?
    } else if text.len() > 1 && text.starts_with('0') {
        i64::from_str_radix(&text[1..], 8).ok()?
    } else {
        text.parse::<i64>().ok()?
    };
    // LPC ints are 32-bit; DGD's lexer rejects bigger literals.
    if v > i64::from(u32::MAX) {
        return None;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(Path::new("t.dgd"), s.as_bytes())
            .unwrap()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn comments_strings_ints() {
        assert_eq!(
            toks("a = 0x10; /* x\n y */ b=\"q\\t\\x41\\101\"; // c\nd='A';e=010;"),
            vec![
                Tok::Ident("a".into()),
                Tok::Punct('='),
                Tok::Int(16),
                Tok::Punct(';'),
                Tok::Ident("b".into()),
                Tok::Punct('='),
                Tok::Str("q\tAA".into()),
                Tok::Punct(';'),
                Tok::Ident("d".into()),
                Tok::Punct('='),
                Tok::Int(65),
                Tok::Punct(';'),
                Tok::Ident("e".into()),
                Tok::Punct('='),
                Tok::Int(8),
                Tok::Punct(';'),
            ]
        );
    }

    #[test]
    fn line_numbers_count_comment_lines() {
        let t = tokenize(Path::new("t"), b"/*\n\n*/ x\n y").unwrap();
        assert_eq!(t[0].line, 3);
        assert_eq!(t[1].line, 4);
    }

    #[test]
    fn errors_name_the_line() {
        let e = tokenize(Path::new("t.dgd"), b"a = 1;\nb = \"open\n").unwrap_err();
        assert_eq!(e.to_string(), "t.dgd:2: unterminated string");
        assert!(tokenize(Path::new("t"), b"/* never closed").is_err());
        assert!(tokenize(Path::new("t"), b"x = 99999999999;").is_err());
        assert!(tokenize(Path::new("t"), b"x = 12abc;").is_err());
        assert!(tokenize(Path::new("t"), b"x = @;").is_err());
        assert!(tokenize(Path::new("t"), b"x = '';").is_err());
    }

    #[test]
    fn never_panics_on_any_bytes() {
        for seed in 0u32..2000 {
            let mut x = seed.wrapping_mul(2654435761);
            let bytes: Vec<u8> = (0..(seed % 40))
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    {
                        let a: &[u8] = b"\"'\\/*x0=;({[:,])}\n#9";
                        a[(x as usize) % a.len()]
                    }
                })
                .collect();
            let _ = tokenize(Path::new("fuzz"), &bytes);
        }
    }
}
