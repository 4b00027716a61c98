//! Where a playground starts: a share link it was opened with, what this browser saved, or the
//! page's defaults. The browser layer gathers what the address and storage hold; this decides.

use crate::engine::fields::Field;
use crate::engine::inputs::Inputs;
use crate::engine::share;

/// What a playground finds when it starts, read from the address and the browser's storage.
#[derive(Clone, Debug, Default)]
pub struct Found<'a> {
    /// The page's defaults, from the mount element's attributes.
    pub defaults: Inputs,
    /// This playground's own part of the address's query string (see
    /// [`crate::engine::embed::own_query`]).
    pub query: &'a str,
    /// The inputs this browser saved, as saved state.
    pub saved: Option<&'a str>,
    /// The defaults those inputs were saved against (see [`share::defaults_fingerprint`]).
    pub saved_defaults: Option<&'a str>,
    /// The fields the reader keeps out of links.
    pub private: &'a [Field],
    /// Whether the page was reloaded rather than opened.
    pub reloaded: bool,
    /// The link this tab was opened from, while the reader has not edited it.
    pub opened_link: Option<&'a str>,
    /// The page shares its storage with pages it does not know (every file opened from disk
    /// has one origin), so what storage holds may not be the reader's own.
    pub shared_storage: bool,
}

/// How a playground starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The first inputs; `None` for the page's defaults with freshly generated credentials.
    pub inputs: Option<Inputs>,
    /// What the reader should know: parameters of a link that were not used, and where the
    /// inputs came from.
    pub notices: Vec<String>,
    /// Whether the inputs come from a share link, which the tab then remembers as opened.
    pub from_link: bool,
    /// Saved inputs not used because the page's defaults changed since; they are offered.
    pub set_aside: Option<Inputs>,
    /// Where storage is shared: the fields restored from it that differ from the page's
    /// defaults, to be shown as restored, with the page's defaults one click away.
    pub restored: Vec<Field>,
}

/// Decides where a playground starts: a share link if the page was opened with one, else what
/// this browser saved, else the page's defaults.
pub fn start(found: &Found) -> Start {
    let builtin = Inputs::default();
    let query = found.query;
    // Storage any other local file could have written never supplies the secret.
    let decode_saved = if found.shared_storage { share::decode } else { share::decode_saved };
    let saved = found.saved.map(|saved| decode_saved(saved, &builtin).inputs);
    // Saved against other defaults than the page has now: the page's win, the saved are offered.
    let (saved, set_aside) = match saved {
        Some(inputs) if !share::saved_applies(found.saved_defaults, &found.defaults) => (None, Some(inputs)),
        saved => (saved, None),
    };
    // A reload of a page whose address the playground keeps current is not a shared link; the
    // address may lag behind storage by a keystroke or two.
    let link_kept = found.opened_link == Some(query);
    let reloaded = saved
        .clone()
        .filter(|inputs| (found.reloaded && !link_kept) || share::encode(inputs, &builtin, found.private) == query);
    let mut start = Start { inputs: None, notices: Vec::new(), from_link: false, set_aside, restored: Vec::new() };
    if let Some(inputs) = reloaded {
        start.inputs = Some(inputs);
    } else if is_link(query) {
        let decoded = share::decode(query, &builtin);
        start.notices.extend(decoded.notices.iter().map(ToString::to_string));
        start
            .notices
            .push("Opened from a share link. Links never carry the client secret: paste it from authentik.".into());
        if saved.is_some() {
            start
                .notices
                .push("What this browser kept from before stays saved until you change something here.".into());
        }
        start.from_link = true;
        start.inputs = Some(decoded.inputs);
    } else {
        start.inputs = saved;
    }
    if found.shared_storage && !start.from_link {
        if let Some(inputs) = &start.inputs {
            let differs = |field: Field| {
                inputs.text(field) != found.defaults.text(field) || inputs.flag(field) != found.defaults.flag(field)
            };
            start.restored =
                Field::ALL.into_iter().filter(|&field| field != Field::ClientSecret && differs(field)).collect();
        }
    }
    start
}

/// Whether a query string is a share link (links always carry their format version).
fn is_link(query: &str) -> bool {
    url::form_urlencoded::parse(query.as_bytes()).any(|(key, _)| key == "v")
}

/// The fields kept out of links, from their share keys as saved (comma-separated).
pub fn private_fields(keys: &str) -> Vec<Field> {
    keys.split(',').filter_map(|key| share::params().find(|(_, name)| *name == key)).map(|(field, _)| field).collect()
}
