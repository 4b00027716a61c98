//! Embedding: the `data-` attributes of the element the playground mounts into set its
//! defaults, and say what it may do to the host page.

use crate::engine::fields::{Field, FIELDS};
use crate::engine::inputs::Inputs;
use crate::engine::limits;

/// Attributes that set a default, and the field they set (see
/// [`crate::engine::fields::FieldInfo::attribute`]).
pub fn attributes() -> impl Iterator<Item = (&'static str, Field)> {
    FIELDS.iter().filter_map(|info| Some((info.attribute?, info.field)))
}

/// Lets the playground keep the page URL's query string current (the standalone page sets it;
/// a host page may).
pub(crate) const SYNC_URL: &str = "data-sync-url";
/// Turns off saving inputs in the browser's local storage.
pub(crate) const NO_STORAGE: &str = "data-no-storage";
/// The level of the widget's title, 1 to 6; 2 by default, under the host page's own `<h1>`.
pub(crate) const HEADING_LEVEL: &str = "data-heading-level";
/// The widget's title; empty hides it, for a host page that has its own.
pub(crate) const TITLE: &str = "data-title";

/// The title a widget shows when the page does not set one.
pub const DEFAULT_TITLE: &str = "Headscale × authentik single sign-on";
/// The prefix of this playground's parameters in the page address and of its storage keys. The
/// playground's own page sets it empty (its links are `?v=1&hs=…`); an embed without it uses
/// `hsp-` (`hsp2-`, `hsp3-`… for further playgrounds on the page), so it never reads the host
/// page's own parameters and two playgrounds never share state.
pub const PARAM_PREFIX: &str = "data-param-prefix";
/// The longest storage key, in characters (`src/loader/embed.js` counts the same).
pub const MAX_STORAGE_KEY: usize = 128;
/// Names the saved inputs of an embedded playground. Without it they belong to the page's path,
/// so every page of a site keeps its own; pages that should share them give the same name.
pub(crate) const STORAGE_KEY: &str = "data-storage-key";
/// Which outputs the widget shows, by their keys ([`Output::key`]), separated by spaces or
/// commas; every output when absent. A page about several identity providers may want only the
/// Headscale configuration and the authentik settings.
pub(crate) const OUTPUTS: &str = "data-outputs";
/// The compact form: the essentials and the outputs, without the introduction, the share bar,
/// the import and the closed groups of other settings (a group that needs attention still shows).
pub(crate) const COMPACT: &str = "data-compact";

/// Every attribute of the mount element that is not a field's default, in the order of the
/// README's table of options: the page's options for the widget itself.
pub const OPTIONS: [&str; 8] =
    [HEADING_LEVEL, TITLE, OUTPUTS, COMPACT, NO_STORAGE, STORAGE_KEY, SYNC_URL, PARAM_PREFIX];

/// An output of the widget: one tab of its outputs panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    HeadscaleConfig,
    /// The values for authentik's New Application wizard (its key and title say "settings", as released).
    AuthentikWizard,
    HeadscaleEnvironment,
    AuthentikBlueprint,
    AuthentikTerraform,
    Checks,
    Flow,
}

impl Output {
    /// In the order the widget shows them.
    pub const ALL: [Output; 7] = [
        Output::HeadscaleConfig,
        Output::AuthentikWizard,
        Output::HeadscaleEnvironment,
        Output::AuthentikBlueprint,
        Output::AuthentikTerraform,
        Output::Checks,
        Output::Flow,
    ];

    /// Its name in [`OUTPUTS`] and in element ids; stable once released.
    pub fn key(self) -> &'static str {
        match self {
            Output::HeadscaleConfig => "headscale-config",
            Output::AuthentikWizard => "authentik-settings",
            Output::HeadscaleEnvironment => "headscale-environment",
            Output::AuthentikBlueprint => "authentik-blueprint",
            Output::AuthentikTerraform => "authentik-terraform",
            Output::Checks => "checks",
            Output::Flow => "flow",
        }
    }

    pub fn from_key(key: &str) -> Option<Output> {
        Output::ALL.into_iter().find(|output| output.key() == key)
    }
}

/// The outputs `value` names, in the widget's order, and whether it named anything else (which
/// is left out, with a notice). None known: every output, since a widget without outputs would
/// be of no use.
pub fn outputs(value: &str) -> (Vec<Output>, bool) {
    let named: Vec<&str> = value.split([' ', ',', '\t', '\n']).filter(|name| !name.is_empty()).collect();
    let unknown = named.iter().any(|name| Output::from_key(name).is_none());
    let chosen: Vec<Output> = Output::ALL.into_iter().filter(|output| named.contains(&output.key())).collect();
    if chosen.is_empty() {
        (Output::ALL.to_vec(), true)
    } else {
        (chosen, unknown)
    }
}

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
    /// See [`PARAM_PREFIX`].
    pub prefix: String,
    /// See [`STORAGE_KEY`]; `None` to use the page's path.
    pub storage_key: Option<String>,
    /// The outputs shown, in the widget's order; never empty.
    pub outputs: Vec<Output>,
    /// See [`COMPACT`].
    pub compact: bool,
    /// Attributes whose values could not be used.
    pub ignored: Vec<String>,
    /// Attributes whose values are in their fields but refused there (too long, a refused
    /// character): the outputs wait until they are fixed.
    pub refused: Vec<String>,
}

/// Reads the element's attributes through `attribute` (name → value); `index` counts the
/// playgrounds of the page from 0.
pub fn embedding(attribute: impl Fn(&str) -> Option<String>, index: usize) -> Embedding {
    let mut defaults = Inputs::default();
    let mut ignored = Vec::new();
    let mut refused = Vec::new();
    for (name, field) in attributes() {
        if let Some(value) = attribute(name) {
            // Refused like a typed value (too long, a refused character), and kept in its field
            // like one, so the outputs wait instead of showing the defaults without it.
            let refusal = limits::refusal(field, &value).is_some();
            match defaults.set_text(field, value) {
                None => ignored.push(name.to_string()),
                Some(_) if refusal => refused.push(name.to_string()),
                Some(_) => {}
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
    let prefix = match attribute(PARAM_PREFIX) {
        Some(prefix) if prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') => prefix,
        _ if index == 0 => "hsp-".to_string(),
        _ => format!("hsp{}-", index + 1),
    };
    // Counted in characters, as the loader counts them (code points, not bytes or UTF-16 units).
    let storage_key = match attribute(STORAGE_KEY) {
        Some(key)
            if !key.is_empty() && key.chars().count() <= MAX_STORAGE_KEY && !key.chars().any(char::is_control) =>
        {
            Some(key)
        }
        Some(_) => {
            ignored.push(STORAGE_KEY.to_string());
            None
        }
        None => None,
    };
    let outputs = match attribute(OUTPUTS) {
        None => Output::ALL.to_vec(),
        Some(value) => {
            let (outputs, unknown) = outputs(&value);
            if unknown {
                ignored.push(OUTPUTS.to_string());
            }
            outputs
        }
    };
    Embedding {
        defaults,
        outputs,
        compact: flag(COMPACT),
        sync_url: flag(SYNC_URL),
        storage: !flag(NO_STORAGE),
        heading_level,
        title,
        prefix,
        storage_key,
        ignored,
        refused,
    }
}

/// The parameter prefix of each playground element of a page, in document order, from their
/// `data-param-prefix` (`None` where it is absent), with a notice where the chosen one could
/// not be used. Prefixes never overlap (none is the start of another), so no playground reads
/// or drops another's parameters, and storage scopes (prefix, then key or path) never meet.
/// Chosen prefixes are kept in document order, a later one that overlaps an earlier one
/// falling back; the others take `hsp-`, `hsp2-`, … by position, skipping any that overlap.
/// An empty prefix (the page's own address as the playground's) only serves the
/// playground's own page: on a host page it would read the host's own parameters.
pub fn page_prefixes(chosen: &[Option<String>], own_page: bool) -> Vec<(String, Option<String>)> {
    let overlaps = |a: &str, b: &str| a.starts_with(b) || b.starts_with(a);
    let mut taken: Vec<String> = Vec::new();
    let mut decided: Vec<Option<(String, Option<String>)>> = vec![None; chosen.len()];
    let mut notices: Vec<Option<String>> = vec![None; chosen.len()];
    for (index, prefix) in chosen.iter().enumerate() {
        let Some(prefix) = prefix else { continue };
        let valid = prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let notice = if !valid {
            Some(format!("The page's {PARAM_PREFIX} “{prefix}” may hold only letters, digits, - and _."))
        } else if prefix.is_empty() && !own_page {
            Some(format!("The page's {PARAM_PREFIX} is empty, which would read the page's own parameters; an embedded playground needs a prefix of its own."))
        } else if prefix.is_empty() && chosen.len() > 1 {
            Some(format!("The page's {PARAM_PREFIX} is empty, which would read the parameters of the page's other playgrounds; only a playground alone on its page can do without one."))
        } else if let Some(other) = taken.iter().find(|other| overlaps(other, prefix)) {
            Some(format!("The page's {PARAM_PREFIX} “{prefix}” overlaps “{other}” of another playground on this page, which would mix their links and saved inputs."))
        } else {
            taken.push(prefix.clone());
            decided[index] = Some((prefix.clone(), None));
            None
        };
        notices[index] = notice;
    }
    (0..chosen.len())
        .map(|index| match decided[index].take() {
            Some(found) => found,
            None => {
                // Nothing is free only when chosen prefixes start every name (all 63 single
                // letters taken): the positional name then, rather than none, which would read
                // the page's own parameters.
                let free = automatic_names(index).find(|name| !taken.iter().any(|other| overlaps(other, name)));
                let prefix = free.unwrap_or_else(|| automatic_names(index).next().unwrap_or_default());
                taken.push(prefix.clone());
                let notice = notices[index].take().map(|notice| format!("{notice} This playground uses “{prefix}”."));
                (prefix, notice)
            }
        })
        .collect()
}

/// The names a playground without a usable prefix of its own may take, the first free one
/// winning: `hsp-`, `hsp2-`, … from its position, for a bounded stretch, then `a-` … `_-` and
/// `aa-` … `__-`. Bounded, so a page whose chosen prefixes block the whole `hsp` series (`h`,
/// `hsp`, or `hsp1` to `hsp9`) cannot make the search run forever; the loader keeps the same list.
fn automatic_names(index: usize) -> impl Iterator<Item = String> {
    const LETTERS: &str = AUTOMATIC_LETTERS;
    let series =
        (index..index + AUTOMATIC_SERIES).map(|k| if k == 0 { "hsp-".to_string() } else { format!("hsp{}-", k + 1) });
    let single = LETTERS.chars().map(|c| format!("{c}-"));
    let double = LETTERS.chars().flat_map(|c| LETTERS.chars().map(move |d| format!("{c}{d}-")));
    series.chain(single).chain(double)
}

/// How many names of the `hsp` series a playground tries before the letters.
pub const AUTOMATIC_SERIES: usize = 1000;
/// The letters of the names after the `hsp` series, in the order they are tried.
pub const AUTOMATIC_LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

/// This playground's part of a page's query string or fragment: its parameters, without
/// their prefix.
pub fn own_query(page_query: &str, prefix: &str) -> String {
    let page_query = page_query.strip_prefix('?').unwrap_or(page_query);
    if prefix.is_empty() {
        return page_query.to_string();
    }
    let own: Vec<&str> = page_query.split('&').filter_map(|pair| pair.strip_prefix(prefix)).collect();
    own.join("&")
}

/// The playground's link in a page address: its own parameters in the fragment, or, for links
/// made before the state moved there, in the query string.
pub fn own_link(query: &str, fragment: &str, prefix: &str) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let in_fragment = own_query(fragment, prefix);
    if url::form_urlencoded::parse(in_fragment.as_bytes()).any(|(key, _)| key == "v") {
        in_fragment
    } else {
        own_query(query, prefix)
    }
}

/// The page's query string (or fragment) with this playground's part replaced by `own`; the
/// host's parameters stay as they are, in their order.
pub fn with_own_query(page_query: &str, prefix: &str, own: &str) -> String {
    if prefix.is_empty() {
        return own.to_string();
    }
    let page_query = page_query.strip_prefix('?').unwrap_or(page_query);
    let host = page_query.split('&').filter(|pair| !pair.is_empty() && !pair.starts_with(prefix));
    let mine = own.split('&').filter(|pair| !pair.is_empty()).map(|pair| format!("{prefix}{pair}"));
    host.map(str::to_string).chain(mine).collect::<Vec<_>>().join("&")
}

/// Where an embedded playground's saved inputs live: its parameter prefix and its storage key,
/// or the page's path. The playground's own page (no prefix) keeps the keys it always had.
pub fn storage_scope(embedding: &Embedding, page_path: &str) -> String {
    if embedding.prefix.is_empty() {
        return String::new();
    }
    let scope = embedding.storage_key.as_deref().unwrap_or(page_path);
    format!("{}{scope}", embedding.prefix)
}
