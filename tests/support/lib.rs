//! Shared helpers for the end-to-end tests in `tests/`: locating the built
//! `driver` binary, temporary mudlib copies, and a small telnet client.
