//! SIGTERM, SIGINT and SIGHUP: the handler only notes the signal and wakes
//! the main loop through a pipe; the loop then runs `interrupt()` in the
//! driver object as a task of its own.

use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

static PENDING: AtomicBool = AtomicBool::new(false);
static WAKE_WR: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_signal(_sig: libc::c_int) {
    PENDING.store(true, Ordering::SeqCst);
    let fd = WAKE_WR.load(Ordering::SeqCst);
    if fd >= 0 {
        let b = 1u8;
        // SAFETY: write(2) is async-signal-safe; the pipe is non-blocking.
        unsafe { libc::write(fd, (&b as *const u8).cast(), 1) };
    }
}

/// Installs the handlers; returns the read end of the wake pipe.
pub fn install() -> std::io::Result<RawFd> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: pipe2 fills the two-element array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    WAKE_WR.store(fds[1], Ordering::SeqCst);
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        // SAFETY: a zeroed sigaction with a plain handler and empty mask is
        // valid; the handler only touches atomics and write(2).
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_signal as *const () as usize;
            libc::sigemptyset(&mut sa.sa_mask);
            sa.sa_flags = libc::SA_RESTART;
            if libc::sigaction(sig, &sa, std::ptr::null_mut()) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
    }
    Ok(fds[0])
}

/// Takes the pending-signal flag.
pub fn take() -> bool {
    PENDING.swap(false, Ordering::SeqCst)
}

/// Raises the flag as a signal would (tests, the supervisor's stop).
pub fn raise_for_test() {
    PENDING.store(true, Ordering::SeqCst);
}
