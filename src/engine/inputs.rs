//! What the reader types, and the edits that change it. [`Inputs`] has one member per row of
//! the field table ([`crate::engine::fields::form_fields!`]).

use crate::engine::fields::{form_fields, Field};
use crate::engine::versions::authentik::AuthentikVersion;
use crate::engine::versions::headscale::HeadscaleVersion;

/// How Headscale gets the client secret.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SecretDelivery {
    /// `client_secret` in config.yaml.
    #[default]
    Inline,
    /// `client_secret_path`: a file Headscale reads at startup.
    File,
    /// The `HEADSCALE_OIDC_CLIENT_SECRET` environment variable; config.yaml carries no secret.
    Environment,
}

impl SecretDelivery {
    pub const ALL: [SecretDelivery; 3] = [SecretDelivery::Inline, SecretDelivery::File, SecretDelivery::Environment];

    /// Whether `field` is used with this delivery: the secret file's path only for a file.
    pub fn uses(self, field: Field) -> bool {
        field != Field::ClientSecretPath || self == SecretDelivery::File
    }

    pub fn key(self) -> &'static str {
        match self {
            SecretDelivery::Inline => "inline",
            SecretDelivery::File => "file",
            SecretDelivery::Environment => "environment",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SecretDelivery::Inline => "In config.yaml (client_secret)",
            SecretDelivery::File => "From a file (client_secret_path)",
            SecretDelivery::Environment => "From the environment (HEADSCALE_OIDC_CLIENT_SECRET)",
        }
    }

    pub fn parse(text: &str) -> Option<SecretDelivery> {
        SecretDelivery::ALL.into_iter().find(|delivery| delivery.key() == text)
    }
}

/// A value chosen from a fixed set, kept in the inputs as its own type and written as its key.
pub trait ChoiceValue: Sized {
    /// The value as the form, links and attributes write it.
    fn key(&self) -> &'static str;
    fn parse(text: &str) -> Option<Self>;
}

impl ChoiceValue for SecretDelivery {
    fn key(&self) -> &'static str {
        SecretDelivery::key(*self)
    }

    fn parse(text: &str) -> Option<Self> {
        SecretDelivery::parse(text)
    }
}

impl ChoiceValue for HeadscaleVersion {
    fn key(&self) -> &'static str {
        self.label()
    }

    fn parse(text: &str) -> Option<Self> {
        HeadscaleVersion::parse(text)
    }
}

impl ChoiceValue for AuthentikVersion {
    fn key(&self) -> &'static str {
        AuthentikVersion::key(*self)
    }

    fn parse(text: &str) -> Option<Self> {
        AuthentikVersion::parse(text)
    }
}

/// The path systemd offers credentials under; Headscale expands `${…}` in the secret path.
pub(crate) const SYSTEMD_SECRET_PATH: &str = "${CREDENTIALS_DIRECTORY}/oidc_client_secret";

/// The text of a field's member, by the field's kind; `None` for a checkbox.
macro_rules! text_of {
    (Flag, $member:expr) => {
        None
    };
    (Choice, $member:expr) => {
        Some(ChoiceValue::key(&$member))
    };
    ($kind:ident, $member:expr) => {
        Some($member.as_str())
    };
}

/// Sets a field's member from text, by the field's kind: `None` for a checkbox or a choice that
/// does not exist, else whether the value changed.
macro_rules! set_text_of {
    (Flag, $member:expr, $text:expr) => {
        None
    };
    (Choice, $member:expr, $text:expr) => {
        replace(&mut $member, ChoiceValue::parse(&$text)?)
    };
    ($kind:ident, $member:expr, $text:expr) => {
        replace(&mut $member, $text)
    };
}

/// The state of a checkbox field's member; `None` for any other kind.
macro_rules! flag_of {
    (Flag, $member:expr) => {
        Some($member)
    };
    ($kind:ident, $member:expr) => {
        None
    };
}

/// Builds [`Inputs`] from the rows of [`crate::engine::fields::form_fields!`]: one member per
/// field, its default, and its text or flag by the field's kind.
macro_rules! inputs {
    ($($(#[$doc:meta])* $field:ident => $member:ident: $ty:ty = $default:expr, $kind:ident $info:tt;)+) => {
        /// Every input of the playground. Text is kept exactly as typed so nothing is ever lost;
        /// the model normalises it (see [`crate::engine::model`]).
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Inputs {
            $($(#[$doc])* pub $member: $ty,)+
        }

        impl Default for Inputs {
            /// The placeholders of authentik's "Integrate with Headscale" guide, so the first
            /// render is a complete example. Client credentials start empty: the UI fills them
            /// with freshly generated values, the way authentik's own wizard does.
            fn default() -> Self {
                Inputs { $($member: $default,)+ }
            }
        }

        impl Inputs {
            /// The text of a text or choice field, or `None` for a checkbox.
            pub fn text(&self, field: Field) -> Option<&str> {
                match field {
                    $(Field::$field => text_of!($kind, self.$member),)+
                    Field::ImportText => None,
                }
            }

            /// Sets a text or choice field. `None` when the field takes no text or the choice
            /// does not exist; otherwise whether the value changed.
            pub fn set_text(&mut self, field: Field, text: String) -> Option<bool> {
                match field {
                    $(Field::$field => set_text_of!($kind, self.$member, text),)+
                    Field::ImportText => None,
                }
            }

            /// The state of a checkbox, or `None` for any other field.
            pub fn flag(&self, field: Field) -> Option<bool> {
                match field {
                    $(Field::$field => flag_of!($kind, self.$member),)+
                    Field::ImportText => None,
                }
            }

            fn flag_mut(&mut self, field: Field) -> Option<&mut bool> {
                match field {
                    $(Field::$field => flag_of!($kind, &mut self.$member),)+
                    Field::ImportText => None,
                }
            }
        }
    };
}

form_fields!(inputs);

/// A change to one input, as the UI reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Text(Field, String),
    Flag(Field, bool),
}

impl Inputs {
    /// Applies an edit and tells whether anything changed. An edit that names a field of the
    /// other kind, or a choice that does not exist, changes nothing.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Text(field, text) => self.set_text(field, text).unwrap_or(false),
            Edit::Flag(field, value) => self.flag_mut(field).and_then(|slot| replace(slot, value)).unwrap_or(false),
        }
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> Option<bool> {
    let changed = *slot != value;
    *slot = value;
    Some(changed)
}

/// What a form control holds, read from the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ControlValue {
    Text(String),
    Checked(bool),
}

/// The edits a reader made to a form that showed `shown`: every control whose value differs
/// from what was shown. Used when the app takes over HTML rendered at build time, so that
/// what was typed before it started is kept.
pub fn typed_edits(shown: &Inputs, controls: impl IntoIterator<Item = (Field, ControlValue)>) -> Vec<Edit> {
    controls
        .into_iter()
        .filter_map(|(field, value)| match value {
            ControlValue::Text(text) if shown.text(field).is_some_and(|before| before != text) => {
                Some(Edit::Text(field, text))
            }
            ControlValue::Checked(checked) if shown.flag(field).is_some_and(|before| before != checked) => {
                Some(Edit::Flag(field, checked))
            }
            _ => None,
        })
        .collect()
}
