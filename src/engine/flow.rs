//! The OIDC login between the Tailscale client, Headscale, the browser and authentik, step by
//! step with the user's own URLs, and which step a failing check would break.

use super::urls;
use super::catalogue::{Check, Diagnostic, Severity};
use super::fields::Field;
use super::versions::headscale::Key;
use super::model::Model;

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

/// A step of the login.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Discovery,
    Register,
    LoginUrl,
    Authorize,
    SignIn,
    Callback,
    TokenExchange,
    Claims,
    NodeReady,
}

/// Which step a check is about: where the login or the startup would break.
pub fn stage_of(check: Check) -> Option<Stage> {
    use Check::*;
    Some(match check {
        AuthentikUrlMissing
        | AuthentikUrlInvalid
        | AuthentikUrlScheme
        | AuthentikUrlExtra
        | AuthentikUrlIssuerPasted
        | AuthentikUrlDefaultPort
        | AuthentikUrlInternal
        | SlugMissing
        | SlugInvalid
        | SlugReserved
        | SlugTooLong
        | IssuerTrailingSlash
        | IssuerNotAuthentik
        | OnlyStartDisabled
        | KeyRemoved => Stage::Discovery,
        HeadscaleUrlMissing | HeadscaleUrlInvalid | HeadscaleUrlScheme | HeadscaleUrlExtra => Stage::Register,
        ScopeMissingOpenid | ScopeUnmapped | PkceDisabled | PkcePlain | PkceUnsupported | ExtraParamInvalid
        | ExtraParamUppercase | ExtraParamRepeated | ExtraParamReserved | GrantTypes => Stage::Authorize,
        NoBinding => Stage::SignIn,
        HeadscaleUrlDefaultPort | RedirectRegex | DoubleLogin => Stage::Callback,
        ClientIdMissing
        | ClientIdInvalid
        | ClientIdUnusual
        | ClientSecretMissing
        | ClientSecretInvalid
        | ClientSecretUnusual
        | SecretPathMissing
        | SecretPathRelative
        | SecretPathCredentials
        | SecretFileNewline
        | SecretBoth
        | PkceMethodCase
        | PkceMethodInvalid => Stage::TokenExchange,
        ScopeMissingEmail | ScopeMissingProfile | GroupLeadingSlash | GroupPath | GroupSeparator | UserInvalid
        | DomainInvalid | DomainLeadingAt | DomainWildcard | EmailVerified | EmailNotStored | ClaimsIdTokenOnly
        | EmailVerifiedIgnored => Stage::Claims,
        ExpiryInvalid | ExpiryZeroSeconds | ExpiryNever | ExpiryFromToken => Stage::NodeReady,
        AppNameMissing | EnvListSpace | UnknownKey | NotAString | StringForBool | YesNoString | ScalarForList
        | WrongType | EmptyValue | OidcMissing | KeyIgnored => return None,
        // These can concern any field and break whichever step uses it (see
        // `stage_of_diagnostic`); most often it is a client ID or secret.
        Placeholder | ValueRefused => Stage::TokenExchange,
    })
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

fn message(stage: Stage, from: Actor, to: Actor, label: &str, detail: String) -> Message {
    Message { stage, from, to, label: label.to_string(), detail, status: Status::Fine, checks: Vec::new() }
}

/// The login as arrows, with the steps the current checks mark.
pub fn messages(model: &Model) -> Vec<Message> {
    let headscale = &model.headscale.normalized;
    let authentik = &model.authentik.normalized;
    let issuer = &model.issuer;
    let scopes = model.scopes.join(" ");
    let pkce = if model.pkce.enabled && model.headscale_version.reads(Key::PkceEnabled) {
        format!("&code_challenge_method={}", model.pkce.method)
    } else {
        String::new()
    };
    let filters: Vec<String> =
        [("groups", &model.allowed_groups), ("users", &model.allowed_users), ("domains", &model.allowed_domains)]
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(name, values)| format!("{name} {}", values.join(", ")))
            .collect();
    let filters =
        if filters.is_empty() { "no allowed groups, users or domains: anyone".to_string() } else { filters.join("; ") };
    let expiry = if model.use_expiry_from_token {
        "expires with the ID token".to_string()
    } else if model.expiry.is_empty() || model.expiry == "0" {
        "Headscale's default expiry".to_string()
    } else {
        format!("expires after {}", model.expiry)
    };
    let mut messages = vec![
        message(
            Stage::Discovery,
            Actor::Headscale,
            Actor::Authentik,
            "At startup, Headscale reads the discovery document",
            urls::discovery(issuer),
        ),
        message(
            Stage::Register,
            Actor::Client,
            Actor::Headscale,
            "tailscale up asks to register the node",
            format!("tailscale up --login-server {headscale}"),
        ),
        message(
            Stage::LoginUrl,
            Actor::Client,
            Actor::Browser,
            "The client opens Headscale's login page",
            format!("{headscale}/register/…"),
        ),
        message(
            Stage::Authorize,
            Actor::Browser,
            Actor::Authentik,
            "Headscale sends the browser to authentik",
            format!(
                "{}?client_id={}&redirect_uri={}&scope={scopes}{pkce}",
                urls::shared_endpoint(authentik, "authorize"),
                model.client_id,
                model.redirect_uri
            ),
        ),
        message(
            Stage::SignIn,
            Actor::Browser,
            Actor::Authentik,
            "The user signs in; authentik checks the application's bindings",
            if model.allowed_groups.is_empty() {
                "no binding: every authentik user".to_string()
            } else {
                format!("bound groups: {}", model.allowed_groups.join(", "))
            },
        ),
        message(
            Stage::Callback,
            Actor::Authentik,
            Actor::Browser,
            "authentik sends the browser back to Headscale with a code",
            format!("{}?code=…&state=…", model.redirect_uri),
        ),
        message(
            Stage::TokenExchange,
            Actor::Headscale,
            Actor::Authentik,
            "Headscale exchanges the code, with the client ID and secret, for tokens",
            format!("POST {authentik}/application/o/token/"),
        ),
        message(
            Stage::Claims,
            Actor::Headscale,
            Actor::Headscale,
            "Headscale checks the ID token's issuer, signature and claims",
            format!("iss = {issuer}; {filters}"),
        ),
        message(Stage::NodeReady, Actor::Headscale, Actor::Client, "The node is registered", expiry),
    ];
    mark(&mut messages, &model.diagnostics);
    messages
}

/// Which step a diagnostic is about: its check's step, or for a check that can concern any
/// field, the step that uses the field.
pub fn stage_of_diagnostic(diagnostic: &Diagnostic) -> Option<Stage> {
    if !diagnostic.check.at_any_field() {
        return stage_of(diagnostic.check);
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
