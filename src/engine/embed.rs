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
/// The level of the widget's title, 1 to 6; 2 by default, under the host page's own `<h1>`.
pub const HEADING_LEVEL: &str = "data-heading-level";
/// The widget's title; empty hides it, for a host page that has its own.
pub const TITLE: &str = "data-title";

/// The title a widget shows when the page does not set one.
pub const DEFAULT_TITLE: &str = "Headscale × authentik single sign-on";

/// The playground's settings for one mount element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embedding {
    pub defaults: Inputs,
    pub sync_url: bool,
    pub storage: bool,
    /// The heading level of the title.
    pub heading_level: u8,
    /// The title, or `None` for none.
    pub title: Option<String>,
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
    let heading_level = match attribute(HEADING_LEVEL) {
        None => 2,
        Some(level) => match level.trim().parse::<u8>() {
            Ok(level @ 1..=6) => level,
            _ => {
                ignored.push(HEADING_LEVEL.to_string());
                2
            }
        },
    };
    let title = match attribute(TITLE) {
        None => Some(DEFAULT_TITLE.to_string()),
        Some(title) if title.trim().is_empty() => None,
        Some(title) => Some(title.trim().to_string()),
    };
    Embedding { defaults, sync_url: flag(SYNC_URL), storage: !flag(NO_STORAGE), heading_level, title, ignored }
}
