//! Log lines in DGD's style.
//!
//! DGD itself prints bare messages on stderr; the timestamps admins see come
//! from the mudlib's driver object, which the kernel library formats as
//! `ctime(time())[4..18] + " ** " + text`, e.g. `Nov 21 17:23:13 ** text`.
//! The driver's own lines use that same format, in local time as `ctime`.

use std::io::Write;

/// `Mmm dd hh:mm:ss` for a Unix time, in local time (as ctime()[4..18]).
pub fn stamp(t: i64) -> String {
    let ct = ctime(t);
    ct.get(4..19).unwrap_or(&ct).to_string()
}

/// DGD's `ctime()`: `"Sat Nov 21 17:23:13 2026"`, local time.
pub fn ctime(t: i64) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let tt = t as libc::time_t;
    // SAFETY: localtime_r writes into the tm we pass and reads only `tt`.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::localtime_r(&tt, &mut tm).is_null() };
    if !ok {
        return format!("? {t}");
    }
    let day = DAYS.get(tm.tm_wday as usize).copied().unwrap_or("???");
    let mon = MONTHS.get(tm.tm_mon as usize).copied().unwrap_or("???");
    format!(
        "{day} {mon} {:2} {:02}:{:02}:{:02} {}",
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year + 1900
    )
}

/// The current Unix time in seconds.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Writes one timestamped line to stderr (`text` without its newline).
pub fn line(text: &str) {
    let mut e = std::io::stderr().lock();
    let _ = writeln!(e, "{} ** {}", stamp(now()), text.trim_end_matches('\n'));
    let _ = e.flush();
}

/// Writes text from the mudlib (`send_message` in the driver object) to
/// stderr unchanged, as DGD does.
pub fn raw(bytes: &[u8]) {
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(bytes);
    let _ = e.flush();
}

#[cfg(test)]
mod tests {
    #[test]
    fn stamp_shape() {
        let s = super::stamp(0);
        assert_eq!(s.len(), 15, "{s}");
        assert_eq!(&s[6..7], " ");
        assert_eq!(&s[9..10], ":");
        let c = super::ctime(1_000_000_000);
        assert_eq!(c.len(), 24, "{c}");
        assert!(c.ends_with("2001"));
    }
}
