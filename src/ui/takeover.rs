//! Taking over the example the build rendered into the page, inside the element's shadow root:
//! the app renders its own copy right beside it in the same root and, once that is drawn,
//! removes the example in the same frame, so nothing flashes or moves. What the reader typed
//! into the example is kept, and so is focus; the click that woke the app on one of the
//! example's controls is done again on the app's own.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, ShadowRoot};

use super::components::field_shell::FieldIds;
use crate::engine::inputs::{typed_edits, ControlValue};
use crate::engine::{Edit, Field, Inputs};

use super::PRERENDERED;

/// The example's controls whose click is replayed, counted in document order: the same selector
/// as `CONTROLS` in the loader (src/loader/embed.js), which notes the position of the clicked one.
pub const REPLAYED: &str = "button, summary, a[href^='#']";
/// Where the loader leaves that position on the mount element.
const REPLAY: &str = "data-hsp-replay";
/// The event the mount element receives once the app has taken it over (the loader's `shown`).
pub const SHOWN: &str = "headscale-playground-shown";

/// Sent on the element when the playground cannot start there (the loader rejects `shown`).
const FAILED: &str = "headscale-playground-failed";

/// The example inside `shadow`, if the page has one.
pub fn find(shadow: &ShadowRoot) -> Option<Element> {
    // (":scope" matches nothing in a shadow root's selectors; the mark is on its child alone.)
    shadow.query_selector(&format!("[{PRERENDERED}]")).ok().flatten()
}

/// What the loader put in the root before the app (the slots that show the element's own text
/// and the loader's messages, and the box around them): the app's copy shows neither.
const BEFORE_THE_APP: &str = "slot, .hsp-fallback";

/// What a control holds, if `element` is one.
fn value_of(element: &Element) -> Option<ControlValue> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return Some(if input.type_() == "checkbox" {
            ControlValue::Checked(input.checked())
        } else {
            ControlValue::Text(input.value())
        });
    }
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        return Some(ControlValue::Text(area.value()));
    }
    element.dyn_ref::<HtmlSelectElement>().map(|select| ControlValue::Text(select.value()))
}

/// The edits the reader made to the pre-rendered form, which showed `shown`.
pub fn typed(copy: &Element, shown: &Inputs) -> Vec<Edit> {
    let controls = Field::ALL.into_iter().filter_map(|field| {
        let element = copy.query_selector(&format!("#{}", FieldIds::of(field).control)).ok().flatten()?;
        Some((field, value_of(&element)?))
    });
    typed_edits(shown, controls)
}

/// Where the focused control inside `copy` is (its id, or for a section's summary the section's
/// id) and its selection, to restore them.
pub fn focus(shadow: &ShadowRoot, copy: &Element) -> Option<(String, Option<u32>, Option<u32>)> {
    let active = shadow.active_element()?;
    if !copy.contains(Some(&active)) {
        return None;
    }
    let selector = match (active.id(), active.parent_element()) {
        (id, _) if !id.is_empty() => format!("#{id}"),
        (_, Some(section)) if active.tag_name() == "SUMMARY" && !section.id().is_empty() => {
            format!("#{} > summary", section.id())
        }
        _ => return None,
    };
    let selection = active
        .dyn_ref::<HtmlInputElement>()
        .map_or((None, None), |input| (input.selection_start().ok().flatten(), input.selection_end().ok().flatten()));
    Some((selector, selection.0, selection.1))
}

/// Removes what stood in the root before the app: the example, if any, and the loader's slots.
pub fn clear(shadow: &ShadowRoot) {
    if let Ok(found) = shadow.query_selector_all(BEFORE_THE_APP) {
        for index in 0..found.length() {
            if let Some(node) = found.item(index).and_then(|node| node.dyn_into::<Element>().ok()) {
                node.remove();
            }
        }
    }
}

/// Removes the example and puts focus back where the reader had it.
pub fn finish(copy: Element, live: &Element, focused: Option<(String, Option<u32>, Option<u32>)>) {
    copy.remove();
    let Some((selector, start, end)) = focused else { return };
    let Some(element) = live.query_selector(&selector).ok().flatten() else { return };
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
    if let (Some(input), Some(start), Some(end)) = (element.dyn_ref::<HtmlInputElement>(), start, end) {
        let _ = input.set_selection_range(start, end);
    }
}

/// Clicks, in the app's copy `live`, the control the reader clicked in the example `copy` before
/// the app ran, if the loader noted its position among [`REPLAYED`]. The app's copy may hold a
/// message or link more or fewer than the example (its credentials are real), so the control is
/// found again as the same element with the same text, counted among its likes.
pub fn replay(root: &Element, copy: &Element, live: &Element) {
    let Some(position) = root.get_attribute(REPLAY).and_then(|position| position.parse::<usize>().ok()) else {
        return;
    };
    let _ = root.remove_attribute(REPLAY);
    let controls = |within: &Element| -> Vec<HtmlElement> {
        let Ok(list) = within.query_selector_all(REPLAYED) else { return Vec::new() };
        (0..list.length()).filter_map(|index| list.item(index)?.dyn_into().ok()).collect()
    };
    let in_copy = controls(copy);
    let Some(clicked) = in_copy.get(position) else { return };
    let alike = |control: &HtmlElement| {
        control.tag_name() == clicked.tag_name() && control.text_content() == clicked.text_content()
    };
    let nth = in_copy[..position].iter().filter(|control| alike(control)).count();
    let Some(control) = controls(live).into_iter().filter(alike).nth(nth) else { return };
    let _ = control.focus();
    control.click();
}

/// Tells the page that the app has taken `root` over.
/// Says in `root` why the playground cannot start, above the example, and tells the loader.
pub fn failed(root: &Element, reason: &str) {
    let Some(document) = root.owner_document() else { return };
    if let Ok(message) = document.create_element("p") {
        let _ = message.set_attribute("role", "alert");
        message.set_class_name("hsp-embed-failure");
        message.set_text_content(Some(reason));
        let _ = root.prepend_with_node_1(&message);
    }
    if let Ok(event) = web_sys::Event::new(FAILED) {
        let _ = root.dispatch_event(&event);
    }
}

pub fn shown(root: &Element) {
    if let Ok(event) = web_sys::Event::new(SHOWN) {
        let _ = root.dispatch_event(&event);
    }
}
