//! The same provider and application as Terraform for the goauthentik/authentik provider.

use std::collections::HashSet;
use std::fmt::Write;

use crate::engine::authentik::plan::{
    Plan, ScopeMapping, AUTHORIZATION_FLOW, SIGNING_KEY, VERIFIED_EMAIL_EXPRESSION, VERIFIED_EMAIL_MAPPING,
};
use crate::engine::versions::authentik::RedirectUris;

/// An HCL string literal: quotes, backslashes and control characters escaped, and `${` / `%{`
/// doubled so Terraform never reads a template.
pub fn string(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String], level: usize) -> String {
    let pad = "  ".repeat(level + 1);
    let mut out = String::from("[\n");
    for item in items {
        let _ = writeln!(out, "{pad}{item},");
    }
    out.push_str(&"  ".repeat(level));
    out.push(']');
    out
}

/// A block whose single-line attributes are aligned on `=`, the way `terraform fmt` does.
fn block(out: &mut String, header: &str, attrs: &[(&str, String)]) {
    let _ = writeln!(out, "{header} {{");
    let mut start = 0;
    while start < attrs.len() {
        let mut end = start;
        while end < attrs.len() && !attrs[end].1.contains('\n') {
            end += 1;
        }
        let width = attrs[start..end].iter().map(|(key, _)| key.len()).max().unwrap_or(0);
        for (key, value) in &attrs[start..end] {
            let _ = writeln!(out, "  {key:width$} = {value}");
        }
        if end < attrs.len() {
            let (key, value) = &attrs[end];
            let _ = writeln!(out, "  {key} = {value}");
            end += 1;
        }
        start = end;
    }
    out.push_str("}\n\n");
}

/// A Terraform identifier for a group name, unique among `taken`.
fn identifier(name: &str, taken: &mut HashSet<String>) -> String {
    let mut base: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
        .collect::<String>()
        .trim_matches('_')
        .to_string();
    if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
        base = format!("group_{base}");
    }
    let mut candidate = base.clone();
    let mut counter = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}_{counter}");
        counter += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// The variable the client secret is passed in as, unless it is written into the file.
pub(crate) const SECRET_VARIABLE: &str = "headscale_client_secret";

/// The Terraform configuration for the plan; with `inline_secret` the client secret is written
/// into the file instead of being read from a sensitive variable.
pub fn emit(plan: &Plan, inline_secret: bool) -> String {
    let mut out = String::new();
    preamble(&mut out, plan, inline_secret);
    let mappings = lookups(&mut out, plan);
    provider(&mut out, plan, inline_secret, mappings);
    application(&mut out, plan);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// What the file is for and what it needs: the comments, the provider's version constraint
/// and, when the secret is not inline, its variable.
fn preamble(out: &mut String, plan: &Plan, inline_secret: bool) {
    let release = plan.release;
    let provider = release.terraform;
    let _ = writeln!(
        out,
        "# authentik {}: an OAuth2/OpenID provider and an application for Headscale, for the",
        release.key
    );
    let _ = writeln!(out, "# goauthentik/authentik Terraform provider (written for its release {}).", provider.release);
    if provider.unknown_invalidation_flow {
        let _ = writeln!(
            out,
            "# authentik {} has no invalidation flow: it ignores the one this provider release requires (any\n\
             # flow will do) and answers without one, so the lifecycle block keeps every plan from setting it again.",
            release.key
        );
    }
    if inline_secret {
        out.push_str("# The client secret is in this file: keep it private.\n\n");
    } else {
        let _ = writeln!(
            out,
            "# The client secret is not in this file: pass it in as TF_VAR_{SECRET_VARIABLE}, or in a .tfvars\n\
             # file kept out of version control; its value is in the authentik settings.\n"
        );
    }
    let _ = write!(
        out,
        "terraform {{\n  required_providers {{\n    authentik = {{\n      source  = \"goauthentik/authentik\"\n      \
         version = {}\n    }}\n  }}\n}}\n\n",
        string(provider.constraint)
    );
    if !inline_secret {
        block(
            out,
            &format!("variable \"{SECRET_VARIABLE}\""),
            &[
                ("description", string("Client secret of the Headscale provider in authentik")),
                ("type", "string".into()),
                ("sensitive", "true".into()),
            ],
        );
    }
}

/// The objects authentik already has (flows, the signing key, its scope mappings) and the
/// verified-email mapping where the plan adds it; returns the expression of the provider's
/// property mappings.
fn lookups(out: &mut String, plan: &Plan) -> String {
    block(out, "data \"authentik_flow\" \"authorization\"", &[("slug", string(AUTHORIZATION_FLOW))]);
    if let Some(flow) = plan.invalidation_flow {
        block(out, "data \"authentik_flow\" \"invalidation\"", &[("slug", string(flow))]);
    }
    block(
        out,
        "data \"authentik_certificate_key_pair\" \"signing\"",
        &[("name", string(SIGNING_KEY)), ("fetch_certificate", "false".into()), ("fetch_key", "false".into())],
    );
    let managed: Vec<String> = plan
        .scope_mappings
        .iter()
        .filter_map(|mapping| match mapping {
            ScopeMapping::Managed(managed) => Some(string(managed)),
            ScopeMapping::VerifiedEmail => None,
        })
        .collect();
    block(out, "data \"authentik_property_mapping_provider_scope\" \"oidc\"", &[("managed_list", list(&managed, 1))]);
    let mappings = "data.authentik_property_mapping_provider_scope.oidc.ids".to_string();
    if !plan.uses_verified_email() {
        return mappings;
    }
    let expression: String = VERIFIED_EMAIL_EXPRESSION.lines().map(|line| format!("    {line}\n")).collect();
    block(
        out,
        "resource \"authentik_property_mapping_provider_scope\" \"verified_email\"",
        &[
            ("name", string(VERIFIED_EMAIL_MAPPING)),
            ("scope_name", string("email")),
            ("expression", format!("<<-EOT\n{expression}  EOT")),
        ],
    );
    format!("concat({mappings}, [authentik_property_mapping_provider_scope.verified_email.id])")
}

/// The OAuth2 provider, with the arguments the release's provider takes.
fn provider(out: &mut String, plan: &Plan, inline_secret: bool, mappings: String) {
    let release = plan.release;
    let mut provider = vec![
        ("name", string(&plan.provider_name)),
        ("client_type", string("confidential")),
        ("client_id", string(&plan.client_id)),
        ("client_secret", if inline_secret { string(&plan.client_secret) } else { format!("var.{SECRET_VARIABLE}") }),
        ("authorization_flow", "data.authentik_flow.authorization.id".to_string()),
    ];
    if plan.invalidation_flow.is_some() {
        provider.push(("invalidation_flow", "data.authentik_flow.invalidation.id".to_string()));
    } else if release.terraform.unknown_invalidation_flow {
        // Required by the provider, ignored by authentik: any flow that exists will do.
        provider.push(("invalidation_flow", "data.authentik_flow.authorization.id".to_string()));
    }
    provider.push(("signing_key", "data.authentik_certificate_key_pair.signing.id".to_string()));
    provider.push(("property_mappings", mappings));
    provider.push(redirect_uris(plan));
    if let Some(grants) = plan.grant_types {
        let grants: Vec<String> = grants.iter().map(|grant| string(grant)).collect();
        provider.push(("grant_types", format!("[{}]", grants.join(", "))));
    }
    provider.push(("sub_mode", string("hashed_user_id")));
    provider.push(("issuer_mode", string("per_provider")));
    block(out, "resource \"authentik_provider_oauth2\" \"headscale\"", &provider);
    if release.terraform.unknown_invalidation_flow {
        // authentik answers without an invalidation flow; without this, every plan sets it again.
        out.truncate(out.len() - "}\n\n".len());
        out.push_str("\n  lifecycle {\n    ignore_changes = [invalidation_flow]\n  }\n}\n\n");
    }
}

/// The redirect URI argument in the release's form: a regular expression, or a strict entry
/// (typed from the releases that type them).
fn redirect_uris(plan: &Plan) -> (&'static str, String) {
    let release = plan.release;
    match release.redirect_uris {
        RedirectUris::Regex => ("redirect_uris", list(&[string(&plan.redirect.regex())], 1)),
        RedirectUris::Strict | RedirectUris::StrictTyped => {
            let mut entry =
                format!("{{\n      matching_mode = \"strict\"\n      url           = {}\n", string(&plan.redirect.url));
            if release.redirect_uris == RedirectUris::StrictTyped {
                entry = format!(
                    "{{\n      matching_mode     = \"strict\"\n      url               = {}\n      redirect_uri_type = \"authorization\"\n",
                    string(&plan.redirect.url)
                );
            }
            entry.push_str("    }");
            ("allowed_redirect_uris", list(&[entry], 1))
        }
    }
}

/// The application, and each allowed group with its binding to it.
fn application(out: &mut String, plan: &Plan) {
    block(
        out,
        "resource \"authentik_application\" \"headscale\"",
        &[
            ("name", string(&plan.application_name)),
            ("slug", string(&plan.slug)),
            ("protocol_provider", "authentik_provider_oauth2.headscale.id".to_string()),
        ],
    );
    let mut taken = HashSet::new();
    for (order, group) in plan.groups.iter().enumerate() {
        let name = identifier(group, &mut taken);
        let _ = writeln!(out, "# Allowed group {}; if it exists already, import it first.", string(group));
        block(out, &format!("resource \"authentik_group\" \"{name}\""), &[("name", string(group))]);
        block(
            out,
            &format!("resource \"authentik_policy_binding\" \"{name}\""),
            &[
                ("target", "authentik_application.headscale.uuid".to_string()),
                ("group", format!("authentik_group.{name}.id")),
                ("order", order.to_string()),
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_control_characters_and_templates() {
        assert_eq!(string("a\u{1}b\u{7f}c\u{85}"), "\"a\\u0001b\\u007Fc\\u0085\"");
        assert_eq!(string("${x} %{y} $z"), "\"$${x} %%{y} $z\"");
        assert_eq!(string("é \"q\" \\"), "\"é \\\"q\\\" \\\\\"");
    }

    #[test]
    fn colliding_group_names_get_numbered_identifiers() {
        let mut taken = HashSet::new();
        let names: Vec<String> =
            ["ops", "Ops", "OPS!", "1st", "---"].iter().map(|n| identifier(n, &mut taken)).collect();
        assert_eq!(names, ["ops", "ops_2", "ops_3", "group_1st", "group_"]);
    }
}
