//! authentik's discovery document, pasted from `curl …/.well-known/openid-configuration`
//! (authentik answers it cross-origin only to its own redirect URIs' origins, so the page
//! cannot fetch it), compared with the inputs one check at a time.

use serde_yaml::Mapping;

use super::causes::Cause;
use super::explain::differences;
use super::json;
use crate::engine::model::Model;
use crate::engine::urls;
use crate::engine::versions::headscale::Key;

/// The members of a discovery document the checks read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discovery {
    pub issuer: Option<String>,
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    pub userinfo_endpoint: Option<String>,
    pub jwks_uri: Option<String>,
    pub scopes_supported: Option<Vec<String>>,
    pub claims_supported: Option<Vec<String>>,
    pub code_challenge_methods_supported: Option<Vec<String>>,
    pub id_token_signing_alg_values_supported: Option<Vec<String>>,
    pub grant_types_supported: Option<Vec<String>>,
}

/// The discovery document in `map`, when it is one (it has an issuer and an endpoint).
pub fn from_json(map: &Mapping) -> Option<Discovery> {
    let discovery = Discovery {
        issuer: json::text(map, "issuer"),
        authorization_endpoint: json::text(map, "authorization_endpoint"),
        token_endpoint: json::text(map, "token_endpoint"),
        userinfo_endpoint: json::text(map, "userinfo_endpoint"),
        jwks_uri: json::text(map, "jwks_uri"),
        scopes_supported: json::list(map, "scopes_supported"),
        claims_supported: json::list(map, "claims_supported"),
        code_challenge_methods_supported: json::list(map, "code_challenge_methods_supported"),
        id_token_signing_alg_values_supported: json::list(map, "id_token_signing_alg_values_supported"),
        grant_types_supported: json::list(map, "grant_types_supported"),
    };
    (discovery.issuer.is_some() && (discovery.authorization_endpoint.is_some() || discovery.jwks_uri.is_some()))
        .then_some(discovery)
}

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

/// One comparison of the document with the inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub verdict: Verdict,
    pub detail: String,
    /// The cause a failed check points to.
    pub cause: Option<Cause>,
}

/// The algorithms go-oidc, in Headscale, accepts for ID tokens.
const ASYMMETRIC: [&str; 10] =
    ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"];

fn check(name: &'static str, verdict: Verdict, detail: String, cause: Option<Cause>) -> Check {
    Check { name, verdict, detail, cause: if verdict == Verdict::Pass { None } else { cause } }
}

fn endpoint(name: &'static str, announced: &Option<String>, expected: String) -> Check {
    match announced {
        None => check(
            name,
            Verdict::Warn,
            format!("The document names no {name}; the playground expects {expected}."),
            None,
        ),
        Some(value) if *value == expected => check(name, Verdict::Pass, format!("{value}, as expected."), None),
        Some(value) => {
            let why = differences(&expected, value);
            check(
                name,
                Verdict::Fail,
                format!("authentik announces {value}; from the form it would be {expected} ({why})."),
                Some(Cause::ProxyHeaders),
            )
        }
    }
}

fn missing(wanted: &[String], announced: &[String]) -> Vec<String> {
    wanted.iter().filter(|item| !announced.contains(item)).cloned().collect()
}

/// Every check of `discovery` against the inputs, in the order of the document.
pub fn checks(discovery: &Discovery, model: &Model) -> Vec<Check> {
    let base = &model.authentik.normalized;
    let mut out = Vec::new();
    out.push(match &discovery.issuer {
        Some(issuer) if *issuer == model.issuer => {
            check("issuer", Verdict::Pass, format!("{issuer}, exactly the issuer the Headscale configuration here names."), None)
        }
        Some(issuer) => check(
            "issuer",
            Verdict::Fail,
            format!(
                "authentik announces {issuer}; the Headscale configuration here names {} ({}). Headscale compares them character by character.",
                model.issuer,
                differences(&model.issuer, issuer)
            ),
            Some(Cause::IssuerMismatch),
        ),
        None => check("issuer", Verdict::Fail, "The document has no issuer.".to_string(), Some(Cause::SlugOrProvider)),
    });
    out.push(endpoint(
        "authorization_endpoint",
        &discovery.authorization_endpoint,
        urls::shared_endpoint(base, "authorize"),
    ));
    out.push(endpoint("token_endpoint", &discovery.token_endpoint, urls::shared_endpoint(base, "token")));
    out.push(endpoint("userinfo_endpoint", &discovery.userinfo_endpoint, urls::shared_endpoint(base, "userinfo")));
    out.push(endpoint("jwks_uri", &discovery.jwks_uri, format!("{}jwks/", model.issuer)));
    let list = |value: &Option<Vec<String>>| value.clone().unwrap_or_default();
    let scopes = list(&discovery.scopes_supported);
    let absent = missing(&model.scopes, &scopes);
    out.push(if absent.is_empty() {
        check(
            "scopes_supported",
            Verdict::Pass,
            format!("Every scope requested ({}) is mapped.", model.scopes.join(" ")),
            None,
        )
    } else {
        check(
            "scopes_supported",
            Verdict::Fail,
            format!("authentik maps no {}: it drops what the provider has no scope mapping for.", absent.join(", ")),
            Some(if absent.iter().any(|scope| scope == "openid") { Cause::ScopeOpenid } else { Cause::ScopeNotMapped }),
        )
    });
    let mut wanted: Vec<String> = vec!["sub".into()];
    if !model.allowed_users.is_empty() || !model.allowed_domains.is_empty() {
        wanted.extend(["email".to_string(), "email_verified".to_string()]);
    }
    if !model.allowed_groups.is_empty() {
        wanted.push("groups".into());
    }
    let claims = list(&discovery.claims_supported);
    let absent = missing(&wanted, &claims);
    out.push(if discovery.claims_supported.is_none() {
        check("claims_supported", Verdict::Warn, "The document lists no claims.".to_string(), None)
    } else if absent.is_empty() {
        check(
            "claims_supported",
            Verdict::Pass,
            format!("It announces every claim the allowed lists need ({}).", wanted.join(", ")),
            None,
        )
    } else {
        check(
            "claims_supported",
            Verdict::Warn,
            format!("It does not announce {}, which the allowed lists here compare.", absent.join(", ")),
            Some(if absent.iter().any(|claim| claim == "groups") { Cause::GroupsMissing } else { Cause::NoEmail }),
        )
    });
    let pkce = model.pkce.enabled && model.headscale_version.reads(Key::PkceEnabled);
    let methods = list(&discovery.code_challenge_methods_supported);
    out.push(if !pkce {
        check(
            "code_challenge_methods_supported",
            Verdict::Pass,
            format!("PKCE is off here; authentik offers {}.", methods.join(", ")),
            None,
        )
    } else if methods.contains(&model.pkce.method) {
        check("code_challenge_methods_supported", Verdict::Pass, format!("{} is offered.", model.pkce.method), None)
    } else {
        check(
            "code_challenge_methods_supported",
            Verdict::Fail,
            format!("The PKCE method here, {}, is not among {}.", model.pkce.method, methods.join(", ")),
            Some(Cause::PkceMismatch),
        )
    });
    let algorithms = list(&discovery.id_token_signing_alg_values_supported);
    let usable: Vec<&String> = algorithms.iter().filter(|alg| ASYMMETRIC.contains(&alg.as_str())).collect();
    out.push(if !usable.is_empty() {
        check(
            "id_token_signing_alg_values_supported",
            Verdict::Pass,
            format!(
                "Tokens are signed with {}, which Headscale verifies with authentik's keys.",
                usable.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", ")
            ),
            None,
        )
    } else {
        check(
            "id_token_signing_alg_values_supported",
            Verdict::Fail,
            format!(
                "Only {} : the provider has no Signing Key and signs with the client secret, which Headscale refuses.",
                if algorithms.is_empty() { "nothing".to_string() } else { algorithms.join(", ") }
            ),
            Some(Cause::NoSigningKey),
        )
    });
    let grants = list(&discovery.grant_types_supported);
    out.push(if grants.iter().any(|grant| grant == "authorization_code") {
        check("grant_types_supported", Verdict::Pass, "authorization_code is supported.".to_string(), None)
    } else {
        check(
            "grant_types_supported",
            Verdict::Fail,
            format!(
                "authorization_code is not among {}: every login is refused.",
                if grants.is_empty() { "nothing".to_string() } else { grants.join(", ") }
            ),
            Some(Cause::GrantTypes),
        )
    });
    out
}
