//! A fixed set of read-only store connections, each used by one blocking thread at a time:
//! SQLite connections may move between threads but not be shared, and a few are enough
//! since every read is short (WAL readers do not wait for the writer).

use sitrep_store::Store;
use std::sync::{Condvar, Mutex};

pub(crate) struct Pool {
    idle: Mutex<Vec<Box<dyn Store + Send>>>,
    returned: Condvar,
}

impl Pool {
    pub fn new(conns: Vec<Box<dyn Store + Send>>) -> Pool {
        Pool {
            idle: Mutex::new(conns),
            returned: Condvar::new(),
        }
    }

    /// Runs `f` with an idle connection, waiting for one (call on a blocking thread).
    pub fn with<T>(&self, f: impl FnOnce(&dyn Store) -> T) -> T {
        let conn = {
            let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
            loop {
                if let Some(c) = idle.pop() {
                    break c;
                }
                idle = self.returned.wait(idle).unwrap_or_else(|p| p.into_inner());
            }
        };
        // Back into the pool even when `f` panics, so the pool never shrinks.
        struct Return<'a>(&'a Pool, Option<Box<dyn Store + Send>>);
        impl Drop for Return<'_> {
            fn drop(&mut self) {
                if let Some(c) = self.1.take() {
                    self.0
                        .idle
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(c);
                    self.0.returned.notify_one();
                }
            }
        }
        let guard = Return(self, Some(conn));
        let store: &dyn Store = guard.1.as_deref().expect("just taken");
        f(store)
    }
}
