//! The form: every input, grouped the way a user thinks about the setup.

use std::rc::Rc;

use yew::prelude::*;

use super::checkbox::Checkbox;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::engine::{Diagnostic, Edit, Field, Inputs, Outputs};

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub inputs: Inputs,
    pub model: Rc<Outputs>,
    pub onedit: Callback<Edit>,
}

#[component]
pub fn Form(props: &FormProps) -> Html {
    let inputs = &props.inputs;
    let model = &props.model.model;
    let diagnostics = |field: Field| -> Vec<Diagnostic> {
        model.diagnostics.iter().filter(|d| d.field() == field).cloned().collect()
    };
    let text = |field: Field| {
        let value = AttrValue::from(inputs.text(field).unwrap_or_default().to_string());
        html! { <TextField {field} {value} diagnostics={diagnostics(field)} onedit={props.onedit.clone()} /> }
    };
    let list = |field: Field, placeholder: &'static str| {
        let value = AttrValue::from(inputs.text(field).unwrap_or_default().to_string());
        html! {
            <TextField {field} {value} diagnostics={diagnostics(field)} onedit={props.onedit.clone()}
                multiline=true placeholder={AttrValue::from(placeholder)} />
        }
    };
    let url = |field: Field, normalized: &str| {
        let typed = inputs.text(field).unwrap_or_default();
        let note = (!normalized.is_empty() && typed.trim() != normalized)
            .then(|| AttrValue::from(format!("Used as {normalized}")));
        let value = AttrValue::from(typed.to_string());
        html! { <TextField {field} {value} {note} diagnostics={diagnostics(field)} onedit={props.onedit.clone()} /> }
    };
    let methods: Vec<(AttrValue, AttrValue)> =
        vec![("S256".into(), "S256 (recommended)".into()), ("plain".into(), "plain".into())];

    html! {
        <form class="hsp-form" aria-label="Your setup" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            <fieldset>
                <legend>{ "Addresses" }</legend>
                { url(Field::HeadscaleUrl, &model.headscale.normalized) }
                { url(Field::AuthentikUrl, &model.authentik.normalized) }
            </fieldset>
            <fieldset>
                <legend>{ "authentik application" }</legend>
                { text(Field::AppName) }
                { text(Field::Slug) }
                { text(Field::ClientId) }
                { text(Field::ClientSecret) }
            </fieldset>
            <fieldset>
                <legend>{ "Who may log in" }</legend>
                { list(Field::AllowedGroups, "headscale-users") }
                { list(Field::AllowedUsers, "alice@example.com") }
                { list(Field::AllowedDomains, "example.com") }
            </fieldset>
            <fieldset>
                <legend>{ "Protocol" }</legend>
                { text(Field::Scopes) }
                <Checkbox field={Field::PkceEnabled} checked={inputs.pkce_enabled}
                    diagnostics={diagnostics(Field::PkceEnabled)} onedit={props.onedit.clone()} />
                <SelectField field={Field::PkceMethod} value={AttrValue::from(inputs.pkce_method.clone())}
                    options={methods} disabled={!inputs.pkce_enabled}
                    diagnostics={diagnostics(Field::PkceMethod)} onedit={props.onedit.clone()} />
            </fieldset>
        </form>
    }
}
