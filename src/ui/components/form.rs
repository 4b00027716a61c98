//! The essentials: the two addresses, the slug, the allowed groups and the two versions, what
//! almost every setup changes. Everything else is in [`super::more_settings`].

use std::rc::Rc;

use yew::prelude::*;

use super::fields::Fields;
use crate::engine::groups::Group;
use crate::engine::{Edit, Inputs, Outputs};

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub inputs: Inputs,
    pub outputs: Rc<Outputs>,
    pub onedit: Callback<Edit>,
}

#[component]
pub fn Form(props: &FormProps) -> Html {
    let fields = Fields { inputs: &props.inputs, outputs: &props.outputs, onedit: &props.onedit };
    // The releases sit side by side below the rest.
    let (releases, rest): (Vec<_>, Vec<_>) =
        Group::Essentials.fields().into_iter().partition(|field| field.is_choice());

    html! {
        <form class="hsp-form" aria-label="Your setup" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            { for rest.into_iter().map(|field| fields.control(field)) }
            <div class="hsp-versions">
                { for releases.into_iter().map(|field| fields.control(field)) }
            </div>
        </form>
    }
}
