//! The browser layer: small Yew components over [`crate::engine`]. Components only turn DOM
//! events into [`state::Action`]s and render what the engine computed.

mod app;
mod autosave;
pub mod browser;
pub mod components;
#[cfg(target_arch = "wasm32")]
mod handover;
mod hooks;
pub mod import_worker;
#[cfg(target_arch = "wasm32")]
mod shadow;
pub mod state;
#[cfg(target_arch = "wasm32")]
mod takeover;
pub mod web_storage;

pub use app::{App, AppProps};
pub use components::import_panel::ImportSlot;
use yew::AttrValue;

use crate::engine::credentials::{self, CLIENT_ID_LENGTH, CLIENT_SECRET_LENGTH};
use crate::engine::embed::Embedding;
use crate::engine::Inputs;
// Starting in the browser: links, storage, mounting.
#[cfg(target_arch = "wasm32")]
use crate::engine::{embed, startup};

/// The attribute that marks the copy of the playground rendered at build time.
pub const PRERENDERED: &str = "data-hsp-prerendered";

/// The event the import panel's stand-in sends towards the loader when the reader opens it:
/// the import's module is wanted (see [`components::import_stand_in`]).
pub const IMPORT_WANTED: &str = "headscale-playground-import";

/// Local-storage keys, each followed by the playground's parameter prefix, so two playgrounds
/// on one page (or on two pages of one site) keep their own state.
pub const SAVED_INPUTS: &str = "headscale-playground:inputs";
pub const REMEMBER_SECRET: &str = "headscale-playground:remember-secret";
pub const PRIVATE_FIELDS: &str = "headscale-playground:private";
/// In this tab's session storage: the link this playground was opened from, while the reader
/// has not edited it, so a reload shows the link again rather than what was saved before.
pub const OPENED_LINK: &str = "headscale-playground:opened-link";
/// The page's defaults the saved inputs were saved against (see [`crate::engine::share::saved_applies`]).
pub const SAVED_DEFAULTS: &str = "headscale-playground:defaults";

/// The storage key of `key` for the playground with parameter prefix `prefix`; the
/// playground's own page keeps the keys it always had.
pub fn storage_key(key: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{key}:{prefix}")
    }
}

#[cfg(target_arch = "wasm32")]
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

/// What the page shows before the WebAssembly runs, rendered at build time for a mount element
/// with these attributes: its defaults, with marked placeholders instead of credentials, which
/// the running app replaces. Nothing of the reader's (a link, saved inputs) is in it.
pub fn prerendered_props(embedding: &Embedding, import: ImportSlot) -> AppProps {
    AppProps {
        initial: crate::engine::credentials::placeholders(&embedding.defaults),
        defaults: embedding.defaults.clone(),
        notices: Vec::new(),
        sync_url: embedding.sync_url,
        storage: embedding.storage,
        remember_secret: false,
        private: Vec::new(),
        heading_level: embedding.heading_level,
        title: embedding.title.clone().map(AttrValue::from),
        prefix: AttrValue::from(embedding.prefix.clone()),
        storage_scope: AttrValue::default(),
        from_link: false,
        set_aside: None,
        restored: Vec::new(),
        outputs: embedding.outputs.clone(),
        compact: embedding.compact,
        import,
        import_open: false,
        onstart: yew::Callback::noop(),
    }
}

#[cfg(target_arch = "wasm32")]
/// The first state of a playground: where it starts ([`startup::start`]) from what the
/// address and this browser's storage hold.
fn initial_props(embedding: &Embedding, prefix_notice: Option<String>, import: ImportSlot) -> AppProps {
    let scope = embed::storage_scope(embedding, &web_storage::path());
    let mut notices: Vec<AttrValue> =
        embedding.ignored.iter().map(|name| format!("The page's {name} attribute could not be used.").into()).collect();
    notices.extend(prefix_notice.map(AttrValue::from));
    notices.extend(embedding.refused.iter().map(|name| {
        format!(
            "The page's {name} attribute is refused by its field, which says why; the outputs wait until it is fixed."
        )
        .into()
    }));
    let stored = |key: &str| if embedding.storage { web_storage::load(&storage_key(key, &scope)) } else { None };
    let private = stored(PRIVATE_FIELDS).map(|keys| startup::private_fields(&keys)).unwrap_or_default();
    // Only this playground's own parameters: never the host page's v, utm_* or others; in the
    // fragment, or in the query string of a link made before the state moved there.
    let query = embed::own_link(&web_storage::query(), &web_storage::fragment(), &embedding.prefix);
    let (saved, saved_defaults) = (stored(SAVED_INPUTS), stored(SAVED_DEFAULTS));
    let opened_link = web_storage::session_load(&storage_key(OPENED_LINK, &scope));
    let start = startup::start(&startup::Found {
        defaults: embedding.defaults.clone(),
        query: &query,
        saved: saved.as_deref(),
        saved_defaults: saved_defaults.as_deref(),
        private: &private,
        reloaded: web_storage::reloaded(),
        opened_link: opened_link.as_deref(),
        shared_storage: web_storage::shared_origin(),
    });
    notices.extend(start.notices.into_iter().map(AttrValue::from));
    if start.from_link {
        web_storage::session_save(&storage_key(OPENED_LINK, &scope), &query);
    }
    let from_link = start.from_link;
    let set_aside = start.set_aside;
    let restored = start.restored;
    let initial = start.inputs.unwrap_or_else(|| with_fresh_credentials(&embedding.defaults));
    // What the page's element says comes from the same place as for the pre-rendered copy.
    AppProps {
        initial,
        notices,
        // Where any local file could have set it, the choice to remember the secret is not read.
        remember_secret: !web_storage::shared_origin() && stored(REMEMBER_SECRET).as_deref() == Some("1"),
        restored,
        private,
        storage_scope: AttrValue::from(scope.clone()),
        from_link,
        set_aside,
        ..prerendered_props(embedding, import)
    }
}

#[cfg(target_arch = "wasm32")]
/// The first state of a playground that takes another one over: the other's.
fn handed_props(embedding: &Embedding, import: ImportSlot, handover: handover::Handover) -> AppProps {
    let scope = embed::storage_scope(embedding, &web_storage::path());
    AppProps {
        initial: handover.state.inputs,
        notices: handover.notices,
        remember_secret: handover.state.remember_secret,
        restored: handover.restored,
        private: handover.state.private,
        storage_scope: AttrValue::from(scope),
        from_link: handover.holding,
        set_aside: handover.set_aside,
        import_open: handover.import_open,
        ..prerendered_props(embedding, import)
    }
}

#[cfg(target_arch = "wasm32")]
/// A playground on the page: the element it lives in, the app, and what another module needs
/// to take it over (see [`release`]).
struct Mounted {
    root: web_sys::Element,
    app: yew::AppHandle<App>,
    /// The app's kept state, once it has started.
    kept: std::rc::Rc<std::cell::RefCell<Option<app::Kept>>>,
    /// The box the app draws in.
    container: web_sys::Element,
    notices: Vec<AttrValue>,
    set_aside: Option<Inputs>,
    restored: Vec<crate::engine::Field>,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Every playground on the page, so that it can be unmounted.
    static MOUNTED: std::cell::RefCell<Vec<Mounted>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Playgrounds handed to another module, until it has taken them over (see [`forget`]).
    static RELEASED: std::cell::RefCell<Vec<Mounted>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Mounts a playground into `root`, once, inside its shadow root ([`shadow::prepare`]), so the
/// host page's styles cannot reach in and its element ids cannot clash with another
/// playground's. When that root holds the example the build rendered, the app takes it over in
/// place: what the reader typed into it is kept, and the example goes once the app is drawn.
///
/// With a `handover` (see [`release`]), the root holds a playground of the page's other module,
/// which this one takes over the same way, with its state.
#[cfg(target_arch = "wasm32")]
pub fn mount(root: web_sys::Element, import: ImportSlot, handover: wasm_bindgen::JsValue) {
    if root.has_attribute("data-hsp-mounted") {
        return;
    }
    let index = page_mounts();
    let _ = root.set_attribute("data-hsp-mounted", "");
    let mut embedding = embed::embedding(|name| root.get_attribute(name), index);
    let (prefix, prefix_notice) = page_prefix(&root);
    embedding.prefix = prefix;
    let handover = handover::Handover::from_js(&handover);
    let handed = handover.is_some();
    let mut props = match handover {
        Some(handover) => handed_props(&embedding, import, handover),
        None => initial_props(&embedding, prefix_notice, import),
    };
    let kept = std::rc::Rc::new(std::cell::RefCell::new(None));
    props.onstart = {
        let kept = kept.clone();
        yew::Callback::from(move |started| *kept.borrow_mut() = Some(started))
    };
    let (notices, set_aside, restored) = (props.notices.clone(), props.set_aside.clone(), props.restored.clone());
    let shadow = shadow::prepare(&root);
    let Some(shadow) = shadow else {
        takeover::failed(
            &root,
            "The playground cannot start on this page: its scripts have taken away the Shadow DOM (attachShadow), which keeps the playground's ids and styles apart from the page's.",
        );
        return;
    };
    let shadow = Some(shadow);
    let copy = shadow.as_ref().and_then(takeover::find);
    let focused = shadow.as_ref().zip(copy.as_ref()).and_then(|(shadow, copy)| takeover::focus(shadow, copy));
    // A playground handed over says what it holds; the example shows what was typed into it.
    let opened = copy.as_ref().filter(|_| handed).map(handover::Opened::of);
    if let Some(copy) = copy.as_ref().filter(|_| !handed) {
        for edit in takeover::typed(copy, &prerendered_props(&embedding, import).initial) {
            props.initial.apply(edit);
        }
    }
    let container = shadow.as_ref().and_then(|shadow| {
        let container = root.owner_document()?.create_element("div").ok()?;
        container.set_class_name("hsp-root");
        // Right where the example is, so that swapping the two moves nothing.
        let next = copy.as_ref().and_then(|copy| copy.next_sibling());
        shadow.insert_before(&container, next.as_ref()).ok()?;
        Some(container)
    });
    let container = container.unwrap_or_else(|| root.clone());
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    MOUNTED.with(|mounted| {
        mounted.borrow_mut().push(Mounted {
            root: root.clone(),
            app,
            kept,
            container: container.clone(),
            notices,
            set_aside,
            restored,
        })
    });
    // Yew draws on the microtask queue; this runs after it, before the browser paints.
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(shadow) = &shadow {
            takeover::clear(shadow);
        }
        if let Some(opened) = &opened {
            opened.open(&container);
        }
        if let Some(copy) = copy {
            takeover::finish(copy.clone(), &container, focused);
            takeover::replay(&root, &copy, &container);
        }
        takeover::shown(&root);
    });
}

/// Removes the playground from `root`: the app, its listeners and timers go, and the element
/// is left empty, ready for another mount (which brings the stylesheet back into its shadow
/// root). An element without a playground is left alone.
#[cfg(target_arch = "wasm32")]
pub fn unmount(root: &web_sys::Element) {
    let found = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(|entry| entry.root == *root)?;
        Some(mounted.swap_remove(index).app)
    });
    if let Some(handle) = found {
        handle.destroy();
        let _ = root.remove_attribute("data-hsp-mounted");
        if let Some(shadow) = root.shadow_root() {
            shadow.set_inner_html("");
            shadow.set_adopted_style_sheets(&js_sys::Array::new());
        }
        root.set_inner_html("");
    }
}

/// How many playgrounds are mounted on the page now.
#[cfg(target_arch = "wasm32")]
pub fn mounted_count() -> usize {
    MOUNTED.with(|mounted| mounted.borrow().len())
}

/// Hands the playground in `root` to the page's other module: marks what it drew as the copy to
/// take over and returns its state for [`mount`] (JavaScript `undefined` when none runs there).
/// It keeps running, unseen and untouched, until [`forget`].
#[cfg(target_arch = "wasm32")]
pub fn release(root: &web_sys::Element) -> wasm_bindgen::JsValue {
    let found = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(|entry| entry.root == *root)?;
        Some(mounted.swap_remove(index))
    });
    let Some(entry) = found else { return wasm_bindgen::JsValue::UNDEFINED };
    let Some((state, holding)) = entry.kept.borrow().as_ref().map(app::Kept::kept) else {
        MOUNTED.with(|mounted| mounted.borrow_mut().push(entry));
        return wasm_bindgen::JsValue::UNDEFINED;
    };
    let shows = |selector: &str| entry.container.query_selector(selector).ok().flatten().is_some();
    let handover = handover::Handover {
        state,
        holding,
        notices: entry.notices.clone(),
        // Offers the reader has answered are gone from the page, and stay gone.
        set_aside: entry.set_aside.clone().filter(|_| shows(".hsp-set-aside")),
        restored: if shows(".hsp-restored") { entry.restored.clone() } else { Vec::new() },
        import_open: shows("#hsp-import-panel[open]"),
    };
    let _ = entry.container.set_attribute(PRERENDERED, "");
    let _ = root.remove_attribute("data-hsp-mounted");
    RELEASED.with(|released| released.borrow_mut().push(entry));
    handover.to_js()
}

/// Ends the playground released from `root` (see [`release`]) once another has taken it over:
/// its listeners and timers go; the element, and what it now shows, stay.
#[cfg(target_arch = "wasm32")]
pub fn forget(root: &web_sys::Element) {
    let found = RELEASED.with(|released| {
        let mut released = released.borrow_mut();
        let index = released.iter().position(|entry| entry.root == *root)?;
        Some(released.swap_remove(index))
    });
    if let Some(entry) = found {
        entry.app.destroy();
    }
}

/// The parameter prefix of `root` among every playground element of the page (see
/// [`embed::page_prefixes`]), and why it is not the one the element asks for, if it is not.
#[cfg(target_arch = "wasm32")]
fn page_prefix(root: &web_sys::Element) -> (String, Option<String>) {
    let mut elements: Vec<web_sys::Element> = Vec::new();
    if let Some(list) =
        root.owner_document().and_then(|document| document.query_selector_all("[data-headscale-playground]").ok())
    {
        elements.extend((0..list.length()).filter_map(|index| wasm_bindgen::JsCast::dyn_into(list.item(index)?).ok()));
    }
    let at = match elements.iter().position(|element| element == root) {
        Some(at) => at,
        None => {
            elements.push(root.clone());
            elements.len() - 1
        }
    };
    let chosen: Vec<Option<String>> =
        elements.iter().map(|element| element.get_attribute(embed::PARAM_PREFIX)).collect();
    embed::page_prefixes(&chosen, own_page()).swap_remove(at)
}

/// Whether this is the playground's own page: it sits in the folder of the playground's
/// files, as the release build's index.html and the single offline file do. Only there may the
/// playground use the page's address as its own.
#[cfg(target_arch = "wasm32")]
fn own_page() -> bool {
    let folder = |address: &str| {
        address.split(['?', '#']).next().and_then(|path| path.rsplit_once('/')).map(|(folder, _)| folder.to_string())
    };
    let page = browser::window().and_then(|window| window.location().href().ok());
    matches!((page.as_deref().and_then(folder), import_worker::glue_address().as_deref().and_then(folder)), (Some(a), Some(b)) if a == b)
}

/// The playgrounds this page has mounted so far, which numbers the next one's parameters.
#[cfg(target_arch = "wasm32")]
fn page_mounts() -> usize {
    let document = web_sys::window().and_then(|window| window.document());
    let list = document.and_then(|document| document.query_selector_all("[data-hsp-mounted]").ok());
    list.map_or(0, |list| list.length() as usize)
}

/// Entry point of a binary: shows panics on the page, then mounts every playground that is not
/// mounted yet, with the given import panel.
#[cfg(target_arch = "wasm32")]
pub fn start(import: ImportSlot) {
    browser::show_panics_on_page();
    for root in mount_points() {
        mount(root, import, wasm_bindgen::JsValue::UNDEFINED);
    }
}
