//! Headscale's `oidc` section as a typed structure, used to prove that the emitted YAML says
//! exactly what the model means.
//!
//! Strings and booleans are read strictly: a plain `123` or `yes` where a string or boolean is
//! expected is an error, and so is any key Headscale does not know.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::engine::model::Model;

/// A string that was written as a string in the YAML (not a number, boolean or null).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(pub String);

/// A boolean that was written as a real YAML boolean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub oidc: Oidc,
}

#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Oidc {
    pub issuer: Option<Text>,
    pub client_id: Option<Text>,
    pub client_secret: Option<Text>,
    pub scope: Option<Vec<Text>>,
    pub allowed_domains: Option<Vec<Text>>,
    pub allowed_users: Option<Vec<Text>>,
    pub allowed_groups: Option<Vec<Text>>,
    pub pkce: Option<Pkce>,
}

#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Pkce {
    pub enabled: Option<Flag>,
    pub method: Option<Text>,
}

fn text(value: &str) -> Text {
    Text(value.to_string())
}

fn list(values: &[String]) -> Option<Vec<Text>> {
    (!values.is_empty()).then(|| values.iter().map(|v| text(v)).collect())
}

impl Document {
    /// What the emitted YAML must parse back to for this model.
    pub fn expected(model: &Model) -> Document {
        Document {
            oidc: Oidc {
                issuer: Some(text(&model.issuer)),
                client_id: Some(text(&model.client_id)),
                client_secret: Some(text(&model.client_secret)),
                scope: list(&model.scopes),
                allowed_domains: list(&model.allowed_domains),
                allowed_users: list(&model.allowed_users),
                allowed_groups: list(&model.allowed_groups),
                pkce: Some(Pkce {
                    enabled: Some(Flag(model.pkce.enabled)),
                    method: model.pkce.enabled.then(|| text(&model.pkce.method)),
                }),
            },
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrictString;
        impl Visitor<'_> for StrictString {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text(value.to_string()))
            }
        }
        deserializer.deserialize_any(StrictString)
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrictBool;
        impl Visitor<'_> for StrictBool {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true or false")
            }
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Flag, E> {
                Ok(Flag(value))
            }
        }
        deserializer.deserialize_any(StrictBool)
    }
}
