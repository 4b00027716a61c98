//! The few browser services the UI needs: randomness, the clipboard, selection, and a panic
//! message that replaces a blank page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fills `buffer` from the platform's cryptographic random source.
pub fn fill_random(buffer: &mut [u8]) {
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(buffer).is_ok());
    // Without WebCrypto there is no safe source; refuse rather than make a weak secret.
    assert!(filled, "the browser offers no cryptographic random source");
}

/// Writes `text` to the clipboard. Fails when the page is not a secure context, the API is
/// missing or the browser refuses.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
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

/// Selects the text of `element`, so the user can copy it by hand.
pub fn select_contents(element: &web_sys::Element) {
    if let Some(selection) = web_sys::window().and_then(|window| window.get_selection().ok().flatten()) {
        let _ = selection.select_all_children(element);
    }
}

/// Replaces the playground with a readable message when the code panics, instead of leaving
/// a dead page.
pub fn show_panics_on_page() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("sso-playground: {info}").into());
        let document = web_sys::window().and_then(|window| window.document());
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
