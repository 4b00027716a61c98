//! Headscale's configuration as a strictly typed structure, used to prove that the emitted
//! YAML says exactly what the settings mean.
//!
//! Strings and booleans are read strictly: a plain `123` or `yes` where a string or boolean is
//! expected is an error, and so is any key Headscale does not know.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::settings::Settings;

/// A string that was written as a string in the YAML (not a number, boolean or null).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(pub String);

/// A boolean that was written as a real YAML boolean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

/// A map of strings to strings, in the order written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairs(pub Vec<(String, String)>);

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub oidc: Oidc,
    pub node: Option<Node>,
}

#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Oidc {
    pub only_start_if_oidc_is_available: Option<Flag>,
    pub issuer: Option<Text>,
    pub client_id: Option<Text>,
    pub client_secret: Option<Text>,
    pub client_secret_path: Option<Text>,
    pub expiry: Option<Text>,
    pub use_expiry_from_token: Option<Flag>,
    pub scope: Option<Vec<Text>>,
    pub extra_params: Option<Pairs>,
    pub allowed_domains: Option<Vec<Text>>,
    pub allowed_users: Option<Vec<Text>>,
    pub allowed_groups: Option<Vec<Text>>,
    pub strip_email_domain: Option<Flag>,
    pub map_legacy_users: Option<Flag>,
    pub pkce: Option<Pkce>,
    pub email_verified_required: Option<Flag>,
}

#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Pkce {
    pub enabled: Option<Flag>,
    pub method: Option<Text>,
}

#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub expiry: Option<Text>,
}

fn text(value: Option<Text>) -> Option<String> {
    value.map(|Text(text)| text)
}

fn flag(value: Option<Flag>) -> Option<bool> {
    value.map(|Flag(flag)| flag)
}

fn list(values: Option<Vec<Text>>) -> Option<Vec<String>> {
    values.map(|values| values.into_iter().map(|Text(text)| text).collect())
}

impl Document {
    pub fn into_settings(self) -> Settings {
        let oidc = self.oidc;
        let pkce = oidc.pkce.unwrap_or_default();
        Settings {
            only_start_if_oidc_is_available: flag(oidc.only_start_if_oidc_is_available),
            issuer: text(oidc.issuer),
            client_id: text(oidc.client_id),
            client_secret: text(oidc.client_secret),
            client_secret_path: text(oidc.client_secret_path),
            expiry: text(oidc.expiry),
            use_expiry_from_token: flag(oidc.use_expiry_from_token),
            scope: list(oidc.scope),
            extra_params: oidc.extra_params.map(|Pairs(pairs)| pairs),
            allowed_domains: list(oidc.allowed_domains),
            allowed_users: list(oidc.allowed_users),
            allowed_groups: list(oidc.allowed_groups),
            strip_email_domain: flag(oidc.strip_email_domain),
            map_legacy_users: flag(oidc.map_legacy_users),
            pkce_enabled: flag(pkce.enabled),
            pkce_method: text(pkce.method),
            email_verified_required: flag(oidc.email_verified_required),
            node_expiry: self.node.and_then(|node| text(node.expiry)),
        }
    }
}

struct StrictString;

impl Visitor<'_> for StrictString {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_string())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictString).map(Text)
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

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrictMap;
        impl<'de> Visitor<'de> for StrictMap {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some((Text(key), Text(value))) = map.next_entry::<Text, Text>()? {
                    pairs.push((key, value));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(StrictMap)
    }
}
