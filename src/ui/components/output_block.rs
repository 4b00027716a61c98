//! A titled output section.

use yew::prelude::*;

use super::heading::heading;

#[derive(Properties, PartialEq)]
pub struct OutputBlockProps {
    /// Used for element ids: `hsp-<id>`, and `hsp-<id>-title` for the heading.
    pub id: AttrValue,
    pub title: AttrValue,
    /// A line under the heading.
    #[prop_or_default]
    pub description: Option<AttrValue>,
    /// The heading's level (see [`super::heading`]).
    #[prop_or(2)]
    pub level: u8,
    pub children: Html,
}

/// The id of an output's heading, which its text is labelled by.
pub fn title_id(id: &str) -> AttrValue {
    AttrValue::from(format!("hsp-{id}-title"))
}

#[component]
pub fn OutputBlock(props: &OutputBlockProps) -> Html {
    let title_id = title_id(&props.id);
    let title = heading(props.level, Some(title_id.clone()), "hsp-output-title", html! { props.title.clone() });
    let description =
        props.description.as_ref().map(|text| html! { <p class="hsp-output-description">{ text.clone() }</p> });
    html! {
        <section class="hsp-output" id={format!("hsp-{}", props.id)} aria-labelledby={title_id}>
            { title }
            { description }
            { props.children.clone() }
        </section>
    }
}
