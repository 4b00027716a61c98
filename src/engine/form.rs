//! What the form asks the engine: which control shows a field, the choices of its selects,
//! when a field is shown or can be changed, whether the chosen Headscale release reads a field's
//! setting, and the notes that say so. The UI asks here and never reads the field or release
//! tables itself.

use crate::engine::fields::{Field, Kind};
use crate::engine::inputs::{Inputs, SecretDelivery};
use crate::engine::model::Model;
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

/// How the form shows a field, decided by its kind and its choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Control {
    /// One line of text (a single value, or scopes on one line).
    Text,
    /// A box of several lines, showing an example entry while it is empty.
    Lines {
        example: &'static str,
    },
    Checkbox,
    /// One of a fixed set of choices.
    Select(Vec<Choice>),
}

/// The control that shows `field`.
pub fn control(field: Field) -> Control {
    if let Some(choices) = choices(field) {
        return Control::Select(choices);
    }
    match field.kind() {
        Kind::Flag => Control::Checkbox,
        Kind::Lines | Kind::Words | Kind::Pairs => Control::Lines { example: field.info().example.unwrap_or_default() },
        Kind::Text | Kind::Term | Kind::Terms | Kind::Choice => Control::Text,
    }
}

/// The fixed choices of a field the form shows as a select: every choice field, and the PKCE
/// method, which is kept as text so that a wrong case read from a configuration can be shown.
pub fn choices(field: Field) -> Option<Vec<Choice>> {
    match field {
        Field::HeadscaleVersion => Some(headscale_choices()),
        Field::AuthentikVersion => Some(authentik_choices()),
        Field::SecretDelivery => Some(secret_choices()),
        Field::PkceMethod => Some(pkce_choices()),
        _ => None,
    }
}

/// Whether the form shows `field` at all: the secret file's path only while the secret is read
/// from a file.
pub fn shown(inputs: &Inputs, field: Field) -> bool {
    inputs.secret_delivery.uses(field)
}

/// Whether the reader can change `field`: a flag only where the chosen release reads it, the
/// PKCE method only while PKCE is on and read.
pub fn enabled(inputs: &Inputs, field: Field) -> bool {
    let version = inputs.headscale_version;
    match field {
        Field::PkceMethod => inputs.pkce_enabled && reads(version, Field::PkceEnabled),
        _ if field.kind() == Kind::Flag => reads(version, field),
        _ => true,
    }
}

/// The note under a field: the address as it is used when it differs from what was typed, where
/// the node expiry is written, or why a flag is turned off.
pub fn note(inputs: &Inputs, model: &Model, field: Field) -> Option<String> {
    let used_as = |normalized: &str| {
        let typed = inputs.text(field).unwrap_or_default();
        (!normalized.is_empty() && typed.trim() != normalized).then(|| format!("Used as {normalized}"))
    };
    match field {
        Field::HeadscaleUrl => used_as(&model.headscale.normalized),
        Field::AuthentikUrl => used_as(&model.authentik.normalized),
        Field::Expiry => Some(expiry_note(inputs.headscale_version)),
        _ if field.kind() == Kind::Flag => unread_note(inputs.headscale_version, field),
        _ => None,
    }
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
    fn each_field_gets_the_control_of_its_kind() {
        assert_eq!(control(Field::HeadscaleUrl), Control::Text);
        assert_eq!(control(Field::Expiry), Control::Text);
        // Scopes stay on one line; the other lists get a box with an example entry.
        assert_eq!(control(Field::Scopes), Control::Text);
        assert_eq!(control(Field::AllowedGroups), Control::Lines { example: "headscale-users" });
        assert_eq!(control(Field::AllowedUsers), Control::Lines { example: "alice@example.com" });
        assert_eq!(control(Field::AllowedDomains), Control::Lines { example: "example.com" });
        assert_eq!(control(Field::ExtraParams), Control::Lines { example: "prompt=login" });
        assert_eq!(control(Field::VerifiedEmailMapping), Control::Checkbox);
        assert_eq!(control(Field::SecretDelivery), Control::Select(secret_choices()));
        // A term with a fixed set of values is a select too.
        assert_eq!(control(Field::PkceMethod), Control::Select(pkce_choices()));
        for field in Field::ALL.into_iter().filter(|field| field.is_choice()) {
            assert!(matches!(control(field), Control::Select(_)), "{field:?}");
        }
    }

    #[test]
    fn the_secret_path_is_shown_only_for_a_file() {
        for delivery in SecretDelivery::ALL {
            let inputs = Inputs { secret_delivery: delivery, ..Inputs::default() };
            assert_eq!(shown(&inputs, Field::ClientSecretPath), delivery == SecretDelivery::File, "{delivery:?}");
            assert!(Field::ALL.into_iter().filter(|f| *f != Field::ClientSecretPath).all(|f| shown(&inputs, f)));
        }
    }

    #[test]
    fn the_pkce_method_can_change_only_while_pkce_is_on_and_read() {
        let with = |version, pkce_enabled| Inputs { headscale_version: version, pkce_enabled, ..Inputs::default() };
        // 0.24 is the first release that reads PKCE.
        let (v23, v24) = (HeadscaleVersion(23), HeadscaleVersion(24));
        assert!(enabled(&with(v24, true), Field::PkceMethod));
        assert!(!enabled(&with(v24, false), Field::PkceMethod));
        assert!(!enabled(&with(v23, true), Field::PkceMethod));
        assert!(enabled(&with(v24, true), Field::PkceEnabled) && !enabled(&with(v23, true), Field::PkceEnabled));
        // Text and choices stay open whatever the release.
        assert!(enabled(&with(V22, false), Field::Expiry) && enabled(&with(V22, false), Field::SecretDelivery));
        assert!(enabled(&with(V22, false), Field::VerifiedEmailMapping));
    }

    #[test]
    fn notes_say_how_a_value_is_used() {
        let note_of = |inputs: &Inputs, field| note(inputs, &Model::new(inputs), field);
        let typed = Inputs { headscale_url: "headscale.example.com".into(), ..Inputs::default() };
        assert_eq!(note_of(&typed, Field::HeadscaleUrl).as_deref(), Some("Used as https://headscale.example.com"));
        let exact = Inputs { headscale_url: " https://headscale.example.com ".into(), ..Inputs::default() };
        assert_eq!(note_of(&exact, Field::HeadscaleUrl), None);
        let bare = Inputs { authentik_url: "sso.example.org".into(), ..Inputs::default() };
        assert_eq!(note_of(&bare, Field::AuthentikUrl).as_deref(), Some("Used as https://sso.example.org"));
        let missing = Inputs { authentik_url: String::new(), ..Inputs::default() };
        assert_eq!(note_of(&missing, Field::AuthentikUrl), None);
        let old = Inputs { headscale_version: V22, ..Inputs::default() };
        assert_eq!(note_of(&old, Field::Expiry), Some(expiry_note(V22)));
        assert_eq!(note_of(&old, Field::PkceEnabled), unread_note(V22, Field::PkceEnabled));
        assert_eq!(note_of(&Inputs::default(), Field::PkceEnabled), None);
        assert_eq!(note_of(&old, Field::VerifiedEmailMapping), None);
        assert_eq!(note_of(&old, Field::Slug), None);
        // Only a flag says it is not read; the PKCE method is turned off without a note of its own.
        assert_eq!(note_of(&old, Field::PkceMethod), None);
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
        let deliveries: Vec<String> = secret_choices().into_iter().map(|(_, label)| label).collect();
        assert_eq!(
            deliveries,
            [
                "In config.yaml (client_secret)",
                "From a file (client_secret_path)",
                "From the environment (HEADSCALE_OIDC_CLIENT_SECRET)"
            ]
        );
        assert!(pkce_choices().iter().all(|(value, _)| PKCE_METHODS.contains(value)));
    }
}
