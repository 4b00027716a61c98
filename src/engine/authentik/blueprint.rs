//! An authentik blueprint that creates the provider, the application and the group bindings.
//!
//! The document is built as a YAML value first, written out for people, and parsed back
//! (custom tags included) before it is shown.

use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Value};

use crate::engine::authentik::plan::{
    Plan, ScopeMapping, AUTHORIZATION_FLOW, SIGNING_KEY, VERIFIED_EMAIL_EXPRESSION, VERIFIED_EMAIL_MAPPING,
};
use crate::engine::versions::authentik::RedirectUris;
use crate::engine::yaml::YamlWriter;
use crate::engine::OutputError;

pub const PROVIDER_MODEL: &str = "authentik_providers_oauth2.oauth2provider";
pub const APPLICATION_MODEL: &str = "authentik_core.application";
pub const GROUP_MODEL: &str = "authentik_core.group";
pub const BINDING_MODEL: &str = "authentik_policies.policybinding";
pub const SCOPE_MAPPING_MODEL: &str = "authentik_providers_oauth2.scopemapping";

const PROVIDER_ID: &str = "headscale-provider";
const APPLICATION_ID: &str = "headscale-application";
const EMAIL_MAPPING_ID: &str = "headscale-email-mapping";

/// The blueprint as a value, with a comment for each entry.
pub struct Blueprint {
    schema_url: String,
    header: Vec<String>,
    top: Mapping,
    entries: Vec<(String, Value)>,
}

fn text(value: &str) -> Value {
    Value::String(value.to_string())
}

fn map<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Mapping(pairs.into_iter().map(|(key, value)| (text(key), value)).collect())
}

fn tagged(tag: &str, value: Value) -> Value {
    Value::Tagged(Box::new(TaggedValue { tag: Tag::new(tag), value }))
}

/// `!Find [model, [field, value]]`: the primary key of the first object that matches.
fn find(model: &str, field: &str, value: &str) -> Value {
    tagged("Find", Value::Sequence(vec![text(model), Value::Sequence(vec![text(field), text(value)])]))
}

/// `!KeyOf id`: the primary key of an object made by an earlier entry.
fn key_of(id: &str) -> Value {
    tagged("KeyOf", text(id))
}

impl Blueprint {
    pub fn new(plan: &Plan) -> Blueprint {
        let release = plan.release;
        let mut header = vec![
            format!("authentik {} blueprint: an OAuth2/OpenID provider and an application for Headscale.", release.key),
            "Apply it in one of two ways:".into(),
            "- mount it under /blueprints on the authentik worker (for example ./blueprints:/blueprints/custom);"
                .into(),
            "  authentik applies it at once, whenever it changes, and every hour;".into(),
        ];
        // The admin interface's Import button for blueprints arrived in 2026.5.
        if release.blueprint_import {
            header.push("- or import it once in the admin interface: Customization → Blueprints → Import.".into());
        } else {
            header.push("- or paste it in the admin interface: Customization → Blueprints → Create, with this".into());
            header
                .push("  text as its internal content (or upload it under Flows and Stages → Flows → Import).".into());
        }
        header.push("It contains the client secret: keep the file private.".into());
        let top: Mapping = [
            (text("version"), Value::Number(1.into())),
            (
                text("metadata"),
                map([
                    ("name", text(&format!("{} single sign-on", plan.application_name))),
                    (
                        "labels",
                        map([("blueprints.goauthentik.io/description", text("Headscale login through authentik"))]),
                    ),
                ]),
            ),
        ]
        .into_iter()
        .collect();
        let mut entries = Vec::new();
        if plan.uses_verified_email() {
            entries.push((
                "Sends email_verified: true, replacing authentik's email mapping on this provider.".to_string(),
                map([
                    ("model", text(SCOPE_MAPPING_MODEL)),
                    ("id", text(EMAIL_MAPPING_ID)),
                    ("identifiers", map([("name", text(VERIFIED_EMAIL_MAPPING))])),
                    (
                        "attrs",
                        map([
                            ("scope_name", text("email")),
                            ("description", text("Email address, marked as verified")),
                            ("expression", text(VERIFIED_EMAIL_EXPRESSION)),
                        ]),
                    ),
                ]),
            ));
        }
        entries.push(("The OAuth2/OpenID provider Headscale talks to.".to_string(), provider(plan)));
        entries.push((
            "The application users see; its slug is part of the issuer.".to_string(),
            map([
                ("model", text(APPLICATION_MODEL)),
                ("id", text(APPLICATION_ID)),
                ("identifiers", map([("slug", text(&plan.slug))])),
                (
                    "attrs",
                    map([
                        ("name", text(&plan.application_name)),
                        ("provider", key_of(PROVIDER_ID)),
                        ("policy_engine_mode", text("any")),
                    ]),
                ),
            ]),
        ));
        for (index, group) in plan.groups.iter().enumerate() {
            let id = format!("headscale-group-{}", index + 1);
            entries.push((
                "An allowed group; created if it does not exist yet.".to_string(),
                map([("model", text(GROUP_MODEL)), ("id", text(&id)), ("identifiers", map([("name", text(group))]))]),
            ));
            entries.push((
                "Only members of the bound groups may use the application.".to_string(),
                map([
                    ("model", text(BINDING_MODEL)),
                    ("identifiers", map([("target", key_of(APPLICATION_ID)), ("order", Value::Number(index.into()))])),
                    ("attrs", map([("group", key_of(&id)), ("enabled", Value::Bool(true))])),
                ]),
            ));
        }
        Blueprint { schema_url: release.version.schema_url(), header, top, entries }
    }

    /// Whether a parsed document is exactly this blueprint (compared in place, not copied:
    /// blueprints with thousands of bindings exist).
    pub fn matches(&self, parsed: &Value) -> bool {
        let Some(map) = parsed.as_mapping() else { return false };
        let entries = map.get("entries").and_then(Value::as_sequence);
        map.len() == self.top.len() + 1
            && self.top.iter().all(|(key, value)| map.get(key) == Some(value))
            && entries.is_some_and(|items| {
                items.len() == self.entries.len()
                    && items.iter().zip(&self.entries).all(|(item, (_, entry))| item == entry)
            })
    }

    /// The blueprint written for people.
    pub fn text(&self) -> String {
        let mut w = YamlWriter::new();
        // The schema of the selected release: the newest one calls older redirect URI forms wrong.
        w.comment(0, &format!("yaml-language-server: $schema={}", self.schema_url));
        for line in &self.header {
            w.comment(0, line);
        }
        w.mapping(0, &self.top);
        w.section(0, "entries");
        for (comment, entry) in &self.entries {
            w.comment(1, comment);
            w.item(1, entry);
        }
        w.finish()
    }

    /// The text, once it has been parsed back into exactly the document.
    pub fn verified(&self) -> Result<String, OutputError> {
        let text = self.text();
        let parsed: Value = serde_yaml::from_str(&text).map_err(|error| OutputError::Unparsable(error.to_string()))?;
        if !self.matches(&parsed) {
            return Err(OutputError::Mismatch);
        }
        Ok(text)
    }
}

fn provider(plan: &Plan) -> Value {
    let release = plan.release;
    let mut attrs = Mapping::new();
    let mut set = |key: &str, value: Value| {
        attrs.insert(text(key), value);
    };
    set("client_type", text("confidential"));
    set("client_id", text(&plan.client_id));
    set("client_secret", text(&plan.client_secret));
    set("authorization_flow", find("authentik_flows.flow", "slug", AUTHORIZATION_FLOW));
    if let Some(flow) = plan.invalidation_flow {
        set("invalidation_flow", find("authentik_flows.flow", "slug", flow));
    }
    set("signing_key", find("authentik_crypto.certificatekeypair", "name", SIGNING_KEY));
    let mappings = plan
        .scope_mappings
        .iter()
        .map(|mapping| match mapping {
            ScopeMapping::Managed(managed) => find(SCOPE_MAPPING_MODEL, "managed", managed),
            ScopeMapping::VerifiedEmail => key_of(EMAIL_MAPPING_ID),
        })
        .collect();
    set("property_mappings", Value::Sequence(mappings));
    let redirect = match release.redirect_uris {
        RedirectUris::Regex => text(&plan.redirect.regex()),
        RedirectUris::Strict => {
            Value::Sequence(vec![map([("matching_mode", text("strict")), ("url", text(&plan.redirect.url))])])
        }
        RedirectUris::StrictTyped => Value::Sequence(vec![map([
            ("matching_mode", text("strict")),
            ("url", text(&plan.redirect.url)),
            ("redirect_uri_type", text("authorization")),
        ])]),
    };
    set("redirect_uris", redirect);
    if let Some(grants) = plan.grant_types {
        set("grant_types", Value::Sequence(grants.iter().map(|grant| text(grant)).collect()));
    }
    set("sub_mode", text("hashed_user_id"));
    set("issuer_mode", text("per_provider"));
    set("include_claims_in_id_token", Value::Bool(true));
    map([
        ("model", text(PROVIDER_MODEL)),
        ("id", text(PROVIDER_ID)),
        ("identifiers", map([("name", text(&plan.provider_name))])),
        ("attrs", Value::Mapping(attrs)),
    ])
}
