//! The shadow root a playground lives in: the host page's styles (class-qualified, `!important`,
//! pseudo-elements, rules on `div`) stay outside, element ids are the playground's own, and the
//! playground's stylesheet is inside, where no page swap can remove it.
//!
//! Usually the root is there before the app: the example the build rendered is a declarative
//! shadow root holding its own styles, and the loader (embed.js) gives an element without the
//! example a root with a link to the stylesheet. The app renders into that root and never moves
//! it. Only where nobody did (the app mounted without the loader) it attaches one itself and
//! adopts the page's marked stylesheet.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTemplateElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Marks the playground's stylesheet in a page (a `<link>`, or a `<style>` in the single offline
/// file), for a shadow root that has none of its own.
const STYLE_MARK: &str = "[data-headscale-playground-style]";

/// The shadow root of `host`, attached if it has none, with the playground's styles in it;
/// `None` when the host cannot have one, and the playground then does not start (in the page's
/// own tree, the page's styles would reach it and a second playground's labels would point at
/// the first's fields).
pub fn prepare(host: &Element) -> Option<ShadowRoot> {
    // The loader's own element, where the page took attachShadow away (see `declarative`).
    let made =
        host.query_selector(":scope > headscale-playground-root").ok().flatten().and_then(|inner| inner.shadow_root());
    let shadow = match host.shadow_root().or(made) {
        Some(shadow) => shadow,
        None => {
            let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) else {
                // The page's scripts took attachShadow away: the parser's way, on an element of
                // the playground's own.
                let shadow = declarative(host)?;
                adopt_page_styles(host, &shadow);
                return Some(shadow);
            };
            // The example set as HTML by a script (innerHTML) stays a template: open it here.
            let template = host.query_selector(":scope > template[shadowrootmode]").ok().flatten();
            if let Some(template) = template.and_then(|node| node.dyn_into::<HtmlTemplateElement>().ok()) {
                let _ = shadow.append_child(&template.content());
                template.remove();
            }
            shadow
        }
    };
    if !styled(&shadow) {
        adopt_page_styles(host, &shadow);
    }
    Some(shadow)
}

/// Whether `shadow` has a stylesheet of its own.
fn styled(shadow: &ShadowRoot) -> bool {
    let linked = shadow.query_selector("style, link[rel=stylesheet]").ok().flatten().is_some();
    linked || shadow.adopted_style_sheets().length() > 0
}

/// Gives `shadow` the page's marked stylesheets: a loaded one as a constructed copy, which
/// applies at once (a new `<link>` would leave the first frame unstyled), any other as a copy
/// of its element.
fn adopt_page_styles(host: &Element, shadow: &ShadowRoot) {
    let Some(document) = host.owner_document() else { return };
    let Ok(styles) = document.query_selector_all(STYLE_MARK) else { return };
    let adopted = js_sys::Array::new();
    for index in 0..styles.length() {
        let Some(style) = styles.item(index) else { continue };
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
