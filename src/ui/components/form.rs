//! The form: every input, grouped the way a user thinks about the setup.

use std::rc::Rc;

use yew::prelude::*;

use super::checkbox::Checkbox;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::engine::authentik::versions::RELEASES as AUTHENTIK_RELEASES;
use crate::engine::credentials::{self, CLIENT_ID_LENGTH, CLIENT_SECRET_LENGTH};
use crate::engine::headscale::versions::{Key, RELEASES};
use crate::engine::inputs::SecretDelivery;
use crate::engine::{Diagnostic, Edit, Field, Inputs, Outputs};
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub inputs: Inputs,
    pub outputs: Rc<Outputs>,
    pub onedit: Callback<Edit>,
}

fn options(pairs: impl IntoIterator<Item = (&'static str, String)>) -> Vec<(AttrValue, AttrValue)> {
    pairs.into_iter().map(|(value, label)| (AttrValue::from(value), AttrValue::from(label))).collect()
}

#[component]
pub fn Form(props: &FormProps) -> Html {
    let inputs = &props.inputs;
    let model = &props.outputs.model;
    let version = inputs.headscale_version;
    let onedit = &props.onedit;
    let diagnostics = |field: Field| -> Vec<Diagnostic> {
        model.diagnostics.iter().filter(|d| d.field() == field).cloned().collect()
    };
    let value = |field: Field| AttrValue::from(inputs.text(field).unwrap_or_default().to_string());
    let text = |field: Field, note: Option<String>| {
        html! {
            <TextField {field} value={value(field)} note={note.map(AttrValue::from)}
                diagnostics={diagnostics(field)} onedit={onedit.clone()} />
        }
    };
    let list = |field: Field, placeholder: &'static str| {
        html! {
            <TextField {field} value={value(field)} diagnostics={diagnostics(field)} onedit={onedit.clone()}
                multiline=true placeholder={AttrValue::from(placeholder)} />
        }
    };
    let flag = |field: Field, key: Key| {
        let reads = version.reads(key);
        let note =
            (!reads).then(|| AttrValue::from(format!("Headscale {} does not read this setting.", version.label())));
        html! {
            <Checkbox {field} checked={inputs.flag(field).unwrap_or_default()} disabled={!reads} {note}
                diagnostics={diagnostics(field)} onedit={onedit.clone()} />
        }
    };
    let used_as = |field: Field, normalized: &str| {
        let typed = inputs.text(field).unwrap_or_default();
        (!normalized.is_empty() && typed.trim() != normalized).then(|| format!("Used as {normalized}"))
    };
    let expiry_key = if version.reads(Key::NodeExpiry) { Key::NodeExpiry } else { Key::Expiry };
    let expiry_note = format!(
        "Written as {}; Headscale {}'s default is {}.",
        expiry_key.path(),
        version.label(),
        version.default_of(expiry_key).unwrap_or("none")
    );
    let releases = options(RELEASES.iter().map(|r| (r.label, format!("{} (newest patch {})", r.label, r.patch))));
    let authentik_releases = options(AUTHENTIK_RELEASES.iter().map(|r| (r.key, r.label.to_string())));
    let ongenerate = {
        let onedit = onedit.clone();
        Callback::from(move |_: MouseEvent| {
            onedit.emit(Edit::Text(Field::ClientId, credentials::alphanumeric(CLIENT_ID_LENGTH, browser::fill_random)));
            onedit.emit(Edit::Text(
                Field::ClientSecret,
                credentials::alphanumeric(CLIENT_SECRET_LENGTH, browser::fill_random),
            ));
        })
    };
    let deliveries = options(SecretDelivery::ALL.iter().map(|d| (d.key(), d.label().to_string())));
    let methods = options([("S256", "S256 (recommended)".to_string()), ("plain", "plain".to_string())]);
    let pkce_read = version.reads(Key::PkceEnabled);

    html! {
        <form class="hsp-form" aria-label="Your setup" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            <fieldset>
                <legend>{ "Versions" }</legend>
                <SelectField field={Field::HeadscaleVersion} value={value(Field::HeadscaleVersion)} options={releases}
                    diagnostics={diagnostics(Field::HeadscaleVersion)} onedit={onedit.clone()} />
                <SelectField field={Field::AuthentikVersion} value={value(Field::AuthentikVersion)}
                    options={authentik_releases} diagnostics={diagnostics(Field::AuthentikVersion)} onedit={onedit.clone()} />
            </fieldset>
            <fieldset>
                <legend>{ "Addresses" }</legend>
                { text(Field::HeadscaleUrl, used_as(Field::HeadscaleUrl, &model.headscale.normalized)) }
                { text(Field::AuthentikUrl, used_as(Field::AuthentikUrl, &model.authentik.normalized)) }
            </fieldset>
            <fieldset>
                <legend>{ "authentik application" }</legend>
                { text(Field::AppName, None) }
                { text(Field::Slug, None) }
                { text(Field::ClientId, None) }
                { text(Field::ClientSecret, None) }
                <p class="hsp-actions">
                    <button type="button" class="hsp-secondary" onclick={ongenerate}>{ "Generate new client ID and secret" }</button>
                </p>
            </fieldset>
            <fieldset>
                <legend>{ "Who may log in" }</legend>
                { list(Field::AllowedGroups, "headscale-users") }
                { list(Field::AllowedUsers, "alice@example.com") }
                { list(Field::AllowedDomains, "example.com") }
                { flag(Field::EmailVerifiedRequired, Key::EmailVerifiedRequired) }
                <Checkbox field={Field::VerifiedEmailMapping} checked={inputs.verified_email_mapping}
                    diagnostics={diagnostics(Field::VerifiedEmailMapping)} onedit={onedit.clone()} />
            </fieldset>
            <fieldset>
                <legend>{ "Headscale" }</legend>
                <SelectField field={Field::SecretDelivery} value={value(Field::SecretDelivery)} options={deliveries}
                    diagnostics={diagnostics(Field::SecretDelivery)} onedit={onedit.clone()} />
                if inputs.secret_delivery == SecretDelivery::File {
                    { text(Field::ClientSecretPath, None) }
                }
                { text(Field::Expiry, Some(expiry_note)) }
                { flag(Field::UseExpiryFromToken, Key::UseExpiryFromToken) }
                { flag(Field::OnlyStartIfOidcIsAvailable, Key::OnlyStartIfOidcIsAvailable) }
                { list(Field::ExtraParams, "prompt=login") }
            </fieldset>
            <fieldset>
                <legend>{ "Protocol" }</legend>
                { text(Field::Scopes, None) }
                { flag(Field::PkceEnabled, Key::PkceEnabled) }
                <SelectField field={Field::PkceMethod} value={value(Field::PkceMethod)} options={methods}
                    disabled={!inputs.pkce_enabled || !pkce_read}
                    diagnostics={diagnostics(Field::PkceMethod)} onedit={onedit.clone()} />
            </fieldset>
        </form>
    }
}
