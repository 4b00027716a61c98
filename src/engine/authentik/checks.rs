//! authentik's checks, and the cross-checks between authentik's and Headscale's releases.

use crate::engine::versions::authentik::RedirectUris;
use crate::engine::catalogue::{Check, Diagnostic};
use crate::engine::versions::headscale::EmailVerifiedUse;
use crate::engine::model::Model;

pub fn check_inputs(model: &Model, found: &mut Vec<Diagnostic>) {
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
