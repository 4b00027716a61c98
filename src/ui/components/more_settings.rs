//! Every field beyond the essentials, in named groups that are closed until one of their fields
//! needs attention. In the compact form only such groups are shown. Which fields a group holds,
//! and in what order, comes from the field table.

use std::rc::Rc;

use yew::prelude::*;

use super::field_group::FieldGroup;
use super::fields::Fields;
use crate::engine::credentials::{self, CLIENT_ID_LENGTH, CLIENT_SECRET_LENGTH};
use crate::engine::groups::Group;
use crate::engine::{Edit, Field, Inputs, Outputs};
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct MoreSettingsProps {
    pub inputs: Inputs,
    /// What the page starts from; a field that differs opens its group.
    pub defaults: Inputs,
    pub outputs: Rc<Outputs>,
    pub onedit: Callback<Edit>,
    /// The compact form: only the groups that need attention are shown.
    #[prop_or_default]
    pub only_attention: bool,
}

#[component]
pub fn MoreSettings(props: &MoreSettingsProps) -> Html {
    let inputs = &props.inputs;
    let fields = Fields { inputs, outputs: &props.outputs, onedit: &props.onedit };
    let ongenerate = use_callback(props.onedit.clone(), |_: MouseEvent, onedit| {
        onedit.emit(Edit::Text(Field::ClientId, credentials::alphanumeric(CLIENT_ID_LENGTH, browser::fill_random)));
        onedit.emit(Edit::Text(
            Field::ClientSecret,
            credentials::alphanumeric(CLIENT_SECRET_LENGTH, browser::fill_random),
        ));
    });
    let group = |group: Group| {
        let attention = group.wants_attention(inputs, &props.defaults, &props.outputs.diagnostics);
        if props.only_attention && !attention {
            return html! {};
        }
        html! {
            <FieldGroup {group} {attention}>
                { for group.fields().into_iter().map(|field| fields.control(field)) }
                // The application's client ID and secret can be drawn afresh.
                if group == Group::Application {
                    <p class="hsp-actions">
                        <button type="button" class="hsp-secondary" onclick={ongenerate.clone()}>{ "Generate new client ID and secret" }</button>
                    </p>
                }
            </FieldGroup>
        }
    };

    html! {
        <form class="hsp-more" aria-label="More settings" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            { for Group::ALL.into_iter().filter(|group| *group != Group::Essentials).map(group) }
        </form>
    }
}
