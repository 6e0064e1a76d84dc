//! The `I` command: DGD's LPC indenter. An operator-precedence parser over
//! a rough tokenisation of each line (keywords `if else for while rlimits
//! do`, brackets, `;`, strings, comments, preprocessor lines) decides each
//! line's indentation in steps of `shiftwidth`; `case`/`default` labels back
//! up one step, lines inside `(` or `[` get half a step.

use super::{msg, Editor, Res};

const SEMICOLON: u8 = 0;
const LBRACKET: u8 = 1;
const RBRACKET: u8 = 2;
const LOPERATOR: u8 = 3;
const ROPERATOR: u8 = 4;
const LHOOK: u8 = 5;
const RHOOK: u8 = 6;
const TOKEN: u8 = 7;
const ELSE: u8 = 8;
const IF: u8 = 9;
/// `for`, `while`, `rlimits`.
const FOR: u8 = 10;
const DO: u8 = 11;
/// Bottom of the stack.
pub(super) const EOT: u8 = 12;

/// Precedences: a token is shifted when `F[top] <= G[token]`.
const F: [u8; 13] = [7, 1, 7, 1, 2, 1, 6, 4, 2, 6, 7, 2, 0];
const G: [u8; 13] = [2, 2, 1, 7, 1, 5, 1, 3, 6, 2, 2, 2, 0];

/// Depth of the token stack.
const STACKSZ: usize = 1024;

fn f(t: u8) -> u8 {
    F.get(t as usize).copied().unwrap_or(0)
}

fn g(t: u8) -> u8 {
    G.get(t as usize).copied().unwrap_or(0)
}

impl Editor {
    fn noshift(&mut self, text: &[u8]) {
        self.addblock(text);
        self.lineno += 1;
    }

    /// Indents one line into the block.
    pub(super) fn indent_line<E>(&mut self, text: &[u8]) -> Res<(), E> {
        let sw = self.vars.shiftwidth;
        let at = |i: usize| text.get(i).copied().unwrap_or(0);
        let mut do_indent = false;
        let mut idx: i32 = 0;
        let mut p = 0usize;

        if self.ind.quote != 0 {
            // inside a string continued from the previous line
            self.shift = 0;
            self.noshift(text);
        } else if self.ind.ppcontrol || at(0) == b'#' {
            self.noshift(text);
            while at(p) != 0 {
                if at(p) == b'\\' {
                    p += 1;
                    if at(p) == 0 {
                        self.ind.ppcontrol = true;
                        return Ok(());
                    }
                }
                p += 1;
            }
            self.ind.ppcontrol = false;
            return Ok(());
        } else {
            while matches!(at(p), b' ' | b'\t') {
                idx = if at(p) == b' ' {
                    idx + 1
                } else {
                    (idx + 8) & !7
                };
                p += 1;
            }
            if at(p) == 0 {
                self.noshift(&[]);
                return Ok(());
            } else if self.ind.comment {
                self.shift_line(text)?;
            } else {
                do_indent = true;
            }
        }

        let start = p;
        while at(p) != 0 {
            let mut ident: &[u8] = &[];
            let mut token;
            if self.ind.comment {
                while at(p) != b'*' {
                    if at(p) == 0 {
                        return Ok(());
                    }
                    p += 1;
                }
                while at(p) == b'*' {
                    p += 1;
                }
                if at(p) == b'/' {
                    self.ind.comment = false;
                    p += 1;
                }
                continue;
            } else if self.ind.quote != 0 {
                loop {
                    let c = at(p);
                    if c == self.ind.quote {
                        self.ind.quote = 0;
                        p += 1;
                        break;
                    } else if c == 0 {
                        self.last = self.lineno;
                        self.endblock()?;
                        return msg("Unterminated string");
                    } else if c == b'\\' {
                        p += 1;
                        if at(p) == 0 {
                            break;
                        }
                    }
                    p += 1;
                }
                token = TOKEN;
            } else {
                let c = at(p);
                p += 1;
                match c {
                    b' ' | b'\t' => continue,
                    b'\'' | b'"' => {
                        self.ind.quote = c;
                        continue;
                    }
                    b'/' if at(p) == b'*' => {
                        self.ind.comment = true;
                        let top_ind = self.ind.ind.last().copied().unwrap_or(0);
                        if do_indent {
                            self.shift = top_ind - idx;
                            self.shift_line(text)?;
                            do_indent = false;
                        } else {
                            // how far the comment moved, for its next lines
                            let mut idx2 = top_ind;
                            for &q in text.get(start..p - 1).unwrap_or(&[]) {
                                if q == b'\t' {
                                    idx = (idx + 8) & !7;
                                    idx2 = (idx2 + 8) & !7;
                                } else {
                                    idx += 1;
                                    idx2 += 1;
                                }
                            }
                            self.shift = idx2 - idx;
                        }
                        p += 1;
                        continue;
                    }
                    b'{' => token = LBRACKET,
                    b'(' => {
                        if self.ind.jskeyword {
                            token = LOPERATOR;
                        } else {
                            if at(p) == b'{' {
                                p += 1;
                            }
                            token = LHOOK;
                        }
                    }
                    b'[' => token = LHOOK,
                    b'}' => {
                        if at(p) == b')' {
                            p += 1;
                            token = RHOOK;
                        } else {
                            token = RBRACKET;
                        }
                    }
                    b')' | b']' => token = RHOOK,
                    b';' => token = SEMICOLON,
                    _ if c.is_ascii_alphabetic() || c == b'_' => {
                        let s = p - 1;
                        while at(p).is_ascii_alphanumeric() || at(p) == b'_' {
                            p += 1;
                        }
                        ident = text.get(s..p).unwrap_or(&[]);
                        token = match ident {
                            b"if" => IF,
                            b"else" => ELSE,
                            b"for" | b"while" | b"rlimits" => FOR,
                            b"do" => DO,
                            _ => TOKEN,
                        };
                    }
                    _ => token = TOKEN,
                }
            }

            // parse
            loop {
                let top = self.ind.stack.last().copied().unwrap_or(EOT);
                if top == LOPERATOR && token == RHOOK {
                    token = ROPERATOR;
                }
                if f(top) <= g(token) {
                    // shift the token
                    if self.ind.stack.len() >= STACKSZ {
                        self.last = self.lineno;
                        self.endblock()?;
                        return msg("Nesting too deep");
                    }
                    let mut i = self.ind.ind.last().copied().unwrap_or(0);
                    if (token == LBRACKET && matches!(top, ROPERATOR | ELSE | DO))
                        || token == RBRACKET
                        || (token == IF && top == ELSE)
                    {
                        i -= sw;
                    }
                    if do_indent {
                        self.shift = i - idx;
                        if i > 0 && token != RHOOK && (top == LOPERATOR || top == LHOOK) {
                            self.shift += sw / 2;
                        } else if token == TOKEN
                            && top == LBRACKET
                            && (ident == b"case" || ident == b"default")
                        {
                            self.shift -= sw;
                        }
                        self.shift_line(text)?;
                        do_indent = false;
                    }
                    if matches!(token, LBRACKET | ROPERATOR | ELSE | DO) {
                        i += sw;
                    } else if token == SEMICOLON && matches!(top, ROPERATOR | ELSE) {
                        i -= sw;
                    }
                    self.ind.stack.push(token);
                    self.ind.ind.push(i);
                    break;
                }
                // reduce the handle
                loop {
                    if self.ind.stack.len() <= 1 {
                        break;
                    }
                    let popped = self.ind.stack.pop().unwrap_or(EOT);
                    self.ind.ind.pop();
                    let now = self.ind.stack.last().copied().unwrap_or(EOT);
                    if f(now) < g(popped) {
                        break;
                    }
                }
            }
            self.ind.jskeyword = token >= IF;
        }
        Ok(())
    }
}
