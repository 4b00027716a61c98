//! Renders the playground's default state to HTML, natively, for the release build to put into
//! the page before the WebAssembly runs (scripts/post-build.mjs):
//!   prerender [data-name=value ...]
//! The arguments are the mount element's attributes. The client ID and secret are marked
//! placeholders: every visitor gets the same HTML, and the running app generates their own.
//! The build puts it in a declarative shadow root with the playground's styles.

use sso_playground::engine::embed;
use sso_playground::ui::{prerendered_props, App, ImportSlot};

fn main() {
    let attributes: Vec<(String, String)> = std::env::args()
        .skip(1)
        .map(|argument| match argument.split_once('=') {
            Some((name, value)) => (name.to_string(), value.to_string()),
            None => (argument, String::new()),
        })
        .collect();
    let embedding = embed::embedding(
        |name| attributes.iter().find(|(attribute, _)| attribute == name).map(|(_, value)| value.clone()),
        0,
    );
    let props = prerendered_props(&embedding, ImportSlot::PANEL);
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    // The same container the app renders into, marked as the example.
    print!("<div class=\"hsp-root\" {}>{html}</div>", sso_playground::ui::PRERENDERED);
}
