//! Watching: which files are articles ([`filter`]), finding them
//! ([`walk`]), the notify watcher ([`notifier`]) and its debounce (`debounce`), reading feed files item
//! by item (`feed`) and the reconcile [`reconcile::Engine`] that turns
//! changes into revisions and events.

mod debounce;
mod feed;
pub mod filter;
pub mod notifier;
mod observe;
pub mod reconcile;
pub mod walk;

pub use filter::Filter;
pub use notifier::{WatchError, WatchMsg, Watcher};
pub use reconcile::{Engine, Settings, Stats};
pub use walk::Root;
