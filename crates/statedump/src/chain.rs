//! Finding and verifying commit chains in a dump file, and building the state a
//! chain describes (location map and tables).
//!
//! Commits are swap records of kind [`KIND_COMMIT`]. Records are granule-aligned and an
//! increment only appends, so the newest commit is the commit record with the highest
//! offset: a scan back from the end of the file, granule by granule, finds it (a torn
//! commit or a torn tail of blobs after it is skipped and reported). Each commit links
//! to the previous commit of its file (offset, length, xxh3) and the chain is walked
//! back to its base: the nearest full commit, or the file's first commit (whose parent
//! dump, the *secondary*, holds the rest of a partial dump).

use std::path::Path;

use swap::format::{RecordHeader, RECORD_HEADER_LEN, RECORD_MAGIC};
use swap::{Container, Location, FIRST_USER_KIND};
use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, Result};
use crate::format::{flags, Commit, CommitRef, FormatError, Loc, MapRecord, TableRecord};
use crate::tables::{Table, Tables};

/// Swap record kind of a commit record.
pub const KIND_COMMIT: u16 = FIRST_USER_KIND;
/// Swap record kind of a map record (full map or delta).
pub const KIND_MAP: u16 = FIRST_USER_KIND + 1;
/// Swap record kind of a table record (full tables or delta).
pub const KIND_TABLES: u16 = FIRST_USER_KIND + 2;

/// How much of the file the backward scan reads at a time.
const SCAN_CHUNK: u64 = 1 << 20;

pub(crate) fn loc_of(l: Location) -> Loc {
    Loc {
        offset: l.offset,
        len: l.len,
    }
}

pub(crate) fn location(l: Loc) -> Location {
    Location {
        offset: l.offset,
        len: l.len,
    }
}

/// Scans back from the end of `c`, calling `f` with the location of every commit record
/// header found (newest first) until `f` returns false. Returns the number of bytes
/// scanned.
pub fn scan_commits(c: &Container, mut f: impl FnMut(Location) -> bool) -> Result<u64> {
    let io = c.io();
    let path = c.path();
    let len = io.len().map_err(|e| Error::Io {
        op: "stat",
        path: path.to_path_buf(),
        source: e,
    })?;
    // Records start at multiples of the granule, from the end of sector 0 on.
    let ss = u64::from(c.granule()).max(1);
    let first = u64::from(c.sector_size());
    let tag = c.id().tag();
    let mut hi = len;
    let mut scanned = 0u64;
    let mut buf = Vec::new();
    while hi > first {
        let lo = (hi.saturating_sub(SCAN_CHUNK) / ss * ss).max(first);
        let n = (hi - lo) as usize;
        buf.resize(n, 0);
        io.read_exact_at(&mut buf, lo).map_err(|e| Error::Io {
            op: "read",
            path: path.to_path_buf(),
            source: e,
        })?;
        scanned += n as u64;
        let mut off = lo + (n as u64 - 1) / ss * ss;
        loop {
            let at = (off - lo) as usize;
            let end = (at + RECORD_HEADER_LEN).min(buf.len());
            if let Some(h) = buf.get(at..end) {
                if h.starts_with(&RECORD_MAGIC) {
                    if let Ok(hdr) = RecordHeader::decode(h, tag) {
                        if hdr.kind == KIND_COMMIT {
                            let rl = hdr.record_len();
                            if let Ok(rl) = u32::try_from(rl) {
                                if !f(Location {
                                    offset: off,
                                    len: rl,
                                }) {
                                    return Ok(scanned);
                                }
                            }
                        }
                    }
                }
            }
            if off <= lo {
                break;
            }
            off -= ss;
        }
        hi = lo;
    }
    Ok(scanned)
}

/// A commit read from a file.
#[derive(Debug, Clone)]
pub struct ChainCommit {
    pub loc: Location,
    pub commit: Commit,
    pub hash: u64,
}

impl ChainCommit {
    /// The reference a later commit stores to this one.
    pub fn cref(&self) -> CommitRef {
        CommitRef {
            offset: self.loc.offset,
            len: u64::from(self.loc.len),
            hash: self.hash,
        }
    }
}

fn chain_err(path: &Path, offset: u64, detail: impl Into<String>) -> Error {
    Error::Chain {
        path: path.to_path_buf(),
        offset,
        detail: detail.into(),
    }
}

/// Reads and checks one record of `kind`, returning its payload.
pub fn read_payload(c: &Container, loc: Location, kind: u16, hash: Option<u64>) -> Result<Vec<u8>> {
    let rec = c.read_record(loc)?;
    if rec.kind != kind {
        return Err(chain_err(
            c.path(),
            loc.offset,
            format!("record of kind {} where kind {kind} was expected", rec.kind),
        ));
    }
    if let Some(h) = hash {
        let got = xxh3_64(&rec.payload);
        if got != h {
            return Err(chain_err(
                c.path(),
                loc.offset,
                format!("payload checksum {got:016x} differs from the commit's {h:016x}"),
            ));
        }
    }
    Ok(rec.payload)
}

/// Reads and decodes the commit record at `loc`.
pub fn read_commit(c: &Container, loc: Location) -> Result<ChainCommit> {
    let payload = read_payload(c, loc, KIND_COMMIT, None)?;
    let (commit, hash) = Commit::decode(&payload).map_err(|e| Error::Format {
        path: c.path().to_path_buf(),
        offset: loc.offset,
        source: e,
    })?;
    Ok(ChainCommit { loc, commit, hash })
}

/// Reads the commit a [`CommitRef`] points to and checks its hash.
pub fn read_commit_ref(c: &Container, r: CommitRef) -> Result<ChainCommit> {
    let len = u32::try_from(r.len)
        .map_err(|_| chain_err(c.path(), r.offset, "commit link length over u32"))?;
    let cc = read_commit(
        c,
        Location {
            offset: r.offset,
            len,
        },
    )?;
    if cc.hash != r.hash {
        return Err(chain_err(
            c.path(),
            r.offset,
            format!(
                "linked commit has checksum {:016x}, the link says {:016x}",
                cc.hash, r.hash
            ),
        ));
    }
    Ok(cc)
}

/// Walks back from `head` to the base of its chain; returns the commits oldest first.
/// Stops at the nearest commit with a full map, or at the file's first commit.
pub fn walk_chain(c: &Container, head: ChainCommit) -> Result<Vec<ChainCommit>> {
    let mut out = vec![head];
    while let Some(cur) = out.last() {
        if cur.commit.flags & flags::FULL_MAP != 0 {
            break;
        }
        let Some(prev) = cur.commit.prev else { break };
        if out.len() as u64 > u64::from(u32::MAX) {
            break;
        }
        let p = read_commit_ref(c, prev)?;
        let (pc, cc) = (&p.commit, &cur.commit);
        if pc.dump_id != cc.dump_id
            || pc.sequence.checked_add(1) != Some(cc.sequence)
            || pc.generation >= cc.generation
            || p.loc.offset >= cur.loc.offset
        {
            return Err(chain_err(
                c.path(),
                p.loc.offset,
                format!(
                    "commit (generation {}, sequence {}) does not precede commit (generation {}, sequence {})",
                    pc.generation, pc.sequence, cc.generation, cc.sequence
                ),
            ));
        }
        out.push(p);
    }
    out.reverse();
    Ok(out)
}

/// Which file a map entry points into.
pub const IN_SECONDARY: u8 = 0;
pub const IN_PRIMARY: u8 = 1;

/// The state a commit describes: where every key lives, the tables and the root.
#[derive(Debug, Default)]
pub struct State {
    /// `(key, file, location)`, strictly increasing keys; file is [`IN_PRIMARY`] or
    /// [`IN_SECONDARY`].
    pub map: Vec<(u64, u8, Loc)>,
    pub tables: Tables,
    pub root: Vec<u8>,
}

/// What a chain needs from the secondary.
pub fn needs_parent(chain: &[ChainCommit]) -> bool {
    chain.last().is_some_and(|h| h.commit.is_partial())
}

/// Checks that the flags of a chain are coherent (a non-partial chain has its map and
/// tables bases inside the file).
fn check_bases(c: &Container, chain: &[ChainCommit]) -> Result<(Option<usize>, Option<usize>)> {
    let Some(head) = chain.last() else {
        return Err(chain_err(c.path(), 0, "empty chain"));
    };
    let map_base = chain
        .iter()
        .rposition(|x| x.commit.flags & flags::FULL_MAP != 0);
    let table_base = chain
        .iter()
        .rposition(|x| x.commit.flags & flags::FULL_TABLES != 0);
    let first = &chain[0].commit;
    let partial = head.commit.is_partial();
    let map_ok = map_base.is_some() || head.commit.flags & flags::MAP_SELF != 0;
    if !(partial || map_ok && table_base.is_some()) {
        return Err(chain_err(
            c.path(),
            head.loc.offset,
            "commit claims to be complete but its chain has no full map or tables",
        ));
    }
    if partial && (map_base.is_some() || first.sequence != 0 || first.parent.is_none()) {
        return Err(chain_err(
            c.path(),
            head.loc.offset,
            "partial commit whose chain does not start from a parent dump",
        ));
    }
    Ok((map_base, table_base))
}

/// The state of a chain with its tables read and checked but not yet decoded: restore
/// decodes them while the swap registers the map.
#[derive(Debug)]
pub struct StateParts {
    pub map: Vec<(u64, u8, Loc)>,
    pub tables: TablesJob,
    pub root: Vec<u8>,
}

impl StateParts {
    /// Decodes the tables (on this thread).
    pub fn finish(self) -> Result<State> {
        Ok(State {
            map: self.map,
            tables: self.tables.run()?,
            root: self.root,
        })
    }
}

/// Table records of a chain, read and checked against the commits' hashes, waiting to
/// be decoded (on top of the parent's, for a partial chain).
#[derive(Debug)]
pub struct TablesJob {
    path: std::path::PathBuf,
    /// `(payload, is the full base, byte offset)`, oldest first.
    records: Vec<(Vec<u8>, bool, u64)>,
    parent: Option<Box<TablesJob>>,
}

impl TablesJob {
    /// Decodes the records into tables.
    pub fn run(self) -> Result<Tables> {
        let mut tables = match self.parent {
            Some(p) => p.run()?,
            None => Tables::default(),
        };
        let path = self.path;
        let fmt = |offset: u64| {
            let path = path.clone();
            move |e| Error::Format {
                path: path.clone(),
                offset,
                source: e,
            }
        };
        let bad_rec = |offset: u64, detail: &str| Error::Chain {
            path: path.clone(),
            offset,
            detail: detail.to_string(),
        };
        for (payload, is_base, offset) in self.records {
            if is_base {
                tables = Tables::default();
                let n_hint = usize::try_from(MapRecord::peek_count(&payload).unwrap_or(0))
                    .unwrap_or(0)
                    .min(payload.len() / 3);
                let mut first = true;
                let mut cur: Option<(u32, Table)> = None;
                let mut bad = false;
                let (full, _) = TableRecord::decode_with(&payload, |t, k, v| {
                    let Some(v) = v else {
                        bad = true;
                        return;
                    };
                    if !matches!(&cur, Some((ct, _)) if *ct == t) {
                        if let Some((ct, tab)) = cur.take() {
                            tables.tables.insert(ct, tab);
                        }
                        let tab = if first {
                            Table::with_capacity(n_hint, payload.len())
                        } else {
                            Table::default()
                        };
                        first = false;
                        cur = Some((t, tab));
                    }
                    if let Some((_, tab)) = cur.as_mut() {
                        if !tab.push_sorted(k, v) {
                            bad = true;
                        }
                    }
                })
                .map_err(fmt(offset))?;
                if let Some((ct, tab)) = cur.take() {
                    tables.tables.insert(ct, tab);
                }
                if !full || bad {
                    return Err(bad_rec(offset, "full table record is not full tables"));
                }
            } else {
                // Group the delta by table, then merge each table once.
                let mut by_table: Vec<(u32, TableChanges)> = Vec::new();
                let base = payload.as_ptr() as usize;
                let (full, _) = TableRecord::decode_with(&payload, |t, k, v| {
                    let e = v.map(|s| (s.as_ptr() as usize - base, s.len() as u32));
                    match by_table.last_mut() {
                        Some((lt, list)) if *lt == t => list.push((k, e)),
                        _ => by_table.push((t, vec![(k, e)])),
                    }
                })
                .map_err(fmt(offset))?;
                if full {
                    return Err(bad_rec(offset, "unexpected full tables in an increment"));
                }
                for (t, list) in by_table {
                    tables
                        .tables
                        .entry(t)
                        .or_default()
                        .merge_sorted(&list, &payload);
                }
            }
        }
        Ok(tables)
    }
}

/// Reads and checks the table records of `chain` from its table base on.
fn read_tables(
    c: &Container,
    chain: &[ChainCommit],
    table_base: Option<usize>,
    parent: Option<TablesJob>,
) -> Result<TablesJob> {
    let Some(head) = chain.last() else {
        return Err(chain_err(c.path(), 0, "empty chain"));
    };
    let parent = match (table_base, parent) {
        (Some(_), _) => None,
        (None, Some(p)) => Some(Box::new(p)),
        (None, None) => {
            return Err(chain_err(c.path(), head.loc.offset, "no table base"));
        }
    };
    let mut records = Vec::new();
    for (i, cc) in chain.iter().enumerate().skip(table_base.unwrap_or(0)) {
        let r = &cc.commit.tables;
        let payload = read_payload(c, location(r.loc), KIND_TABLES, Some(r.hash))?;
        records.push((payload, Some(i) == table_base, r.loc.offset));
    }
    Ok(TablesJob {
        path: c.path().to_path_buf(),
        records,
        parent,
    })
}

/// Builds the state of `chain` (oldest first) in `c`: the map is built and every record
/// checked; the tables are left to decode ([`StateParts::finish`]). `parent` must be
/// the parent's state when the chain is partial (its entries marked [`IN_SECONDARY`]).
pub fn build_parts(
    c: &Container,
    chain: &[ChainCommit],
    parent: Option<StateParts>,
) -> Result<StateParts> {
    let (map_base, table_base) = check_bases(c, chain)?;
    let Some(head) = chain.last() else {
        return Err(chain_err(c.path(), 0, "empty chain"));
    };
    let need_parent = head.commit.is_partial();
    let (parent_map, parent_tables) = if need_parent {
        let p = parent.ok_or_else(|| Error::NeedSecondary {
            path: c.path().to_path_buf(),
            parent: chain
                .first()
                .and_then(|f| f.commit.parent)
                .map_or(0, |p| p.dump_id),
        })?;
        (Some(p.map), Some(p.tables))
    } else {
        (None, None)
    };
    // The map decodes while another thread reads and checks the table records.
    // (If no thread can be started, everything runs here.)
    let parent_tables = std::sync::Mutex::new(Some(parent_tables));
    let take = || {
        parent_tables
            .lock()
            .ok()
            .and_then(|mut g| g.take())
            .flatten()
    };
    let (map, tables) = std::thread::scope(|sc| {
        let th = std::thread::Builder::new()
            .spawn_scoped(sc, || read_tables(c, chain, table_base, take()))
            .ok();
        let map = build_map(c, chain, map_base, parent_map);
        let tables = match th {
            Some(th) => th
                .join()
                .unwrap_or_else(|_| Err(chain_err(c.path(), 0, "table reading thread failed"))),
            None => read_tables(c, chain, table_base, take()),
        };
        (map, tables)
    });
    Ok(StateParts {
        map: map?,
        tables: tables?,
        root: head.commit.root.clone(),
    })
}

/// [`build_parts`] and decode the tables.
pub fn build_state(
    c: &Container,
    chain: &[ChainCommit],
    parent: Option<StateParts>,
) -> Result<State> {
    build_parts(c, chain, parent)?.finish()
}

fn fmt_err(c: &Container, offset: u64) -> impl Fn(FormatError) -> Error + '_ {
    move |e| Error::Format {
        path: c.path().to_path_buf(),
        offset,
        source: e,
    }
}

fn build_map(
    c: &Container,
    chain: &[ChainCommit],
    map_base: Option<usize>,
    parent_map: Option<Vec<(u64, u8, Loc)>>,
) -> Result<Vec<(u64, u8, Loc)>> {
    let mut map: Vec<(u64, u8, Loc)> = match (map_base, parent_map) {
        (None, Some(p)) => p,
        _ => Vec::new(),
    };
    let start = map_base.unwrap_or(0);
    let mut combined: Vec<(u64, Option<Loc>)> = Vec::new();
    for (i, cc) in chain.iter().enumerate().skip(start) {
        let r = &cc.commit.map;
        let payload = read_payload(c, location(r.loc), KIND_MAP, Some(r.hash))?;
        if Some(i) == map_base {
            let n = MapRecord::peek_count(&payload).unwrap_or(0);
            map.reserve(usize::try_from(n).unwrap_or(0).min(payload.len() / 2));
            let mut prev: Option<u64> = None;
            let mut bad = false;
            let (full, n) = MapRecord::decode_with(&payload, |k, e| {
                if let Some(l) = e {
                    map.push((k, IN_PRIMARY, l));
                } else {
                    bad = true;
                }
                prev = Some(k);
            })
            .map_err(fmt_err(c, r.loc.offset))?;
            if !full || bad || map.len() as u64 != n {
                return Err(chain_err(
                    c.path(),
                    r.loc.offset,
                    "full map record is not a full map",
                ));
            }
        } else {
            let mut delta: Vec<(u64, Option<Loc>)> = Vec::new();
            let (full, _) = MapRecord::decode_with(&payload, |k, e| delta.push((k, e)))
                .map_err(fmt_err(c, r.loc.offset))?;
            if full {
                return Err(chain_err(
                    c.path(),
                    r.loc.offset,
                    "unexpected full map in an increment",
                ));
            }
            // Deltas combine among themselves first (they are small), so the big map
            // is merged once.
            combined = if combined.is_empty() {
                delta
            } else {
                merge_deltas(&combined, &delta)
            };
        }
    }
    Ok(merge_map(map, &combined))
}

/// Combines two sorted deltas; the later wins.
fn merge_deltas(a: &[(u64, Option<Loc>)], b: &[(u64, Option<Loc>)]) -> Vec<(u64, Option<Loc>)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if y.0 <= x.0 => {
                if y.0 == x.0 {
                    i += 1;
                }
                out.push(*y);
                j += 1;
            }
            (Some(x), _) => {
                out.push(*x);
                i += 1;
            }
            (None, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Sorted changes of one table: key → (offset, length) in the record, or removed.
type TableChanges = Vec<(u64, Option<(usize, u32)>)>;

/// Applies a sorted delta to a sorted map in one merge pass.
fn merge_map(old: Vec<(u64, u8, Loc)>, delta: &[(u64, Option<Loc>)]) -> Vec<(u64, u8, Loc)> {
    if delta.is_empty() {
        return old;
    }
    let mut out = Vec::with_capacity(old.len() + delta.len());
    let mut i = 0;
    let mut j = 0;
    while i < old.len() || j < delta.len() {
        match (old.get(i), delta.get(j)) {
            (Some(o), Some(d)) if d.0 <= o.0 => {
                if d.0 == o.0 {
                    i += 1;
                }
                if let Some(l) = d.1 {
                    out.push((d.0, IN_PRIMARY, l));
                }
                j += 1;
            }
            (Some(o), _) => {
                out.push(*o);
                i += 1;
            }
            (None, Some(d)) => {
                if let Some(l) = d.1 {
                    out.push((d.0, IN_PRIMARY, l));
                }
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// The newest commit of a file whose whole chain verifies, with what was skipped.
#[derive(Debug)]
pub struct Newest {
    /// Oldest first; the last is the winner.
    pub chain: Vec<ChainCommit>,
    /// Newer commit records that did not verify: (offset, why).
    pub skipped: Vec<(u64, String)>,
    /// Bytes after the winning commit (blobs written after it, or a torn tail).
    pub tail_bytes: u64,
}

impl Newest {
    pub fn head(&self) -> Option<&ChainCommit> {
        self.chain.last()
    }
}

/// Finds the newest commit of `c` whose chain verifies, trying older commits when a
/// newer one is torn or damaged. `check` is run on each candidate chain (restore
/// builds the state there) and may refuse it with an error.
pub fn find_newest<T>(
    c: &Container,
    mut check: impl FnMut(&[ChainCommit]) -> Result<T>,
) -> Result<(Newest, T)> {
    let mut skipped: Vec<(u64, String)> = Vec::new();
    let mut found: Option<(Vec<ChainCommit>, T)> = None;
    let mut fatal: Option<Error> = None;
    scan_commits(c, |loc| {
        let attempt = read_commit(c, loc).and_then(|h| walk_chain(c, h));
        match attempt.and_then(|chain| check(&chain).map(|t| (chain, t))) {
            Ok(x) => {
                found = Some(x);
                false
            }
            // A commit whose record is intact but of a newer format version is not
            // damage: refuse rather than silently restore an older commit.
            Err(
                e @ (Error::NeedSecondary { .. }
                | Error::WrongSecondary { .. }
                | Error::Format {
                    source: FormatError::UnknownVersion { .. },
                    ..
                }),
            ) => {
                fatal = Some(e);
                false
            }
            Err(e) => {
                skipped.push((loc.offset, e.to_string()));
                skipped.len() < 10_000
            }
        }
    })?;
    if let Some(e) = fatal {
        return Err(e);
    }
    let Some((chain, t)) = found else {
        let detail = match skipped.first() {
            None => "no commit record in the file".to_string(),
            Some((off, why)) => format!(
                "{} commit record(s) found, none verifies; newest at byte offset {off}: {why}",
                skipped.len()
            ),
        };
        return Err(Error::NoCommit {
            path: c.path().to_path_buf(),
            detail,
        });
    };
    let len = c.io().len().unwrap_or(0);
    let ss = u64::from(c.granule()).max(1);
    let tail_bytes = chain.last().map_or(0, |h| {
        // The record ends at the end of its last granule (padding is not a tail).
        let end = (h.loc.offset + u64::from(h.loc.len)).div_ceil(ss) * ss;
        len.saturating_sub(end)
    });
    Ok((
        Newest {
            chain,
            skipped,
            tail_bytes,
        },
        t,
    ))
}
