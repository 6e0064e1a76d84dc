//! The grammar language of `parse_string`: token rules (`name = /regexp/`,
//! `name = nomatch`) and production rules (`name : symbols 'strings' ? func`),
//! checked with DGD's error messages ("Rule 3: malformed regular expression").
//!
//! Rules are numbered from 1 in the order they appear. A production rule's
//! body ends at the first token that cannot continue it; that token is then
//! read as the start of the next rule, so an error in it names the next rule
//! number (DGD does the same).

use super::regex::{parse_regexp, Regex, RegexError};

/// A grammar symbol on the right-hand side of a production.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sym {
    /// Token number: regexp token rules first (in definition order), then the
    /// string constants (in order of first appearance).
    Tok(u16),
    /// Nonterminal number (definition order; 0 is the start symbol).
    Nt(u16),
}

/// One production alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Nonterminal on the left; `None` for the augmented start rule.
    pub lhs: Option<u16>,
    pub rhs: Vec<Sym>,
    /// `? function`: called with the rule's parse tree.
    pub quest: Option<String>,
    /// `< function`: called with the rest of the input when every parse
    /// reduces by this rule (a sub-parser).
    pub less: Option<String>,
}

/// A checked grammar.
#[derive(Clone, Debug)]
pub struct Grammar {
    /// Regexp token rules in definition order: each name's alternatives.
    pub regexps: Vec<Vec<Regex>>,
    /// Token names (for diagnostics).
    pub token_names: Vec<String>,
    /// String constants used in productions, token numbers `regexps.len()..`.
    pub strings: Vec<Vec<u8>>,
    /// Token number of `whitespace`, if defined.
    pub whitespace: Option<u16>,
    /// Token number of the rule holding `nomatch`, if any.
    pub nomatch: Option<u16>,
    /// Every production alternative: `rules[0]` is the augmented start rule
    /// (`-> start`), then each nonterminal's alternatives in definition order,
    /// nonterminals in definition order. This order is DGD's rule order, used
    /// to sort alternative parse trees.
    pub rules: Vec<Rule>,
    /// For each nonterminal, the indices in `rules` of its alternatives.
    pub nt_rules: Vec<Vec<u32>>,
    pub nt_names: Vec<String>,
}

impl Grammar {
    pub fn ntokens(&self) -> usize {
        self.regexps.len() + self.strings.len()
    }
}

/// A grammar error; `Display` is DGD's message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GrammarError {
    #[error("Rule {0}: bad token")]
    BadToken(u32),
    #[error("Rule {0}: malformed regular expression")]
    BadRegexp(u32),
    #[error("Rule {0}: regular expression too large")]
    RegexpTooLarge(u32),
    #[error("Rule {0}: malformed string constant")]
    BadString(u32),
    #[error("Rule {0}: string too long")]
    StringTooLong(u32),
    #[error("Rule {0}: symbol too long")]
    SymbolTooLong(u32),
    #[error("Rule {0}: unexpected token")]
    Unexpected(u32),
    #[error("Rule {0}: regular expression expected")]
    RegexpExpected(u32),
    #[error("Rule {0}: extra nomatch rule")]
    ExtraNomatch(u32),
    #[error("Rule {0} previously defined as production rule")]
    WasProduction(u32),
    #[error("Rule {0} previously defined as token rule")]
    WasToken(u32),
    #[error("Rule {0}: function name expected")]
    FunctionExpected(u32),
    #[error("Rule {0}: function name too long")]
    FunctionTooLong(u32),
    #[error("Rule {0} is too long")]
    RuleTooLong(u32),
    #[error("Undefined symbol {0}")]
    Undefined(String),
    #[error("No tokens")]
    NoTokens,
    #[error("No starting rule")]
    NoStart,
    #[error("Grammar too large")]
    TooLarge,
}

/// DGD's internal string size: symbols, strings and regexps stay below it.
const STRINGSZ: usize = 256;

/// A token of the grammar text.
#[derive(Debug)]
enum GTok {
    End,
    /// `name =`
    TokSym(String),
    /// `name :`
    ProdSym(String),
    /// `name` (not followed by `=` or `:`)
    Symbol(String),
    Regexp(Regex, usize),
    /// A string constant; `escaped` when a `\` escape appears after its
    /// first character (DGD stores those differently; it matters only for
    /// the grammar size).
    Str(Vec<u8>, bool),
    Less,
    Quest,
    Error,
    BadRegexp,
    RegexpTooLarge,
    BadString,
    StringTooLong,
    SymbolTooLong,
}

struct Lexer<'a> {
    s: &'a [u8],
    pos: usize,
}

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\n'
}

impl Lexer<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.s.get(i).copied()
    }

    fn next(&mut self) -> GTok {
        while let Some(c) = self.at(self.pos) {
            if is_ws(c) {
                self.pos += 1;
                continue;
            }
            return match c {
                b'<' => {
                    self.pos += 1;
                    GTok::Less
                }
                b'?' => {
                    self.pos += 1;
                    GTok::Quest
                }
                b'/' => match parse_regexp(self.s, self.pos + 1) {
                    Ok((rx, size, end)) => {
                        self.pos = end;
                        GTok::Regexp(rx, size)
                    }
                    Err(RegexError::Malformed) => GTok::BadRegexp,
                    Err(RegexError::TooLarge) => GTok::RegexpTooLarge,
                },
                b'\'' => self.string(),
                c if c.is_ascii_alphabetic() || c == b'_' => self.symbol(),
                _ => GTok::Error,
            };
        }
        GTok::End
    }

    fn string(&mut self) -> GTok {
        let mut i = self.pos + 1;
        let mut out = Vec::new();
        let mut escaped = false;
        loop {
            let Some(mut c) = self.at(i) else {
                return GTok::BadString;
            };
            if c == b'\'' {
                break;
            }
            if c == b'\\' {
                i += 1;
                match self.at(i) {
                    Some(e) => c = e,
                    None => return GTok::BadString,
                }
                if !out.is_empty() {
                    escaped = true;
                }
            }
            if out.len() == STRINGSZ - 1 {
                return GTok::StringTooLong;
            }
            out.push(c);
            i += 1;
        }
        if out.is_empty() {
            return GTok::BadString;
        }
        self.pos = i + 1;
        GTok::Str(out, escaped)
    }

    fn symbol(&mut self) -> GTok {
        let start = self.pos;
        let mut i = start + 1;
        while let Some(c) = self.at(i) {
            if !(c.is_ascii_alphanumeric() || c == b'_') {
                break;
            }
            if i - start == STRINGSZ - 1 {
                return GTok::SymbolTooLong;
            }
            i += 1;
        }
        let name = String::from_utf8_lossy(&self.s[start..i]).into_owned();
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        match self.at(i) {
            Some(b'=') => {
                self.pos = i + 1;
                GTok::TokSym(name)
            }
            Some(b':') => {
                self.pos = i + 1;
                GTok::ProdSym(name)
            }
            _ => {
                self.pos = i;
                GTok::Symbol(name)
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Unknown,
    Token(u16),
    Prod(u16),
}

struct Named {
    kind: Kind,
    /// Order in which the symbol was first referenced (for "Undefined symbol").
    seen: usize,
}

/// A production alternative before numbering.
struct RawRule {
    rhs: Vec<RawSym>,
    quest: Option<String>,
    less: Option<String>,
}

enum RawSym {
    Name(String),
    Str(u16),
}

/// Checks `text` and builds the grammar, or gives DGD's error.
pub fn parse_grammar(text: &[u8]) -> Result<Grammar, GrammarError> {
    let mut lx = Lexer { s: text, pos: 0 };
    let mut names: std::collections::HashMap<String, Named> = Default::default();
    let mut regexps: Vec<Vec<Regex>> = Vec::new();
    let mut token_names: Vec<String> = Vec::new();
    let mut strings: Vec<Vec<u8>> = Vec::new();
    let mut prods: Vec<Vec<RawRule>> = Vec::new();
    let mut prod_names: Vec<String> = Vec::new();
    let mut nomatch: Option<u16> = None;
    let mut seen = 0usize;
    // DGD's size of the preprocessed grammar (header and start rule).
    let mut size: usize = 25;

    let mut tok = lx.next();
    let mut ruleno: u32 = 1;
    loop {
        match tok {
            GTok::TokSym(name) => {
                let idx = match names.get(&name).map(|n| n.kind) {
                    Some(Kind::Token(i)) => i,
                    Some(Kind::Prod(_)) => return Err(GrammarError::WasProduction(ruleno)),
                    Some(Kind::Unknown) | None => {
                        let i = regexps.len() as u16;
                        regexps.push(Vec::new());
                        token_names.push(name.clone());
                        size += 4;
                        let e = names.entry(name).or_insert(Named {
                            kind: Kind::Unknown,
                            seen,
                        });
                        e.kind = Kind::Token(i);
                        i
                    }
                };
                match lx.next() {
                    GTok::Regexp(rx, len) => {
                        size += len + 1;
                        if let Some(alts) = regexps.get_mut(idx as usize) {
                            alts.push(rx);
                        }
                    }
                    GTok::BadRegexp => return Err(GrammarError::BadRegexp(ruleno)),
                    GTok::RegexpTooLarge => return Err(GrammarError::RegexpTooLarge(ruleno)),
                    GTok::Symbol(s) if s == "nomatch" => {
                        if nomatch.is_some() {
                            return Err(GrammarError::ExtraNomatch(ruleno));
                        }
                        nomatch = Some(idx);
                    }
                    _ => return Err(GrammarError::RegexpExpected(ruleno)),
                }
                tok = lx.next();
            }
            GTok::ProdSym(name) => {
                let idx = match names.get(&name).map(|n| n.kind) {
                    Some(Kind::Prod(i)) => i,
                    Some(Kind::Token(_)) => return Err(GrammarError::WasToken(ruleno)),
                    Some(Kind::Unknown) | None => {
                        let i = prods.len() as u16;
                        prods.push(Vec::new());
                        prod_names.push(name.clone());
                        size += 4;
                        let e = names.entry(name).or_insert(Named {
                            kind: Kind::Unknown,
                            seen,
                        });
                        e.kind = Kind::Prod(i);
                        i
                    }
                };
                let mut rule = RawRule {
                    rhs: Vec::new(),
                    quest: None,
                    less: None,
                };
                let mut len = 0usize;
                loop {
                    tok = lx.next();
                    match tok {
                        GTok::Symbol(s) => {
                            if !names.contains_key(&s) {
                                seen += 1;
                                names.insert(
                                    s.clone(),
                                    Named {
                                        kind: Kind::Unknown,
                                        seen,
                                    },
                                );
                            }
                            rule.rhs.push(RawSym::Name(s));
                            len += 2;
                        }
                        GTok::Str(s, escaped) => {
                            let i = match strings.iter().position(|x| *x == s) {
                                Some(i) => i,
                                None => {
                                    size += if escaped { 3 + s.len() } else { 4 };
                                    strings.push(s);
                                    strings.len() - 1
                                }
                            };
                            rule.rhs.push(RawSym::Str(i as u16));
                            len += 2;
                        }
                        GTok::Less => {
                            let GTok::Symbol(f) = lx.next() else {
                                return Err(GrammarError::FunctionExpected(ruleno));
                            };
                            if f.len() >= usize::from(b'A') {
                                return Err(GrammarError::FunctionTooLong(ruleno));
                            }
                            len += f.len() + 1;
                            rule.less = Some(f);
                            tok = lx.next();
                            if matches!(tok, GTok::Quest) {
                                tok = quest(&mut lx, &mut rule, &mut len, ruleno)?;
                            }
                            break;
                        }
                        GTok::Quest => {
                            tok = quest(&mut lx, &mut rule, &mut len, ruleno)?;
                            break;
                        }
                        _ => break,
                    }
                }
                if len > 255 {
                    return Err(GrammarError::RuleTooLong(ruleno));
                }
                size += len + 2;
                if let Some(p) = prods.get_mut(idx as usize) {
                    p.push(rule);
                }
            }
            GTok::End => {
                if let Some((name, _)) = names
                    .iter()
                    .filter(|(_, n)| n.kind == Kind::Unknown)
                    .max_by_key(|(_, n)| n.seen)
                {
                    return Err(GrammarError::Undefined(name.clone()));
                }
                if regexps.is_empty() {
                    return Err(GrammarError::NoTokens);
                }
                if prods.is_empty() {
                    return Err(GrammarError::NoStart);
                }
                if size > usize::from(u16::MAX) {
                    return Err(GrammarError::TooLarge);
                }
                return Ok(build(
                    regexps,
                    token_names,
                    strings,
                    prods,
                    prod_names,
                    &names,
                    nomatch,
                ));
            }
            GTok::Error => return Err(GrammarError::BadToken(ruleno)),
            GTok::BadRegexp => return Err(GrammarError::BadRegexp(ruleno)),
            GTok::RegexpTooLarge => return Err(GrammarError::RegexpTooLarge(ruleno)),
            GTok::BadString => return Err(GrammarError::BadString(ruleno)),
            GTok::StringTooLong => return Err(GrammarError::StringTooLong(ruleno)),
            GTok::SymbolTooLong => return Err(GrammarError::SymbolTooLong(ruleno)),
            GTok::Symbol(_) | GTok::Regexp(..) | GTok::Str(..) | GTok::Less | GTok::Quest => {
                return Err(GrammarError::Unexpected(ruleno))
            }
        }
        ruleno += 1;
    }
}

/// Reads the function name after `?`, then the token after it.
fn quest(
    lx: &mut Lexer<'_>,
    rule: &mut RawRule,
    len: &mut usize,
    ruleno: u32,
) -> Result<GTok, GrammarError> {
    let GTok::Symbol(f) = lx.next() else {
        return Err(GrammarError::FunctionExpected(ruleno));
    };
    *len += f.len() + 1;
    rule.quest = Some(f);
    Ok(lx.next())
}

fn build(
    regexps: Vec<Vec<Regex>>,
    token_names: Vec<String>,
    strings: Vec<Vec<u8>>,
    prods: Vec<Vec<RawRule>>,
    prod_names: Vec<String>,
    names: &std::collections::HashMap<String, Named>,
    nomatch: Option<u16>,
) -> Grammar {
    let nrgx = regexps.len() as u16;
    let whitespace = token_names
        .iter()
        .position(|n| n == "whitespace")
        .map(|i| i as u16);
    let mut rules = vec![Rule {
        lhs: None,
        rhs: vec![Sym::Nt(0)],
        quest: None,
        less: None,
    }];
    let mut nt_rules = Vec::with_capacity(prods.len());
    for (nt, alts) in prods.into_iter().enumerate() {
        let mut ids = Vec::with_capacity(alts.len());
        for raw in alts {
            let rhs = raw
                .rhs
                .into_iter()
                .map(|s| match s {
                    RawSym::Str(i) => Sym::Tok(nrgx + i),
                    RawSym::Name(n) => match names.get(&n).map(|x| x.kind) {
                        Some(Kind::Token(i)) => Sym::Tok(i),
                        Some(Kind::Prod(i)) => Sym::Nt(i),
                        // every name is defined once the grammar is checked
                        _ => Sym::Nt(0),
                    },
                })
                .collect();
            ids.push(rules.len() as u32);
            rules.push(Rule {
                lhs: Some(nt as u16),
                rhs,
                quest: raw.quest,
                less: raw.less,
            });
        }
        nt_rules.push(ids);
    }
    Grammar {
        regexps,
        token_names,
        strings,
        whitespace,
        nomatch,
        rules,
        nt_rules,
        nt_names: prod_names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(g: &str) -> String {
        match parse_grammar(g.as_bytes()) {
            Ok(_) => "ok".into(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn errors_name_the_rule() {
        assert_eq!(err("S: T"), "Undefined symbol T");
        assert_eq!(err("a = /a/\nS: X Y Z\nY: a"), "Undefined symbol Z");
        assert_eq!(err("S: 'a'"), "No tokens");
        assert_eq!(err(""), "No tokens");
        assert_eq!(err("a = /a/"), "No starting rule");
        assert_eq!(err("a = /a/\nS: a ;"), "Rule 3: bad token");
        assert_eq!(err("a = /a/\nfoo"), "Rule 2: unexpected token");
        assert_eq!(err("a = foo\nS: a"), "Rule 1: regular expression expected");
        assert_eq!(
            err("a = nomatch\nb = nomatch\nS: a"),
            "Rule 2: extra nomatch rule"
        );
        assert_eq!(
            err("a = /a/\nS: a\nS = /x/"),
            "Rule 3 previously defined as production rule"
        );
        assert_eq!(
            err("a = /a/\nS: a\na: 'x'"),
            "Rule 3 previously defined as token rule"
        );
        assert_eq!(err("a = /a/\nS: a ''"), "Rule 3: malformed string constant");
        assert_eq!(err("a = /a/\nS: a ? 'x'"), "Rule 2: function name expected");
        assert_eq!(
            err("a = /a/\nS: a /(/"),
            "Rule 3: malformed regular expression"
        );
        assert_eq!(err("a = /a/\r\nS: a"), "Rule 2: bad token");
        assert_eq!(err("a = /a/\nS: a ? f g"), "Rule 3: unexpected token");
    }

    #[test]
    fn limits() {
        let long = format!("a = /a/\nS:{}", " a".repeat(128));
        assert_eq!(err(&long), "Rule 2 is too long");
        let ok = format!("a = /a/\nS:{}", " a".repeat(127));
        assert_eq!(err(&ok), "ok");
        let sym = format!("x = /x/\na{} = /a/\nS: x", "b".repeat(255));
        assert_eq!(err(&sym), "Rule 2: symbol too long");
        let s = format!("x = /x/\nS: '{}'", "b".repeat(256));
        assert_eq!(err(&s), "Rule 3: string too long");
        let f = format!("x = /x/\nS: x < f{}", "b".repeat(64));
        assert_eq!(err(&f), "Rule 2: function name too long");
    }

    #[test]
    fn structure() {
        let g = parse_grammar(b"w = /a/\nwhitespace = / /\nS: A 'x' w ? f\nA: w\nA:").unwrap();
        assert_eq!(g.regexps.len(), 2);
        assert_eq!(g.whitespace, Some(1));
        assert_eq!(g.strings, vec![b"x".to_vec()]);
        assert_eq!(g.rules.len(), 4);
        assert_eq!(g.rules[1].rhs, vec![Sym::Nt(1), Sym::Tok(2), Sym::Tok(0)]);
        assert_eq!(g.rules[1].quest.as_deref(), Some("f"));
        assert_eq!(g.nt_rules, vec![vec![1], vec![2, 3]]);
    }
}
