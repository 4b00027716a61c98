//! The provider and application to create in authentik, decided once for the chosen release;
//! the wizard steps, the blueprint and the Terraform all render this plan.

use crate::engine::model::Model;
use crate::engine::urls;
use crate::engine::versions::authentik::{AuthentikRelease, RedirectUris};

/// The key pair authentik creates on first start.
pub(crate) const SIGNING_KEY: &str = "authentik Self-signed Certificate";
/// The built-in authorization flow that asks for no consent.
pub(crate) const AUTHORIZATION_FLOW: &str = "default-provider-authorization-implicit-consent";
/// The built-in flow run when a provider session ends (not the user logout flow).
pub(crate) const INVALIDATION_FLOW: &str = "default-provider-invalidation-flow";
/// The grant types Headscale uses: the login code only, since it never refreshes a token.
pub(crate) const GRANT_TYPES: [&str; 1] = ["authorization_code"];

/// A scope mapping attached to the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeMapping {
    /// One of authentik's own mappings, found by its managed identifier.
    Managed(&'static str),
    /// The playground's email mapping that marks emails as verified.
    VerifiedEmail,
}

pub(crate) const MANAGED_OPENID: &str = "goauthentik.io/providers/oauth2/scope-openid";
pub(crate) const MANAGED_EMAIL: &str = "goauthentik.io/providers/oauth2/scope-email";
pub(crate) const MANAGED_PROFILE: &str = "goauthentik.io/providers/oauth2/scope-profile";

/// The name of the email mapping that marks emails as verified (mapping names are unique).
pub(crate) const VERIFIED_EMAIL_MAPPING: &str = "Headscale: email, marked as verified";
/// Its expression: the same claims as authentik's email mapping, with `email_verified` true.
pub(crate) const VERIFIED_EMAIL_EXPRESSION: &str =
    "return {\n    \"email\": request.user.email,\n    \"email_verified\": True,\n}\n";

/// The callback as authentik stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    pub kind: RedirectUris,
    /// The exact callback URL.
    pub url: String,
}

impl Redirect {
    /// The URL as a regular expression that matches only itself, for releases that read
    /// redirect URIs as regular expressions.
    pub fn regex(&self) -> String {
        let mut out = String::new();
        for c in self.url.chars() {
            if ".^$*+?()[]{}|\\".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub release: &'static AuthentikRelease,
    pub provider_name: String,
    pub application_name: String,
    pub slug: String,
    pub client_id: String,
    pub client_secret: String,
    pub invalidation_flow: Option<&'static str>,
    pub redirect: Redirect,
    pub grant_types: Option<[&'static str; 1]>,
    pub scope_mappings: Vec<ScopeMapping>,
    pub groups: Vec<String>,
    /// The authentik URL the shared endpoints are built on.
    pub base_url: String,
    /// The provider's issuer (per-provider mode), with authentik's trailing slash.
    pub issuer: String,
    /// Whether the Headscale release finds users by issuer and subject, so that a new slug
    /// (and so a new issuer) gives every user a new Headscale account.
    pub slug_change_makes_new_users: bool,
}

impl Plan {
    pub fn new(model: &Model) -> Plan {
        let release = model.authentik_version.release();
        let email = if model.verified_email_mapping {
            ScopeMapping::VerifiedEmail
        } else {
            ScopeMapping::Managed(MANAGED_EMAIL)
        };
        Plan {
            release,
            provider_name: format!("Provider for {}", model.app_name),
            application_name: model.app_name.clone(),
            slug: model.slug.clone(),
            client_id: model.client_id.clone(),
            client_secret: model.client_secret.clone(),
            invalidation_flow: release.invalidation_flow.then_some(INVALIDATION_FLOW),
            redirect: Redirect { kind: release.redirect_uris, url: model.redirect_uri.clone() },
            grant_types: release.grant_types.then_some(GRANT_TYPES),
            scope_mappings: vec![ScopeMapping::Managed(MANAGED_OPENID), email, ScopeMapping::Managed(MANAGED_PROFILE)],
            groups: model.allowed_groups.clone(),
            base_url: model.authentik.normalized.clone(),
            issuer: model.issuer.clone(),
            slug_change_makes_new_users: model.headscale_version.release().users_keyed_by_subject,
        }
    }

    pub(crate) fn uses_verified_email(&self) -> bool {
        self.scope_mappings.contains(&ScopeMapping::VerifiedEmail)
    }

    /// The URLs a reader can open to check the setup, as `(name, url)`.
    pub(crate) fn endpoints(&self) -> Vec<(&'static str, String)> {
        let base = &self.base_url;
        let issuer = &self.issuer;
        vec![
            ("Issuer", issuer.clone()),
            ("Discovery document", urls::discovery(issuer)),
            ("JWKS", format!("{issuer}jwks/")),
            ("Authorize", urls::shared_endpoint(base, "authorize")),
            ("Token", urls::shared_endpoint(base, "token")),
            ("UserInfo", urls::shared_endpoint(base, "userinfo")),
            ("End session", format!("{issuer}end-session/")),
        ]
    }
}
