//! The few browser services the UI needs: randomness, the clipboard, downloads, selection, and
//! a panic message that replaces a blank page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fills `buffer` from the platform's cryptographic random source.
pub fn fill_random(buffer: &mut [u8]) {
    let filled = crate::ui::browser::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(buffer).is_ok());
    // Without WebCrypto there is no safe source; refuse rather than make a weak secret.
    assert!(filled, "the browser offers no cryptographic random source");
}

/// Writes `text` to the clipboard. Fails when the page is not a secure context, the API is
/// missing or the browser refuses.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let window = crate::ui::browser::window().ok_or(())?;
    if !window.is_secure_context() {
        return Err(());
    }
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|value| !value.is_undefined());
    if !has_clipboard {
        return Err(());
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.map(|_| ()).map_err(|_| ())
}

/// Saves `text` as a file named `name`, from memory: no request, so it works offline and from
/// the single offline file. `false` when the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let save = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let parts = js_sys::Array::of1(&text.into());
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // Some browsers read the blob after the click returns; free it a little later.
        gloo::timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    save().is_some()
}

/// Selects the text of `element`, so the reader can copy it by hand.
pub fn select_contents(element: &web_sys::Element) {
    if let Some(selection) = crate::ui::browser::window().and_then(|window| window.get_selection().ok().flatten()) {
        let _ = selection.select_all_children(element);
    }
}

/// Replaces the playground with a readable message when the code panics, instead of leaving
/// a dead page.
#[cfg(target_arch = "wasm32")]
pub fn show_panics_on_page() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("sso-playground: {info}").into());
        let document = crate::ui::browser::window().and_then(|window| window.document());
        let root = document.as_ref().and_then(|document| {
            document.query_selector("[data-hsp-mounted]").ok().flatten().or_else(|| document.body().map(Into::into))
        });
        let Some(root) = root else { return };
        let document = root.owner_document();
        // Inside the playground's shadow root, where it is visible.
        let root: web_sys::Element =
            match root.shadow_root().and_then(|shadow| shadow.query_selector(".hsp-root").ok().flatten()) {
                Some(inner) => inner,
                None => root,
            };
        let Some(message) = document.and_then(|document| document.create_element("div").ok()) else {
            return;
        };
        message.set_class_name("hsp-crash");
        message.set_attribute("role", "alert").ok();
        message.set_text_content(Some(
            "The playground hit an internal error and stopped. Reload the page to start again; \
             the browser console has the details.",
        ));
        if let Ok(element) = message.dyn_into::<web_sys::HtmlElement>() {
            let _ = root.prepend_with_node_1(&element);
        }
    }));
}

/// The browser window, or `None` while the page is being rendered at build time.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Opens the closed `<details>` around the element with id `id` in the same document or shadow
/// root as `from`, and focuses it. Whether it was found.
pub fn reveal(from: &web_sys::Element, id: &str) -> bool {
    let root = from.get_root_node();
    let found = if let Some(shadow) = root.dyn_ref::<web_sys::DocumentFragment>() {
        shadow.get_element_by_id(id)
    } else if let Some(document) = root.dyn_ref::<web_sys::Document>() {
        document.get_element_by_id(id)
    } else {
        None
    };
    let Some(target) = found else { return false };
    if let Ok(Some(details)) = target.closest("details") {
        let _ = details.set_attribute("open", "");
    }
    if let Some(target) = target.dyn_ref::<web_sys::HtmlElement>() {
        let _ = target.focus();
    }
    true
}
