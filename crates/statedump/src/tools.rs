//! The dump tools: `info`, `verify` and `repair` (the "paranoid dump").

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use swap::io::Vfs;
use swap::{Container, Swap, WalkItem, KIND_BLOB};

use crate::chain::{find_newest, location, ChainCommit, IN_PRIMARY};
use crate::dump::{DumpKind, Dumper};
use crate::error::{Error, Result};
use crate::format::flags;
use crate::restore::{load, Loaded};
use crate::tables::TableDelta;

fn describe(c: &ChainCommit) -> String {
    let k = &c.commit;
    let kind = if k.is_full() {
        "full"
    } else if k.flags & flags::FULL_TABLES != 0 {
        "increment (migration finished: full tables)"
    } else {
        "increment"
    };
    format!(
        "generation {:>6}  sequence {:>4}  {kind}{}  at byte {}  time {}",
        k.generation,
        k.sequence,
        if k.is_partial() { ", partial" } else { "" },
        c.loc.offset,
        k.time
    )
}

/// `info`: what is in a dump. Works without the secondary of a partial dump (then the
/// object count is that of the commit record).
pub fn info(vfs: &dyn Vfs, dump: &Path, secondary: Option<&Path>) -> Result<String> {
    let mut out = String::new();
    let loaded = load(vfs, dump, secondary);
    let (c, chain, skipped, tail, state) = match loaded {
        Ok(Loaded {
            primary,
            newest,
            state,
            ..
        }) => (
            primary,
            newest.chain,
            newest.skipped,
            newest.tail_bytes,
            Some(state),
        ),
        Err(Error::NeedSecondary { .. }) => {
            let c = Container::open(vfs, dump)?;
            let (n, ()) = find_newest(&c, |_| Ok(()))?;
            (c, n.chain, n.skipped, n.tail_bytes, None)
        }
        Err(e) => return Err(e),
    };
    let Some(head) = chain.last() else {
        return Err(Error::State("empty chain".into()));
    };
    let h = &head.commit;
    let size = c.io().len().unwrap_or(0);
    let _ = writeln!(out, "dump file:   {}", c.path().display());
    let _ = writeln!(
        out,
        "container:   id {}, format {}, sector size {}, granule {}, {} bytes",
        c.id(),
        c.header().version,
        c.sector_size(),
        c.granule(),
        size
    );
    let _ = writeln!(out, "generation:  {}", h.generation);
    let _ = writeln!(out, "dump id:     {:032x}", h.dump_id);
    match chain.first().and_then(|f| f.commit.parent) {
        Some(p) => {
            let _ = writeln!(
                out,
                "parent id:   {:032x} (generation {})",
                p.dump_id, p.generation
            );
        }
        None => {
            let _ = writeln!(out, "parent id:   none");
        }
    }
    let _ = writeln!(
        out,
        "partial:     {}",
        if h.is_partial() {
            "yes: restoring needs the secondary (the parent dump)"
        } else {
            "no"
        }
    );
    let _ = writeln!(out, "commits:     {} in the chain restored", chain.len());
    for cc in &chain {
        let _ = writeln!(out, "  {}", describe(cc));
    }
    match &state {
        Some(s) => {
            let prim = s.map.iter().filter(|e| e.1 == IN_PRIMARY).count();
            let bytes: u64 = s.map.iter().map(|e| u64::from(e.2.len)).sum();
            let _ = writeln!(
                out,
                "objects:     {} ({} in this file, {} in the secondary), {} bytes of records",
                s.map.len(),
                prim,
                s.map.len() - prim,
                bytes
            );
            let _ = writeln!(out, "tables:      {} entries", s.tables.len());
            for (t, tab) in &s.tables.tables {
                let _ = writeln!(out, "  table {t}: {} entries", tab.len());
            }
        }
        None => {
            let _ = writeln!(
                out,
                "objects:     {} (from the commit record; give the secondary for details)",
                h.object_count
            );
        }
    }
    let _ = writeln!(out, "root:        {} bytes", h.root.len());
    if tail > 0 {
        let _ = writeln!(
            out,
            "after it:    {tail} bytes (uncommitted data or a torn tail)"
        );
    }
    for (off, why) in &skipped {
        let _ = writeln!(out, "skipped:     commit at byte {off}: {why}");
    }
    Ok(out)
}

/// One fault found by `verify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub file: PathBuf,
    pub offset: u64,
    pub key: Option<u64>,
    pub what: String,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: byte offset {}", self.file.display(), self.offset)?;
        if let Some(k) = self.key {
            write!(f, ", key {k}")?;
        }
        write!(f, ": {}", self.what)
    }
}

/// What `verify` found.
#[derive(Debug, Default)]
pub struct VerifyReport {
    /// Damage the restorable state depends on (blobs, chain records).
    pub faults: Vec<Fault>,
    /// Damage nothing restorable depends on, torn tails, skipped commits.
    pub warnings: Vec<Fault>,
    /// The generation a restore would give, if any.
    pub restorable: Option<u64>,
    pub objects_checked: u64,
    pub records_walked: u64,
}

impl VerifyReport {
    /// 0: clean; 1: restorable but some objects are damaged; 2: not restorable.
    pub fn exit_code(&self) -> i32 {
        match (self.restorable, self.faults.is_empty()) {
            (None, _) => 2,
            (Some(_), false) => 1,
            (Some(_), true) => 0,
        }
    }
}

impl std::fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for x in &self.faults {
            writeln!(f, "FAULT   {x}")?;
        }
        for x in &self.warnings {
            writeln!(f, "warning {x}")?;
        }
        match self.restorable {
            Some(g) => writeln!(
                f,
                "restorable: generation {g}; {} objects checked, {} records walked, {} faults",
                self.objects_checked,
                self.records_walked,
                self.faults.len()
            ),
            None => writeln!(f, "NOT restorable; {} records walked", self.records_walked),
        }
    }
}

/// `verify`: checks every checksum of a dump (pair): every record of the files, the
/// newest restorable commit chain, and every blob it references.
pub fn verify(vfs: &dyn Vfs, dump: &Path, secondary: Option<&Path>) -> VerifyReport {
    let mut rep = VerifyReport::default();
    let mut damaged: Vec<Fault> = Vec::new();
    for p in std::iter::once(dump).chain(secondary) {
        let c = match Container::open(vfs, p) {
            Ok(c) => c,
            Err(e) => {
                rep.faults.push(Fault {
                    file: p.to_path_buf(),
                    offset: 0,
                    key: None,
                    what: e.to_string(),
                });
                continue;
            }
        };
        for item in c.walk() {
            rep.records_walked += 1;
            match item {
                WalkItem::Record { .. } => {}
                WalkItem::Damaged {
                    offset,
                    key,
                    problem,
                } => damaged.push(Fault {
                    file: p.to_path_buf(),
                    offset,
                    key,
                    what: problem,
                }),
                WalkItem::Failed(e) => {
                    rep.faults.push(Fault {
                        file: p.to_path_buf(),
                        offset: 0,
                        key: None,
                        what: e.to_string(),
                    });
                    break;
                }
            }
        }
    }
    let loaded = match load(vfs, dump, secondary) {
        Ok(l) => l,
        Err(e) => {
            rep.faults.push(Fault {
                file: dump.to_path_buf(),
                offset: 0,
                key: None,
                what: format!("no restorable state: {e}"),
            });
            rep.warnings.extend(damaged);
            return rep;
        }
    };
    rep.restorable = Some(loaded.info.generation);
    for (off, why) in &loaded.newest.skipped {
        rep.warnings.push(Fault {
            file: loaded.primary.path().to_path_buf(),
            offset: *off,
            key: None,
            what: format!("newer commit skipped: {why}"),
        });
    }
    let mut referenced: HashSet<(PathBuf, u64)> = HashSet::new();
    for &(key, file, loc) in &loaded.state.map {
        let c = if file == IN_PRIMARY {
            &loaded.primary
        } else {
            match &loaded.secondary {
                Some(s) => s,
                None => continue,
            }
        };
        rep.objects_checked += 1;
        referenced.insert((c.path().to_path_buf(), loc.offset));
        if let Err(e) = c.read_raw(location(loc), Some(key)) {
            rep.faults.push(Fault {
                file: c.path().to_path_buf(),
                offset: loc.offset,
                key: Some(key),
                what: e.to_string(),
            });
        }
    }
    for d in damaged {
        if !referenced.contains(&(d.file.clone(), d.offset)) {
            rep.warnings.push(Fault {
                what: format!("{} (not referenced by the restorable commit)", d.what),
                ..d
            });
        }
    }
    rep
}

/// What `repair` did.
#[derive(Debug, Default)]
pub struct RepairReport {
    pub generation: u64,
    pub kept: u64,
    /// Objects that could not be saved, with where and why.
    pub lost: Vec<Fault>,
    pub output: PathBuf,
}

impl std::fmt::Display for RepairReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for x in &self.lost {
            writeln!(f, "LOST    {x}")?;
        }
        writeln!(
            f,
            "wrote {}: generation {}, {} objects kept, {} lost",
            self.output.display(),
            self.generation,
            self.kept,
            self.lost.len()
        )
    }
}

/// `repair`: writes a new, clean, self-contained full dump at `output` from the newest
/// restorable commit of `dump` (and its secondary), keeping every object whose record
/// verifies and listing the others. The tables and root are copied as they are.
pub fn repair(
    vfs: Arc<dyn Vfs>,
    dump: &Path,
    secondary: Option<&Path>,
    output: &Path,
    config: swap::Config,
) -> Result<RepairReport> {
    if output == dump || Some(output) == secondary {
        return Err(Error::State(
            "repair writes a new dump: give an output path other than the inputs".into(),
        ));
    }
    let loaded = load(&*vfs, dump, secondary)?;
    let mut tmp = output.as_os_str().to_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let mut swap = Swap::create_in(vfs.clone(), &tmp, config)?;
    let mut rep = RepairReport {
        generation: loaded.info.generation,
        output: output.to_path_buf(),
        ..RepairReport::default()
    };
    for &(key, file, loc) in &loaded.state.map {
        let c = if file == IN_PRIMARY {
            &loaded.primary
        } else {
            match &loaded.secondary {
                Some(s) => s,
                None => continue,
            }
        };
        let got = c.read_record(location(loc)).and_then(|r| {
            if r.key == key && r.kind == KIND_BLOB {
                Ok(r.payload)
            } else {
                Err(swap::Error::BadRecord {
                    path: c.path().to_path_buf(),
                    key,
                    offset: loc.offset,
                    detail: format!("record holds key {} kind {}", r.key, r.kind),
                })
            }
        });
        match got {
            Ok(payload) => {
                swap.put(key, payload)?;
                rep.kept += 1;
            }
            Err(e) => rep.lost.push(Fault {
                file: c.path().to_path_buf(),
                offset: loc.offset,
                key: Some(key),
                what: e.to_string(),
            }),
        }
    }
    let mut dumper = Dumper::new(vfs.clone(), output, &tmp);
    dumper.generation = loaded.info.generation.saturating_sub(1);
    dumper.dump(
        &mut swap,
        DumpKind::Full,
        TableDelta::new(),
        &loaded.state.tables,
        &loaded.state.root,
    )?;
    drop(swap);
    let _ = vfs.remove(&tmp);
    Ok(rep)
}
