//! authentik's checks: the application, the client credentials, and the inputs against the
//! chosen release, with the cross-checks between authentik's and Headscale's releases.

use crate::engine::catalogue::{Check, Diagnostic};
use crate::engine::model::Model;
use crate::engine::rules;
use crate::engine::versions::authentik::RedirectUris;
use crate::engine::versions::headscale::EmailVerifiedUse;

pub(crate) fn application(model: &Model, found: &mut Vec<Diagnostic>) {
    if model.app_name.is_empty() {
        found.push(Diagnostic::new(Check::AppNameMissing));
    }
    if model.slug.is_empty() {
        found.push(Diagnostic::new(Check::SlugMissing));
    } else if !rules::is_slug(&model.slug) {
        found.push(Diagnostic::value(Check::SlugInvalid, &model.slug));
    } else if rules::RESERVED_SLUGS.contains(&model.slug.as_str()) {
        found.push(Diagnostic::value(Check::SlugReserved, &model.slug));
    }
}

pub(crate) fn credentials(model: &Model, found: &mut Vec<Diagnostic>) {
    let pairs = [
        (&model.client_id, Check::ClientIdMissing, Check::ClientIdInvalid, Check::ClientIdUnusual),
        (&model.client_secret, Check::ClientSecretMissing, Check::ClientSecretInvalid, Check::ClientSecretUnusual),
    ];
    let release = model.authentik_version.release();
    for (value, missing, invalid, unusual) in pairs {
        // Only the secret is compared with hmac.compare_digest; the ID is looked up.
        let ascii_compare = release.ascii_secret_compare && missing == Check::ClientSecretMissing;
        if value.is_empty() {
            found.push(Diagnostic::new(missing));
        } else if let Some(problem) = rules::credential_problem(value, release.vschar_credentials, ascii_compare) {
            found.push(Diagnostic::phrase(invalid, problem));
        } else if let Some(character) = rules::unusual_character(value) {
            found.push(Diagnostic::phrase(unusual, character));
        }
    }
}

/// Checks of the inputs against the chosen authentik release, and across both releases.
pub(crate) fn release(model: &Model, found: &mut Vec<Diagnostic>) {
    let release = model.authentik_version.release();
    if let Some(max) = release.slug_max {
        if model.slug.len() > max {
            found.push(Diagnostic::phrase(Check::SlugTooLong, model.slug.len().to_string()));
        }
    }
    // authentik's default email mapping says "not verified" from 2025.10 on.
    if !release.email_verified_default && !model.verified_email_mapping {
        let filters_by_email = !model.allowed_users.is_empty() || !model.allowed_domains.is_empty();
        match model.headscale_version.release().email_verified {
            EmailVerifiedUse::GatesLogin if model.email_verified_required && filters_by_email => {
                found.push(Diagnostic::phrase(Check::EmailVerified, release.key));
            }
            // Without allowed users or domains the login goes through, but the email is dropped.
            EmailVerifiedUse::GatesLogin if model.email_verified_required => {
                found.push(Diagnostic::phrase(Check::EmailNotStored, release.key))
            }
            EmailVerifiedUse::StoresEmail => found.push(Diagnostic::phrase(Check::EmailNotStored, release.key)),
            _ => {}
        }
    }
    if model.allowed_groups.is_empty() && model.allowed_users.is_empty() && model.allowed_domains.is_empty() {
        found.push(Diagnostic::new(Check::NoBinding));
    }
    if release.grant_types {
        found.push(Diagnostic::new(Check::GrantTypes));
    }
    if release.redirect_uris == RedirectUris::Regex {
        found.push(Diagnostic::value(Check::RedirectRegex, &model.redirect_uri));
    }
    for group in &model.allowed_groups {
        if group.trim_start_matches('/').contains('/') {
            found.push(Diagnostic::value(Check::GroupPath, group));
        }
    }
}
