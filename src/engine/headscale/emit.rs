//! The Headscale `oidc:` section, written for people.

use crate::engine::model::Model;
use crate::engine::yaml::YamlWriter;

/// The `oidc:` section for Headscale's config.yaml.
pub fn yaml(model: &Model) -> String {
    let mut w = YamlWriter::new();
    w.comment(0, "OpenID Connect login through authentik. Paste under the top level of config.yaml;");
    w.comment(0, &format!("server_url in the same file must be {} exactly.", model.headscale.normalized));
    w.section(0, "oidc");
    w.comment(1, "authentik's issuer for this application; the trailing slash is part of it.");
    w.string(1, "issuer", &model.issuer);
    w.string(1, "client_id", &model.client_id);
    w.string(1, "client_secret", &model.client_secret);
    if !model.scopes.is_empty() {
        w.list(1, "scope", &model.scopes);
    }
    if !model.allowed_domains.is_empty() {
        w.comment(1, "Only emails in these domains may log in.");
        w.list(1, "allowed_domains", &model.allowed_domains);
    }
    if !model.allowed_users.is_empty() {
        w.comment(1, "Only these emails may log in.");
        w.list(1, "allowed_users", &model.allowed_users);
    }
    if !model.allowed_groups.is_empty() {
        w.comment(1, "Only members of one of these authentik groups may log in (exact names).");
        w.list(1, "allowed_groups", &model.allowed_groups);
    }
    w.section(1, "pkce");
    w.boolean(2, "enabled", model.pkce.enabled);
    if model.pkce.enabled {
        w.string(2, "method", &model.pkce.method);
    }
    w.finish()
}
