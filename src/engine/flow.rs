//! The OIDC login between the Tailscale client, Headscale, the browser and authentik, step by
//! step with the reader's own URLs, and which step a failing check would break.

pub use crate::engine::catalogue::LoginStep;
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
    pub step: LoginStep,
    pub from: Actor,
    pub to: Actor,
    pub label: String,
    /// The URL or values involved, in the reader's own terms.
    pub detail: String,
    pub status: Status,
    /// The ids of the checks that mark this step.
    pub checks: Vec<&'static str>,
}

/// The arrow of `step`, labelled with what happens in it.
fn message(step: LoginStep, from: Actor, to: Actor, detail: String) -> Message {
    Message { step, from, to, label: step_label(step).to_string(), detail, status: Status::Fine, checks: Vec::new() }
}

/// Every step of the login in order, with what happens in it.
const STEPS: [(LoginStep, &str); 9] = [
    (LoginStep::Discovery, "At startup, Headscale reads the discovery document"),
    (LoginStep::Register, "tailscale up asks to register the node"),
    (LoginStep::LoginUrl, "The client opens Headscale's login page"),
    (LoginStep::Authorize, "Headscale sends the browser to authentik"),
    (LoginStep::SignIn, "The user signs in; authentik checks the application's bindings"),
    (LoginStep::Callback, "authentik sends the browser back to Headscale with a code"),
    (LoginStep::TokenExchange, "Headscale exchanges the code, with the client ID and secret, for tokens"),
    (LoginStep::Claims, "Headscale checks the ID token's issuer, signature and claims"),
    (LoginStep::NodeReady, "The node is registered"),
];

/// What happens in `step`, as the diagram labels it.
pub fn step_label(step: LoginStep) -> &'static str {
    STEPS.iter().find(|(s, _)| *s == step).map(|(_, label)| *label).unwrap_or_default()
}

/// The number the diagram gives `step`, from 1.
pub fn step_number(step: LoginStep) -> usize {
    STEPS.iter().position(|(s, _)| *s == step).map(|at| at + 1).unwrap_or_default()
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
        message(LoginStep::Discovery, Actor::Headscale, Actor::Authentik, urls::discovery(issuer)),
        message(
            LoginStep::Register,
            Actor::Client,
            Actor::Headscale,
            format!("tailscale up --login-server {headscale}"),
        ),
        message(LoginStep::LoginUrl, Actor::Client, Actor::Browser, format!("{headscale}/register/…")),
        message(LoginStep::Authorize, Actor::Browser, Actor::Authentik, authorize_request(model)),
        message(LoginStep::SignIn, Actor::Browser, Actor::Authentik, bound),
        message(
            LoginStep::Callback,
            Actor::Authentik,
            Actor::Browser,
            format!("{}?code=…&state=…", model.redirect_uri),
        ),
        message(
            LoginStep::TokenExchange,
            Actor::Headscale,
            Actor::Authentik,
            format!("POST {authentik}/application/o/token/"),
        ),
        message(LoginStep::Claims, Actor::Headscale, Actor::Headscale, format!("iss = {issuer}; {}", filters(model))),
        message(LoginStep::NodeReady, Actor::Headscale, Actor::Client, expiry(model)),
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
pub fn step_of_diagnostic(diagnostic: &Diagnostic) -> Option<LoginStep> {
    if !diagnostic.check.at_any_field() {
        return diagnostic.info().step;
    }
    Some(match diagnostic.field() {
        Field::HeadscaleUrl => LoginStep::Register,
        Field::AuthentikUrl | Field::Slug => LoginStep::Discovery,
        Field::AllowedGroups | Field::AllowedUsers | Field::AllowedDomains => LoginStep::Claims,
        Field::AppName => return None,
        _ => LoginStep::TokenExchange,
    })
}

/// Marks every step a diagnostic is about, keeping the worst status.
fn mark(messages: &mut [Message], diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        let Some(step) = step_of_diagnostic(diagnostic) else { continue };
        let status = match diagnostic.severity() {
            Severity::Error => Status::Fails,
            Severity::Warning => Status::Warning,
            Severity::Info => continue,
        };
        for message in messages.iter_mut().filter(|m| m.step == step) {
            message.status = message.status.max(status);
            if !message.checks.contains(&diagnostic.info().id) {
                message.checks.push(diagnostic.info().id);
            }
        }
    }
}
