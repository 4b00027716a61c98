//! The OIDC login between the Tailscale client, Headscale, the browser and authentik, step by
//! step with the user's own URLs, and which step a failing check would break.

pub use crate::engine::catalogue::Stage;
use crate::engine::catalogue::{Diagnostic, Severity};
use crate::engine::fields::Field;
use crate::engine::model::Model;
use crate::engine::urls;
use crate::engine::versions::headscale::Key;

/// A participant of the login.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Client,
    Headscale,
    Browser,
    Authentik,
}

impl Actor {
    pub const ALL: [Actor; 4] = [Actor::Client, Actor::Headscale, Actor::Browser, Actor::Authentik];

    pub fn label(self) -> &'static str {
        match self {
            Actor::Client => "Tailscale client",
            Actor::Headscale => "Headscale",
            Actor::Browser => "Browser",
            Actor::Authentik => "authentik",
        }
    }

    pub fn index(self) -> usize {
        Actor::ALL.iter().position(|actor| *actor == self).unwrap_or_default()
    }
}

/// How a step fares with the current inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Fine,
    Warning,
    Fails,
}

/// One arrow of the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub stage: Stage,
    pub from: Actor,
    pub to: Actor,
    pub label: String,
    /// The URL or values involved, in the user's own terms.
    pub detail: String,
    pub status: Status,
    /// The ids of the checks that mark this step.
    pub checks: Vec<&'static str>,
}

/// The arrow of `stage`, labelled with what happens in it.
fn message(stage: Stage, from: Actor, to: Actor, detail: String) -> Message {
    Message { stage, from, to, label: step_label(stage).to_string(), detail, status: Status::Fine, checks: Vec::new() }
}

/// Every step of the login in order, with what happens in it.
const STEPS: [(Stage, &str); 9] = [
    (Stage::Discovery, "At startup, Headscale reads the discovery document"),
    (Stage::Register, "tailscale up asks to register the node"),
    (Stage::LoginUrl, "The client opens Headscale's login page"),
    (Stage::Authorize, "Headscale sends the browser to authentik"),
    (Stage::SignIn, "The user signs in; authentik checks the application's bindings"),
    (Stage::Callback, "authentik sends the browser back to Headscale with a code"),
    (Stage::TokenExchange, "Headscale exchanges the code, with the client ID and secret, for tokens"),
    (Stage::Claims, "Headscale checks the ID token's issuer, signature and claims"),
    (Stage::NodeReady, "The node is registered"),
];

/// What happens in `stage`, as the diagram labels it.
pub fn step_label(stage: Stage) -> &'static str {
    STEPS.iter().find(|(s, _)| *s == stage).map(|(_, label)| *label).unwrap_or_default()
}

/// The number the diagram gives `stage`, from 1.
pub fn step_number(stage: Stage) -> usize {
    STEPS.iter().position(|(s, _)| *s == stage).map(|at| at + 1).unwrap_or_default()
}

/// The login as arrows, with the steps the diagnostics mark.
pub fn messages(model: &Model, diagnostics: &[Diagnostic]) -> Vec<Message> {
    let headscale = &model.headscale.normalized;
    let authentik = &model.authentik.normalized;
    let issuer = &model.issuer;
    let bound = if model.allowed_groups.is_empty() {
        "no binding: every authentik user".to_string()
    } else {
        format!("bound groups: {}", model.allowed_groups.join(", "))
    };
    let mut messages = vec![
        message(Stage::Discovery, Actor::Headscale, Actor::Authentik, urls::discovery(issuer)),
        message(Stage::Register, Actor::Client, Actor::Headscale, format!("tailscale up --login-server {headscale}")),
        message(Stage::LoginUrl, Actor::Client, Actor::Browser, format!("{headscale}/register/…")),
        message(Stage::Authorize, Actor::Browser, Actor::Authentik, authorize_request(model)),
        message(Stage::SignIn, Actor::Browser, Actor::Authentik, bound),
        message(Stage::Callback, Actor::Authentik, Actor::Browser, format!("{}?code=…&state=…", model.redirect_uri)),
        message(
            Stage::TokenExchange,
            Actor::Headscale,
            Actor::Authentik,
            format!("POST {authentik}/application/o/token/"),
        ),
        message(Stage::Claims, Actor::Headscale, Actor::Headscale, format!("iss = {issuer}; {}", filters(model))),
        message(Stage::NodeReady, Actor::Headscale, Actor::Client, expiry(model)),
    ];
    mark(&mut messages, diagnostics);
    messages
}

/// The address the browser is sent to at authentik, with the parameters Headscale adds.
fn authorize_request(model: &Model) -> String {
    let pkce = if model.pkce.enabled && model.headscale_version.reads(Key::PkceEnabled) {
        format!("&code_challenge_method={}", model.pkce.method)
    } else {
        String::new()
    };
    format!(
        "{}?client_id={}&redirect_uri={}&scope={}{pkce}",
        urls::shared_endpoint(&model.authentik.normalized, "authorize"),
        model.client_id,
        model.redirect_uri,
        model.scopes.join(" ")
    )
}

/// Who Headscale lets in after reading the claims.
fn filters(model: &Model) -> String {
    let filters: Vec<String> =
        [("groups", &model.allowed_groups), ("users", &model.allowed_users), ("domains", &model.allowed_domains)]
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(name, values)| format!("{name} {}", values.join(", ")))
            .collect();
    if filters.is_empty() {
        "no allowed groups, users or domains: anyone".to_string()
    } else {
        filters.join("; ")
    }
}

/// How long the node that logged in stays valid.
fn expiry(model: &Model) -> String {
    if model.use_expiry_from_token {
        "expires with the ID token".to_string()
    } else if model.expiry.is_empty() || model.expiry == "0" {
        "Headscale's default expiry".to_string()
    } else {
        format!("expires after {}", model.expiry)
    }
}

/// Which step a diagnostic is about: its check's step in the catalogue, or for a check that
/// can concern any field, the step that uses the field.
pub fn stage_of_diagnostic(diagnostic: &Diagnostic) -> Option<Stage> {
    if !diagnostic.check.at_any_field() {
        return diagnostic.info().step;
    }
    Some(match diagnostic.field() {
        Field::HeadscaleUrl => Stage::Register,
        Field::AuthentikUrl | Field::Slug => Stage::Discovery,
        Field::AllowedGroups | Field::AllowedUsers | Field::AllowedDomains => Stage::Claims,
        Field::AppName => return None,
        _ => Stage::TokenExchange,
    })
}

/// Marks every step a diagnostic is about, keeping the worst status.
fn mark(messages: &mut [Message], diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        let Some(stage) = stage_of_diagnostic(diagnostic) else { continue };
        let status = match diagnostic.severity() {
            Severity::Error => Status::Fails,
            Severity::Warning => Status::Warning,
            Severity::Info => continue,
        };
        for message in messages.iter_mut().filter(|m| m.stage == stage) {
            message.status = message.status.max(status);
            if !message.checks.contains(&diagnostic.info().id) {
                message.checks.push(diagnostic.info().id);
            }
        }
    }
}
