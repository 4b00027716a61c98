//! The page's address and the browser's local and session storage. Every call tolerates a
//! browser that refuses (storage disabled, sandboxed frames): state is then simply not kept.

use wasm_bindgen::JsValue;

fn storage() -> Option<web_sys::Storage> {
    crate::ui::browser::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// This tab's storage: what survives a reload but not the tab.
fn session() -> Option<web_sys::Storage> {
    crate::ui::browser::window()?.session_storage().ok().flatten()
}

pub fn session_load(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

pub fn session_save(key: &str, value: &str) {
    if let Some(session) = session() {
        let _ = session.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(session) = session() {
        let _ = session.remove_item(key);
    }
}

/// Whether the browser kept the value: storage may be disabled, full, or throw.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// Whether this page shares its storage with unrelated pages: every file opened from disk has
/// the same origin, so any local HTML file could read what this one keeps.
pub fn shared_origin() -> bool {
    crate::ui::browser::window().and_then(|window| window.location().protocol().ok()).as_deref() == Some("file:")
}

pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// The page's path, which scopes an embedded playground's saved inputs.
pub fn path() -> String {
    crate::ui::browser::window().and_then(|window| window.location().pathname().ok()).unwrap_or_default()
}

/// The page's query string, without the `?`.
pub fn query() -> String {
    let search = crate::ui::browser::window().and_then(|window| window.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').to_string()
}

/// The page's fragment, without the `#`: where the playground keeps its state, since it is
/// never sent to a server (no address too long for a server's request line, no host names in
/// its logs).
pub fn fragment() -> String {
    let hash = crate::ui::browser::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// The page's address with `query` as its query string and `fragment` as its fragment.
pub fn address_with(query: &str, fragment: &str) -> Option<String> {
    let location = crate::ui::browser::window()?.location();
    let (origin, path) = (location.origin().ok()?, location.pathname().ok()?);
    // file:// pages have the origin "null".
    let origin = if origin == "null" { "file://".to_string() } else { origin };
    let query = if query.is_empty() { String::new() } else { format!("?{query}") };
    let fragment = if fragment.is_empty() { String::new() } else { format!("#{fragment}") };
    Some(format!("{origin}{path}{query}{fragment}"))
}

/// Replaces the page's query string and fragment without adding a history entry.
pub fn replace_address(query: &str, fragment: &str) {
    let Some(address) = address_with(query, fragment) else { return };
    if let Some(history) = crate::ui::browser::window().and_then(|window| window.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

/// Whether the page was reloaded (or reached with back or forward) rather than opened from a
/// link: its address may then lag behind what storage holds.
pub fn reloaded() -> bool {
    let Some(performance) = crate::ui::browser::window().and_then(|window| window.performance()) else { return false };
    let entry = performance.get_entries_by_type("navigation").get(0);
    let kind = js_sys::Reflect::get(&entry, &"type".into()).ok().and_then(|kind| kind.as_string());
    matches!(kind.as_deref(), Some("reload" | "back_forward"))
}
