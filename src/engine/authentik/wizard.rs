//! The values to enter in authentik's application wizard, in the order it asks for them, for
//! the chosen release.

use crate::engine::authentik::plan::{
    Plan, AUTHORIZATION_FLOW, SIGNING_KEY, VERIFIED_EMAIL_EXPRESSION, VERIFIED_EMAIL_MAPPING,
};
use crate::engine::versions::authentik::RedirectUris;

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
        let release = plan.release;
        let mut steps = Vec::new();
        if plan.uses_verified_email() {
            steps.push(Step {
                title: "Create the email mapping (Customization → Property Mappings → Create → Scope Mapping)",
                rows: vec![
                    row("Name", VERIFIED_EMAIL_MAPPING, None),
                    row("Scope name", "email", None),
                    row(
                        "Expression",
                        VERIFIED_EMAIL_EXPRESSION.trim_end(),
                        Some("Sends email_verified: true for every user."),
                    ),
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
                    Some(if plan.slug_change_makes_new_users {
                        "Part of the issuer; changing it later makes Headscale create new users."
                    } else {
                        "Part of the issuer; Headscale 0.22 and 0.23 find users by their email, so changing it later keeps them."
                    }),
                ),
            ],
        });
        steps.push(Step {
            title: "Choose a Provider type",
            rows: vec![row("Provider type", "OAuth2/OpenID Connect", None)],
        });
        let mut provider = vec![
            row("Authorization flow", AUTHORIZATION_FLOW, None),
            row("Client type", "Confidential", Some("Headscale sends a client secret.")),
            row("Client ID", &plan.client_id, None),
            row("Client Secret", &plan.client_secret, None),
        ];
        match release.redirect_uris {
            RedirectUris::Regex => provider.push(row(
                "Redirect URIs/Origins (RegEx)",
                plan.redirect.regex(),
                Some("This release reads every line as a regular expression, so the dots are escaped."),
            )),
            RedirectUris::Strict | RedirectUris::StrictTyped => {
                provider.push(row("Redirect URI matching", "Strict", None));
                if release.redirect_uris == RedirectUris::StrictTyped {
                    provider.push(row("Redirect URI type", "Authorization", None));
                }
                provider.push(row(
                    "Redirect URI",
                    &plan.redirect.url,
                    Some("Exactly as Headscale builds it from server_url."),
                ));
            }
        }
        provider.push(row(
            "Signing Key",
            SIGNING_KEY,
            Some("Any RSA or EC key; without one, tokens are signed in a way Headscale refuses."),
        ));
        if release.encryption_key {
            provider.push(row("Encryption Key", "leave empty", Some("Headscale cannot read encrypted tokens.")));
        }
        if let Some(flow) = plan.invalidation_flow {
            provider.push(row("Invalidation flow", flow, None));
        }
        if let Some(grants) = plan.grant_types {
            provider.push(row(
                "Grant types",
                grants.join(", "),
                Some("The wizard selects every grant type; these two are the ones Headscale needs."),
            ));
        }
        if plan.uses_verified_email() {
            provider.push(row(
                "Scopes (Advanced protocol settings)",
                format!("replace the default email mapping with {VERIFIED_EMAIL_MAPPING}"),
                None,
            ));
        }
        steps.push(Step { title: "Configure the Provider", rows: provider });
        let bindings = if plan.groups.is_empty() {
            vec![row("Bindings", "none", Some("Without a binding every authentik user may log in to Headscale."))]
        } else {
            plan.groups
                .iter()
                .map(|group| {
                    row("Group binding", group.clone(), Some("Only members of bound groups get past authentik."))
                })
                .collect()
        };
        // The wizard gained its bindings step in 2024.12; before, groups are bound afterwards.
        let title = if release.wizard_bindings {
            "Configure Bindings"
        } else {
            "After the wizard: bind the groups (Applications → Applications → the application → Policy / Group / User Bindings → Bind existing policy / group / user)"
        };
        steps.push(Step { title, rows: bindings });
        let endpoints = plan
            .endpoints()
            .into_iter()
            .map(|(name, url)| {
                let note = match name {
                    "Issuer" => {
                        Some("authentik shows it as OpenID Configuration Issuer; Headscale's issuer must equal it.")
                    }
                    "Discovery document" => Some("Open it: its issuer field must equal the issuer above."),
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
