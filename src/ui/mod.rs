//! The browser layer: small Yew components over [`crate::engine`]. Components only turn DOM
//! events into [`state::Action`]s and render what the engine computed.

mod app;
pub mod browser;
pub mod components;
mod keeper;
pub mod persist;
pub mod state;

pub use app::{App, AppProps};
use url::form_urlencoded;
use yew::AttrValue;

use crate::engine::credentials::{self, CLIENT_ID_LENGTH, CLIENT_SECRET_LENGTH};
use crate::engine::embed::{self, Embedding};
use crate::engine::share::{self, PARAMS};
use crate::engine::{Field, Inputs};

/// Local-storage keys; one set per page origin, shared by every page that embeds the playground.
pub const SAVED_INPUTS: &str = "headscale-playground:inputs";
pub const REMEMBER_SECRET: &str = "headscale-playground:remember-secret";
pub const PRIVATE_FIELDS: &str = "headscale-playground:private";

/// The elements to mount into: every `[data-headscale-playground]`, else the page's `<body>`.
fn mount_points() -> Vec<web_sys::Element> {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return Vec::new() };
    let mut found = Vec::new();
    if let Ok(list) = document.query_selector_all("[data-headscale-playground]") {
        for index in 0..list.length() {
            if let Some(element) = list.item(index).and_then(|node| wasm_bindgen::JsCast::dyn_into(node).ok()) {
                found.push(element);
            }
        }
    }
    if found.is_empty() {
        found.extend(document.body().map(Into::into));
    }
    found
}

/// `inputs` with fresh credentials of authentik's shape, the way its own wizard starts.
pub fn with_fresh_credentials(inputs: &Inputs) -> Inputs {
    Inputs {
        client_id: credentials::alphanumeric(CLIENT_ID_LENGTH, browser::fill_random),
        client_secret: credentials::alphanumeric(CLIENT_SECRET_LENGTH, browser::fill_random),
        ..inputs.clone()
    }
}

/// Whether a query string is a share link (links always carry their format version).
fn is_link(query: &str) -> bool {
    form_urlencoded::parse(query.as_bytes()).any(|(key, _)| key == "v")
}

/// The first state of a playground: a share link if the page was opened with one, else what
/// this browser saved, else the page's defaults with fresh credentials.
fn initial_props(embedding: &Embedding) -> AppProps {
    let builtin = Inputs::default();
    let mut notices: Vec<AttrValue> =
        embedding.ignored.iter().map(|name| format!("The page's {name} attribute could not be used.").into()).collect();
    let stored = |key: &str| if embedding.storage { persist::load(key) } else { None };
    let private = stored(PRIVATE_FIELDS)
        .map(|keys| {
            keys.split(',')
                .filter_map(|key| PARAMS.iter().find(|p| p.key == key))
                .map(|p| p.field)
                .collect::<Vec<Field>>()
        })
        .unwrap_or_default();
    let query = persist::query();
    let saved = stored(SAVED_INPUTS).map(|saved| share::decode_saved(&saved, &builtin).inputs);
    // A reload of a page whose address the playground keeps current is not a shared link; the
    // address may lag behind storage by a keystroke or two.
    let reloaded =
        saved.clone().filter(|inputs| persist::reloaded() || share::encode(inputs, &builtin, &private) == query);
    let initial = if let Some(inputs) = reloaded {
        inputs
    } else if is_link(&query) {
        let decoded = share::decode(&query, &builtin);
        notices.extend(decoded.notices.iter().map(|notice| AttrValue::from(notice.to_string())));
        notices.push("Opened from a share link. Links never carry the client secret: paste it from authentik.".into());
        decoded.inputs
    } else if let Some(inputs) = saved {
        inputs
    } else {
        with_fresh_credentials(&embedding.defaults)
    };
    AppProps {
        initial,
        defaults: embedding.defaults.clone(),
        notices,
        sync_url: embedding.sync_url,
        storage: embedding.storage,
        heading_level: embedding.heading_level,
        title: embedding.title.clone().map(AttrValue::from),
        remember_secret: stored(REMEMBER_SECRET).as_deref() == Some("1"),
        private,
    }
}

thread_local! {
    /// Every playground on the page with the element it lives in, so that it can be unmounted.
    static MOUNTED: std::cell::RefCell<Vec<(web_sys::Element, yew::AppHandle<App>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Mounts a playground into `root`, once: mounting an element that holds one does nothing.
pub fn mount(root: web_sys::Element) {
    if root.has_attribute("data-hsp-mounted") {
        return;
    }
    let _ = root.set_attribute("data-hsp-mounted", "");
    let embedding = embed::embedding(|name| root.get_attribute(name));
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), initial_props(&embedding)).render();
    MOUNTED.with(|mounted| mounted.borrow_mut().push((root, handle)));
}

/// Removes the playground from `root`: the app, its listeners and timers go, and the element
/// is left empty, ready for another mount. An element without a playground is left alone.
pub fn unmount(root: &web_sys::Element) {
    let found = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(|(element, _)| element == root)?;
        Some(mounted.swap_remove(index).1)
    });
    if let Some(handle) = found {
        handle.destroy();
        let _ = root.remove_attribute("data-hsp-mounted");
        root.set_inner_html("");
    }
}

/// How many playgrounds are mounted on the page.
pub fn mounted_count() -> usize {
    MOUNTED.with(|mounted| mounted.borrow().len())
}

/// Entry point of the binary: shows panics on the page, then mounts every playground.
pub fn start() {
    browser::show_panics_on_page();
    for root in mount_points() {
        mount(root);
    }
}
