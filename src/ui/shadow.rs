//! The shadow root a playground lives in: the host page's styles (class-qualified, `!important`,
//! pseudo-elements, rules on `div`) stay outside, element ids are the playground's own, the
//! playground's stylesheet is linked inside, and the host's theme is mirrored in.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, ShadowRootInit, ShadowRootMode};

/// Marks the playground's stylesheet (a `<link>` on a served page, a `<style>` in the single
/// offline file); each shadow root gets a copy.
const STYLE_MARK: &str = "[data-headscale-playground-style]";
const THEME: &str = "data-theme";

/// Attaches a shadow root to `host` and returns the element to render into; `None` when the
/// host cannot have one, and the playground then does not start (in the page's own tree, the
/// page's styles would reach it and a second playground's labels would point at the first's
/// fields).
pub fn attach(host: &Element) -> Option<Element> {
    let document = host.owner_document()?;
    let shadow = match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
        Ok(shadow) => shadow,
        Err(_) => declarative(host)?,
    };
    if let Ok(styles) = document.query_selector_all(STYLE_MARK) {
        let adopted = js_sys::Array::new();
        for index in 0..styles.length() {
            let Some(style) = styles.item(index) else { continue };
            // A loaded stylesheet is adopted as a copy, which applies at once: a <link> inside
            // the shadow root would leave its first frame unstyled, and the page would jump.
            match adoptable(&style) {
                Some(sheet) => {
                    adopted.push(&sheet);
                }
                None => {
                    if let Ok(copy) = style.clone_node_with_deep(true) {
                        let _ = shadow.append_child(&copy);
                    }
                }
            }
        }
        if adopted.length() > 0 {
            shadow.set_adopted_style_sheets(&adopted);
        }
    }
    let container = document.create_element("div").ok()?;
    container.set_class_name("hsp-root");
    shadow.append_child(&container).ok()?;
    follow_theme(&document, &container);
    Some(container)
}

/// A shadow root made the way the HTML parser makes one (`<template shadowrootmode>`), for a
/// page whose scripts took `attachShadow` away: on an element of the playground's own, added
/// to the host after its children (the example, which the app removes once it has drawn).
fn declarative(host: &Element) -> Option<web_sys::ShadowRoot> {
    let document = host.owner_document()?;
    let scratch = document.create_element("div").ok()?;
    let set = js_sys::Reflect::get(&scratch, &"setHTMLUnsafe".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let markup = "<headscale-playground-root><template shadowrootmode=\"open\"></template></headscale-playground-root>";
    set.call1(&scratch, &markup.into()).ok()?;
    let inner = scratch.first_element_child()?;
    let shadow = inner.shadow_root()?;
    // Through the style object, which a policy without 'unsafe-inline' allows.
    let style = js_sys::Reflect::get(&inner, &"style".into()).ok()?;
    let set_property = js_sys::Reflect::get(&style, &"setProperty".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let _ = set_property.call3(&style, &"display".into(), &"block".into(), &"important".into());
    host.append_child(&inner).ok()?;
    Some(shadow)
}

/// A constructed copy of the loaded stylesheet of a `<link>` or `<style>` element.
fn adoptable(style: &web_sys::Node) -> Option<web_sys::CssStyleSheet> {
    let sheet = if let Some(link) = style.dyn_ref::<web_sys::HtmlLinkElement>() {
        link.sheet()
    } else {
        style.dyn_ref::<web_sys::HtmlStyleElement>()?.sheet()
    }?;
    let rules = sheet.dyn_into::<web_sys::CssStyleSheet>().ok()?.css_rules().ok()?;
    let text: String =
        (0..rules.length()).filter_map(|index| rules.item(index)).map(|rule| rule.css_text() + "\n").collect();
    let copy = web_sys::CssStyleSheet::new().ok()?;
    copy.replace_sync(&text).ok()?;
    Some(copy)
}

/// Copies `data-theme` of `<html>` (as Docusaurus sets it) to `container`, now and on change:
/// selectors inside a shadow root cannot see the document's root element.
fn follow_theme(document: &web_sys::Document, container: &Element) {
    let Some(html) = document.document_element() else { return };
    let copy = {
        let (html, container) = (html.clone(), container.clone());
        move || match html.get_attribute(THEME) {
            Some(theme) => container.set_attribute(THEME, &theme).unwrap_or(()),
            None => container.remove_attribute(THEME).unwrap_or(()),
        }
    };
    copy();
    let callback = Closure::<dyn Fn()>::new(copy);
    if let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let options = MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&THEME.into()));
        let _ = observer.observe_with_options(&html, &options);
    }
    // The observer lives as long as the page.
    callback.forget();
}
