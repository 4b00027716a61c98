//! The UI's own hooks, one per file.

mod use_copy_status;
mod use_import_reading;

pub use use_copy_status::*;
pub use use_import_reading::*;
