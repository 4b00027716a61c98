//! What the user types, and the edits that change it.

use crate::engine::fields::Field;
use crate::engine::versions::authentik::AuthentikVersion;
use crate::engine::versions::headscale::HeadscaleVersion;

/// How Headscale gets the client secret.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SecretDelivery {
    /// `client_secret` in config.yaml.
    #[default]
    Inline,
    /// `client_secret_path`: a file Headscale reads at startup.
    File,
    /// The `HEADSCALE_OIDC_CLIENT_SECRET` environment variable; config.yaml carries no secret.
    Environment,
}

impl SecretDelivery {
    pub const ALL: [SecretDelivery; 3] = [SecretDelivery::Inline, SecretDelivery::File, SecretDelivery::Environment];

    pub fn key(self) -> &'static str {
        match self {
            SecretDelivery::Inline => "inline",
            SecretDelivery::File => "file",
            SecretDelivery::Environment => "environment",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SecretDelivery::Inline => "In config.yaml (client_secret)",
            SecretDelivery::File => "From a file (client_secret_path)",
            SecretDelivery::Environment => "From the environment (HEADSCALE_OIDC_CLIENT_SECRET)",
        }
    }

    pub fn parse(text: &str) -> Option<SecretDelivery> {
        SecretDelivery::ALL.into_iter().find(|delivery| delivery.key() == text)
    }
}

/// The path systemd offers credentials under; Headscale expands `${…}` in the secret path.
pub(crate) const SYSTEMD_SECRET_PATH: &str = "${CREDENTIALS_DIRECTORY}/oidc_client_secret";

/// Every input of the playground. Text is kept exactly as typed so nothing is ever lost; the
/// model normalises it (see [`crate::engine::model`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    pub headscale_url: String,
    pub authentik_url: String,
    pub app_name: String,
    pub slug: String,
    pub client_id: String,
    pub client_secret: String,
    /// Space-separated OIDC scopes.
    pub scopes: String,
    /// One group per line (authentik group names may contain spaces and commas).
    pub allowed_groups: String,
    /// Email addresses, separated by new lines, spaces or commas.
    pub allowed_users: String,
    /// Domain names, separated by new lines, spaces or commas.
    pub allowed_domains: String,
    pub pkce_enabled: bool,
    /// `S256` or `plain`; kept as text so a wrong case can be shown and explained.
    pub pkce_method: String,
    pub headscale_version: HeadscaleVersion,
    pub secret_delivery: SecretDelivery,
    pub client_secret_path: String,
    pub only_start_if_oidc_is_available: bool,
    /// How long a node logged in through OIDC stays valid: `oidc.expiry` up to 0.28,
    /// `node.expiry` from 0.29. Empty means Headscale's default.
    pub expiry: String,
    pub use_expiry_from_token: bool,
    /// `key=value`, one per line.
    pub extra_params: String,
    pub email_verified_required: bool,
    pub authentik_version: AuthentikVersion,
    /// Replace authentik's email mapping with one that marks every email as verified.
    pub verified_email_mapping: bool,
}

impl Default for Inputs {
    /// The placeholders of authentik's "Integrate with Headscale" guide, so the first render is
    /// a complete example. Client credentials start empty: the UI fills them with freshly
    /// generated values, the way authentik's own wizard does.
    fn default() -> Self {
        Inputs {
            headscale_url: "https://headscale.company".into(),
            authentik_url: "https://authentik.company".into(),
            app_name: "Headscale".into(),
            slug: "headscale".into(),
            client_id: String::new(),
            client_secret: String::new(),
            scopes: "openid profile email".into(),
            allowed_groups: String::new(),
            allowed_users: String::new(),
            allowed_domains: String::new(),
            pkce_enabled: true,
            pkce_method: "S256".into(),
            headscale_version: HeadscaleVersion::NEWEST,
            secret_delivery: SecretDelivery::Inline,
            client_secret_path: SYSTEMD_SECRET_PATH.into(),
            only_start_if_oidc_is_available: true,
            // Headscale's old default, which 0.29 no longer applies by itself.
            expiry: "180d".into(),
            use_expiry_from_token: false,
            extra_params: String::new(),
            email_verified_required: true,
            authentik_version: AuthentikVersion::default(),
            verified_email_mapping: false,
        }
    }
}

/// A change to one input, as the UI reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Text(Field, String),
    Flag(Field, bool),
}

impl Inputs {
    /// The text of a text or choice field, or `None` for a checkbox.
    pub fn text(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::HeadscaleVersion => self.headscale_version.label(),
            Field::SecretDelivery => self.secret_delivery.key(),
            Field::AuthentikVersion => self.authentik_version.key(),
            _ => self.text_slot(field)?,
        })
    }

    fn text_slot(&self, field: Field) -> Option<&String> {
        Some(match field {
            Field::HeadscaleUrl => &self.headscale_url,
            Field::AuthentikUrl => &self.authentik_url,
            Field::AppName => &self.app_name,
            Field::Slug => &self.slug,
            Field::ClientId => &self.client_id,
            Field::ClientSecret => &self.client_secret,
            Field::Scopes => &self.scopes,
            Field::AllowedGroups => &self.allowed_groups,
            Field::AllowedUsers => &self.allowed_users,
            Field::AllowedDomains => &self.allowed_domains,
            Field::PkceMethod => &self.pkce_method,
            Field::ClientSecretPath => &self.client_secret_path,
            Field::Expiry => &self.expiry,
            Field::ExtraParams => &self.extra_params,
            _ => return None,
        })
    }

    fn text_slot_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::HeadscaleUrl => &mut self.headscale_url,
            Field::AuthentikUrl => &mut self.authentik_url,
            Field::AppName => &mut self.app_name,
            Field::Slug => &mut self.slug,
            Field::ClientId => &mut self.client_id,
            Field::ClientSecret => &mut self.client_secret,
            Field::Scopes => &mut self.scopes,
            Field::AllowedGroups => &mut self.allowed_groups,
            Field::AllowedUsers => &mut self.allowed_users,
            Field::AllowedDomains => &mut self.allowed_domains,
            Field::PkceMethod => &mut self.pkce_method,
            Field::ClientSecretPath => &mut self.client_secret_path,
            Field::Expiry => &mut self.expiry,
            Field::ExtraParams => &mut self.extra_params,
            _ => return None,
        })
    }

    /// The state of a checkbox, or `None` for any other field.
    pub fn flag(&self, field: Field) -> Option<bool> {
        match field {
            Field::PkceEnabled => Some(self.pkce_enabled),
            Field::OnlyStartIfOidcIsAvailable => Some(self.only_start_if_oidc_is_available),
            Field::UseExpiryFromToken => Some(self.use_expiry_from_token),
            Field::EmailVerifiedRequired => Some(self.email_verified_required),
            Field::VerifiedEmailMapping => Some(self.verified_email_mapping),
            _ => None,
        }
    }

    fn flag_mut(&mut self, field: Field) -> Option<&mut bool> {
        match field {
            Field::PkceEnabled => Some(&mut self.pkce_enabled),
            Field::OnlyStartIfOidcIsAvailable => Some(&mut self.only_start_if_oidc_is_available),
            Field::UseExpiryFromToken => Some(&mut self.use_expiry_from_token),
            Field::EmailVerifiedRequired => Some(&mut self.email_verified_required),
            Field::VerifiedEmailMapping => Some(&mut self.verified_email_mapping),
            _ => None,
        }
    }

    /// Sets a text or choice field. `None` when the field takes no text or the choice does not
    /// exist; otherwise whether the value changed.
    pub fn set_text(&mut self, field: Field, text: String) -> Option<bool> {
        match field {
            Field::HeadscaleVersion => replace(&mut self.headscale_version, HeadscaleVersion::parse(&text)?),
            Field::SecretDelivery => replace(&mut self.secret_delivery, SecretDelivery::parse(&text)?),
            Field::AuthentikVersion => replace(&mut self.authentik_version, AuthentikVersion::parse(&text)?),
            _ => replace(self.text_slot_mut(field)?, text),
        }
    }

    /// Applies an edit and tells whether anything changed. An edit that names a field of the
    /// other kind, or a choice that does not exist, changes nothing.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Text(field, text) => self.set_text(field, text).unwrap_or(false),
            Edit::Flag(field, value) => self.flag_mut(field).and_then(|slot| replace(slot, value)).unwrap_or(false),
        }
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> Option<bool> {
    let changed = *slot != value;
    *slot = value;
    Some(changed)
}

/// What a form control holds, read from the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ControlValue {
    Text(String),
    Checked(bool),
}

/// The edits a reader made to a form that showed `shown`: every control whose value differs
/// from what was shown. Used when the app takes over HTML rendered at build time, so that
/// what was typed before it started is kept.
pub fn typed_edits(shown: &Inputs, controls: impl IntoIterator<Item = (Field, ControlValue)>) -> Vec<Edit> {
    controls
        .into_iter()
        .filter_map(|(field, value)| match value {
            ControlValue::Text(text) if shown.text(field).is_some_and(|before| before != text) => {
                Some(Edit::Text(field, text))
            }
            ControlValue::Checked(checked) if shown.flag(field).is_some_and(|before| before != checked) => {
                Some(Edit::Flag(field, checked))
            }
            _ => None,
        })
        .collect()
}
