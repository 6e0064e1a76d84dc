//! The edit buffer: a sequence of lines in chunks shared by reference count.
//!
//! Cloning a [`Lines`] copies only the chunk pointers, so the undo copy the
//! editor keeps before every change costs O(lines / CHUNK); a change copies
//! only the chunks it touches (copy on write). Deleting one line in a large
//! buffer costs O(CHUNK + lines / CHUNK), so a global command over every line
//! of a big file stays far from quadratic in the line count.

use std::rc::Rc;

/// One line of text: bytes without a newline or NUL.
pub type Line = Rc<[u8]>;

/// Target chunk size in lines.
const CHUNK: usize = 256;

#[derive(Clone, Default, Debug)]
pub struct Lines {
    chunks: Vec<Rc<Vec<Line>>>,
    len: usize,
}

impl Lines {
    pub fn new() -> Lines {
        Lines::default()
    }

    pub fn from_vec(v: Vec<Line>) -> Lines {
        let mut l = Lines::new();
        l.splice(0, 0, v);
        l
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Lines `first..=last` (1-based), copied out (pointers only).
    pub fn range(&self, first: usize, last: usize) -> Vec<Line> {
        let mut out = Vec::new();
        if first == 0 || last < first || last > self.len {
            return out;
        }
        out.reserve(last - first + 1);
        let mut base = 0usize;
        for c in &self.chunks {
            let end = base + c.len();
            if end >= first && base < last {
                let lo = (first - 1).saturating_sub(base);
                let hi = (last - base).min(c.len());
                if let Some(s) = c.get(lo..hi) {
                    out.extend(s.iter().cloned());
                }
            }
            if end >= last {
                break;
            }
            base = end;
        }
        out
    }

    /// Every line.
    pub fn all(&self) -> Vec<Line> {
        self.range(1, self.len)
    }

    /// Replaces the 0-based half-open range `start..end` by `new`, returning
    /// the lines removed. Out-of-range bounds are clamped.
    pub fn splice(&mut self, start: usize, end: usize, new: Vec<Line>) -> Vec<Line> {
        let end = end.min(self.len);
        let start = start.min(end);
        // chunks [ci, cj) cover start..end (at least one chunk when any exist)
        let mut base = 0usize;
        let mut ci = self.chunks.len();
        let mut ci_base = self.len;
        for (i, c) in self.chunks.iter().enumerate() {
            if start < base + c.len() || (start == base + c.len() && i + 1 == self.chunks.len()) {
                ci = i;
                ci_base = base;
                break;
            }
            base += c.len();
        }
        let mut cj = ci;
        let mut b = ci_base;
        while cj < self.chunks.len() {
            let l = self.chunks[cj].len();
            cj += 1;
            b += l;
            if b >= end {
                break;
            }
        }
        // gather the affected lines
        let mut flat: Vec<Line> = Vec::new();
        for c in self.chunks.get(ci..cj).unwrap_or(&[]) {
            flat.extend(c.iter().cloned());
        }
        let lo = start - ci_base;
        let hi = (end - ci_base).min(flat.len());
        let lo = lo.min(hi);
        let added = new.len();
        let removed: Vec<Line> = flat.splice(lo..hi, new).collect();
        self.len = self.len + added - removed.len();
        // re-chunk
        let mut pieces: Vec<Rc<Vec<Line>>> = Vec::new();
        if !flat.is_empty() {
            let n = flat.len().div_ceil(CHUNK);
            let per = flat.len().div_ceil(n);
            let mut it = flat.into_iter().peekable();
            while it.peek().is_some() {
                pieces.push(Rc::new(it.by_ref().take(per).collect()));
            }
        }
        let ci = ci.min(self.chunks.len());
        let cj = cj.clamp(ci, self.chunks.len());
        self.chunks.splice(ci..cj, pieces);
        removed
    }

    /// Inserts `new` after line `ln` (0: before the first).
    pub fn insert_after(&mut self, ln: usize, new: Vec<Line>) {
        self.splice(ln, ln, new);
    }

    /// Removes lines `first..=last` (1-based).
    pub fn remove(&mut self, first: usize, last: usize) -> Vec<Line> {
        if first == 0 || last < first {
            return Vec::new();
        }
        self.splice(first - 1, last, Vec::new())
    }

    /// Replaces lines `first..=last` (1-based) by `new`.
    pub fn replace(&mut self, first: usize, last: usize, new: Vec<Line>) {
        if first == 0 {
            return;
        }
        self.splice(first - 1, last.max(first - 1), new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Line {
        Rc::from(s.as_bytes())
    }

    fn model_ops(ops: &[(u8, usize, usize, usize)]) {
        let mut m: Vec<Line> = Vec::new();
        let mut b = Lines::new();
        let mut counter = 0;
        for &(op, a, c, n) in ops {
            let len = m.len();
            match op % 3 {
                0 => {
                    let at = if len == 0 { 0 } else { a % (len + 1) };
                    let new: Vec<Line> = (0..n)
                        .map(|_| {
                            counter += 1;
                            l(&counter.to_string())
                        })
                        .collect();
                    m.splice(at..at, new.clone());
                    b.insert_after(at, new);
                }
                1 if len > 0 => {
                    let f = a % len + 1;
                    let t = f + c % (len - f + 1);
                    let want: Vec<Line> = m.drain(f - 1..t).collect();
                    assert_eq!(b.remove(f, t), want);
                }
                2 if len > 0 => {
                    let f = a % len + 1;
                    let t = f + c % (len - f + 1);
                    assert_eq!(b.range(f, t), m[f - 1..t].to_vec());
                }
                _ => {}
            }
            assert_eq!(b.len(), m.len());
            assert_eq!(b.all(), m);
        }
    }

    #[test]
    fn matches_a_vector() {
        model_ops(&[
            (0, 0, 0, 1000),
            (1, 5, 300, 0),
            (0, 17, 0, 600),
            (2, 3, 900, 0),
        ]);
        model_ops(&[
            (0, 0, 0, 3),
            (1, 0, 0, 0),
            (1, 0, 5, 0),
            (1, 0, 0, 0),
            (0, 0, 0, 0),
        ]);
    }

    proptest::proptest! {
        #[test]
        fn prop_matches_a_vector(ops in proptest::collection::vec(
            (0u8..3, 0usize..2000, 0usize..700, 0usize..600), 1..30)) {
            model_ops(&ops);
        }
    }
}
