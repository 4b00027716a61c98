//! What the form asks the engine: the choices of its selects, whether the chosen Headscale
//! release reads a field's setting, and the notes that say so. The UI asks here and never reads
//! the release tables itself.

use crate::engine::fields::Field;
use crate::engine::inputs::SecretDelivery;
use crate::engine::rules::PKCE_METHODS;
use crate::engine::versions::authentik::AUTHENTIK_RELEASES;
use crate::engine::versions::headscale::{HeadscaleVersion, Key, HEADSCALE_RELEASES};

/// A choice of a select: the value kept in the inputs, and what the reader sees.
pub type Choice = (&'static str, String);

/// The Headscale releases, newest first.
pub fn headscale_choices() -> Vec<Choice> {
    HEADSCALE_RELEASES.iter().map(|r| (r.label, format!("{} (patch {})", r.label, r.patch))).collect()
}

/// The authentik release lines, newest first.
pub fn authentik_choices() -> Vec<Choice> {
    AUTHENTIK_RELEASES.iter().map(|r| (r.key, r.label.to_string())).collect()
}

/// The ways Headscale can read the client secret.
pub fn secret_choices() -> Vec<Choice> {
    SecretDelivery::ALL.iter().map(|d| (d.key(), d.label().to_string())).collect()
}

/// The PKCE methods Headscale knows, the recommended one first.
pub fn pkce_choices() -> Vec<Choice> {
    let label = |method: &str| if method == "S256" { "S256 (recommended)".to_string() } else { method.to_string() };
    PKCE_METHODS.iter().map(|method| (*method, label(method))).collect()
}

/// The Headscale setting a field's value is written to, if it is one Headscale has a rule for.
fn key_of(field: Field) -> Option<Key> {
    field.info().headscale.iter().find_map(|setting| setting.key())
}

/// Whether `version` reads the setting `field` is written to; a field that is no Headscale
/// setting is always read.
pub fn reads(version: HeadscaleVersion, field: Field) -> bool {
    key_of(field).is_none_or(|key| version.reads(key))
}

/// Why a control is turned off, when `version` does not read its setting.
pub fn unread_note(version: HeadscaleVersion, field: Field) -> Option<String> {
    (!reads(version, field)).then(|| format!("Headscale {} does not read this setting.", version.label()))
}

/// Where the node expiry is written for `version`, and its default there.
pub fn expiry_note(version: HeadscaleVersion) -> String {
    let key = if version.reads(Key::NodeExpiry) { Key::NodeExpiry } else { Key::Expiry };
    format!(
        "Written as {}; Headscale {}'s default is {}.",
        key.path(),
        version.label(),
        version.default_of(key).unwrap_or("none")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const V22: HeadscaleVersion = HeadscaleVersion(22);
    const V29: HeadscaleVersion = HeadscaleVersion(29);

    #[test]
    fn each_flag_asks_its_own_key() {
        assert_eq!(key_of(Field::PkceEnabled), Some(Key::PkceEnabled));
        assert_eq!(key_of(Field::EmailVerifiedRequired), Some(Key::EmailVerifiedRequired));
        assert_eq!(key_of(Field::UseExpiryFromToken), Some(Key::UseExpiryFromToken));
        assert_eq!(key_of(Field::OnlyStartIfOidcIsAvailable), Some(Key::OnlyStartIfOidcIsAvailable));
        assert_eq!(key_of(Field::HeadscaleUrl), None);
    }

    #[test]
    fn old_releases_leave_newer_settings_unread() {
        assert!(!reads(V22, Field::PkceEnabled));
        assert!(reads(V29, Field::PkceEnabled));
        assert!(reads(V22, Field::AppName));
        assert_eq!(unread_note(V22, Field::PkceEnabled).as_deref(), Some("Headscale 0.22 does not read this setting."));
        assert_eq!(unread_note(V29, Field::PkceEnabled), None);
    }

    #[test]
    fn the_expiry_note_names_the_key_of_the_release() {
        assert_eq!(expiry_note(V29), "Written as node.expiry; Headscale 0.29's default is 0.");
        assert_eq!(expiry_note(V22), "Written as oidc.expiry; Headscale 0.22's default is 180d.");
    }

    #[test]
    fn choices_are_values_the_inputs_accept() {
        let mut inputs = crate::engine::inputs::Inputs::default();
        for (field, choices) in [
            (Field::HeadscaleVersion, headscale_choices()),
            (Field::AuthentikVersion, authentik_choices()),
            (Field::SecretDelivery, secret_choices()),
        ] {
            assert!(!choices.is_empty());
            for (value, _) in choices {
                assert!(inputs.set_text(field, value.to_string()).is_some(), "{value} is no {field:?}");
            }
        }
        assert_eq!(pkce_choices()[0], ("S256", "S256 (recommended)".to_string()));
        assert!(pkce_choices().iter().all(|(value, _)| PKCE_METHODS.contains(value)));
    }
}
