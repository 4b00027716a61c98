//! authentik's side: the wizard values.

pub mod settings;
