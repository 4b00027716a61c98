//! The UI's own hooks, one per file.

mod use_copy_status;

pub use use_copy_status::*;
