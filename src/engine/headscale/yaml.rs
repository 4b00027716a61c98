//! Headscale's `oidc:` section (and `node:` from 0.29), written for people.

use crate::engine::headscale::settings::Settings;
use crate::engine::headscale::Plan;
use crate::engine::inputs::SecretDelivery;
use crate::engine::yaml::YamlWriter;

/// The YAML to paste into Headscale's config.yaml for the settings that belong in the file.
pub fn emit(plan: &Plan, file: &Settings) -> String {
    let version = plan.version.label();
    let mut w = YamlWriter::new();
    w.comment(0, &format!("Headscale {version}: login through authentik. Paste at the top level of config.yaml;"));
    w.comment(0, &format!("server_url in the same file must be {} exactly.", plan.server_url));
    w.section(0, "oidc");
    if let Some(only_start) = file.only_start_if_oidc_is_available {
        w.comment(1, "Refuse to start while authentik cannot be reached.");
        w.boolean(1, "only_start_if_oidc_is_available", only_start);
    }
    if let Some(issuer) = &file.issuer {
        w.comment(1, "authentik's issuer for this application; the trailing slash is part of it.");
        w.string(1, "issuer", issuer);
    }
    if let Some(client_id) = &file.client_id {
        w.string(1, "client_id", client_id);
    }
    if let Some(secret) = &file.client_secret {
        w.string(1, "client_secret", secret);
    }
    if let Some(path) = &file.client_secret_path {
        w.comment(1, "The secret is read from this file at startup; ${VARIABLES} are expanded.");
        w.string(1, "client_secret_path", path);
    }
    if plan.delivery == SecretDelivery::Environment {
        w.comment(1, "The client secret comes from HEADSCALE_OIDC_CLIENT_SECRET in Headscale's environment.");
    }
    if let Some(expiry) = &file.expiry {
        w.comment(1, "How long a node logged in through authentik stays valid (0: for ever).");
        w.string(1, "expiry", expiry);
    }
    if let Some(from_token) = file.use_expiry_from_token {
        w.boolean(1, "use_expiry_from_token", from_token);
    }
    if let Some(scope) = &file.scope {
        w.list(1, "scope", scope);
    }
    if let Some(params) = &file.extra_params {
        w.comment(1, "Added to the login request sent to authentik.");
        w.section(1, "extra_params");
        for (key, value) in params {
            w.string(2, key, value);
        }
    }
    if let Some(domains) = &file.allowed_domains {
        w.comment(1, "Only emails in these domains may log in.");
        w.list(1, "allowed_domains", domains);
    }
    if let Some(users) = &file.allowed_users {
        w.comment(1, "Only these emails may log in.");
        w.list(1, "allowed_users", users);
    }
    if let Some(groups) = &file.allowed_groups {
        w.comment(1, "Only members of one of these authentik groups may log in (exact names).");
        w.list(1, "allowed_groups", groups);
    }
    if let Some(required) = file.email_verified_required {
        w.comment(1, "Allowed users and domains only accept emails authentik marks as verified.");
        w.boolean(1, "email_verified_required", required);
    }
    if file.pkce_enabled.is_some() || file.pkce_method.is_some() {
        w.section(1, "pkce");
        if let Some(enabled) = file.pkce_enabled {
            w.boolean(2, "enabled", enabled);
        }
        if let Some(method) = &file.pkce_method {
            w.string(2, "method", method);
        }
    }
    if let Some(expiry) = &file.node_expiry {
        w.blank();
        w.comment(0, &format!("Headscale {version} reads the node expiry here: merge it into the node: section"));
        w.comment(0, "config.yaml already has. 0 means nodes never expire.");
        w.section(0, "node");
        w.string(1, "expiry", expiry);
    }
    w.finish()
}
