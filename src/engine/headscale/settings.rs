//! What Headscale should read for the model: [`Settings`] (declared with the keys, in
//! [`crate::engine::versions::keys`]) made from the inputs, and the part of it that belongs in
//! config.yaml.

use crate::engine::inputs::SecretDelivery;
use crate::engine::model::Model;
pub use crate::engine::versions::keys::Settings;
use crate::engine::versions::keys::{Key, Value};

fn text(value: &str) -> Option<Value> {
    (!value.is_empty()).then(|| Value::Text(value.to_string()))
}

fn list(values: &[String]) -> Option<Value> {
    (!values.is_empty()).then(|| Value::List(values.to_vec()))
}

impl Settings {
    /// What Headscale should read for the model: every key the chosen release reads and the
    /// user gave a value for, and nothing else.
    pub fn plan(model: &Model) -> Settings {
        let version = model.headscale_version;
        let (client_secret, client_secret_path) = match model.secret_delivery {
            SecretDelivery::Inline | SecretDelivery::Environment => (text(&model.client_secret), None),
            SecretDelivery::File => (None, text(&model.client_secret_path)),
        };
        let method = model.pkce.enabled.then_some(model.pkce.method.as_str()).and_then(text);
        let extra_params = (!model.extra_params.is_empty()).then(|| Value::Map(model.extra_params.clone()));
        let values = [
            (Key::OnlyStartIfOidcIsAvailable, Some(Value::Flag(model.only_start_if_oidc_is_available))),
            (Key::Issuer, text(&model.issuer)),
            (Key::ClientId, text(&model.client_id)),
            (Key::ClientSecret, client_secret),
            (Key::ClientSecretPath, client_secret_path),
            (Key::Expiry, text(&model.expiry)),
            (Key::UseExpiryFromToken, Some(Value::Flag(model.use_expiry_from_token))),
            (Key::Scope, list(&model.scopes)),
            (Key::ExtraParams, extra_params),
            (Key::AllowedDomains, list(&model.allowed_domains)),
            (Key::AllowedUsers, list(&model.allowed_users)),
            (Key::AllowedGroups, list(&model.allowed_groups)),
            (Key::PkceEnabled, Some(Value::Flag(model.pkce.enabled))),
            (Key::PkceMethod, method),
            (Key::EmailVerifiedRequired, Some(Value::Flag(model.email_verified_required))),
            // One expiry field: the release reads one of the two keys.
            (Key::NodeExpiry, text(&model.expiry)),
        ];
        let mut settings = Settings::default();
        for (key, value) in values {
            if version.reads(key) {
                settings.set(key, value);
            }
        }
        settings
    }

    /// The part that belongs in config.yaml: everything, except a secret that comes from the
    /// environment.
    pub fn for_file(&self, delivery: SecretDelivery) -> Settings {
        let mut file = self.clone();
        if delivery == SecretDelivery::Environment {
            file.clear(Key::ClientSecret);
        }
        file
    }
}
