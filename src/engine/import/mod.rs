//! Importing an existing Headscale configuration: a whole config.yaml, its `oidc:` section,
//! or `HEADSCALE_*` environment variables. The result is the form filled in, what that changes,
//! and every problem with its line.

pub mod env;
pub mod fill;
pub mod positions;

use std::fmt;

use serde_yaml::{Mapping, Value};

use self::fill::{fill, split_issuer, Source};
use self::positions::{Position, Positions};
use super::checks::{Check, Diagnostic};
use super::headscale::checks::lint;
use super::headscale::read::{self, nearest, ProblemKind, Read};
use super::headscale::versions::{Key, KEYS};
use super::inputs::{Field, Inputs};
use super::model::Model;

/// The largest text the import reads.
pub const MAX_BYTES: usize = 1 << 20;
/// Lines beyond this many are not scanned for positions (the size limit bounds it anyway).
const MAX_LINES: usize = 50_000;
/// Deeper nesting than this is refused before parsing: Headscale's settings are three levels
/// deep, and the YAML parser slows down sharply on thousands of open brackets.
pub const MAX_DEPTH: usize = 64;

/// A problem of the imported text, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub position: Option<Position>,
    pub diagnostic: Diagnostic,
}

/// A field the import changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub before: String,
    pub after: String,
}

impl Finding {
    /// "line 12, column 5", or nothing when the place is unknown.
    pub fn place(&self) -> Option<String> {
        self.position.map(|p| format!("line {}, column {}", p.line, p.column))
    }
}

/// What an import found and proposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub source: Source,
    /// The form as it would be after applying.
    pub inputs: Inputs,
    pub changes: Vec<Change>,
    /// In the order of the text; problems without a place come last.
    pub findings: Vec<Finding>,
}

/// Why nothing could be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge { bytes: usize },
    Yaml { message: String, position: Option<Position> },
    TooDeep,
    NothingFound,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("Paste a Headscale config.yaml, its oidc: section or HEADSCALE_ variables."),
            ImportError::TooLarge { bytes } => write!(
                f,
                "The text is {} KiB; the import reads at most {} KiB. Paste only the oidc: section.",
                bytes.div_ceil(1024),
                MAX_BYTES / 1024
            ),
            ImportError::Yaml { message, .. } => write!(f, "This is not valid YAML: {message}"),
            ImportError::TooDeep => write!(
                f,
                "The text nests lists or sections more than {MAX_DEPTH} levels deep, which no Headscale configuration does."
            ),
            ImportError::NothingFound => f.write_str(
                "Found no server_url, no oidc: section and no HEADSCALE_ variables to import.",
            ),
        }
    }
}

/// Reads `text` against the current inputs (whose Headscale release decides what is allowed).
pub fn import(text: &str, current: &Inputs) -> Result<Import, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let (source, read, positions) = match env::parse(text) {
        Some(variables) => read_variables(&variables),
        None => read_yaml(text)?,
    };
    if read.present.is_empty() && read.problems.is_empty() {
        return Err(ImportError::NothingFound);
    }
    let inputs = fill(current, &read, source);
    let changes = changes(current, &inputs);
    let findings = findings(&read, source, &inputs, &positions);
    Ok(Import { source, inputs, changes, findings })
}

/// The deepest nesting of flow brackets, or of sequence dashes on one line, outside quotes.
/// An approximation that only has to be generous: real configurations stay far below the limit.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    for line in text.lines() {
        let dashes = line.trim_start().split("- ").take_while(|part| part.trim().is_empty()).count();
        deepest = deepest.max(dashes);
        let mut previous = ' ';
        for c in line.chars() {
            match (quote, c) {
                (Some(open), c) if c == open => quote = None,
                (Some(_), _) => {}
                // A quote only opens a quoted scalar where a scalar can start.
                (None, '"' | '\'') if previous.is_whitespace() || "[{,:-".contains(previous) => quote = Some(c),
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = c;
        }
        // Quotes do not span lines in the configurations this reads.
        quote = None;
    }
    deepest
}

fn read_yaml(text: &str) -> Result<(Source, Read, Positions), ImportError> {
    let document: Value = serde_yaml::from_str(text).map_err(|error| ImportError::Yaml {
        position: error.location().map(|l| Position { line: l.line(), column: l.column() }),
        message: error.to_string(),
    })?;
    let Value::Mapping(top) = &document else { return Err(ImportError::NothingFound) };
    let positions = positions::scan(text, MAX_LINES);
    // A docker compose file, or its environment block: HEADSCALE_ keys in a mapping.
    if let Some(environment) = find_environment(top) {
        // Place each variable by the line of its name.
        let located = positions
            .iter()
            .filter_map(|(path, position)| {
                let name = path.rsplit('.').next()?;
                let key = key_of_variable(name)?;
                Some((key.path().to_string(), *position))
            })
            .collect();
        return Ok((Source::Environment, read_environment_map(environment), Positions::from_entries(located)));
    }
    let has = |key: &str| top.contains_key(key);
    if has("oidc") || has("server_url") {
        let source = if has("server_url") { Source::Config } else { Source::OidcSection };
        return Ok((source, read::read(&document), positions));
    }
    // Only the keys of the oidc section, without the oidc: line.
    if has("issuer") || has("client_id") {
        let wrapped = Value::Mapping([(Value::from("oidc"), document.clone())].into_iter().collect());
        let nested = Positions::from_entries(
            positions.iter().map(|(path, position)| (format!("oidc.{path}"), *position)).collect(),
        );
        return Ok((Source::OidcSection, read::read(&wrapped), nested));
    }
    Err(ImportError::NothingFound)
}

fn find_environment(top: &Mapping) -> Option<&Mapping> {
    let is_env = |map: &Mapping| map.keys().any(|k| k.as_str().is_some_and(|k| k.starts_with("HEADSCALE_")));
    if is_env(top) {
        return Some(top);
    }
    let services = top.get("services")?.as_mapping()?;
    services.values().filter_map(|service| service.get("environment")?.as_mapping()).find(|map| is_env(map))
}

/// The `HEADSCALE_` variable of each key.
fn key_of_variable(name: &str) -> Option<Key> {
    KEYS.iter().map(|rule| rule.key).find(|key| key.env_var() == name)
}

/// An environment value as Headscale sees it: lists split at white space, extra parameters as
/// JSON, booleans through Go's ParseBool.
fn env_value(key: Key, text: &str) -> Value {
    match key {
        Key::Scope | Key::AllowedDomains | Key::AllowedUsers | Key::AllowedGroups => {
            Value::Sequence(text.split_whitespace().map(Value::from).collect())
        }
        // JSON objects are YAML too.
        Key::ExtraParams => serde_yaml::from_str(text).unwrap_or_else(|_| Value::from(text)),
        Key::OnlyStartIfOidcIsAvailable
        | Key::UseExpiryFromToken
        | Key::StripEmailDomain
        | Key::MapLegacyUsers
        | Key::PkceEnabled
        | Key::EmailVerifiedRequired => match text {
            "1" | "t" | "T" | "TRUE" | "true" | "True" => Value::Bool(true),
            "0" | "f" | "F" | "FALSE" | "false" | "False" => Value::Bool(false),
            other => Value::from(other),
        },
        _ => Value::from(text),
    }
}

fn read_env_variable(name: &str, text: &str, out: &mut Read) {
    if !name.starts_with("HEADSCALE_OIDC_") && name != "HEADSCALE_NODE_EXPIRY" && name != "HEADSCALE_SERVER_URL" {
        return;
    }
    if name == "HEADSCALE_SERVER_URL" {
        out.present.push("server_url".into());
        out.server_url = Some(text.to_string()).filter(|t| !t.is_empty());
        return;
    }
    let Some(key) = key_of_variable(name) else {
        let names: Vec<String> = KEYS.iter().map(|rule| rule.key.env_var()).collect();
        let suggestion = nearest(name, names.iter().map(String::as_str));
        out.problems.push(read::Problem { path: name.to_string(), kind: ProblemKind::UnknownKey { suggestion } });
        return;
    };
    // viper ignores a variable that is set but empty.
    if text.is_empty() {
        return;
    }
    out.present.push(key.path().to_string());
    read::read_value(key, key.path(), &env_value(key, text), out);
}

fn read_variables(variables: &[env::Variable]) -> (Source, Read, Positions) {
    let mut read = Read::default();
    let mut entries = Vec::new();
    for variable in variables {
        read_env_variable(&variable.name, &variable.value, &mut read);
        let path = key_of_variable(&variable.name).map_or(variable.name.clone(), |key| key.path().to_string());
        entries.push((path, Position { line: variable.line, column: 1 }));
    }
    (Source::Environment, read, Positions::from_entries(entries))
}

fn read_environment_map(environment: &Mapping) -> Read {
    let mut read = Read::default();
    for (name, value) in environment {
        let Some(name) = name.as_str() else { continue };
        let text = match value {
            Value::String(text) => text.clone(),
            Value::Bool(flag) => flag.to_string(),
            Value::Number(number) => read::number_text(number),
            _ => String::new(),
        };
        // Compose doubles $ to write one.
        read_env_variable(name, &text.replace("$$", "$"), &mut read);
    }
    read
}

/// The fields whose text changes.
fn changes(before: &Inputs, after: &Inputs) -> Vec<Change> {
    Field::ALL
        .iter()
        .filter_map(|&field| {
            let text = |inputs: &Inputs| match inputs.text(field) {
                Some(text) => text.to_string(),
                None => if inputs.flag(field) == Some(true) { "on" } else { "off" }.to_string(),
            };
            let (old, new) = (text(before), text(after));
            (old != new).then_some(Change { field, before: old, after: new })
        })
        .collect()
}

/// Where a form field's value comes from in the configuration.
fn paths_of(field: Field) -> &'static [&'static str] {
    match field {
        Field::HeadscaleUrl => &["server_url"],
        Field::AuthentikUrl | Field::Slug => &["oidc.issuer"],
        Field::ClientId => &["oidc.client_id"],
        Field::ClientSecret => &["oidc.client_secret"],
        Field::ClientSecretPath | Field::SecretDelivery => &["oidc.client_secret_path", "oidc.client_secret"],
        Field::Scopes => &["oidc.scope"],
        Field::AllowedGroups => &["oidc.allowed_groups"],
        Field::AllowedUsers => &["oidc.allowed_users"],
        Field::AllowedDomains => &["oidc.allowed_domains"],
        Field::PkceEnabled => &["oidc.pkce.enabled", "oidc.pkce"],
        Field::PkceMethod => &["oidc.pkce.method"],
        Field::OnlyStartIfOidcIsAvailable => &["oidc.only_start_if_oidc_is_available"],
        Field::Expiry => &["node.expiry", "oidc.expiry"],
        Field::UseExpiryFromToken => &["oidc.use_expiry_from_token"],
        Field::ExtraParams => &["oidc.extra_params"],
        Field::EmailVerifiedRequired => &["oidc.email_verified_required"],
        Field::HeadscaleVersion
        | Field::AuthentikVersion
        | Field::AppName
        | Field::VerifiedEmailMapping
        | Field::ImportText => &[],
    }
}

fn read_problem(problem: &read::Problem) -> Diagnostic {
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
        ProblemKind::StringForBool { text, .. } => {
            Diagnostic::phrase(Check::StringForBool, format!("{path}: “{text}”"))
        }
        ProblemKind::ScalarForList { items } => {
            Diagnostic::phrase(Check::ScalarForList, format!("{path} (read as {})", items.join(", ")))
        }
        ProblemKind::WrongType { expected } => {
            Diagnostic::phrase(Check::WrongType, format!("{path} (Headscale expects {expected})"))
        }
        ProblemKind::Empty => Diagnostic::phrase(Check::EmptyValue, path.clone()),
    }
}

fn findings(read: &Read, source: Source, inputs: &Inputs, positions: &Positions) -> Vec<Finding> {
    let mut found: Vec<(Option<String>, Diagnostic)> = Vec::new();
    for problem in &read.problems {
        // Quoted "true" and "false" read correctly; only other text is a problem.
        if matches!(&problem.kind, ProblemKind::StringForBool { text, .. } if text == "true" || text == "false") {
            continue;
        }
        found.push((Some(problem.path.clone()), read_problem(problem)));
    }
    let version = inputs.headscale_version;
    for diagnostic in lint(&read.settings, version) {
        let path = match diagnostic.check {
            Check::SecretBoth => Some("oidc.client_secret_path".to_string()),
            Check::IssuerTrailingSlash => Some("oidc.issuer".to_string()),
            _ => match &diagnostic.subject {
                Some(super::checks::Subject::Phrase(path)) => Some(path.clone()),
                _ => None,
            },
        };
        found.push((path, diagnostic));
    }
    match &read.settings.issuer {
        Some(issuer) if split_issuer(issuer).is_none() => {
            found.push((Some("oidc.issuer".into()), Diagnostic::value(Check::IssuerNotAuthentik, issuer)));
        }
        None if source != Source::Environment => found.push((Some("oidc".into()), Diagnostic::new(Check::OidcMissing))),
        _ => {}
    }
    let settings = &read.settings;
    // The live checks, for the fields the import filled in.
    let model = Model::new(inputs);
    for diagnostic in model.diagnostics {
        let paths = match diagnostic.check {
            // About the allowed users and domains as much as about email_verified_required.
            Check::EmailVerified => &["oidc.email_verified_required", "oidc.allowed_users", "oidc.allowed_domains"][..],
            _ => paths_of(diagnostic.field()),
        };
        // The earliest of the places the check is about.
        let present = paths.iter().filter(|p| read.present.iter().any(|seen| seen == *p));
        let Some(path) = present.min_by_key(|p| positions.find(p).map_or(usize::MAX, |position| position.line)) else {
            continue;
        };
        found.push((Some(item_path(path, &diagnostic, settings)), diagnostic));
    }
    let mut findings: Vec<Finding> = found
        .into_iter()
        .map(|(path, diagnostic)| Finding { position: path.and_then(|p| positions.find(&p)), diagnostic })
        .collect();
    findings.sort_by_key(|f| (f.position.map_or((usize::MAX, 0), |p| (p.line, p.column)), f.diagnostic.severity()));
    findings
}

/// The path of the list item a diagnostic is about, when its subject is one of the items.
fn item_path(path: &str, diagnostic: &Diagnostic, settings: &super::headscale::settings::Settings) -> String {
    let Some(super::checks::Subject::Value(value)) = &diagnostic.subject else { return path.to_string() };
    let items = match path {
        "oidc.allowed_groups" => &settings.allowed_groups,
        "oidc.allowed_users" => &settings.allowed_users,
        "oidc.allowed_domains" => &settings.allowed_domains,
        "oidc.scope" => &settings.scope,
        _ => return path.to_string(),
    };
    match items.iter().flatten().position(|item| item.trim() == value) {
        Some(index) => format!("{path}[{index}]"),
        None => path.to_string(),
    }
}
