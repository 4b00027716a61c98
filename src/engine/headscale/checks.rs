//! Headscale's checks: the inputs against the chosen release, and a whole configuration
//! against what Headscale accepts.

use super::duration::{self, Duration};
use super::settings::Settings;
use super::versions::{Key, Support, Version};
use crate::engine::checks::{Check, Diagnostic};
use crate::engine::inputs::SecretDelivery;
use crate::engine::lists::KeyValues;
use crate::engine::model::Model;

/// Query parameters Headscale puts on the authorization request itself.
pub const RESERVED_PARAMS: [&str; 9] = [
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "access_type",
];

/// Checks of the Headscale-only inputs against the chosen release.
pub fn check_inputs(model: &Model, extra_params: &KeyValues, found: &mut Vec<Diagnostic>) {
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
        if RESERVED_PARAMS.contains(&key.to_ascii_lowercase().as_str()) {
            found.push(Diagnostic::value(Check::ExtraParamReserved, key));
        } else if key.chars().any(char::is_uppercase) {
            found.push(Diagnostic::value(Check::ExtraParamUppercase, key));
        }
    }
    if !release.reads_userinfo {
        found.push(Diagnostic::phrase(Check::ClaimsIdTokenOnly, version.label()));
    }
    if !release.survives_double_login {
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
    match duration::parse(expiry) {
        None => found.push(Diagnostic::value(Check::ExpiryInvalid, expiry)),
        Some(Duration::Millis(0)) => found.push(Diagnostic::value(Check::ExpiryZeroSeconds, expiry)),
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
pub fn lint(settings: &Settings, version: Version) -> Vec<Diagnostic> {
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
            found.push(Diagnostic::value(Check::IssuerTrailingSlash, issuer));
        }
    }
    found
}
