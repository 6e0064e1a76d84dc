//! Lazy restore: read the newest verifying commit chain and the tables, register the
//! dump (and its secondary) as swap backing files; blobs load on first use.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use swap::io::Vfs;
use swap::{Container, Swap};

use crate::chain::{
    build_parts, find_newest, location, needs_parent, read_commit_ref, walk_chain, ChainCommit,
    Newest, State, StateParts, IN_PRIMARY, IN_SECONDARY,
};
use crate::dump::{old_path_of, CurDump, Dumper};
use crate::error::{Error, Result};
use crate::format::{flags, ParentRef};
use crate::tables::Tables;

/// What to restore and where the new swapfile goes.
#[derive(Debug, Clone)]
pub struct RestoreOptions {
    /// The dump file (`dump_file` of the config, or the command line's statedump).
    pub dump_path: PathBuf,
    /// The secondary dump (needed by a partial dump; accepted and unused otherwise).
    pub secondary: Option<PathBuf>,
    /// The new swapfile (created; must not be one of the dump files).
    pub swap_path: PathBuf,
    pub swap_config: swap::Config,
}

/// What was restored and what was noticed on the way.
#[derive(Debug, Clone)]
pub struct RestoreInfo {
    /// The file restored from (normally `dump_path`; `dump_path.old` if the dump file
    /// was missing, e.g. a crash between the two renames of a dump).
    pub primary: PathBuf,
    /// The secondary used, if the dump was partial.
    pub secondary_used: Option<PathBuf>,
    pub generation: u64,
    pub dump_id: u128,
    pub parent_id: Option<u128>,
    pub partial: bool,
    /// Commits read (the chain from its base to the newest).
    pub commits: usize,
    pub objects: usize,
    pub table_entries: usize,
    /// Newer commit records that did not verify (offset, why): a torn tail.
    pub skipped: Vec<(u64, String)>,
    /// Bytes after the restored commit in the primary.
    pub tail_bytes: u64,
    pub notes: Vec<String>,
}

/// A restored world: the swap (blobs in backing files), the tables and the root, and a
/// dumper that continues the dump chain.
#[derive(Debug)]
pub struct Restored {
    pub swap: Swap,
    pub dumper: Dumper,
    pub root: Vec<u8>,
    pub tables: Tables,
    pub info: RestoreInfo,
}

/// The state of a dump (pair), read but not registered anywhere.
#[derive(Debug)]
pub struct Loaded {
    pub primary: Container,
    pub secondary: Option<Container>,
    pub newest: Newest,
    pub state: State,
    pub info: RestoreInfo,
}

fn open(vfs: &dyn Vfs, p: &Path) -> Result<Container> {
    Ok(Container::open(vfs, p)?)
}

/// Reads the state of the parent commit `p` from the secondary `s`.
pub fn load_parent(s: &Container, p: &ParentRef) -> Result<(Vec<ChainCommit>, StateParts)> {
    let wrong = |detail: String| Error::WrongSecondary {
        path: s.path().to_path_buf(),
        detail,
    };
    let head = read_commit_ref(s, p.commit).map_err(|e| {
        wrong(format!(
            "it has no commit of dump {:032x} at byte offset {} ({e})",
            p.dump_id, p.commit.offset
        ))
    })?;
    if head.commit.dump_id != p.dump_id || head.commit.generation != p.generation {
        return Err(wrong(format!(
            "its commit is dump {:032x} generation {}, the dump needs {:032x} generation {}",
            head.commit.dump_id, head.commit.generation, p.dump_id, p.generation
        )));
    }
    if head.commit.is_partial() {
        return Err(wrong("the secondary is itself partial".into()));
    }
    let chain = walk_chain(s, head).map_err(|e| wrong(format!("its chain is damaged: {e}")))?;
    let mut st =
        build_parts(s, &chain, None).map_err(|e| wrong(format!("its state is damaged: {e}")))?;
    for e in st.map.iter_mut() {
        e.1 = IN_SECONDARY;
    }
    Ok((chain, st))
}

/// Reads the newest restorable state of `dump_path` (with `secondary` if partial).
pub fn load(vfs: &dyn Vfs, dump_path: &Path, secondary: Option<&Path>) -> Result<Loaded> {
    let p = load_parts(vfs, dump_path, secondary)?;
    let state = p.state.finish()?;
    let mut info = p.info;
    info.table_entries = state.tables.len();
    Ok(Loaded {
        primary: p.primary,
        secondary: p.secondary,
        newest: p.newest,
        state,
        info,
    })
}

/// [`Loaded`] with the tables not yet decoded.
#[derive(Debug)]
pub struct LoadedParts {
    pub primary: Container,
    pub secondary: Option<Container>,
    pub newest: Newest,
    pub state: StateParts,
    pub info: RestoreInfo,
}

/// Like [`load`], leaving the table decoding to the caller.
pub fn load_parts(
    vfs: &dyn Vfs,
    dump_path: &Path,
    secondary: Option<&Path>,
) -> Result<LoadedParts> {
    let mut notes = Vec::new();
    let mut primary_path = dump_path.to_path_buf();
    if !vfs.exists(dump_path) {
        let old = old_path_of(dump_path);
        if vfs.exists(&old) {
            notes.push(format!(
                "{} is missing; restoring {} (a dump was interrupted between its renames)",
                dump_path.display(),
                old.display()
            ));
            primary_path = old;
        }
    }
    let primary = open(vfs, &primary_path)?;
    let sec = match secondary {
        Some(s) => match open(vfs, s) {
            Ok(c) => Some(c),
            Err(e) => {
                notes.push(format!("secondary {} not usable: {e}", s.display()));
                None
            }
        },
        None => None,
    };
    let mut used_secondary = false;
    let (newest, state) = find_newest(&primary, |chain| {
        let parent = if needs_parent(chain) {
            let p = chain
                .first()
                .and_then(|c| c.commit.parent)
                .ok_or_else(|| Error::Chain {
                    path: primary.path().to_path_buf(),
                    offset: chain.first().map_or(0, |c| c.loc.offset),
                    detail: "partial chain without a parent".into(),
                })?;
            let Some(s) = sec.as_ref() else {
                return Err(Error::NeedSecondary {
                    path: primary.path().to_path_buf(),
                    parent: p.dump_id,
                });
            };
            used_secondary = true;
            Some(load_parent(s, &p)?.1)
        } else {
            used_secondary = false;
            None
        };
        build_parts(&primary, chain, parent)
    })?;
    let Some(head) = newest.head() else {
        return Err(Error::NoCommit {
            path: primary_path,
            detail: "empty chain".into(),
        });
    };
    let hc = &head.commit;
    let info = RestoreInfo {
        primary: primary_path.clone(),
        secondary_used: if used_secondary {
            secondary.map(Path::to_path_buf)
        } else {
            None
        },
        generation: hc.generation,
        dump_id: hc.dump_id,
        parent_id: newest
            .chain
            .first()
            .and_then(|c| c.commit.parent)
            .map(|p| p.dump_id),
        partial: hc.is_partial(),
        commits: newest.chain.len(),
        objects: state.map.len(),
        table_entries: 0,
        skipped: newest.skipped.clone(),
        tail_bytes: newest.tail_bytes,
        notes,
    };
    Ok(LoadedParts {
        primary,
        secondary: if used_secondary { sec } else { None },
        newest,
        state,
        info,
    })
}

/// Restores lazily: a new swapfile at `opts.swap_path` with the dump (and secondary)
/// as backing files. Time grows with the map and tables read, not with the heap.
pub fn restore(vfs: Arc<dyn Vfs>, opts: &RestoreOptions) -> Result<Restored> {
    let loaded = load_parts(&*vfs, &opts.dump_path, opts.secondary.as_deref())?;
    for p in std::iter::once(&loaded.info.primary).chain(loaded.info.secondary_used.iter()) {
        if p == &opts.swap_path {
            return Err(Error::State(format!(
                "the swapfile {} would overwrite the dump being restored",
                p.display()
            )));
        }
    }
    let LoadedParts {
        primary,
        secondary,
        newest,
        state,
        mut info,
    } = loaded;
    let StateParts {
        map,
        tables: tables_job,
        root,
    } = state;
    // The tables decode on another thread while the swap registers the map.
    // (If no thread can be started, they decode here afterwards.)
    let job = std::sync::Arc::new(std::sync::Mutex::new(Some(tables_job)));
    let job2 = job.clone();
    let tables_thread = std::thread::Builder::new()
        .name("statedump-tables".into())
        .spawn(move || match job2.lock().ok().and_then(|mut g| g.take()) {
            Some(j) => j.run(),
            None => Err(Error::State("table job missing".into())),
        })
        .ok();
    let mut swap = Swap::create_in(vfs.clone(), &opts.swap_path, opts.swap_config.clone())?;
    let state = State {
        map,
        tables: Tables::default(),
        root,
    };
    let end = primary.io().len().unwrap_or(0);
    let files = [(IN_SECONDARY, secondary), (IN_PRIMARY, Some(primary))];
    // Registration order is migration order (secondary first); the swap's key table
    // grows in linear time whichever file holds the smallest keys.
    for (tag, c) in files {
        if let Some(c) = c {
            let entries = state
                .map
                .iter()
                .filter(|e| e.1 == tag)
                .map(|e| (e.0, location(e.2)));
            swap.add_backing(c, entries)?;
        }
    }
    let tables = match tables_thread {
        Some(th) => th
            .join()
            .unwrap_or_else(|_| Err(Error::State("table decoding thread failed".into())))?,
        None => match job.lock().ok().and_then(|mut g| g.take()) {
            Some(j) => j.run()?,
            None => return Err(Error::State("table job missing".into())),
        },
    };
    info.table_entries = tables.len();
    let Some(head) = newest.head() else {
        return Err(Error::State("empty chain".into()));
    };
    let hc = &head.commit;
    let first = newest.chain.first().map(|c| &c.commit);
    let cur = CurDump {
        path: info.primary.clone(),
        dump_id: hc.dump_id,
        head: head.cref(),
        sequence: hc.sequence,
        generation: hc.generation,
        partial: hc.is_partial(),
        parent: first.and_then(|f| f.parent),
        map_self: !hc.is_partial(),
        tables_full: newest
            .chain
            .iter()
            .any(|c| c.commit.flags & flags::FULL_TABLES != 0),
        end,
    };
    let dumper = Dumper::restored(vfs, opts.dump_path.clone(), opts.swap_path.clone(), cur);
    Ok(Restored {
        swap,
        dumper,
        root: state.root,
        tables,
        info,
    })
}
