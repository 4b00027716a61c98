//! A tab list in the WAI-ARIA tabs pattern: one tab in the Tab order (roving tabindex), the
//! arrow keys, Home and End move between tabs and select them, as Docusaurus's code tabs do.
//! The panels are the caller's; each is `hsp-panel-<key>`, labelled by its tab `hsp-tab-<key>`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// What the tab list holds, for screen readers.
    pub label: AttrValue,
    /// `(key, title)` of each tab.
    pub tabs: Vec<(AttrValue, AttrValue)>,
    pub selected: usize,
    pub onselect: Callback<usize>,
}

pub fn tab_id(key: &str) -> String {
    format!("hsp-tab-{key}")
}

pub fn panel_id(key: &str) -> String {
    format!("hsp-panel-{key}")
}

/// The tab a key moves to from `current`, if the key moves at all.
fn target(key: &str, current: usize, count: usize) -> Option<usize> {
    match key {
        "ArrowRight" => Some((current + 1) % count),
        "ArrowLeft" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let list = use_node_ref();
    let count = props.tabs.len();
    let onkeydown = {
        let (list, onselect, selected) = (list.clone(), props.onselect.clone(), props.selected);
        Callback::from(move |event: KeyboardEvent| {
            let Some(next) = target(&event.key(), selected, count) else { return };
            event.prevent_default();
            onselect.emit(next);
            // Focus follows the selection; the tabs are already on the page.
            let tab = list.cast::<web_sys::Element>().and_then(|list| list.query_selector_all("[role=tab]").ok());
            if let Some(tab) = tab.and_then(|tabs| tabs.item(next as u32)) {
                if let Ok(tab) = tab.dyn_into::<web_sys::HtmlElement>() {
                    let _ = tab.focus();
                }
            }
        })
    };
    html! {
        <div class="hsp-tablist" role="tablist" aria-label={props.label.clone()} ref={list} {onkeydown}>
            { for props.tabs.iter().enumerate().map(|(index, (key, title))| {
                let selected = index == props.selected;
                let onclick = props.onselect.reform(move |_: MouseEvent| index);
                html! {
                    <button type="button" role="tab" class="hsp-tab" id={tab_id(key)} aria-controls={panel_id(key)}
                        aria-selected={if selected { "true" } else { "false" }} tabindex={if selected { "0" } else { "-1" }}
                        {onclick}>{ title.clone() }</button>
                }
            }) }
        </div>
    }
}
