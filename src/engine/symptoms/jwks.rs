//! authentik's signing keys (the JWKS of an application), pasted or fetched when asked: keys
//! mean tokens signed with a key pair; an empty set means HS256, which Headscale refuses.

use serde_yaml::{Mapping, Value};

use super::json;

/// One key of the set, as much as a reader needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub kty: String,
    pub alg: Option<String>,
    pub kid: Option<String>,
}

/// A key set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jwks {
    pub keys: Vec<Key>,
}

/// At most this many keys are kept; authentik publishes one or two.
const MAX_KEYS: usize = 16;

/// The key set in `map`, when it is one (an object with a `keys` list).
pub fn from_json(map: &Mapping) -> Option<Jwks> {
    let Value::Sequence(items) = map.get("keys")? else { return None };
    let keys = items
        .iter()
        .filter_map(Value::as_mapping)
        .take(MAX_KEYS)
        .map(|key| Key {
            kty: json::text(key, "kty").unwrap_or_default(),
            alg: json::text(key, "alg"),
            kid: json::text(key, "kid"),
        })
        .collect();
    Some(Jwks { keys })
}

/// The key set in a text (an answer of the JWKS address), or why it is none.
pub fn read(text: &str) -> Result<Jwks, &'static str> {
    let map = json::object(text).ok_or("The answer is not a JSON object.")?;
    from_json(&map).ok_or("The answer is JSON, but has no keys list: it is not a key set.")
}

/// What a key set says about how authentik signs its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Signed with a key pair, which Headscale can verify: the algorithms named.
    KeyPair(Vec<String>),
    /// No keys: the provider has no signing key and signs with HS256 and the client secret.
    Empty,
}

impl Jwks {
    pub fn verdict(&self) -> Verdict {
        if self.keys.is_empty() {
            return Verdict::Empty;
        }
        let mut algorithms: Vec<String> =
            self.keys.iter().map(|key| key.alg.clone().unwrap_or_else(|| format!("a {} key", key.kty))).collect();
        algorithms.dedup();
        Verdict::KeyPair(algorithms)
    }

    /// One sentence on what the set means for Headscale.
    pub fn summary(&self) -> String {
        match self.verdict() {
            Verdict::Empty => "The key set is empty: the provider has no Signing Key, so authentik signs its tokens with HS256 and the client secret, which Headscale refuses. Select a Signing Key in the provider.".to_string(),
            Verdict::KeyPair(algorithms) => format!(
                "The key set holds {} {} ({}): authentik signs its tokens with a key pair, which Headscale can verify.",
                self.keys.len(),
                if self.keys.len() == 1 { "key" } else { "keys" },
                algorithms.join(", ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_no_keys() {
        let set = read(r#"{"keys": [{"kty": "RSA", "alg": "RS256", "kid": "a", "n": "x", "e": "AQAB"}]}"#).unwrap();
        assert_eq!(set.verdict(), Verdict::KeyPair(vec!["RS256".into()]));
        assert_eq!(read(r#"{"keys": []}"#).unwrap().verdict(), Verdict::Empty);
        assert!(read(r#"{"detail": "Not found."}"#).is_err());
        assert!(read("<html>").is_err());
    }

    #[test]
    fn the_summary_says_what_the_set_means() {
        assert!(read(r#"{"keys": []}"#)
            .unwrap()
            .summary()
            .starts_with("The key set is empty: the provider has no Signing Key"));
        let one = read(r#"{"keys": [{"kty": "RSA", "alg": "RS256", "kid": "a", "n": "x", "e": "AQAB"}]}"#).unwrap();
        assert!(one.summary().starts_with("The key set holds 1 key (RS256): "), "{}", one.summary());
        let two = read(r#"{"keys": [{"kty": "RSA", "kid": "a", "n": "x", "e": "AQAB"}, {"kty": "EC", "alg": "ES256", "kid": "b", "crv": "P-256", "x": "x", "y": "y"}]}"#).unwrap();
        assert!(two.summary().starts_with("The key set holds 2 keys (a RSA key, ES256): "), "{}", two.summary());
    }
}
