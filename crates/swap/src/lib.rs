//! Sector store and bounded blob cache. Knows nothing of LPC.
