//! Headscale's checks: the scopes, access rules and PKCE as Headscale reads them, the inputs
//! against the chosen release, and a whole configuration against what Headscale accepts.

use crate::engine::catalogue::{Check, Diagnostic};
use crate::engine::fields::Field;
use crate::engine::headscale::duration::{self, Duration};
use crate::engine::headscale::settings::Settings;
use crate::engine::inputs::SecretDelivery;
use crate::engine::lists::KeyValues;
use crate::engine::model::Model;
use crate::engine::versions::headscale::{HeadscaleVersion, Key, Support, UserinfoUse};
use crate::engine::{rules, scripts};

/// Query parameters Headscale puts on the authorization request itself, and what an extra
/// parameter of the same name does to the login. An extra parameter replaces Headscale's own
/// value, except the nonce, which Headscale sets after the extra parameters.
pub(crate) const RESERVED_PARAMS: [(&str, &str); 9] = [
    ("client_id", "replaces the client ID Headscale sends, so authentik looks for another provider and refuses the login"),
    ("redirect_uri", "replaces Headscale's callback URL, so authentik refuses the login or sends the browser somewhere Headscale does not answer"),
    ("response_type", "replaces code, the only response type Headscale can finish a login with"),
    ("scope", "replaces the scopes of oidc.scope, so the claims Headscale checks may be missing"),
    ("state", "replaces the state Headscale generates, so its state check fails and every login ends with state did not match"),
    ("nonce", "is overwritten: Headscale sets its own nonce after the extra parameters"),
    ("code_challenge", "replaces the PKCE challenge Headscale computes, so the verifier it sends later does not match and authentik refuses the token exchange"),
    ("code_challenge_method", "replaces the PKCE method Headscale sends, so the verifier it sends later does not match and authentik refuses the token exchange"),
    ("access_type", "replaces the access_type=offline Headscale sends along with PKCE"),
];

/// What an extra parameter named like one of Headscale's own does, on this release.
fn reserved_effect(key: &str, sends_nonce: bool) -> Option<&'static str> {
    if key == "nonce" && !sends_nonce {
        return Some("is sent as given: this Headscale release sends no nonce of its own and never checks one");
    }
    RESERVED_PARAMS.iter().find(|(name, _)| *name == key).map(|(_, effect)| *effect)
}

pub(crate) fn scopes(model: &Model, found: &mut Vec<Diagnostic>) {
    let has = |scope: &str| model.scopes.iter().any(|s| s == scope);
    if !has("openid") {
        found.push(Diagnostic::new(Check::ScopeMissingOpenid));
    }
    let filters_by_email = !model.allowed_users.is_empty() || !model.allowed_domains.is_empty();
    if filters_by_email && !has("email") {
        found.push(Diagnostic::new(Check::ScopeMissingEmail));
    }
    if !has("profile") && !model.allowed_groups.is_empty() {
        found.push(Diagnostic::new(Check::ScopeMissingProfile));
    }
    for scope in model.scopes.iter().filter(|scope| !rules::MAPPED_SCOPES.contains(&scope.as_str())) {
        found.push(Diagnostic::value(Check::ScopeUnmapped, scope));
    }
}

pub(crate) fn access(model: &Model, found: &mut Vec<Diagnostic>) {
    for group in &model.allowed_groups {
        if group.starts_with('/') {
            found.push(Diagnostic::value(Check::GroupLeadingSlash, group));
        }
        if group.contains(',') {
            found.push(Diagnostic::value(Check::GroupSeparator, group));
        }
    }
    for user in model.allowed_users.iter().filter(|user| !rules::is_email(user)) {
        found.push(Diagnostic::value(Check::UserInvalid, user));
    }
    let lists = [
        (Field::AllowedGroups, &model.allowed_groups),
        (Field::AllowedUsers, &model.allowed_users),
        (Field::AllowedDomains, &model.allowed_domains),
    ];
    for (field, items) in lists {
        for item in items {
            if let Some(scripts) = scripts::mixed(item) {
                found.push(Diagnostic::phrases(Check::MixedScripts, [format!("“{item}”"), scripts]).at(field));
            }
            let domain = if field == Field::AllowedGroups {
                None
            } else {
                item.rsplit_once('@').map_or(Some(item.as_str()), |(_, d)| Some(d))
            };
            if let Some(ascii) = domain.and_then(scripts::ascii_domain) {
                found.push(
                    Diagnostic::phrases(Check::DomainPunycode, [format!("“{}”", domain.unwrap_or_default()), ascii])
                        .at(field),
                );
            }
        }
    }
    for domain in &model.allowed_domains {
        if domain.starts_with('@') {
            found.push(Diagnostic::value(Check::DomainLeadingAt, domain));
        } else if domain.contains('*') {
            found.push(Diagnostic::value(Check::DomainWildcard, domain));
        } else if !rules::is_domain(domain) {
            found.push(Diagnostic::value(Check::DomainInvalid, domain));
        }
    }
}

pub(crate) fn pkce(model: &Model, found: &mut Vec<Diagnostic>) {
    if !model.pkce.enabled {
        found.push(Diagnostic::new(Check::PkceDisabled));
        return;
    }
    let method = model.pkce.method.as_str();
    if rules::PKCE_METHODS.contains(&method) {
        if method == "plain" {
            found.push(Diagnostic::new(Check::PkcePlain));
        }
    } else if rules::PKCE_METHODS.iter().any(|known| known.eq_ignore_ascii_case(method)) {
        found.push(Diagnostic::value(Check::PkceMethodCase, method));
    } else {
        found.push(Diagnostic::value(Check::PkceMethodInvalid, method));
    }
}

/// Checks of the Headscale-only inputs against the chosen release.
pub(crate) fn settings(model: &Model, extra_params: &KeyValues, found: &mut Vec<Diagnostic>) {
    let version = model.headscale_version;
    let release = version.release();
    check_expiry(model, found);
    if model.use_expiry_from_token {
        found.push(Diagnostic::new(Check::ExpiryFromToken));
    }
    if model.pkce.enabled && !version.reads(Key::PkceEnabled) {
        found.push(Diagnostic::phrase(Check::PkceUnsupported, version.label()));
    }
    if !model.email_verified_required && !version.reads(Key::EmailVerifiedRequired) {
        found.push(Diagnostic::phrase(Check::EmailVerifiedIgnored, version.label()));
    }
    if !model.only_start_if_oidc_is_available {
        found.push(Diagnostic::new(Check::OnlyStartDisabled));
    }
    if model.secret_delivery == SecretDelivery::File {
        check_secret_path(&model.client_secret_path, found);
        if !release.trims_secret_file {
            found.push(Diagnostic::new(Check::SecretFileNewline));
        }
    }
    for group in model.allowed_groups.iter().filter(|group| group.contains(char::is_whitespace)) {
        found.push(Diagnostic::value(Check::EnvListSpace, group));
    }
    for line in &extra_params.invalid {
        found.push(Diagnostic::value(Check::ExtraParamInvalid, line));
    }
    for key in &extra_params.repeated {
        found.push(Diagnostic::value(Check::ExtraParamRepeated, key));
    }
    for (key, _) in &extra_params.pairs {
        if let Some(effect) = reserved_effect(&key.to_ascii_lowercase(), release.sends_nonce) {
            found.push(Diagnostic::phrase(Check::ExtraParamReserved, format!("“{key}” {effect}")));
        } else if key.chars().any(char::is_uppercase) {
            found.push(Diagnostic::value(Check::ExtraParamUppercase, key));
        }
    }
    let filters =
        !model.allowed_users.is_empty() || !model.allowed_domains.is_empty() || !model.allowed_groups.is_empty();
    match release.userinfo {
        UserinfoUse::Never => found.push(Diagnostic::phrases(
            Check::ClaimsIdTokenOnly,
            [version.label().to_string(), ", and takes the email and username from it too".to_string()],
        )),
        // 0.26 fills a missing email or name from UserInfo, but only after the checks.
        UserinfoUse::FillsMissing if filters => found.push(Diagnostic::phrases(
            Check::ClaimsIdTokenOnly,
            [
                version.label().to_string(),
                "; only afterwards does it fill a missing email, username or name from authentik's UserInfo endpoint"
                    .to_string(),
            ],
        )),
        UserinfoUse::FillsMissing | UserinfoUse::BeforeChecks => {}
    }
    if release.double_login_fails {
        found.push(Diagnostic::new(Check::DoubleLogin));
    }
}

fn check_expiry(model: &Model, found: &mut Vec<Diagnostic>) {
    let expiry = model.expiry.as_str();
    if expiry.is_empty() {
        if model.headscale_version.reads(Key::NodeExpiry) && !model.use_expiry_from_token {
            found.push(Diagnostic::new(Check::ExpiryNever));
        }
        return;
    }
    let zero_means_never = model.headscale_version.release().non_positive_expiry_never;
    match duration::parse(expiry) {
        None => found.push(Diagnostic::value(Check::ExpiryInvalid, expiry)),
        Some(Duration::Millis(0)) if !zero_means_never => {
            found.push(Diagnostic::value(Check::ExpiryZeroSeconds, expiry))
        }
        Some(_) => {}
    }
}

fn check_secret_path(path: &str, found: &mut Vec<Diagnostic>) {
    if path.is_empty() {
        found.push(Diagnostic::new(Check::SecretPathMissing));
        return;
    }
    if !path.starts_with('/') && !path.starts_with('$') {
        found.push(Diagnostic::value(Check::SecretPathRelative, path));
    }
    if path.contains("CREDENTIALS_DIRECTORY") {
        found.push(Diagnostic::new(Check::SecretPathCredentials));
    }
}

/// Checks of a whole configuration as Headscale would read it: keys the release rejects or
/// ignores, both secret forms, an authentik issuer without its trailing slash.
pub fn lint(settings: &Settings, version: HeadscaleVersion) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for key in settings.keys() {
        match version.support(key) {
            Support::Read => {}
            Support::Fatal => found.push(Diagnostic::phrase(Check::KeyRemoved, key.path())),
            Support::Ignored => found.push(Diagnostic::phrase(Check::KeyIgnored, key.path())),
        }
    }
    if settings.client_secret.is_some() && settings.client_secret_path.is_some() {
        found.push(Diagnostic::new(Check::SecretBoth));
    }
    if let Some(issuer) = &settings.issuer {
        if issuer.contains("/application/o/") && !issuer.ends_with('/') {
            let only_start = settings.only_start_if_oidc_is_available.unwrap_or(true);
            let outcome = if only_start {
                "it refuses to start (only_start_if_oidc_is_available is true)"
            } else {
                "it starts without login through authentik (only_start_if_oidc_is_available is false)"
            };
            found.push(Diagnostic::phrases(Check::IssuerTrailingSlash, [format!("“{issuer}”"), outcome.to_string()]));
        }
    }
    found
}
