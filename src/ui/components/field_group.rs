//! A named group of less common fields, closed by default. It opens by itself when one of its
//! fields needs attention (a check, or a value other than the default); after that the reader
//! decides.

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::engine::groups::Group;

#[derive(Properties, PartialEq)]
pub struct FieldGroupProps {
    pub group: Group,
    /// What [`Group::wants_attention`] says for the current inputs.
    pub attention: bool,
    pub children: Html,
}

#[component]
pub fn FieldGroup(props: &FieldGroupProps) -> Html {
    let open = use_state_eq(|| props.attention);
    {
        let open = open.clone();
        use_effect_with(props.attention, move |&attention| {
            if attention {
                open.set(true);
            }
        });
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| open.set(event.target_unchecked_into::<HtmlDetailsElement>().open()))
    };
    // The fields stay in the page while closed, so their labels and descriptions always exist.
    html! {
        <details class="hsp-group" id={format!("hsp-group-{}", props.group.key())} open={*open} {ontoggle}>
            <summary>{ props.group.title() }</summary>
            <div class="hsp-group-body">{ props.children.clone() }</div>
        </details>
    }
}
