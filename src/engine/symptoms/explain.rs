//! A recognised message, explained for the current inputs: the releases that print it, the step
//! of the login, and its causes, most likely first, with what the message's own values say
//! against the form.

use super::catalogue::{Known, Releases};
use super::causes::Cause;
use super::recognise::unquote;
use super::{Found, Hit};
use crate::engine::catalogue::LoginStep;
use crate::engine::inputs::SecretDelivery;
use crate::engine::model::Model;
use crate::engine::versions::headscale::{EmailVerifiedUse, UserinfoUse};

/// How likely a cause is, given the message and the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likelihood {
    /// The message's values or the inputs point at it.
    Strong,
    /// The setup makes it plausible.
    Likely,
    /// Possible; nothing here tells.
    Possible,
    /// The setup rules it out, or nearly.
    Unlikely,
}

impl Likelihood {
    pub fn label(self) -> &'static str {
        match self {
            Likelihood::Strong => "most likely",
            Likelihood::Likely => "likely",
            Likelihood::Possible => "possible",
            Likelihood::Unlikely => "unlikely here",
        }
    }
}

/// A cause, rated for the current inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rated {
    pub cause: Cause,
    pub likelihood: Likelihood,
    /// What the message's values and the inputs say about it.
    pub findings: Vec<String>,
}

/// A recognised line, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub hits: Vec<Hit>,
    pub step: LoginStep,
    /// Which releases print the line: every message in it together.
    pub releases: String,
    /// Set when the releases chosen in the form do not print it.
    pub version_note: Option<String>,
    pub causes: Vec<Rated>,
}

/// The message that decides the causes: the innermost one.
fn decisive(found: &Found) -> &Hit {
    found.hits.last().expect("a found line has a message")
}

/// Every value of every message of the line, unquoted.
fn values(found: &Found) -> Vec<String> {
    found.hits.iter().flat_map(|hit| &hit.values).map(|value| unquote(value).unwrap_or_else(|| value.clone())).collect()
}

/// The releases of Headscale that print every Headscale and library message of the line.
fn headscale_mask(found: &Found) -> Option<u16> {
    let masks: Vec<u16> = found
        .hits
        .iter()
        .filter_map(|hit| match hit.known().releases {
            Releases::Headscale(mask) => Some(mask),
            _ => None,
        })
        .collect();
    let all = masks.iter().fold(u16::MAX, |all, mask| all & mask);
    match (masks.last(), all) {
        (None, _) => None,
        (Some(&last), 0) => Some(last),
        (Some(_), all) => Some(all),
    }
}

pub fn explain(found: &Found, model: &Model) -> Explanation {
    let last = decisive(found);
    let known = last.known();
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    if let Some(mask) = headscale_mask(found) {
        let releases = Releases::Headscale(mask);
        labels.push(releases.label());
        if !releases.headscale(model.headscale_version) {
            notes.push(format!(
                "Headscale {}, the release chosen in the form, does not print this; {} does. Choose the release you run in Headscale version (headscale version tells it).",
                model.headscale_version.label(),
                releases.label()
            ));
        }
    }
    for hit in &found.hits {
        if let releases @ Releases::Authentik(..) = hit.known().releases {
            if !labels.contains(&releases.label()) {
                labels.push(releases.label());
            }
            if !releases.authentik(model.authentik_version) {
                notes.push(format!(
                    "authentik {} does not print this; {} does. Choose the release you run in authentik version.",
                    model.authentik_version.release().label,
                    releases.label()
                ));
            }
        }
    }
    if labels.is_empty() {
        labels.push(Releases::Any.label());
    }
    let context = Context { model, found, known, values: values(found) };
    let rated: Vec<Rated> = known
        .causes
        .iter()
        .map(|&cause| {
            let (likelihood, findings) = rate(cause, &context);
            Rated { cause, likelihood, findings }
        })
        .collect();
    // The most likely first; equally likely causes keep the catalogue's order.
    let causes = [Likelihood::Strong, Likelihood::Likely, Likelihood::Possible, Likelihood::Unlikely]
        .iter()
        .flat_map(|level| rated.iter().filter(move |r| r.likelihood == *level).cloned())
        .collect();
    Explanation {
        hits: found.hits.clone(),
        step: known.step,
        releases: labels.join("; "),
        version_note: (!notes.is_empty()).then(|| notes.join(" ")),
        causes,
    }
}

struct Context<'a> {
    model: &'a Model,
    found: &'a Found,
    known: &'static Known,
    values: Vec<String>,
}

impl Context<'_> {
    fn says(&self, text: &str) -> bool {
        self.known.pattern.contains(text) || self.values.iter().any(|value| value.contains(text))
    }

    fn any_says(&self, texts: &[&str]) -> bool {
        texts.iter().any(|text| self.says(text))
            || self.found.hits.iter().any(|hit| texts.iter().any(|text| hit.known().pattern.contains(text)))
    }

    /// The two values of the decisive message, unquoted (expected, got).
    fn pair(&self) -> Option<(String, String)> {
        let hit = decisive(self.found);
        let [first, second] = hit.values.as_slice() else { return None };
        let plain = |value: &String| unquote(value).unwrap_or_else(|| value.clone());
        Some((plain(first), plain(second)))
    }
}

const NETWORK: [&str; 7] = [
    "no such host",
    "connection refused",
    "i/o timeout",
    "deadline exceeded",
    "x509",
    "certificate",
    "network is unreachable",
];

fn quoted(text: &str) -> String {
    format!("“{text}”")
}

fn rate(cause: Cause, c: &Context<'_>) -> (Likelihood, Vec<String>) {
    use Likelihood::*;
    let model = c.model;
    let headscale = model.headscale_version.release();
    let authentik = model.authentik_version.release();
    match cause {
        Cause::IssuerMismatch => match c.pair().filter(|_| c.says("issuer")) {
            Some((configured, announced)) => {
                let mut findings = vec![format!(
                    "Headscale expected {}; authentik announced {}: they differ in {}.",
                    quoted(&configured),
                    quoted(&announced),
                    differences(&configured, &announced)
                )];
                findings.push(if announced == model.issuer {
                    format!("The issuer of the Headscale configuration here is {}, the same as authentik's: use it.", quoted(&model.issuer))
                } else if configured == model.issuer {
                    format!(
                        "The form gives the same issuer as Headscale's configuration, {}; authentik's differs in {}: check the authentik URL and the slug.",
                        quoted(&model.issuer),
                        differences(&model.issuer, &announced)
                    )
                } else {
                    format!("The issuer of the Headscale configuration here is {}.", quoted(&model.issuer))
                });
                (Strong, findings)
            }
            None => (Possible, vec![format!(
                "The issuer here is {}; paste the discovery document to compare it with authentik's.",
                quoted(&model.issuer)
            )]),
        },
        Cause::ProxyHeaders => match c.pair().filter(|_| c.says("issuer")) {
            Some((configured, announced)) => {
                let why = differences(&configured, &announced);
                if why.contains("http") || why.contains("host") || why.contains("port") {
                    (Likely, vec![format!("They differ in {why}, which authentik takes from the request that reached it.")])
                } else {
                    (Unlikely, vec![format!("They differ only in {why}, not in what a proxy changes.")])
                }
            }
            None => (Possible, Vec::new()),
        },
        Cause::AuthentikUnreachable | Cause::TokenEndpointUnreachable => {
            match c.values.iter().find(|value| NETWORK.iter().any(|word| value.contains(word))) {
                Some(value) => (Strong, vec![format!("The error says {}.", quoted(&super::cut(value)))]),
                None => (Possible, Vec::new()),
            }
        }
        Cause::SlugOrProvider => {
            let discovery = crate::engine::urls::discovery(&model.issuer);
            if c.values.iter().any(|value| value.starts_with("404")) {
                (Strong, vec![format!("authentik answered 404 Not Found; from the form, the discovery document is at {discovery} (slug {}).", quoted(&model.slug))])
            } else if c.says("Content-Type") || c.says("discovery object") {
                (Likely, vec![format!("Something other than a discovery document answered; from the form it is at {discovery}.")])
            } else {
                (Possible, vec![format!("From the form, the discovery document is at {discovery}.")])
            }
        }
        Cause::StartOrder => (
            Possible,
            vec![if model.only_start_if_oidc_is_available {
                "With Only start if OIDC is available on, Headscale stops instead of waiting.".to_string()
            } else {
                "With Only start if OIDC is available off, Headscale keeps running without OIDC until its next restart.".to_string()
            }],
        ),
        Cause::SecretBoth => (Strong, vec![]),
        Cause::PkceMethod => (Likely, vec![format!("The PKCE method here is {}.", quoted(&model.pkce.method))]),
        Cause::KeyRemoved => (
            Strong,
            vec![format!(
                "Headscale {} stops at start-up while it is set; paste the configuration here to find every removed key.",
                model.headscale_version.label()
            )],
        ),
        Cause::ExpiryUnreadable => (Likely, vec![format!("The expiry here is {}.", quoted(&model.expiry))]),
        Cause::LinkDamaged => (Possible, vec![format!("The client must use --login-server {}.", model.headscale.normalized)]),
        Cause::RedirectUri => {
            let mut findings = Vec::new();
            let used = if c.says("Invalid redirect URI was used") { c.pair() } else { None };
            if let Some((sent, allowed)) = &used {
                findings.push(format!("Headscale sent {}; the provider allows {}.", quoted(sent), quoted(allowed)));
                findings.push(if *sent == model.redirect_uri {
                    format!("That is the redirect URI here; register it in authentik ({}).", differences(allowed, sent))
                } else {
                    format!("The redirect URI here is {} ({} from what Headscale sent): Headscale's server_url differs from the Headscale URL here.", quoted(&model.redirect_uri), differences(&model.redirect_uri, sent))
                });
            } else {
                findings.push(format!("The redirect URI to register is {}.", quoted(&model.redirect_uri)));
            }
            let strong = c.any_says(&["Redirect URI Error", "redirection URI (redirect_uri)", "Invalid redirect URI"]);
            (if strong { Strong } else { Possible }, findings)
        }
        Cause::RedirectUriType => {
            if authentik.redirect_uris == crate::engine::versions::authentik::RedirectUris::StrictTyped {
                (Possible, vec![format!("authentik {} gives each redirect URI a type.", authentik.label)])
            } else {
                (Unlikely, vec![format!("authentik {} has no redirect URI types (they came with 2026.5).", authentik.label)])
            }
        }
        Cause::GrantTypes => {
            if !authentik.grant_types {
                (Unlikely, vec![format!("authentik {} has no per-provider grant types (they came with 2026.5).", authentik.label)])
            } else if c.any_says(&["Invalid grant_type for provider"]) {
                (Strong, vec![format!("authentik {} refuses logins for providers without grant types.", authentik.label)])
            } else {
                (Likely, vec![format!(
                    "authentik {} refuses every login of a provider without grant types, as one created through the API, a blueprint or Terraform has unless they are set.",
                    authentik.label
                )])
            }
        }
        Cause::ClientId => {
            if let Some((sent, audience)) = c.pair().filter(|_| c.says("audience")) {
                let mut findings =
                    vec![format!("Headscale's configuration has the client ID {}; the token was issued for {}.", quoted(&sent), audience)];
                findings.push(if audience.contains(&format!("\"{}\"", model.client_id)) {
                    "The client ID here is authentik's: Headscale's configuration holds another one; use the configuration here.".to_string()
                } else if sent == model.client_id {
                    "The client ID here is the one Headscale sent: authentik's provider has another; copy the provider's Client ID into the form, or enter the form's in authentik.".to_string()
                } else {
                    format!("The client ID here is {}.", quoted(&model.client_id))
                });
                (Strong, findings)
            } else if c.any_says(&["Client ID Error", "client identifier"]) {
                let named = c.values.iter().find(|value| !value.is_empty()).cloned();
                let mut findings = vec![format!("The client ID here is {}.", quoted(&model.client_id))];
                if let Some(named) = named {
                    findings.insert(0, format!("authentik knows no provider with the client ID {}.", quoted(named.trim_end_matches('.'))));
                }
                (Strong, findings)
            } else if c.any_says(&["Client authentication failed"]) {
                (Likely, vec![format!("The client ID here is {}.", quoted(&model.client_id))])
            } else {
                (Possible, vec![format!("The client ID here is {}.", quoted(&model.client_id))])
            }
        }
        Cause::ClientSecret => {
            let from = match model.secret_delivery {
                SecretDelivery::Inline => "inline in config.yaml".to_string(),
                SecretDelivery::File => format!("from the file {}", quoted(&model.client_secret_path)),
                SecretDelivery::Environment => "from HEADSCALE_OIDC_CLIENT_SECRET".to_string(),
            };
            let likely = if c.any_says(&["Client authentication failed"]) { Strong } else { Possible };
            (likely, vec![format!("Here, Headscale reads the secret {from}.")])
        }
        Cause::SecretFileNewline => {
            if headscale.trims_secret_file {
                (Unlikely, vec![format!("Headscale {} trims the secret file.", headscale.label)])
            } else if model.secret_delivery == SecretDelivery::File {
                (Likely, vec![format!("Headscale {} reads the secret file byte for byte.", headscale.label)])
            } else {
                (Unlikely, vec!["The secret is not read from a file here.".to_string()])
            }
        }
        Cause::CodeExpired => (Possible, Vec::new()),
        Cause::PkceMismatch => {
            if !model.pkce.enabled {
                (Unlikely, vec!["PKCE is off here.".to_string()])
            } else if model.pkce.method != "S256" && model.pkce.method != "plain" {
                (Strong, vec![format!("The PKCE method here is {}.", quoted(&model.pkce.method))])
            } else {
                (Possible, vec![format!("PKCE is on here with {}.", model.pkce.method)])
            }
        }
        Cause::EncryptionKey => {
            if !authentik.encryption_key {
                (Unlikely, vec![format!("authentik {} cannot encrypt tokens (from 2024.10).", authentik.label)])
            } else if c.any_says(&["failed to unmarshal claims: invalid character", "compact JWS format must have three parts", "expected 3 parts"]) {
                (Strong, vec!["An encrypted token has five parts; its second part is an encrypted key, not the claims, which is what this message says.".to_string()])
            } else if c.any_says(&["failed to unmarshal claims", "malformed jwt"]) {
                (Likely, Vec::new())
            } else {
                (Possible, Vec::new())
            }
        }
        Cause::NoSigningKey => {
            if c.values.iter().any(|value| value.contains("HS256")) || c.any_says(&["HS256"]) {
                (Strong, vec!["The token is signed with HS256: the provider has no Signing Key.".to_string()])
            } else if c.any_says(&["signature algorithm", "unsupported algorithm", "signing algorithm"]) {
                (Likely, Vec::new())
            } else {
                (Possible, vec!["Check the signing keys below: an empty set means HS256.".to_string()])
            }
        }
        Cause::ClockSkew => {
            (if c.any_says(&["token is expired", "nbf"]) { Likely } else { Possible }, Vec::new())
        }
        Cause::KeysUnreachable => (if c.any_says(&["fetching keys", "get keys failed"]) { Likely } else { Possible }, Vec::new()),
        Cause::ScopeOpenid => {
            if !model.scopes.iter().any(|scope| scope == "openid") {
                (Strong, vec![format!("The scopes here ({}) lack openid.", model.scopes.join(" "))])
            } else {
                (Possible, vec!["openid is among the scopes here; check its mapping on the provider.".to_string()])
            }
        }
        Cause::ScopeNotMapped => {
            let extra: Vec<&String> =
                model.scopes.iter().filter(|scope| !["openid", "profile", "email", "offline_access"].contains(&scope.as_str())).collect();
            if extra.is_empty() {
                (Possible, Vec::new())
            } else {
                (Likely, vec![format!("The scopes here include {}, which authentik maps only with a custom scope mapping.", extra.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))])
            }
        }
        Cause::ExtraParams => {
            if model.extra_params.is_empty() {
                (Unlikely, vec!["There are no extra parameters here.".to_string()])
            } else {
                let pairs: Vec<String> = model.extra_params.iter().map(|(k, v)| format!("{k}={v}")).collect();
                (Likely, vec![format!("Headscale adds {} here.", pairs.join(", "))])
            }
        }
        Cause::AccessDenied => {
            if model.allowed_groups.is_empty() {
                (Possible, vec!["No group is bound here; bindings made in authentik itself still apply.".to_string()])
            } else {
                (Likely, vec![format!("The outputs bind {} to the application.", model.allowed_groups.join(", "))])
            }
        }
        Cause::AuthentikRefused => (
            if authentik.grant_types { Likely } else { Possible },
            vec!["The failed callback's address carries authentik's error_description; paste it here.".to_string()],
        ),
        Cause::StateCookieLost => {
            if let Some(path) = model.headscale.dropped_path() {
                (Strong, vec![format!("The Headscale URL here has a path {path}; Headscale sets its cookie for /oidc/callback at the root of {}.", model.headscale.normalized)])
            } else {
                (Possible, vec![format!("Open Headscale as {} only, the host of the redirect URI.", model.headscale.normalized)])
            }
        }
        Cause::CallbackReloaded => {
            if headscale.double_login_fails && c.any_says(&["state did not match"]) {
                (Likely, vec![format!("Headscale {} fails a login started twice (from 0.24, fixed in 0.27.1).", headscale.label)])
            } else {
                (Possible, Vec::new())
            }
        }
        Cause::LoginTooSlow | Cause::NonceMissing => {
            if cause == Cause::NonceMissing && model.extra_params.iter().any(|(key, _)| key == "nonce") {
                (Strong, vec!["The extra parameters here set nonce, which replaces Headscale's own.".to_string()])
            } else {
                (Possible, Vec::new())
            }
        }
        Cause::Groups => rate_groups(model, c),
        Cause::GroupsMissing => {
            if !model.scopes.iter().any(|scope| scope == "profile") {
                (Strong, vec![format!("The scopes here ({}) lack profile, which carries groups.", model.scopes.join(" "))])
            } else if headscale.userinfo != UserinfoUse::BeforeChecks {
                (Possible, vec![format!("Headscale {} reads groups from the ID token only.", headscale.label)])
            } else {
                (Unlikely, vec![format!("profile is requested, and Headscale {} also reads UserInfo.", headscale.label)])
            }
        }
        Cause::Users => rate_list(&model.allowed_users, "allowed users", |user| {
            (user.chars().any(char::is_uppercase)).then(|| format!("{} has capitals; Headscale compares e-mails case by case.", quoted(user)))
        }),
        Cause::Domains => rate_list(&model.allowed_domains, "allowed domains", |domain| {
            if domain.starts_with('@') {
                Some(format!("{} starts with @, which never matches.", quoted(domain)))
            } else if domain.contains('*') {
                Some(format!("{} is a pattern; Headscale matches domains exactly.", quoted(domain)))
            } else {
                None
            }
        }),
        Cause::NoEmail => {
            if !model.scopes.iter().any(|scope| scope == "email") {
                (Strong, vec![format!("The scopes here ({}) lack email.", model.scopes.join(" "))])
            } else {
                (Possible, Vec::new())
            }
        }
        Cause::EmailUnverified => rate_email_verified(model, c),
        Cause::ClaimType => (Possible, Vec::new()),
        Cause::IdpSwapped => {
            if c.any_says(&["UNIQUE constraint", "has provider identifier"]) {
                (Strong, Vec::new())
            } else {
                (Possible, Vec::new())
            }
        }
        Cause::UserinfoUnavailable
        | Cause::HeadscaleInternal
        | Cause::ConfirmationLost
        | Cause::SshCheck
        | Cause::Normal => (Possible, Vec::new()),
    }
}

fn rate_list(list: &[String], name: &str, problem: impl Fn(&String) -> Option<String>) -> (Likelihood, Vec<String>) {
    if list.is_empty() {
        return (
            Likelihood::Possible,
            vec![format!(
                "The form lists no {name}, while Headscale compared some: paste the configuration to compare."
            )],
        );
    }
    let mut findings: Vec<String> = list.iter().filter_map(&problem).collect();
    let strong = !findings.is_empty();
    findings.insert(0, format!("The {name} here: {}.", list.join(", ")));
    (if strong { Likelihood::Strong } else { Likelihood::Likely }, findings)
}

fn rate_groups(model: &Model, _c: &Context<'_>) -> (Likelihood, Vec<String>) {
    rate_list(&model.allowed_groups, "allowed groups", |group| {
        if group.starts_with('/') {
            Some(format!(
                "{} starts with /; authentik sends plain group names, so it only matches a group named with the slash.",
                quoted(group)
            ))
        } else if group.contains('/') {
            Some(format!("{} looks like a path; authentik sends the plain name of each group.", quoted(group)))
        } else {
            None
        }
    })
}

fn rate_email_verified(model: &Model, c: &Context<'_>) -> (Likelihood, Vec<String>) {
    use Likelihood::*;
    let headscale = model.headscale_version.release();
    let authentik = model.authentik_version.release();
    let unverified_message = c.any_says(&["unverified email", "email not verified"]);
    if headscale.email_verified != EmailVerifiedUse::GatesLogin {
        let note = format!("Headscale {} does not refuse an unverified e-mail (from 0.28).", headscale.label);
        return (if unverified_message { Possible } else { Unlikely }, vec![note]);
    }
    if !unverified_message {
        return (
            Unlikely,
            vec![format!(
                "Headscale {} reports an unverified e-mail as unverified email, not with this message.",
                headscale.label
            )],
        );
    }
    if !model.email_verified_required {
        return (Unlikely, vec!["Require a verified email is off here.".to_string()]);
    }
    let sends_false = !authentik.email_verified_default && !model.verified_email_mapping;
    if sends_false {
        (
            Strong,
            vec![format!(
                "authentik {} sends email_verified: false by default, and Headscale {} refuses it for allowed users and domains.",
                authentik.label, headscale.label
            )],
        )
    } else if model.verified_email_mapping {
        (
            Likely,
            vec!["The outputs here add a mapping that marks e-mails verified: check it is on the provider.".to_string()],
        )
    } else {
        (
            Likely,
            vec![format!(
                "authentik {} marks e-mails verified by default; a custom email mapping may not.",
                authentik.label
            )],
        )
    }
}

/// How two URLs differ, in words: "a trailing slash", "http against https", "the host".
pub fn differences(expected: &str, got: &str) -> String {
    if expected == got {
        return "nothing".to_string();
    }
    let mut out = Vec::new();
    match (url::Url::parse(expected), url::Url::parse(got)) {
        (Ok(a), Ok(b)) => {
            if a.scheme() != b.scheme() {
                out.push(format!("the scheme ({} against {})", b.scheme(), a.scheme()));
            }
            if a.host_str() != b.host_str() {
                out.push(format!("the host ({} against {})", b.host_str().unwrap_or(""), a.host_str().unwrap_or("")));
            }
            if a.port() != b.port() {
                let port = |url: &url::Url| url.port().map(|p| format!(":{p}")).unwrap_or_else(|| "none".to_string());
                out.push(format!("the port ({} against {})", port(&b), port(&a)));
            }
            let (pa, pb) = (a.path(), b.path());
            if pa != pb {
                if pa.trim_end_matches('/') == pb.trim_end_matches('/') {
                    out.push(if pb.ends_with('/') {
                        "a trailing slash (only authentik's has one)".to_string()
                    } else {
                        "a trailing slash (only Headscale's has one)".to_string()
                    });
                } else {
                    out.push(format!("the path ({pb} against {pa})"));
                }
            }
            if a.query() != b.query() {
                out.push("the query".to_string());
            }
        }
        _ => out.push("their text".to_string()),
    }
    if out.is_empty() {
        "the way they are written".to_string()
    } else {
        out.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::inputs::Inputs;
    use crate::engine::symptoms::MESSAGES;
    use crate::engine::versions::headscale::HeadscaleVersion;

    /// How `cause` is rated for a line whose message is the first of the catalogue that says
    /// `word`, with `values`, and the form's inputs changed by `change`.
    fn rated(cause: Cause, word: &str, said: &[&str], change: impl FnOnce(&mut Inputs)) -> (Likelihood, Vec<String>) {
        let mut inputs = Inputs::default();
        change(&mut inputs);
        let model = Model::new(&inputs);
        let message = MESSAGES.iter().position(|known| known.pattern.contains(word)).expect(word);
        let hit = Hit { message, values: said.iter().map(|value| value.to_string()).collect() };
        let found = Found { line: 1, count: 1, level: None, hits: vec![hit] };
        let context = Context { model: &model, found: &found, known: found.hits[0].known(), values: values(&found) };
        rate(cause, &context)
    }

    /// The same for a message that says nothing the rating looks for.
    fn likelihood(cause: Cause, said: &[&str], change: impl FnOnce(&mut Inputs)) -> Likelihood {
        rated(cause, "state did not match", said, change).0
    }

    #[test]
    fn issuers_and_redirect_uris_are_compared_with_the_forms() {
        let form = Model::new(&Inputs::default());
        let (issuer, redirect) = (form.issuer.clone(), form.redirect_uri.clone());
        let other = "https://sso.example.org/application/o/other/";
        let (_, findings) = rated(Cause::IssuerMismatch, "issuer", &[&issuer, other], |_| {});
        assert!(findings[0].starts_with(&format!("Headscale expected “{issuer}”")), "{findings:?}");
        assert!(findings[1].starts_with("The form gives the same issuer"), "{findings:?}");
        let (_, findings) = rated(Cause::IssuerMismatch, "issuer", &[other, &issuer], |_| {});
        assert!(findings[1].ends_with("use it."), "{findings:?}");
        let other = "https://other.example.org/oidc/callback";
        let (_, findings) = rated(Cause::RedirectUri, "Invalid redirect URI was used", &[&redirect, other], |_| {});
        assert!(findings[1].starts_with("That is the redirect URI here"), "{findings:?}");
        let (_, findings) = rated(Cause::RedirectUri, "Invalid redirect URI was used", &[other, &redirect], |_| {});
        assert!(findings[1].starts_with("The redirect URI here is"), "{findings:?}");
    }

    #[test]
    fn a_proxy_changes_the_scheme_the_host_or_the_port() {
        let base = "https://sso.example.org/application/o/hs/";
        for announced in [
            "http://sso.example.org/application/o/hs/",
            "https://other.example.org/application/o/hs/",
            "https://sso.example.org:8443/application/o/hs/",
        ] {
            assert_eq!(
                rated(Cause::ProxyHeaders, "issuer", &[base, announced], |_| {}).0,
                Likelihood::Likely,
                "{announced}"
            );
        }
        let slash = "https://sso.example.org/application/o/hs";
        assert_eq!(rated(Cause::ProxyHeaders, "issuer", &[base, slash], |_| {}).0, Likelihood::Unlikely);
    }

    #[test]
    fn messages_and_values_decide_how_likely() {
        assert_eq!(likelihood(Cause::SlugOrProvider, &["not a discovery object"], |_| {}), Likelihood::Likely);
        let form = Model::new(&Inputs::default());
        let audience = "[\"another\"]";
        let (_, findings) = rated(Cause::ClientId, "audience", &[&form.client_id, audience], |_| {});
        assert!(findings[1].starts_with("The client ID here is the one Headscale sent"), "{findings:?}");
        let (_, findings) = rated(Cause::ClientId, "client identifier", &["", "unknown-id."], |_| {});
        assert_eq!(findings[0], "authentik knows no provider with the client ID “unknown-id”.");
    }

    #[test]
    fn the_forms_settings_decide_how_likely() {
        use Likelihood::*;
        assert_eq!(likelihood(Cause::PkceMismatch, &[], |i| i.pkce_enabled = false), Unlikely);
        assert_eq!(likelihood(Cause::PkceMismatch, &[], |i| i.pkce_method = "s256".into()), Strong);
        assert_eq!(likelihood(Cause::PkceMismatch, &[], |i| i.pkce_method = "plain".into()), Possible);
        assert_eq!(likelihood(Cause::PkceMismatch, &[], |_| {}), Possible);
        assert_eq!(likelihood(Cause::ScopeOpenid, &[], |i| i.scopes = "profile email".into()), Strong);
        assert_eq!(likelihood(Cause::ScopeOpenid, &[], |_| {}), Possible);
        assert_eq!(likelihood(Cause::ScopeNotMapped, &[], |i| i.scopes = "openid profile email groups".into()), Likely);
        assert_eq!(
            likelihood(Cause::ScopeNotMapped, &[], |i| i.scopes = "openid profile email offline_access".into()),
            Possible
        );
        assert_eq!(
            likelihood(Cause::StateCookieLost, &[], |i| i.headscale_url = "https://vpn.example.org/hs".into()),
            Strong
        );
        assert_eq!(
            likelihood(Cause::StateCookieLost, &[], |i| i.headscale_url = "https://vpn.example.org".into()),
            Possible
        );
        let nonce = |i: &mut Inputs| i.extra_params = "nonce=x".into();
        assert_eq!(likelihood(Cause::NonceMissing, &[], nonce), Strong);
        assert_eq!(likelihood(Cause::LoginTooSlow, &[], nonce), Possible);
        assert_eq!(likelihood(Cause::NonceMissing, &[], |i| i.extra_params = "prompt=login".into()), Possible);
        assert_eq!(likelihood(Cause::GroupsMissing, &[], |i| i.scopes = "openid email".into()), Strong);
        assert_eq!(likelihood(Cause::GroupsMissing, &[], |i| i.headscale_version = HeadscaleVersion(29)), Unlikely);
        assert_eq!(likelihood(Cause::GroupsMissing, &[], |i| i.headscale_version = HeadscaleVersion(25)), Possible);
        assert_eq!(likelihood(Cause::NoEmail, &[], |i| i.scopes = "openid profile".into()), Strong);
        assert_eq!(likelihood(Cause::NoEmail, &[], |_| {}), Possible);
        assert_eq!(likelihood(Cause::Users, &[], |i| i.allowed_users = "Alice@example.com".into()), Strong);
        assert_eq!(likelihood(Cause::Users, &[], |i| i.allowed_users = "alice@example.com".into()), Likely);
    }

    #[test]
    fn an_authentik_message_names_authentiks_releases() {
        let index = MESSAGES.iter().position(|known| matches!(known.releases, Releases::Authentik(..))).unwrap();
        let hit = Hit { message: index, values: Vec::new() };
        let found = Found { line: 1, count: 1, level: None, hits: vec![hit.clone(), hit] };
        let explained = explain(&found, &Model::new(&Inputs::default()));
        assert_eq!(explained.releases, MESSAGES[index].releases.label());
        assert_ne!(explained.releases, Releases::Any.label());
    }

    #[test]
    fn url_differences_are_named() {
        assert_eq!(
            differences("https://a.example/application/o/hs", "https://a.example/application/o/hs/"),
            "a trailing slash (only authentik's has one)"
        );
        assert!(differences("https://a.example/x/", "http://a.example/x/").contains("http against https"));
        assert!(
            differences("https://a.example/x/", "https://a.example:8443/x/").contains("the port (:8443 against none)")
        );
        assert!(differences("https://a.example/x/", "https://b.example/x/").contains("the host"));
    }

    #[test]
    fn each_likelihood_says_how_likely_in_its_own_words() {
        let labels = [
            (Likelihood::Strong, "most likely"),
            (Likelihood::Likely, "likely"),
            (Likelihood::Possible, "possible"),
            (Likelihood::Unlikely, "unlikely here"),
        ];
        for (likelihood, label) in labels {
            assert_eq!(likelihood.label(), label);
        }
    }
}
