//! Local time for `ctime()`: a time zone's offset from UTC at a given time.
//!
//! DGD prints local time, so the VM follows the process's time zone: the `TZ`
//! environment variable when set (a zone name such as `Europe/Amsterdam`, a
//! path to a TZif file, or a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`),
//! otherwise `/etc/localtime`, otherwise UTC. TZif files (RFC 8536, versions 1
//! to 4, with the POSIX rule in their footer for times after the last
//! transition) and POSIX rules are read here, without dependencies. Bad input
//! never panics: what cannot be read is UTC.

use std::path::Path;

/// Where zone files live.
const ZONEINFO: &str = "/usr/share/zoneinfo";

/// A time zone: UTC offsets (seconds east of UTC) by time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimeZone {
    /// Offset before the first transition (and always, when there are none and
    /// no rule).
    initial: i32,
    /// (transition time, offset from then on), ascending.
    transitions: Vec<(i64, i32)>,
    /// Rule for times after the last transition (or for all times).
    rule: Option<PosixTz>,
}

impl TimeZone {
    /// UTC.
    pub fn utc() -> TimeZone {
        TimeZone::default()
    }

    /// The process's zone: `TZ` if set, else `/etc/localtime`, else UTC.
    pub fn system() -> TimeZone {
        match std::env::var("TZ") {
            Ok(spec) => TimeZone::from_tz(&spec).unwrap_or_default(),
            Err(_) => std::fs::read("/etc/localtime")
                .ok()
                .and_then(|b| TimeZone::from_tzif(&b))
                .unwrap_or_default(),
        }
    }

    /// A zone as the `TZ` variable names it: empty is UTC; `:name`, a zone
    /// name or a path is a TZif file; otherwise a POSIX rule. `None` when it
    /// is neither.
    pub fn from_tz(spec: &str) -> Option<TimeZone> {
        let spec = spec.trim();
        if spec.is_empty() {
            return Some(TimeZone::utc());
        }
        let (name, file_only) = match spec.strip_prefix(':') {
            Some(n) => (n, true),
            None => (spec, false),
        };
        if let Some(tz) = TimeZone::from_file_name(name) {
            return Some(tz);
        }
        if file_only {
            return None;
        }
        PosixTz::parse(spec).map(|rule| TimeZone {
            initial: rule.std_off,
            transitions: Vec::new(),
            rule: Some(rule),
        })
    }

    fn from_file_name(name: &str) -> Option<TimeZone> {
        if name.is_empty() || name.split('/').any(|p| p == "..") {
            return None;
        }
        let path = if name.starts_with('/') {
            Path::new(name).to_path_buf()
        } else {
            Path::new(ZONEINFO).join(name)
        };
        if !path.is_file() {
            return None;
        }
        std::fs::read(path)
            .ok()
            .and_then(|b| TimeZone::from_tzif(&b))
    }

    /// Reads a TZif file (RFC 8536).
    pub fn from_tzif(b: &[u8]) -> Option<TimeZone> {
        let h1 = Header::read(b, 0)?;
        let v1_len = h1.data_len(4);
        if h1.version >= b'2' {
            let at = 44usize.checked_add(v1_len)?;
            let h2 = Header::read(b, at)?;
            let mut tz = h2.zone(b, at + 44, 8)?;
            let footer_at = at + 44 + h2.data_len(8);
            let footer = b.get(footer_at..).unwrap_or(&[]);
            let text = std::str::from_utf8(footer).unwrap_or("");
            let line = text.strip_prefix('\n').and_then(|t| t.split('\n').next());
            tz.rule = line.filter(|l| !l.is_empty()).and_then(PosixTz::parse);
            Some(tz)
        } else {
            h1.zone(b, 44, 4)
        }
    }

    /// Offset from UTC in seconds (east positive) at Unix time `t`.
    pub fn offset_at(&self, t: i64) -> i32 {
        let after_last = self.transitions.last().is_none_or(|&(last, _)| t >= last);
        if after_last {
            if let Some(rule) = &self.rule {
                return rule.offset_at(t);
            }
        }
        let i = self.transitions.partition_point(|&(at, _)| at <= t);
        match i.checked_sub(1).and_then(|i| self.transitions.get(i)) {
            Some(&(_, off)) => off,
            None => self.initial,
        }
    }
}

/// The counts of a TZif header.
struct Header {
    version: u8,
    isutcnt: usize,
    isstdcnt: usize,
    leapcnt: usize,
    timecnt: usize,
    typecnt: usize,
    charcnt: usize,
}

impl Header {
    fn read(b: &[u8], at: usize) -> Option<Header> {
        let h = b.get(at..at.checked_add(44)?)?;
        if &h[..4] != b"TZif" {
            return None;
        }
        let n = |i: usize| -> Option<usize> {
            let s = h.get(20 + 4 * i..24 + 4 * i)?;
            Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
        };
        Some(Header {
            version: h[4],
            isutcnt: n(0)?,
            isstdcnt: n(1)?,
            leapcnt: n(2)?,
            timecnt: n(3)?,
            typecnt: n(4)?,
            charcnt: n(5)?,
        })
    }

    /// Length of the data block with `tsize`-byte times.
    fn data_len(&self, tsize: usize) -> usize {
        self.timecnt * tsize
            + self.timecnt
            + self.typecnt * 6
            + self.charcnt
            + self.leapcnt * (tsize + 4)
            + self.isstdcnt
            + self.isutcnt
    }

    /// The transitions of the data block at `at`.
    fn zone(&self, b: &[u8], at: usize, tsize: usize) -> Option<TimeZone> {
        let times = b.get(at..at + self.timecnt * tsize)?;
        let idx_at = at + self.timecnt * tsize;
        let idxs = b.get(idx_at..idx_at + self.timecnt)?;
        let types_at = idx_at + self.timecnt;
        let types = b.get(types_at..types_at + self.typecnt * 6)?;
        let offset_of = |i: usize| -> Option<i32> {
            let t = types.get(6 * i..6 * i + 4)?;
            Some(i32::from_be_bytes([t[0], t[1], t[2], t[3]]))
        };
        let mut transitions = Vec::with_capacity(self.timecnt);
        for (i, &idx) in idxs.iter().enumerate() {
            let t = &times[i * tsize..(i + 1) * tsize];
            let at = if tsize == 8 {
                i64::from_be_bytes([t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]])
            } else {
                i64::from(i32::from_be_bytes([t[0], t[1], t[2], t[3]]))
            };
            transitions.push((at, offset_of(idx as usize)?));
        }
        Some(TimeZone {
            initial: offset_of(0).unwrap_or(0),
            transitions,
            rule: None,
        })
    }
}

/// A POSIX `TZ` rule: standard offset, and optionally daylight saving time
/// with the rules of its start and end.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PosixTz {
    /// Offsets east of UTC.
    std_off: i32,
    dst: Option<Dst>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Dst {
    off: i32,
    start: (DateRule, i32),
    end: (DateRule, i32),
}

/// The day a change happens, in one of POSIX's three forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateRule {
    /// `Jn`: day 1..=365, February 29 never counted.
    Julian1(u32),
    /// `n`: day 0..=365, February 29 counted.
    Julian0(u32),
    /// `Mm.w.d`: day `d` (0 Sunday) of week `w` (5 the last) of month `m`.
    Month(u32, u32, u32),
}

impl PosixTz {
    fn parse(s: &str) -> Option<PosixTz> {
        let mut p = Cursor {
            b: s.as_bytes(),
            at: 0,
        };
        p.name()?;
        let std_off = -p.offset()?;
        if p.done() {
            return Some(PosixTz { std_off, dst: None });
        }
        p.name()?;
        let dst_off = if p.peek().is_some_and(|c| c != b',') {
            -p.offset()?
        } else {
            std_off + 3600
        };
        let (start, end) = if p.eat(b',') {
            let start = p.date_time()?;
            if !p.eat(b',') {
                return None;
            }
            (start, p.date_time()?)
        } else {
            // the default of glibc and the TZ database: US rules
            (
                (DateRule::Month(3, 2, 0), 7200),
                (DateRule::Month(11, 1, 0), 7200),
            )
        };
        if !p.done() {
            return None;
        }
        Some(PosixTz {
            std_off,
            dst: Some(Dst {
                off: dst_off,
                start,
                end,
            }),
        })
    }

    fn offset_at(&self, t: i64) -> i32 {
        let Some(dst) = &self.dst else {
            return self.std_off;
        };
        let year =
            crate::kfun::strings::civil_from_days((t + i64::from(self.std_off)).div_euclid(86_400))
                .0;
        // the change to DST happens at local standard time, back at local DST
        let start = day_start(year, dst.start.0) + i64::from(dst.start.1) - i64::from(self.std_off);
        let end = day_start(year, dst.end.0) + i64::from(dst.end.1) - i64::from(dst.off);
        let in_dst = if start <= end {
            start <= t && t < end
        } else {
            !(end <= t && t < start)
        };
        if in_dst {
            dst.off
        } else {
            self.std_off
        }
    }
}

/// Unix time of 00:00 UTC of the day `rule` picks in `year`.
fn day_start(year: i64, rule: DateRule) -> i64 {
    let jan1 = days_from_civil(year, 1, 1);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let day = match rule {
        DateRule::Julian1(n) => {
            let n = i64::from(n.clamp(1, 365)) - 1;
            // February 29 is not counted: days from March on shift by one
            jan1 + n + i64::from(leap && n >= 59)
        }
        DateRule::Julian0(n) => jan1 + i64::from(n.min(365)),
        DateRule::Month(m, w, d) => {
            let m = m.clamp(1, 12);
            let first = days_from_civil(year, m, 1);
            // 1970-01-01 was a Thursday (4)
            let wday_first = (first + 4).rem_euclid(7);
            let mut day = first + (i64::from(d.min(6)) - wday_first).rem_euclid(7);
            day += 7 * (i64::from(w.clamp(1, 5)) - 1);
            let (ny, nm) = if m == 12 {
                (year + 1, 1)
            } else {
                (year, m + 1)
            };
            let next_month = days_from_civil(ny, nm, 1);
            while day >= next_month {
                day -= 7;
            }
            day
        }
    };
    day * 86_400
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn done(&self) -> bool {
        self.at >= self.b.len()
    }

    /// A zone abbreviation: 3 or more letters, or `<...>`.
    fn name(&mut self) -> Option<()> {
        if self.eat(b'<') {
            while self.peek().is_some_and(|c| c != b'>') {
                self.at += 1;
            }
            return self.eat(b'>').then_some(());
        }
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.at += 1;
        }
        (self.at - start >= 3).then_some(())
    }

    fn number(&mut self) -> Option<i32> {
        let start = self.at;
        let mut n: i32 = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add(i32::from(c - b'0'))?;
            self.at += 1;
        }
        (self.at > start).then_some(n)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds (hours up to 167, as in TZif footers).
    fn offset(&mut self) -> Option<i32> {
        let neg = if self.eat(b'-') {
            true
        } else {
            self.eat(b'+');
            false
        };
        let h = self.number()?;
        let mut secs = h.min(167) * 3600;
        if self.eat(b':') {
            secs += self.number()?.min(59) * 60;
            if self.eat(b':') {
                secs += self.number()?.min(59);
            }
        }
        Some(if neg { -secs } else { secs })
    }

    /// `date[/time]`; the time defaults to 02:00.
    fn date_time(&mut self) -> Option<(DateRule, i32)> {
        let rule = if self.eat(b'J') {
            DateRule::Julian1(self.number()?.max(0) as u32)
        } else if self.eat(b'M') {
            let m = self.number()?.max(0) as u32;
            if !self.eat(b'.') {
                return None;
            }
            let w = self.number()?.max(0) as u32;
            if !self.eat(b'.') {
                return None;
            }
            DateRule::Month(m, w, self.number()?.max(0) as u32)
        } else {
            DateRule::Julian0(self.number()?.max(0) as u32)
        };
        let time = if self.eat(b'/') { self.offset()? } else { 7200 };
        Some((rule, time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctime(tz: &TimeZone, t: i64) -> String {
        crate::kfun::strings::ctime(t as i32, tz.offset_at(t))
    }

    #[test]
    fn posix_rules() {
        let cet = TimeZone::from_tz("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 2001-09-09 01:46:40 UTC: summer time, +2
        assert_eq!(cet.offset_at(1_000_000_000), 7200);
        assert_eq!(ctime(&cet, 1_000_000_000), "Sun Sep  9 03:46:40 2001");
        // January: +1
        assert_eq!(cet.offset_at(978_307_200), 3600);
        // the change: 2001-03-25 01:00 UTC
        assert_eq!(cet.offset_at(985_482_000 - 1), 3600);
        assert_eq!(cet.offset_at(985_482_000), 7200);
        // back: 2001-10-28 01:00 UTC
        assert_eq!(cet.offset_at(1_004_230_800 - 1), 7200);
        assert_eq!(cet.offset_at(1_004_230_800), 3600);
        let est = TimeZone::from_tz("EST5EDT").unwrap();
        assert_eq!(est.offset_at(1_000_000_000), -4 * 3600);
        assert_eq!(est.offset_at(978_307_200), -5 * 3600);
        // southern hemisphere: DST over the new year
        let nz = TimeZone::from_tz("NZST-12NZDT,M9.5.0,M4.1.0/3").unwrap();
        assert_eq!(nz.offset_at(978_307_200), 13 * 3600);
        assert_eq!(nz.offset_at(1_000_000_000), 12 * 3600);
        let fixed = TimeZone::from_tz("<+0530>-5:30").unwrap();
        assert_eq!(fixed.offset_at(0), 5 * 3600 + 1800);
        assert_eq!(TimeZone::from_tz("").unwrap(), TimeZone::utc());
        assert_eq!(TimeZone::from_tz("UTC0").unwrap().offset_at(12345), 0);
    }

    #[test]
    fn bad_specs_are_rejected_without_panic() {
        for s in [
            "X",
            "ABC",
            "ABC+",
            "ABC1DEF,M13",
            "ABC1DEF,J",
            ":nonexistent/zone",
            "../../etc/passwd",
        ] {
            assert_eq!(TimeZone::from_tz(s), None, "{s}");
        }
        assert_eq!(TimeZone::from_tzif(b"TZif2"), None);
        assert_eq!(TimeZone::from_tzif(b""), None);
    }

    /// Builds a version-2 TZif file: no v1 data, the given transitions and
    /// types, and a footer rule.
    fn tzif(transitions: &[(i64, u8)], types: &[i32], footer: &str) -> Vec<u8> {
        let mut b = Vec::new();
        let header = |b: &mut Vec<u8>, timecnt: usize, typecnt: usize| {
            b.extend_from_slice(b"TZif2");
            b.extend_from_slice(&[0; 15]);
            for n in [0, 0, 0, timecnt, typecnt, 4] {
                b.extend_from_slice(&(n as u32).to_be_bytes());
            }
        };
        header(&mut b, 0, 1);
        b.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        b.extend_from_slice(b"UTC\0");
        header(&mut b, transitions.len(), types.len());
        for (t, _) in transitions {
            b.extend_from_slice(&t.to_be_bytes());
        }
        for (_, i) in transitions {
            b.push(*i);
        }
        for off in types {
            b.extend_from_slice(&off.to_be_bytes());
            b.extend_from_slice(&[0, 0]);
        }
        b.extend_from_slice(b"UTC\0");
        b.push(b'\n');
        b.extend_from_slice(footer.as_bytes());
        b.push(b'\n');
        b
    }

    #[test]
    fn tzif_transitions_then_footer() {
        let b = tzif(
            &[(0, 1), (1_000, 0)],
            &[3600, 7200],
            "CET-1CEST,M3.5.0,M10.5.0/3",
        );
        let tz = TimeZone::from_tzif(&b).unwrap();
        assert_eq!(tz.offset_at(-5), 3600);
        assert_eq!(tz.offset_at(500), 7200);
        assert_eq!(tz.offset_at(999), 7200);
        // after the last transition the footer rule decides
        assert_eq!(tz.offset_at(1_000_000_000), 7200);
        assert_eq!(tz.offset_at(978_307_200), 3600);
        // truncated files are refused
        assert_eq!(TimeZone::from_tzif(&b[..60]), None);
    }

    #[test]
    fn system_zone_files_when_present() {
        // read only if the machine has the zone database; the values are fixed
        if let Some(tz) = TimeZone::from_tz("Europe/Amsterdam") {
            assert_eq!(tz.offset_at(1_000_000_000), 7200);
            assert_eq!(tz.offset_at(978_307_200), 3600);
            // far future: from the footer rule (or 2037 table entries)
            assert_eq!(tz.offset_at(2_000_000_000), 7200);
        }
        if let Some(tz) = TimeZone::from_tz("UTC") {
            assert_eq!(tz.offset_at(1_000_000_000), 0);
        }
    }
}
