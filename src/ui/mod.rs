//! The browser layer: small Yew components over [`crate::engine`]. Components only turn DOM
//! events into [`state::Action`]s and render what the engine computed.

mod app;
pub mod browser;
pub mod components;
pub mod state;

pub use app::{App, AppProps};

use crate::engine::credentials::{self, CLIENT_ID_LENGTH, CLIENT_SECRET_LENGTH};
use crate::engine::Inputs;

/// The element the playground mounts into: the first `[data-headscale-playground]`, else the
/// page's `<body>`.
pub fn mount_point() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    match document.query_selector("[data-headscale-playground]") {
        Ok(Some(element)) => Some(element),
        _ => document.body().map(Into::into),
    }
}

/// Starting inputs: the guide's placeholders with fresh credentials, the way authentik's
/// wizard pre-fills its own.
pub fn initial_inputs() -> Inputs {
    Inputs {
        client_id: credentials::alphanumeric(CLIENT_ID_LENGTH, browser::fill_random),
        client_secret: credentials::alphanumeric(CLIENT_SECRET_LENGTH, browser::fill_random),
        ..Inputs::default()
    }
}

/// Entry point of the binary: shows panics on the page, then mounts the app.
pub fn start() {
    browser::show_panics_on_page();
    if let Some(root) = mount_point() {
        yew::Renderer::<App>::with_root_and_props(root, AppProps { initial: initial_inputs() }).render();
    }
}
