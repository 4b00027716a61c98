//! Small predicates for the values authentik and Headscale accept.

/// Slugs that collide with authentik's OAuth endpoints under `/application/o/`. Every release
/// breaks on them; from 2025.8 authentik refuses them when the application is saved.
pub const RESERVED_SLUGS: [&str; 6] = ["authorize", "token", "device", "userinfo", "introspect", "revoke"];

/// authentik's slug pattern, `^[-a-zA-Z0-9_]+$`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Why a client ID or secret is refused, if it is: authentik takes 1 to 255 printable ASCII
/// characters (RFC 6749's VSCHAR).
pub fn credential_problem(text: &str) -> Option<&'static str> {
    if text.len() > 255 {
        Some("is longer than 255 characters")
    } else if !text.chars().all(|c| (' '..='~').contains(&c)) {
        Some("contains a character that is not printable ASCII")
    } else {
        None
    }
}

/// A domain name: dot-separated labels of letters, digits and inner hyphens, each at most 63
/// characters, 253 in all. Letters may be non-ASCII, because Headscale compares the text of
/// the email claim.
pub fn is_domain(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 253
        && text.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// An email address as authentik stores it: one `@`, a non-empty local part without spaces or
/// angle brackets, and a domain.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '@'))
        && is_domain(domain)
}

/// The PKCE methods Headscale knows, with their exact spelling.
pub const PKCE_METHODS: [&str; 2] = ["S256", "plain"];

/// Scopes that have a mapping on a new authentik OAuth2 provider (or that authentik handles
/// itself).
pub const MAPPED_SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];
