//! The essentials: the two addresses, the slug, the allowed groups and the two versions, what
//! almost every setup changes. Everything else is in [`super::more_settings`].

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{options, Fields};
use crate::engine::{form, Edit, Field, Inputs, Outputs};

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub inputs: Inputs,
    pub outputs: Rc<Outputs>,
    pub onedit: Callback<Edit>,
}

#[component]
pub fn Form(props: &FormProps) -> Html {
    let inputs = &props.inputs;
    let model = &props.outputs.model;
    let fields = Fields { inputs, diagnostics: &props.outputs.diagnostics, onedit: &props.onedit };
    let used_as = |field: Field, normalized: &str| {
        let typed = inputs.text(field).unwrap_or_default();
        (!normalized.is_empty() && typed.trim() != normalized).then(|| format!("Used as {normalized}"))
    };
    let releases = options(form::headscale_choices());
    let authentik_releases = options(form::authentik_choices());

    html! {
        <form class="hsp-form" aria-label="Your setup" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            { fields.text(Field::HeadscaleUrl, used_as(Field::HeadscaleUrl, &model.headscale.normalized)) }
            { fields.text(Field::AuthentikUrl, used_as(Field::AuthentikUrl, &model.authentik.normalized)) }
            { fields.text(Field::Slug, None) }
            { fields.list(Field::AllowedGroups, "headscale-users") }
            <div class="hsp-versions">
                { fields.select(Field::HeadscaleVersion, releases, false) }
                { fields.select(Field::AuthentikVersion, authentik_releases, false) }
            </div>
        </form>
    }
}
