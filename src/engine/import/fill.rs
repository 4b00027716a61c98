//! Turning a configuration as Headscale reads it into form inputs, changing only what the
//! configuration really changes: text that means the same stays as the user typed it.

use crate::engine::address::{Address, Service};
use crate::engine::fields::Field;
use crate::engine::headscale::read::Read;
use crate::engine::import::Pasted;
use crate::engine::inputs::{Inputs, SecretDelivery};
use crate::engine::urls::split_issuer;
use crate::engine::versions::headscale::{HeadscaleVersion, Key};
use crate::engine::{lists, rules};

/// Whether two texts of a field mean the same to the playground.
fn same_meaning(field: Field, a: &str, b: &str) -> bool {
    match field {
        Field::HeadscaleUrl => Address::parse(a, Service::Headscale) == Address::parse(b, Service::Headscale),
        Field::AuthentikUrl => Address::parse(a, Service::Authentik) == Address::parse(b, Service::Authentik),
        Field::Scopes | Field::AllowedUsers | Field::AllowedDomains => lists::words(a) == lists::words(b),
        Field::AllowedGroups => lists::lines(a) == lists::lines(b),
        Field::ExtraParams => lists::key_values(a).pairs == lists::key_values(b).pairs,
        _ => a.trim() == b.trim(),
    }
}

struct Filler {
    inputs: Inputs,
}

impl Filler {
    fn text(&mut self, field: Field, value: &str) {
        // A guide's placeholder is reported at its line and never applied as if it were real.
        let kept;
        let value = if matches!(field, Field::AllowedGroups | Field::AllowedUsers | Field::AllowedDomains) {
            kept = value.lines().filter(|item| !rules::is_placeholder(item)).collect::<Vec<_>>().join("\n");
            kept.as_str()
        } else if rules::is_placeholder(value) {
            return;
        } else {
            value
        };
        let current = self.inputs.text(field).unwrap_or_default();
        if !same_meaning(field, current, value) {
            self.inputs.apply(crate::engine::inputs::Edit::Text(field, value.to_string()));
        }
    }

    fn flag(&mut self, field: Field, value: bool) {
        self.inputs.apply(crate::engine::inputs::Edit::Flag(field, value));
    }
}

/// The inputs after applying `read` to `current`, for the chosen Headscale release.
pub(crate) fn fill(current: &Inputs, read: &Read, source: Pasted) -> Inputs {
    let version: HeadscaleVersion = current.headscale_version;
    let settings = &read.settings;
    let from_file = source != Pasted::Environment;
    let mut f = Filler { inputs: current.clone() };
    if let Some(server_url) = &read.server_url {
        f.text(Field::HeadscaleUrl, server_url);
    }
    if let Some(issuer) = &settings.issuer {
        match split_issuer(issuer) {
            Some((base, slug)) => {
                f.text(Field::AuthentikUrl, base);
                f.text(Field::Slug, slug);
            }
            None => f.text(Field::AuthentikUrl, issuer.trim_end_matches('/')),
        }
    }
    let text_or_default = |f: &mut Filler, field: Field, value: Option<String>, default: &str| match value {
        Some(value) => f.text(field, &value),
        None if from_file => f.text(field, default),
        None => {}
    };
    text_or_default(&mut f, Field::ClientId, settings.client_id.clone(), "");
    match (&settings.client_secret, &settings.client_secret_path) {
        (_, Some(path)) => {
            f.text(Field::SecretDelivery, SecretDelivery::File.key());
            f.text(Field::ClientSecretPath, path);
        }
        (Some(secret), None) => {
            let delivery = if from_file { SecretDelivery::Inline } else { SecretDelivery::Environment };
            f.text(Field::SecretDelivery, delivery.key());
            f.text(Field::ClientSecret, secret);
        }
        // The secret must come from the environment; whatever was typed for it stays.
        (None, None) if from_file => f.text(Field::SecretDelivery, SecretDelivery::Environment.key()),
        (None, None) => {}
    }
    let joined = |values: &Option<Vec<String>>, separator: &str| values.as_ref().map(|v| v.join(separator));
    text_or_default(&mut f, Field::Scopes, joined(&settings.scope, " "), version.default_of(Key::Scope).unwrap_or(""));
    text_or_default(&mut f, Field::AllowedGroups, joined(&settings.allowed_groups, "\n"), "");
    text_or_default(&mut f, Field::AllowedUsers, joined(&settings.allowed_users, "\n"), "");
    text_or_default(&mut f, Field::AllowedDomains, joined(&settings.allowed_domains, "\n"), "");
    let params = settings
        .extra_params
        .as_ref()
        .map(|pairs| pairs.iter().map(|(key, value)| format!("{key}={value}")).collect::<Vec<_>>().join("\n"));
    text_or_default(&mut f, Field::ExtraParams, params, "");
    // Whichever expiry key the file uses fills the one expiry field; a key this release does
    // not accept is reported, and the form writes the right one.
    let (preferred, other) = if version.reads(Key::NodeExpiry) {
        (&settings.node_expiry, &settings.expiry)
    } else {
        (&settings.expiry, &settings.node_expiry)
    };
    text_or_default(&mut f, Field::Expiry, preferred.clone().or_else(|| other.clone()), "");
    let flag_or_default = |f: &mut Filler, field: Field, key: Key, value: Option<bool>| match value {
        Some(value) => f.flag(field, value),
        None if from_file && version.reads(key) => {
            f.flag(field, version.default_of(key) == Some("true"));
        }
        None => {}
    };
    flag_or_default(
        &mut f,
        Field::OnlyStartIfOidcIsAvailable,
        Key::OnlyStartIfOidcIsAvailable,
        settings.only_start_if_oidc_is_available,
    );
    flag_or_default(&mut f, Field::UseExpiryFromToken, Key::UseExpiryFromToken, settings.use_expiry_from_token);
    flag_or_default(&mut f, Field::PkceEnabled, Key::PkceEnabled, settings.pkce_enabled);
    flag_or_default(&mut f, Field::EmailVerifiedRequired, Key::EmailVerifiedRequired, settings.email_verified_required);
    match &settings.pkce_method {
        Some(method) => f.text(Field::PkceMethod, method),
        None if from_file && f.inputs.pkce_enabled && version.reads(Key::PkceMethod) => {
            f.text(Field::PkceMethod, version.default_of(Key::PkceMethod).unwrap_or("S256"))
        }
        None => {}
    }
    f.inputs
}
