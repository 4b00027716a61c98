//! The values to enter in authentik's application wizard, in the order the wizard asks.

use crate::engine::model::Model;

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
pub struct Settings {
    pub steps: Vec<Step>,
}

fn row(label: &'static str, value: impl Into<String>, note: Option<&'static str>) -> Row {
    Row { label, value: value.into(), note }
}

/// The name of the key pair authentik creates on first start.
pub const SELF_SIGNED_KEY: &str = "authentik Self-signed Certificate";
/// The built-in authorization flow that asks for no consent.
pub const AUTHORIZATION_FLOW: &str = "default-provider-authorization-implicit-consent";

impl Settings {
    pub fn new(model: &Model) -> Settings {
        let bindings = if model.allowed_groups.is_empty() {
            vec![row("Bindings", "none", Some("Without a binding every authentik user may log in to Headscale."))]
        } else {
            model
                .allowed_groups
                .iter()
                .map(|group| {
                    row("Group binding", group.clone(), Some("Only members of bound groups get past authentik."))
                })
                .collect()
        };
        let steps = vec![
            Step {
                title: "Application",
                rows: vec![
                    row("Name", &model.app_name, None),
                    row(
                        "Slug",
                        &model.slug,
                        Some("Part of the issuer; changing it later makes Headscale create new users."),
                    ),
                ],
            },
            Step { title: "Choose a Provider type", rows: vec![row("Provider type", "OAuth2/OpenID Connect", None)] },
            Step {
                title: "Configure the Provider",
                rows: vec![
                    row("Authorization flow", AUTHORIZATION_FLOW, None),
                    row("Client type", "Confidential", Some("Headscale sends a client secret.")),
                    row("Client ID", &model.client_id, None),
                    row("Client Secret", &model.client_secret, None),
                    row("Redirect URI matching", "Strict", None),
                    row("Redirect URI type", "Authorization", Some("Offered from authentik 2026.5.")),
                    row("Redirect URI", &model.redirect_uri, Some("Exactly as Headscale builds it from server_url.")),
                    row(
                        "Signing Key",
                        SELF_SIGNED_KEY,
                        Some("Any RSA or EC key; without one, tokens are signed in a way Headscale refuses."),
                    ),
                    row("Encryption Key", "leave empty", Some("Headscale cannot read encrypted tokens.")),
                ],
            },
            Step { title: "Configure Bindings", rows: bindings },
            Step {
                title: "Check the setup",
                rows: vec![
                    row("Issuer", &model.issuer, Some("authentik shows it as OpenID Configuration Issuer.")),
                    row(
                        "Discovery document",
                        model.discovery_url(),
                        Some("Open it: its issuer must equal the one above."),
                    ),
                ],
            },
        ];
        Settings { steps }
    }

    /// The settings as plain text, for the Copy button.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (number, step) in self.steps.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", number + 1, step.title));
            for row in &step.rows {
                out.push_str(&format!("   {}: {}\n", row.label, row.value));
            }
        }
        out
    }
}
