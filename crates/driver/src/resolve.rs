//! Host names of connections (`query_ip_name()`), as DGD finds them: by a
//! reverse lookup outside the main loop, one address at a time, cached per
//! address; until the name is known (or when there is none) the name is the
//! address itself.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};

/// Most addresses whose names are kept.
const CACHE_LIMIT: usize = 4096;

/// Name lookups in a worker thread; the loop only reads the cache.
#[derive(Debug, Default)]
pub struct Resolver {
    names: Arc<Mutex<HashMap<IpAddr, Option<String>>>>,
    tx: Option<Sender<IpAddr>>,
}

impl Resolver {
    /// Asks for the name of `ip` (once per address).
    pub fn request(&mut self, ip: IpAddr) {
        {
            let Ok(mut names) = self.names.lock() else {
                return;
            };
            if names.contains_key(&ip) {
                return;
            }
            if names.len() >= CACHE_LIMIT {
                names.clear();
            }
            names.insert(ip, None);
        }
        if self.tx.is_none() {
            let (tx, rx) = channel::<IpAddr>();
            let names = self.names.clone();
            let spawned = std::thread::Builder::new()
                .name("resolver".into())
                .spawn(move || {
                    while let Ok(ip) = rx.recv() {
                        if let Some(name) = reverse(ip) {
                            if let Ok(mut n) = names.lock() {
                                n.insert(ip, Some(name));
                            }
                        }
                    }
                });
            if spawned.is_err() {
                return;
            }
            self.tx = Some(tx);
        }
        if let Some(tx) = &self.tx {
            let _ = tx.send(ip);
        }
    }

    /// The name of `ip` if it is known by now, else the address.
    pub fn name(&self, ip: IpAddr) -> String {
        self.names
            .lock()
            .ok()
            .and_then(|n| n.get(&ip).cloned().flatten())
            .unwrap_or_else(|| ip.to_string())
    }
}

/// A reverse lookup (getnameinfo with a name required).
fn reverse(ip: IpAddr) -> Option<String> {
    let mut host = [0 as libc::c_char; 1025];
    // SAFETY: both sockaddr types are plain data, valid when zeroed.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let len = match ip {
        IpAddr::V4(a) => {
            // SAFETY: plain data, valid when zeroed.
            let mut sin: libc::sockaddr_in = unsafe { std::mem::zeroed() };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_addr.s_addr = u32::from_ne_bytes(a.octets());
            // SAFETY: sockaddr_storage is large and aligned enough for it.
            unsafe { std::ptr::write((&mut storage as *mut libc::sockaddr_storage).cast(), sin) };
            std::mem::size_of::<libc::sockaddr_in>()
        }
        IpAddr::V6(a) => {
            // SAFETY: plain data, valid when zeroed.
            let mut sin6: libc::sockaddr_in6 = unsafe { std::mem::zeroed() };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_addr.s6_addr = a.octets();
            // SAFETY: sockaddr_storage is large and aligned enough for it.
            unsafe { std::ptr::write((&mut storage as *mut libc::sockaddr_storage).cast(), sin6) };
            std::mem::size_of::<libc::sockaddr_in6>()
        }
    };
    // SAFETY: `storage` holds a sockaddr of `len` bytes; `host` is a
    // writable buffer of the given size; no service is asked for.
    let r = unsafe {
        libc::getnameinfo(
            (&storage as *const libc::sockaddr_storage).cast(),
            len as libc::socklen_t,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            std::ptr::null_mut(),
            0,
            libc::NI_NAMEREQD,
        )
    };
    if r != 0 {
        return None;
    }
    // SAFETY: getnameinfo wrote a NUL-terminated string into `host`.
    let name = unsafe { std::ffi::CStr::from_ptr(host.as_ptr()) };
    let name = name.to_string_lossy().into_owned();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_background_lookup_and_are_cached() {
        let mut r = Resolver::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        // not asked for: the number
        assert_eq!(r.name(ip), "127.0.0.1");
        let want = reverse(ip).unwrap_or_else(|| ip.to_string());
        r.request(ip);
        r.request(ip);
        let mut got = r.name(ip);
        for _ in 0..500 {
            if got == want {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
            got = r.name(ip);
        }
        assert_eq!(got, want);
        assert_eq!(r.names.lock().unwrap().len(), 1);
    }
}
