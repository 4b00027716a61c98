//! Headings at their place in the page's outline: the widget's title at the level the page chose,
//! the outputs' titles one below it, and what an output holds one below that. A function, not a
//! component: a heading has no state, and every component type costs the WebAssembly bytes.

use yew::prelude::*;

/// The level of the outputs' titles, 1 to 6: one below the widget's title at `title_level`, or
/// the title's own level when the page hides the title.
pub fn outputs_level(title_level: u8, title_shown: bool) -> u8 {
    (title_level + u8::from(title_shown)).clamp(1, 6)
}

/// An `h1`…`h6` element at `level` (clamped to 1 to 6).
pub fn heading(level: u8, id: Option<AttrValue>, class: &'static str, children: Html) -> Html {
    html! {
        <@{format!("h{}", level.clamp(1, 6))} {id} class={(!class.is_empty()).then_some(class)}>{ children }</@>
    }
}
