//! Headscale's OIDC configuration as Headscale reads it: one value per key, whether it comes
//! from config.yaml or the environment. The outputs are written from it, parsed back into it,
//! and the document-level checks look at it.

use crate::engine::inputs::SecretDelivery;
use crate::engine::model::Model;
use crate::engine::versions::headscale::{HeadscaleVersion, Key, Support};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub only_start_if_oidc_is_available: Option<bool>,
    pub issuer: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub client_secret_path: Option<String>,
    pub expiry: Option<String>,
    pub use_expiry_from_token: Option<bool>,
    pub scope: Option<Vec<String>>,
    pub extra_params: Option<Vec<(String, String)>>,
    pub allowed_domains: Option<Vec<String>>,
    pub allowed_users: Option<Vec<String>>,
    pub allowed_groups: Option<Vec<String>>,
    pub strip_email_domain: Option<bool>,
    pub map_legacy_users: Option<bool>,
    pub pkce_enabled: Option<bool>,
    pub pkce_method: Option<String>,
    pub email_verified_required: Option<bool>,
    pub node_expiry: Option<String>,
}

fn text(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

fn list(values: &[String]) -> Option<Vec<String>> {
    (!values.is_empty()).then(|| values.to_vec())
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
        let mut settings = Settings {
            only_start_if_oidc_is_available: Some(model.only_start_if_oidc_is_available),
            issuer: text(&model.issuer),
            client_id: text(&model.client_id),
            client_secret,
            client_secret_path,
            expiry: text(&model.expiry),
            use_expiry_from_token: Some(model.use_expiry_from_token),
            scope: list(&model.scopes),
            extra_params: (!model.extra_params.is_empty()).then(|| model.extra_params.clone()),
            allowed_domains: list(&model.allowed_domains),
            allowed_users: list(&model.allowed_users),
            allowed_groups: list(&model.allowed_groups),
            strip_email_domain: None,
            map_legacy_users: None,
            pkce_enabled: Some(model.pkce.enabled),
            pkce_method: model.pkce.enabled.then(|| model.pkce.method.clone()).filter(|m| !m.is_empty()),
            email_verified_required: Some(model.email_verified_required),
            node_expiry: text(&model.expiry),
        };
        for key in settings.keys() {
            if version.support(key) != Support::Read {
                settings.clear(key);
            }
        }
        settings
    }

    /// The part that belongs in config.yaml: everything, except a secret that comes from the
    /// environment.
    pub fn for_file(&self, delivery: SecretDelivery) -> Settings {
        let mut file = self.clone();
        if delivery == SecretDelivery::Environment {
            file.client_secret = None;
        }
        file
    }

    /// The keys that have a value, in config.yaml's order.
    pub fn keys(&self) -> Vec<Key> {
        let present = [
            (Key::OnlyStartIfOidcIsAvailable, self.only_start_if_oidc_is_available.is_some()),
            (Key::Issuer, self.issuer.is_some()),
            (Key::ClientId, self.client_id.is_some()),
            (Key::ClientSecret, self.client_secret.is_some()),
            (Key::ClientSecretPath, self.client_secret_path.is_some()),
            (Key::Expiry, self.expiry.is_some()),
            (Key::UseExpiryFromToken, self.use_expiry_from_token.is_some()),
            (Key::Scope, self.scope.is_some()),
            (Key::ExtraParams, self.extra_params.is_some()),
            (Key::AllowedDomains, self.allowed_domains.is_some()),
            (Key::AllowedUsers, self.allowed_users.is_some()),
            (Key::AllowedGroups, self.allowed_groups.is_some()),
            (Key::StripEmailDomain, self.strip_email_domain.is_some()),
            (Key::MapLegacyUsers, self.map_legacy_users.is_some()),
            (Key::PkceEnabled, self.pkce_enabled.is_some()),
            (Key::PkceMethod, self.pkce_method.is_some()),
            (Key::EmailVerifiedRequired, self.email_verified_required.is_some()),
            (Key::NodeExpiry, self.node_expiry.is_some()),
        ];
        present.into_iter().filter(|(_, set)| *set).map(|(key, _)| key).collect()
    }

    /// Removes the value of one key.
    pub fn clear(&mut self, key: Key) {
        match key {
            Key::OnlyStartIfOidcIsAvailable => self.only_start_if_oidc_is_available = None,
            Key::Issuer => self.issuer = None,
            Key::ClientId => self.client_id = None,
            Key::ClientSecret => self.client_secret = None,
            Key::ClientSecretPath => self.client_secret_path = None,
            Key::Expiry => self.expiry = None,
            Key::UseExpiryFromToken => self.use_expiry_from_token = None,
            Key::Scope => self.scope = None,
            Key::ExtraParams => self.extra_params = None,
            Key::AllowedDomains => self.allowed_domains = None,
            Key::AllowedUsers => self.allowed_users = None,
            Key::AllowedGroups => self.allowed_groups = None,
            Key::StripEmailDomain => self.strip_email_domain = None,
            Key::MapLegacyUsers => self.map_legacy_users = None,
            Key::PkceEnabled => self.pkce_enabled = None,
            Key::PkceMethod => self.pkce_method = None,
            Key::EmailVerifiedRequired => self.email_verified_required = None,
            Key::NodeExpiry => self.node_expiry = None,
        }
    }

    /// Whether the release would read every key that has a value.
    pub fn fits(&self, version: HeadscaleVersion) -> bool {
        self.keys().into_iter().all(|key| version.reads(key))
    }
}
