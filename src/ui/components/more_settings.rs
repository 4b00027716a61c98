//! Every field beyond the essentials, in named groups that are closed until one of their fields
//! needs attention. In the compact form only such groups are shown.

use std::rc::Rc;

use yew::prelude::*;

use super::checkbox::Checkbox;
use super::field_group::FieldGroup;
use super::fields::{options, Fields};
use crate::engine::credentials::{self, CLIENT_ID_LENGTH, CLIENT_SECRET_LENGTH};
use crate::engine::groups::Group;
use crate::engine::inputs::SecretDelivery;
use crate::engine::{form, Edit, Field, Inputs, Outputs};
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
    let diagnostics = &props.outputs.diagnostics;
    let onedit = &props.onedit;
    let fields = Fields { inputs, diagnostics, onedit };
    let version = inputs.headscale_version;
    let expiry_note = form::expiry_note(version);
    let ongenerate = use_callback(onedit.clone(), |_: MouseEvent, onedit| {
        onedit.emit(Edit::Text(Field::ClientId, credentials::alphanumeric(CLIENT_ID_LENGTH, browser::fill_random)));
        onedit.emit(Edit::Text(
            Field::ClientSecret,
            credentials::alphanumeric(CLIENT_SECRET_LENGTH, browser::fill_random),
        ));
    });
    let deliveries = options(form::secret_choices());
    let methods = options(form::pkce_choices());
    let pkce_read = form::reads(version, Field::PkceEnabled);
    let group = |group: Group, children: Html| {
        let attention = group.wants_attention(inputs, &props.defaults, diagnostics);
        if props.only_attention && !attention {
            return html! {};
        }
        html! { <FieldGroup {group} {attention}>{ children }</FieldGroup> }
    };

    html! {
        <form class="hsp-more" aria-label="More settings" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            { group(Group::Application, html! { <>
                { fields.text(Field::AppName, None) }
                { fields.text(Field::ClientId, None) }
                { fields.text(Field::ClientSecret, None) }
                <p class="hsp-actions">
                    <button type="button" class="hsp-secondary" onclick={ongenerate}>{ "Generate new client ID and secret" }</button>
                </p>
            </> }) }
            { group(Group::Access, html! { <>
                { fields.list(Field::AllowedUsers, "alice@example.com") }
                { fields.list(Field::AllowedDomains, "example.com") }
                { fields.flag(Field::EmailVerifiedRequired) }
                <Checkbox field={Field::VerifiedEmailMapping} checked={inputs.verified_email_mapping}
                    diagnostics={fields.diagnostics(Field::VerifiedEmailMapping)} onedit={onedit.clone()} />
            </> }) }
            { group(Group::Secret, html! { <>
                { fields.select(Field::SecretDelivery, deliveries, false) }
                if inputs.secret_delivery == SecretDelivery::File {
                    { fields.text(Field::ClientSecretPath, None) }
                }
                { fields.text(Field::Expiry, Some(expiry_note)) }
                { fields.flag(Field::UseExpiryFromToken) }
                { fields.flag(Field::OnlyStartIfOidcIsAvailable) }
            </> }) }
            { group(Group::Protocol, html! { <>
                { fields.text(Field::Scopes, None) }
                { fields.flag(Field::PkceEnabled) }
                { fields.select(Field::PkceMethod, methods, !inputs.pkce_enabled || !pkce_read) }
                { fields.list(Field::ExtraParams, "prompt=login") }
            </> }) }
        </form>
    }
}
