//! Dump file format: full and incremental dumps, restore, verify, repair.
pub mod format;
