//! Embedding: the `data-` attributes of the element the playground mounts into set its
//! defaults, and say what it may do to the host page.

use super::inputs::{Field, Inputs};

/// Attributes that set a default, and the field they set.
pub const ATTRIBUTES: &[(&str, Field)] = &[
    ("data-headscale-url", Field::HeadscaleUrl),
    ("data-authentik-url", Field::AuthentikUrl),
    ("data-app-name", Field::AppName),
    ("data-slug", Field::Slug),
    ("data-scopes", Field::Scopes),
    ("data-allowed-groups", Field::AllowedGroups),
    ("data-headscale-version", Field::HeadscaleVersion),
    ("data-authentik-version", Field::AuthentikVersion),
];

/// Lets the playground keep the page URL's query string current (the standalone page sets it;
/// a host page may).
pub const SYNC_URL: &str = "data-sync-url";
/// Turns off saving inputs in the browser's local storage.
pub const NO_STORAGE: &str = "data-no-storage";

/// The playground's settings for one mount element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embedding {
    pub defaults: Inputs,
    pub sync_url: bool,
    pub storage: bool,
    /// Attributes whose values could not be used.
    pub ignored: Vec<String>,
}

/// Reads the element's attributes through `attribute` (name → value).
pub fn embedding(attribute: impl Fn(&str) -> Option<String>) -> Embedding {
    let mut defaults = Inputs::default();
    let mut ignored = Vec::new();
    for (name, field) in ATTRIBUTES {
        if let Some(value) = attribute(name) {
            if defaults.set_text(*field, value).is_none() {
                ignored.push(name.to_string());
            }
        }
    }
    let flag = |name: &str| attribute(name).is_some_and(|value| value != "false");
    Embedding { defaults, sync_url: flag(SYNC_URL), storage: !flag(NO_STORAGE), ignored }
}
