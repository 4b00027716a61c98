//! The values to enter in authentik's application wizard, in the order it asks for them, for
//! the chosen release.

use crate::engine::authentik::plan::{
    Plan, AUTHORIZATION_FLOW, SIGNING_KEY, VERIFIED_EMAIL_EXPRESSION, VERIFIED_EMAIL_MAPPING,
};
use crate::engine::citations as c;
use crate::engine::evidence::Evidence;
use crate::engine::versions::authentik::RedirectUris;

// The notes the steps show; each one that says what Headscale or authentik does has its
// evidence in `NOTE_EVIDENCE`.
const NOTE_VERIFIED_EMAIL: &str = "Sends email_verified: true for every user.";
const NOTE_SLUG_NEW_USERS: &str = "Part of the issuer; changing it later makes Headscale create new users.";
const NOTE_SLUG_KEEPS_USERS: &str =
    "Part of the issuer; Headscale 0.22 and 0.23 find users by their email, so changing it later keeps them.";
const NOTE_CONFIDENTIAL: &str = "Headscale sends a client secret.";
const NOTE_REGEX: &str = "This release reads every line as a regular expression, so the dots are escaped.";
const NOTE_OLD_FIELD: &str = "This patch's wizard still has the old text field, although authentik already stores exact \
     redirect URIs; the field was fixed in 2024.8.6 and 2024.10.4. If the wizard refuses the value, upgrade to that patch \
     or create the provider with the authentik blueprint.";
const NOTE_EXACT: &str = "Exactly as Headscale builds it from server_url.";
const NOTE_SIGNING_KEY: &str = "Any RSA or EC key; without one, tokens are signed in a way Headscale refuses.";
const NOTE_ENCRYPTION_KEY: &str = "Headscale cannot read encrypted tokens.";
const NOTE_GRANT_TYPES: &str =
    "Headscale only uses the authorization code: it never asks for a refresh token, so leave the others off.";
const NOTE_NO_BINDING: &str = "Without a binding every authentik user may log in to Headscale.";
const NOTE_GROUP_BINDING: &str = "Only members of bound groups get past authentik.";
const NOTE_ISSUER: &str = "authentik shows it as OpenID Configuration Issuer; Headscale's issuer must equal it.";
const NOTE_DISCOVERY: &str = "Open it: its issuer field must equal the issuer above.";

/// What each note rests on; the tests render every release and fail on a note without an
/// entry. The email note describes the playground's own mapping, so it cites authentik's
/// default mapping it replaces.
pub const NOTE_EVIDENCE: &[(&str, &[Evidence])] = &[
    (NOTE_VERIFIED_EMAIL, &[c::AK_SCOPE_EMAIL_UNVERIFIED]),
    (NOTE_SLUG_NEW_USERS, &[c::AK_URL_ISSUER, c::HS_USERS_BY_SUBJECT_24]),
    (NOTE_SLUG_KEEPS_USERS, &[c::AK_URL_ISSUER, c::HS_USERS_BY_EMAIL_23]),
    (NOTE_CONFIDENTIAL, &[c::HS_CLIENT_SECRET]),
    (NOTE_REGEX, &[c::AK_TOKEN_REGEX_REDIRECT]),
    (NOTE_OLD_FIELD, &[c::AK_NOTES_2024_8_6, c::AK_NOTES_2024_10_4]),
    (NOTE_EXACT, &[c::HS_REDIRECT_URL, c::AK_TOKEN_STRICT_REDIRECT]),
    (NOTE_SIGNING_KEY, &[c::AK_MODEL_HS256, c::OIDC_ALGORITHMS]),
    (NOTE_ENCRYPTION_KEY, &[c::HS_DOCS_ENCRYPTION_KEY]),
    (NOTE_GRANT_TYPES, &[c::HS_USERINFO_STATIC_TOKEN, c::AK_NOTES_2026_5_GRANT_TYPES]),
    (NOTE_NO_BINDING, &[c::AK_NO_BINDINGS_PASS]),
    (NOTE_GROUP_BINDING, &[c::AK_NO_BINDINGS_PASS]),
    (NOTE_ISSUER, &[c::OIDC_ISSUER_MATCH]),
    (NOTE_DISCOVERY, &[c::OIDC_ISSUER_MATCH, c::OIDC_DISCOVERY_URL]),
];

/// One value to enter, with a short reason where it helps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: &'static str,
    pub value: String,
    pub note: Option<&'static str>,
}

/// One step of the wizard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    pub rows: Vec<Row>,
}

/// The wizard's steps, then the URLs that show whether the setup works.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wizard {
    pub steps: Vec<Step>,
}

fn row(label: &'static str, value: impl Into<String>, note: Option<&'static str>) -> Row {
    Row { label, value: value.into(), note }
}

impl Wizard {
    pub fn new(plan: &Plan) -> Wizard {
        let mut steps = Vec::new();
        if plan.uses_verified_email() {
            steps.push(Step {
                title: "Create the email mapping (Customization → Property Mappings → Create → Scope Mapping)",
                rows: vec![
                    row("Name", VERIFIED_EMAIL_MAPPING, None),
                    row("Scope name", "email", None),
                    row("Expression", VERIFIED_EMAIL_EXPRESSION.trim_end(), Some(NOTE_VERIFIED_EMAIL)),
                ],
            });
        }
        steps.push(Step {
            title: "Application",
            rows: vec![
                row("Name", &plan.application_name, None),
                row(
                    "Slug",
                    &plan.slug,
                    Some(if plan.slug_change_makes_new_users { NOTE_SLUG_NEW_USERS } else { NOTE_SLUG_KEEPS_USERS }),
                ),
            ],
        });
        steps.push(Step {
            title: "Choose a Provider type",
            rows: vec![row("Provider type", "OAuth2/OpenID Connect", None)],
        });
        steps.push(Step { title: "Configure the Provider", rows: provider_rows(plan) });
        steps.push(bindings(plan));
        let endpoints = plan
            .endpoints()
            .into_iter()
            .map(|(name, url)| {
                let note = match name {
                    "Issuer" => Some(NOTE_ISSUER),
                    "Discovery document" => Some(NOTE_DISCOVERY),
                    _ => None,
                };
                row(name, url, note)
            })
            .collect();
        steps.push(Step { title: "Check the setup", rows: endpoints });
        Wizard { steps }
    }

    /// The settings as plain text, for the Copy button.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (number, step) in self.steps.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", number + 1, step.title));
            for row in &step.rows {
                let value = row.value.replace('\n', "\n      ");
                out.push_str(&format!("   {}: {}\n", row.label, value));
            }
        }
        out
    }
}

/// The provider page of the wizard, as the release shows it.
fn provider_rows(plan: &Plan) -> Vec<Row> {
    let release = plan.release;
    let mut provider = vec![
        row("Authorization flow", AUTHORIZATION_FLOW, None),
        row("Client type", "Confidential", Some(NOTE_CONFIDENTIAL)),
        row("Client ID", &plan.client_id, None),
        row("Client Secret", &plan.client_secret, None),
    ];
    match release.redirect_uris {
        RedirectUris::Regex => {
            provider.push(row("Redirect URIs/Origins (RegEx)", plan.redirect.regex(), Some(NOTE_REGEX)))
        }
        // Stored exactly, but this patch's wizard still shows the old field.
        RedirectUris::Strict if release.wizard_redirect_text => {
            provider.push(row("Redirect URIs/Origins (RegEx)", &plan.redirect.url, Some(NOTE_OLD_FIELD)))
        }
        RedirectUris::Strict | RedirectUris::StrictTyped => {
            provider.push(row("Redirect URI matching", "Strict", None));
            if release.redirect_uris == RedirectUris::StrictTyped {
                provider.push(row("Redirect URI type", "Authorization", None));
            }
            provider.push(row("Redirect URI", &plan.redirect.url, Some(NOTE_EXACT)));
        }
    }
    provider.push(row("Signing Key", SIGNING_KEY, Some(NOTE_SIGNING_KEY)));
    if release.encryption_key {
        provider.push(row("Encryption Key", "leave empty", Some(NOTE_ENCRYPTION_KEY)));
    }
    if let Some(flow) = plan.invalidation_flow {
        provider.push(row("Invalidation flow", flow, None));
    }
    if let Some(grants) = plan.grant_types {
        provider.push(row("Grant types", grants.join(", "), Some(NOTE_GRANT_TYPES)));
    }
    if plan.uses_verified_email() {
        provider.push(row(
            "Scopes (Advanced protocol settings)",
            format!("replace the default email mapping with {VERIFIED_EMAIL_MAPPING}"),
            None,
        ));
    }
    provider
}

/// The group bindings: a step of the wizard, or what to do after it where the release's wizard
/// has no such step.
fn bindings(plan: &Plan) -> Step {
    let rows = if plan.groups.is_empty() {
        vec![row("Bindings", "none", Some(NOTE_NO_BINDING))]
    } else {
        plan.groups.iter().map(|group| row("Group binding", group.clone(), Some(NOTE_GROUP_BINDING))).collect()
    };
    // The wizard gained its bindings step in 2024.12; before, groups are bound afterwards.
    let title = if plan.release.wizard_bindings {
        "Configure Bindings"
    } else {
        "After the wizard: bind the groups (Applications → Applications → the application → Policy / Group / User Bindings → Bind existing policy / group / user)"
    };
    Step { title, rows }
}
