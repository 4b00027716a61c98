//! Turning a configuration as Headscale reads it into form inputs, changing only what the
//! configuration really changes: text that means the same stays as the reader typed it.
//!
//! A field whose value is one key's is filled from it by the two kinds alone; the fields that
//! share a key, or choose between keys, are filled below by their own rules.

use crate::engine::address::{Address, Service};
use crate::engine::fields::{Field, Kind, FIELDS};
use crate::engine::headscale::read::Read;
use crate::engine::import::Pasted;
use crate::engine::inputs::{Edit, Inputs, SecretDelivery};
use crate::engine::urls::split_issuer;
use crate::engine::versions::headscale::{HeadscaleVersion, Key};
use crate::engine::versions::keys::{Setting, ValueRef};
use crate::engine::{lists, rules};

/// The fields filled by rules of their own: one issuer makes the authentik URL and the slug,
/// the secret is in one of two keys or in the environment, the expiry is in one of two keys,
/// and the PKCE method only counts with PKCE on.
const OWN_RULES: [Field; 7] = [
    Field::AuthentikUrl,
    Field::Slug,
    Field::SecretDelivery,
    Field::ClientSecret,
    Field::ClientSecretPath,
    Field::Expiry,
    Field::PkceMethod,
];

/// Whether two texts of a field mean the same to the playground.
fn same_meaning(field: Field, a: &str, b: &str) -> bool {
    let kind = field.kind();
    match field {
        Field::HeadscaleUrl => Address::parse(a, Service::Headscale) == Address::parse(b, Service::Headscale),
        Field::AuthentikUrl => Address::parse(a, Service::Authentik) == Address::parse(b, Service::Authentik),
        _ if kind == Kind::Pairs => lists::key_values(a).pairs == lists::key_values(b).pairs,
        _ if kind.is_list() => kind.split(a) == kind.split(b),
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
        let value = if field.kind().takes_placeholders() && field.kind().is_list() {
            kept = value.lines().filter(|item| !rules::is_placeholder(item)).collect::<Vec<_>>().join("\n");
            kept.as_str()
        } else if rules::is_placeholder(value) {
            return;
        } else {
            value
        };
        let current = self.inputs.text(field).unwrap_or_default();
        if !same_meaning(field, current, value) {
            self.inputs.apply(Edit::Text(field, value.to_string()));
        }
    }

    fn flag(&mut self, field: Field, value: bool) {
        self.inputs.apply(Edit::Flag(field, value));
    }
}

/// A key's value as the text of a field of `kind`.
fn as_text(value: ValueRef, kind: Kind) -> Option<String> {
    match value {
        ValueRef::Text(text) => Some(text.to_string()),
        ValueRef::List(items) => Some(items.join(kind.joiner())),
        ValueRef::Map(pairs) => {
            Some(pairs.iter().map(|(key, value)| format!("{key}={value}")).collect::<Vec<_>>().join("\n"))
        }
        ValueRef::Flag(_) => None,
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
    // A key the file leaves out has Headscale's default; a variable left out changes nothing.
    let text_or_default = |f: &mut Filler, field: Field, value: Option<String>, default: &str| match value {
        Some(value) => f.text(field, &value),
        None if from_file => f.text(field, default),
        None => {}
    };
    for info in FIELDS.iter().filter(|info| !OWN_RULES.contains(&info.field)) {
        let Some(&Setting::Key(key)) = info.headscale.first() else { continue };
        match (info.kind, settings.value(key)) {
            (Kind::Flag, Some(ValueRef::Flag(value))) => f.flag(info.field, value),
            (Kind::Flag, _) if from_file && version.reads(key) => {
                f.flag(info.field, version.default_of(key) == Some("true"));
            }
            (Kind::Flag, _) => {}
            (kind, value) => {
                let value = value.and_then(|value| as_text(value, kind));
                text_or_default(&mut f, info.field, value, version.default_of(key).unwrap_or(""));
            }
        }
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
    // Whichever expiry key the file uses fills the one expiry field; a key this release does
    // not accept is reported, and the form writes the right one.
    let (preferred, other) = if version.reads(Key::NodeExpiry) {
        (&settings.node_expiry, &settings.expiry)
    } else {
        (&settings.expiry, &settings.node_expiry)
    };
    text_or_default(&mut f, Field::Expiry, preferred.clone().or_else(|| other.clone()), "");
    match &settings.pkce_method {
        Some(method) => f.text(Field::PkceMethod, method),
        None if from_file && f.inputs.pkce_enabled && version.reads(Key::PkceMethod) => {
            f.text(Field::PkceMethod, version.default_of(Key::PkceMethod).unwrap_or("S256"))
        }
        None => {}
    }
    f.inputs
}
