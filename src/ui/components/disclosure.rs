//! A `<details>` element whose content is only built while it is open, so closed sections cost
//! nothing on load or on a keystroke.

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    pub summary: Html,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub open: bool,
    pub children: Html,
}

#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let open = use_state_eq(|| props.open);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| open.set(event.target_unchecked_into::<HtmlDetailsElement>().open()))
    };
    html! {
        <details class={props.class.clone()} id={props.id.clone()} open={*open} {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if *open {
                { props.children.clone() }
            }
        </details>
    }
}
