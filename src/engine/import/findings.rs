//! The problems of an imported configuration, each with its place in the text.

use crate::engine::catalogue::{Check, Diagnostic, Severity, Subject};
use crate::engine::diagnose::diagnose;
use crate::engine::fields::{Field, FIELDS};
use crate::engine::headscale::checks::lint;
use crate::engine::headscale::read::{self, ProblemKind, Read};
use crate::engine::headscale::settings::Settings;
use crate::engine::import::positions::{Position, Positions};
use crate::engine::import::Finding;
use crate::engine::import::Pasted;
use crate::engine::inputs::Inputs;
use crate::engine::limits::Refusal;
use crate::engine::model::Model;
use crate::engine::rules;
use crate::engine::urls::split_issuer;
use crate::engine::versions::keys::{Key, Setting, ValueRef, KEYS, LOGIN_SECTION};

/// Whether a problem of the reading is listed: quoted "true" and "false" read correctly, so
/// only other text for a boolean is one.
pub(super) fn listed(problem: &read::Problem) -> bool {
    !matches!(&problem.kind, ProblemKind::StringForBool { text, .. } if text == "true" || text == "false")
}

/// Where a finding goes in the list: in the order of the text, the worse first on one place;
/// findings without a place come last.
pub(super) fn order(position: Option<Position>, diagnostic: &Diagnostic) -> ((usize, usize), Severity) {
    (position.map_or((usize::MAX, 0), |p| (p.line, p.column)), diagnostic.severity())
}

/// Where a problem of the reading is: its own place, or its path's.
pub(super) fn place(problem: &read::Problem, positions: &Positions) -> Option<Position> {
    match problem.at {
        Some((line, column)) => Some(Position { line, column }),
        None => positions.find(&problem.path),
    }
}

pub(super) fn read_problem(problem: &read::Problem) -> Diagnostic {
    let path = &problem.path;
    match &problem.kind {
        ProblemKind::UnknownKey { suggestion: Some(suggestion) } => {
            Diagnostic::phrase(Check::UnknownKey, format!("“{path}” (did you mean {suggestion}?)"))
        }
        ProblemKind::UnknownKey { suggestion: None } => Diagnostic::value(Check::UnknownKey, path),
        ProblemKind::NotAString { read_as } => {
            Diagnostic::phrase(Check::NotAString, format!("{path} (read as “{read_as}”)"))
        }
        ProblemKind::StringForBool { text, .. }
            if ["yes", "no", "on", "off", "y", "n"].contains(&text.to_ascii_lowercase().as_str()) =>
        {
            Diagnostic::phrase(Check::YesNoString, format!("{path}: {text}"))
        }
        ProblemKind::StringForBool { text, read_as } => {
            Diagnostic::phrases(Check::StringForBool, [format!("{path}: “{text}”"), read_as.to_string()])
        }
        ProblemKind::ScalarForList { items } => {
            Diagnostic::phrase(Check::ScalarForList, format!("{path} (read as {})", items.join(", ")))
        }
        ProblemKind::WrongType { expected } => {
            Diagnostic::phrase(Check::WrongType, format!("{path} (Headscale expects {expected})"))
        }
        ProblemKind::Empty => Diagnostic::phrase(Check::EmptyValue, path.clone()),
        ProblemKind::Control { character } => Diagnostic::phrase(
            Check::ValueRefused,
            format!("{path}: {}", Refusal::Control { character: *character, line: None }),
        ),
        ProblemKind::Refused { reason } => Diagnostic::phrase(Check::ImportRefused, format!("{path} is {reason}")),
        ProblemKind::Duplicate { kept } => {
            Diagnostic::phrases(Check::DuplicateKey, [format!("“{path}”"), format!("“{kept}”")])
        }
        ProblemKind::LaterDocuments => Diagnostic::new(Check::LaterDocuments),
    }
}

pub fn findings(read: &Read, source: Pasted, inputs: &Inputs, positions: &Positions) -> Vec<Finding> {
    let mut placed: Vec<Finding> = read
        .problems
        .iter()
        .filter(|problem| listed(problem))
        .map(|problem| Finding { position: place(problem, positions), diagnostic: read_problem(problem) })
        .collect();
    let mut found: Vec<(Option<String>, Diagnostic)> = Vec::new();
    let version = inputs.headscale_version;
    for diagnostic in lint(&read.settings, version) {
        let path = match diagnostic.check {
            Check::SecretBoth => Some(Key::ClientSecretPath.path().to_string()),
            Check::IssuerTrailingSlash => Some(Key::Issuer.path().to_string()),
            _ => match &diagnostic.subject {
                Some(Subject::Phrase(path)) => Some(path.clone()),
                _ => None,
            },
        };
        found.push((path, diagnostic));
    }
    match &read.settings.issuer {
        Some(issuer) if split_issuer(issuer).is_none() => {
            found.push((Some(Key::Issuer.path().into()), Diagnostic::value(Check::IssuerNotAuthentik, issuer)));
        }
        None if source != Pasted::Environment => {
            found.push((Some(LOGIN_SECTION.into()), Diagnostic::new(Check::OidcMissing)))
        }
        _ => {}
    }
    let settings = &read.settings;
    found.extend(placeholders(read));
    // The live checks, for the fields the import filled in.
    let diagnostics = diagnose(inputs, &Model::new(inputs));
    // Placeholders are reported where the import found them, above.
    for diagnostic in diagnostics.into_iter().filter(|d| d.check != Check::Placeholder) {
        let places = match diagnostic.check {
            // About the allowed users and domains as much as about email_verified_required.
            Check::EmailVerified => &[
                Setting::Key(Key::EmailVerifiedRequired),
                Setting::Key(Key::AllowedUsers),
                Setting::Key(Key::AllowedDomains),
            ][..],
            _ => diagnostic.field().info().headscale,
        };
        // The earliest of the places the check is about.
        let present = places.iter().map(|place| place.path()).filter(|p| read.present.iter().any(|seen| seen == p));
        let Some(path) = present.min_by_key(|p| positions.find(p).map_or(usize::MAX, |position| position.line)) else {
            continue;
        };
        found.push((Some(item_path(path, &diagnostic, settings)), diagnostic));
    }
    placed.extend(
        found
            .into_iter()
            .map(|(path, diagnostic)| Finding { position: path.and_then(|p| positions.find(&p)), diagnostic }),
    );
    placed.sort_by_key(|f| order(f.position, &f.diagnostic));
    placed
}

/// Placeholders from a guide or an example, each at its key or list item, for every setting that
/// is the first of a field whose kind takes them (single values first, then list items); the
/// form keeps its own value for them.
fn placeholders(read: &Read) -> Vec<(Option<String>, Diagnostic)> {
    let mut owners: Vec<(Setting, Field)> = Vec::new();
    for info in FIELDS.iter().filter(|info| info.kind.takes_placeholders()) {
        if let Some(&setting) = info.headscale.first() {
            if !owners.iter().any(|(owned, _)| *owned == setting) {
                owners.push((setting, info.field));
            }
        }
    }
    let value = |setting: Setting| match setting {
        Setting::ServerUrl => read.server_url.as_deref().map(ValueRef::Text),
        setting => setting.key().and_then(|key| read.settings.value(key)),
    };
    let single = owners.iter().filter_map(|&(setting, field)| match value(setting) {
        Some(ValueRef::Text(text)) => Some((setting.path().to_string(), field, text)),
        _ => None,
    });
    let items = owners.iter().flat_map(|&(setting, field)| {
        let items = match value(setting) {
            Some(ValueRef::List(items)) => items,
            _ => &[],
        };
        items
            .iter()
            .enumerate()
            .map(move |(index, item)| (format!("{}[{index}]", setting.path()), field, item.as_str()))
    });
    single
        .chain(items)
        .filter(|(_, _, value)| rules::is_placeholder(value))
        .map(|(path, field, value)| {
            let subject = format!("“{value}” (left out of the form)");
            (Some(path), Diagnostic::phrase(Check::Placeholder, subject).at(field))
        })
        .collect()
}

/// The path of the list item a diagnostic is about, when its subject is one of the items.
fn item_path(path: &str, diagnostic: &Diagnostic, settings: &Settings) -> String {
    let Some(Subject::Value(value)) = &diagnostic.subject else { return path.to_string() };
    let key = KEYS.iter().find(|rule| rule.path == path).map(|rule| rule.key);
    let Some(ValueRef::List(items)) = key.and_then(|key| settings.value(key)) else { return path.to_string() };
    match items.iter().position(|item| item.trim() == value) {
        Some(index) => format!("{path}[{index}]"),
        None => path.to_string(),
    }
}
