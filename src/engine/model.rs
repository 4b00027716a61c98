//! The model: inputs normalised into the values every output and every check uses. It only
//! normalises; [`crate::engine::diagnose`] runs the checks on it.

use crate::engine::address::{Address, Service};
use crate::engine::fields::Field;
use crate::engine::inputs::{Inputs, SecretDelivery};
use crate::engine::limits::{self, Refusal};
use crate::engine::versions::authentik::AuthentikVersion;
use crate::engine::versions::headscale::HeadscaleVersion;
use crate::engine::{lists, urls};

/// PKCE as Headscale reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pkce {
    pub enabled: bool,
    pub method: String,
}

/// Everything the outputs need, derived once from the inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    pub headscale: Address,
    pub authentik: Address,
    pub app_name: String,
    pub slug: String,
    pub client_id: String,
    pub client_secret: String,
    pub scopes: Vec<String>,
    pub allowed_groups: Vec<String>,
    pub allowed_users: Vec<String>,
    pub allowed_domains: Vec<String>,
    pub pkce: Pkce,
    /// Where authentik sends the browser back: Headscale's URL plus `/oidc/callback`.
    pub redirect_uri: String,
    /// authentik's per-provider issuer, with the trailing slash authentik uses.
    pub issuer: String,
    pub headscale_version: HeadscaleVersion,
    pub secret_delivery: SecretDelivery,
    pub client_secret_path: String,
    pub only_start_if_oidc_is_available: bool,
    pub expiry: String,
    pub use_expiry_from_token: bool,
    /// The valid `key=value` lines, in order, the last one winning for a repeated key.
    pub extra_params: Vec<(String, String)>,
    pub email_verified_required: bool,
    pub authentik_version: AuthentikVersion,
    pub verified_email_mapping: bool,
    /// Fields whose text is not used (a control character, beyond its limit), and why; they
    /// read as empty here, and the outputs are not shown while there is one.
    pub refusals: Vec<(Field, Refusal)>,
}

impl Model {
    pub fn new(inputs: &Inputs) -> Model {
        let (inputs, refusals) = usable(inputs);
        let inputs = &inputs;
        let headscale = Address::parse(&inputs.headscale_url, Service::Headscale);
        let authentik = Address::parse(&inputs.authentik_url, Service::Authentik);
        let slug = inputs.slug.trim().to_string();
        let redirect_uri = format!("{}/oidc/callback", headscale.normalized);
        let issuer = urls::issuer(&authentik.normalized, &slug);
        Model {
            app_name: inputs.app_name.trim().to_string(),
            client_id: inputs.client_id.trim().to_string(),
            client_secret: inputs.client_secret.trim().to_string(),
            scopes: entries(Field::Scopes, &inputs.scopes),
            allowed_groups: entries(Field::AllowedGroups, &inputs.allowed_groups),
            allowed_users: entries(Field::AllowedUsers, &inputs.allowed_users),
            allowed_domains: entries(Field::AllowedDomains, &inputs.allowed_domains),
            pkce: Pkce { enabled: inputs.pkce_enabled, method: inputs.pkce_method.trim().to_string() },
            headscale,
            authentik,
            slug,
            redirect_uri,
            issuer,
            headscale_version: inputs.headscale_version,
            secret_delivery: inputs.secret_delivery,
            client_secret_path: inputs.client_secret_path.trim().to_string(),
            only_start_if_oidc_is_available: inputs.only_start_if_oidc_is_available,
            expiry: inputs.expiry.trim().to_string(),
            use_expiry_from_token: inputs.use_expiry_from_token,
            extra_params: lists::key_values(&inputs.extra_params).pairs,
            email_verified_required: inputs.email_verified_required,
            authentik_version: inputs.authentik_version,
            verified_email_mapping: inputs.verified_email_mapping,
            refusals,
        }
    }

    /// The fields whose text is not used.
    pub fn refused(&self) -> Vec<Field> {
        self.refusals.iter().map(|(field, _)| *field).collect()
    }

    /// Whether `field`'s text is not used.
    pub(crate) fn is_refused(&self, field: Field) -> bool {
        self.refusals.iter().any(|(refused, _)| *refused == field)
    }
}

/// The entries of a list field's text, split as its kind says.
fn entries(field: Field, text: &str) -> Vec<String> {
    field.kind().split(text).unwrap_or_default()
}

/// The inputs with every refused text field emptied, so that nothing of it reaches an output and
/// a huge paste costs no more than its length check; and why each was refused.
fn usable(inputs: &Inputs) -> (std::borrow::Cow<'_, Inputs>, Vec<(Field, Refusal)>) {
    let refusals: Vec<(Field, Refusal)> =
        Field::ALL.iter().filter_map(|&field| Some((field, limits::refusal(field, inputs.text(field)?)?))).collect();
    if refusals.is_empty() {
        return (std::borrow::Cow::Borrowed(inputs), refusals);
    }
    let mut usable = inputs.clone();
    for (field, _) in &refusals {
        usable.set_text(*field, String::new());
    }
    (std::borrow::Cow::Owned(usable), refusals)
}
