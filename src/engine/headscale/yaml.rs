//! Headscale's `oidc:` section (and `node:` from 0.29), written for people: every key that has a
//! value, in the key table's order, with the comment its row gives it; the keys of a section
//! inside `oidc:` (`pkce:`) after the section's own keys, and a key outside `oidc:` introduced
//! as one to merge into a section config.yaml already has.

use crate::engine::headscale::settings::Settings;
use crate::engine::headscale::Plan;
use crate::engine::inputs::SecretDelivery;
use crate::engine::versions::keys::{Key, ValueRef, KEYS, LOGIN_SECTION};
use crate::engine::yaml::YamlWriter;

/// The YAML to paste into Headscale's config.yaml for the settings that belong in the file.
pub fn emit(plan: &Plan, file: &Settings) -> String {
    let version = plan.version.label();
    let mut w = YamlWriter::new();
    w.comment(0, &format!("Headscale {version}: login through authentik. Paste at the top level of config.yaml;"));
    w.comment(0, &format!("server_url in the same file must be {} exactly.", plan.server_url));
    w.section(0, LOGIN_SECTION);
    for key in keys_in(LOGIN_SECTION) {
        write(&mut w, 1, key, file, version);
        if key == Key::ClientSecretPath && plan.delivery == SecretDelivery::Environment {
            w.comment(1, "The client secret comes from HEADSCALE_OIDC_CLIENT_SECRET in Headscale's environment.");
        }
    }
    let within = |section: &'static str| section.strip_prefix(LOGIN_SECTION)?.strip_prefix('.');
    for section in sections(within) {
        let keys: Vec<Key> =
            keys_in(&format!("{LOGIN_SECTION}.{section}")).filter(|&key| file.value(key).is_some()).collect();
        if !keys.is_empty() {
            w.section(1, section);
            keys.into_iter().for_each(|key| write(&mut w, 2, key, file, version));
        }
    }
    for section in sections(|section| (section != LOGIN_SECTION && within(section).is_none()).then_some(section)) {
        for key in keys_in(section).filter(|&key| file.value(key).is_some()) {
            w.blank();
            note(&mut w, 0, key, version);
            w.section(0, section);
            value(&mut w, 1, key, file);
        }
    }
    w.finish()
}

/// The keys directly in `section`, in the table's order.
fn keys_in(section: &str) -> impl Iterator<Item = Key> + '_ {
    KEYS.iter().map(|rule| rule.key).filter(move |key| key.section() == section)
}

/// The sections `name` picks from the table, in the order of their first key.
fn sections(name: impl Fn(&'static str) -> Option<&'static str>) -> Vec<&'static str> {
    let mut found: Vec<&str> = Vec::new();
    for section in KEYS.iter().filter_map(|rule| name(rule.key.section())) {
        if !found.contains(&section) {
            found.push(section);
        }
    }
    found
}

fn note(w: &mut YamlWriter, level: usize, key: Key, version: &str) {
    for line in key.rule().note.into_iter().flat_map(str::lines) {
        w.comment(level, &line.replace("{version}", version));
    }
}

/// One key with its comment, if it has a value.
fn write(w: &mut YamlWriter, level: usize, key: Key, file: &Settings, version: &str) {
    if file.value(key).is_some() {
        note(w, level, key, version);
    }
    value(w, level, key, file);
}

/// One key's value, if it has one, by its kind.
fn value(w: &mut YamlWriter, level: usize, key: Key, file: &Settings) {
    let name = key.name();
    match file.value(key) {
        None => {}
        Some(ValueRef::Text(text)) => w.string(level, name, text),
        Some(ValueRef::Flag(flag)) => w.boolean(level, name, flag),
        Some(ValueRef::List(items)) => w.list(level, name, items),
        Some(ValueRef::Map(pairs)) => {
            w.section(level, name);
            for (key, value) in pairs {
                w.string(level + 1, key, value);
            }
        }
    }
}
