//! Small predicates for the values authentik and Headscale accept.

/// Slugs that collide with authentik's OAuth endpoints under `/application/o/`. Every release
/// breaks on them; from 2025.8 authentik refuses them when the application is saved.
pub(crate) const RESERVED_SLUGS: [&str; 6] = ["authorize", "token", "device", "userinfo", "introspect", "revoke"];

/// authentik's slug pattern, `^[-a-zA-Z0-9_]+$`.
pub(crate) fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The longest client ID or secret authentik stores.
pub(crate) const CREDENTIAL_MAX: usize = 255;

/// Why a client ID or secret cannot work, if it cannot: authentik stores at most 255
/// characters, from 2026.8 accepts only printable ASCII (RFC 6749's VSCHAR), and in 2026.2 and
/// 2026.5 compares secrets with Python's `hmac.compare_digest`, which raises an error on text
/// outside ASCII. Control characters, which no output could carry, are refused before, like in
/// every field (`limits::refusal`).
pub(crate) fn credential_problem(text: &str, printable_ascii_only: bool, ascii_compare: bool) -> Option<String> {
    let length = text.chars().count();
    if length > CREDENTIAL_MAX {
        Some(format!("is {length} characters long; authentik stores at most {CREDENTIAL_MAX}"))
    } else if let Some(c) = text.chars().find(|c| printable_ascii_only && !is_vschar(*c)) {
        Some(format!("contains {}, and authentik 2026.8 and later accept only printable ASCII", escaped(c)))
    } else {
        text.chars().find(|c| ascii_compare && !c.is_ascii()).map(|c| {
            format!(
                "contains {}: authentik 2026.2 and 2026.5 compare secrets with Python's hmac.compare_digest, which \
                 fails on text outside ASCII, so every token exchange ends with a server error",
                escaped(c)
            )
        })
    }
}

/// The first character of a credential outside printable ASCII, written for a message.
pub(crate) fn unusual_character(text: &str) -> Option<String> {
    text.chars().find(|c| !is_vschar(*c)).map(escaped)
}

fn is_vschar(c: char) -> bool {
    (' '..='~').contains(&c)
}

/// A character as `“é” (U+00E9)`, so invisible ones can be seen.
fn escaped(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("“{c}” (U+{:04X})", c as u32)
    }
}

/// Whether a value is a placeholder copied from a guide or an example rather than a real value:
/// angle-bracketed text (`<Client ID from authentik>`), or a word that starts with "your" and a
/// separator (`your-oidc-client-id`, `YOUR_CLIENT_SECRET`, `https://your-oidc.issuer.com/path`).
pub(crate) fn is_placeholder(text: &str) -> bool {
    let angled = text.find('<').is_some_and(|open| text[open + 1..].find('>').is_some_and(|close| close > 0));
    let your = text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).any(|word| {
        let lower = word.to_ascii_lowercase();
        lower.strip_prefix("your").is_some_and(|rest| rest.starts_with(['-', '_']))
    });
    angled || your
}

/// A domain name: dot-separated labels of letters, digits and inner hyphens, each at most 63
/// characters, 253 in all. Letters may be non-ASCII, because Headscale compares the text of
/// the email claim.
pub(crate) fn is_domain(text: &str) -> bool {
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
pub(crate) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '@'))
        && is_domain(domain)
}

/// The PKCE methods Headscale knows, with their exact spelling.
pub(crate) const PKCE_METHODS: [&str; 2] = ["S256", "plain"];

/// Scopes that have a mapping on a new authentik OAuth2 provider (or that authentik handles
/// itself).
pub(crate) const MAPPED_SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_is_shown_so_that_an_invisible_one_can_be_seen() {
        assert_eq!(
            credential_problem("abé", true, false).as_deref(),
            Some("contains “é” (U+00E9), and authentik 2026.8 and later accept only printable ASCII")
        );
        // White space beyond ASCII prints as nothing visible: only its code point is shown.
        assert_eq!(unusual_character("a\u{A0}b").as_deref(), Some("U+00A0"));
        assert_eq!(unusual_character("a\u{3000}b").as_deref(), Some("U+3000"));
        assert_eq!(unusual_character("a\u{85}b").as_deref(), Some("U+0085"));
        assert!(credential_problem("sé", false, true).is_some_and(|p| p.starts_with("contains “é” (U+00E9): ")));
        assert_eq!(unusual_character("plain-ASCII_text ~"), None);
    }

    #[test]
    fn an_email_needs_a_local_part_without_spaces_and_a_domain() {
        assert!(is_email("alice@example.com"));
        assert!(is_email("élise@exämple.com"));
        for refused in [
            "@example.com",
            "alice",
            "alice@",
            "alice@-example.com",
            "alice@exa mple.com",
            "al ice@example.com",
            "al\u{A0}ice@example.com",
            "al\u{1}ice@example.com",
            "<alice>@example.com",
            "alice>@example.com",
        ] {
            assert!(!is_email(refused), "{refused:?}");
        }
    }
}
