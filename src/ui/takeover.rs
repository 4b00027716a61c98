//! Taking over the HTML the build rendered into the page: the app renders its own copy beside
//! it and, once that is drawn, removes the pre-rendered one in the same frame, so nothing
//! flashes or moves. What the reader typed into the pre-rendered form is kept, and so is focus.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::components::field_shell::FieldIds;
use crate::engine::inputs::{typed_edits, ControlValue};
use crate::engine::{Edit, Field, Inputs};

use super::PRERENDERED;

/// The pre-rendered copy inside `root`, if the page has one.
pub fn find(root: &Element) -> Option<Element> {
    root.query_selector(&format!(":scope > [{PRERENDERED}]")).ok().flatten()
}

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

/// The id of the focused control inside `copy` and its selection, to restore them.
pub fn focus(copy: &Element) -> Option<(String, Option<u32>, Option<u32>)> {
    let document = copy.owner_document()?;
    let active = document.active_element()?;
    if !copy.contains(Some(&active)) || active.id().is_empty() {
        return None;
    }
    let selection = active
        .dyn_ref::<HtmlInputElement>()
        .map_or((None, None), |input| (input.selection_start().ok().flatten(), input.selection_end().ok().flatten()));
    Some((active.id(), selection.0, selection.1))
}

/// Removes the pre-rendered copy and puts focus back where the reader had it.
pub fn finish(copy: Element, live: &Element, focused: Option<(String, Option<u32>, Option<u32>)>) {
    copy.remove();
    let Some((id, start, end)) = focused else { return };
    let Some(element) = live.query_selector(&format!("#{id}")).ok().flatten() else { return };
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
    if let (Some(input), Some(start), Some(end)) = (element.dyn_ref::<HtmlInputElement>(), start, end) {
        let _ = input.set_selection_range(start, end);
    }
}
