//! Reading a Headscale configuration (parsed YAML) the way Headscale does: go-yaml, then viper
//! and its `cast` helpers. The result is what Headscale would use, plus every place where the
//! text says something other than it seems to.
//!
//! The playground reads its own output back through here (where any problem is a bug), and
//! pasted configurations (where problems are reported with their line).

use std::fmt;

use serde_yaml::{Mapping, Value};

use crate::engine::headscale::settings::Settings;
use crate::engine::limits::refused_character;
use crate::engine::versions::keys::{Entries, Key, Kind, Value as Setting, KEYS, LOGIN_SECTION, SERVER_URL};

/// Something a configuration says that Headscale reads differently than it looks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not a key Headscale knows; it is silently ignored.
    UnknownKey { suggestion: Option<String> },
    /// A number or boolean where a string is expected: Headscale reads its text form.
    NotAString { read_as: String },
    /// A string where a boolean is expected; Headscale reads it as `read_as`.
    StringForBool { text: String, read_as: bool },
    /// A single string where a list is expected; Headscale splits it at white space.
    ScalarForList { items: Vec<String> },
    /// A value of a type Headscale cannot use here.
    WrongType { expected: Expected },
    /// No value (`key:` alone); Headscale uses its default.
    Empty,
    /// A line break or control character inside one value: refused, never split or guessed.
    Control { character: char },
    /// The same key again, written in other case or assigned again: Headscale reads `kept`.
    Duplicate { kept: String },
    /// What the form cannot hold as Headscale reads it (an empty group name, a value Headscale
    /// converts): refused, with the reason, and nothing is applied while it is there.
    Refused { reason: String },
    /// The text holds more YAML documents after the first, which Headscale never reads.
    LaterDocuments,
}

/// The type of value Headscale expects where a value of another type stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    SingleValue,
    Flag,
    List,
    Section,
    PlainKeys,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::SingleValue => "a single value",
            Expected::Flag => "true or false",
            Expected::List => "a list",
            Expected::Section => "a section of keys",
            Expected::PlainKeys => "plain keys",
        })
    }
}

/// One problem, at a dotted path such as `oidc.allowed_groups[1]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
    /// Its line and column, where the path alone does not tell (a variable assigned twice).
    pub at: Option<(usize, usize)>,
}

/// A configuration as Headscale reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Read {
    pub settings: Settings,
    pub server_url: Option<String>,
    /// Which keys were present, as dotted paths, in the order found.
    pub present: Vec<String>,
    pub problems: Vec<Problem>,
}

/// The names Headscale knows directly under a section (`oidc`, `oidc.pkce`).
fn names_under(section: &str) -> Vec<&'static str> {
    let mut names: Vec<&str> = KEYS
        .iter()
        .filter_map(|rule| rule.path.strip_prefix(section)?.strip_prefix('.'))
        .map(|rest| rest.split('.').next().unwrap_or(rest))
        .collect();
    names.dedup();
    names
}

/// Go's `strconv.ParseBool`: the only texts Headscale takes as true or false.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub(crate) fn nearest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    known
        .into_iter()
        .map(|candidate| (edit_distance(&lower, &candidate.to_ascii_lowercase()), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate.to_string())
}

/// Levenshtein distance, counting an adjacent swap as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 8 || a.len() > 64 {
        return usize::MAX;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// A number as Headscale turns it into text (`cast.ToString`): whole numbers in decimal (a
/// float with no fraction too, as Go's `FormatFloat(f, 'f', -1, 64)` writes it), other numbers
/// only described, which keeps floating-point formatting out of the page's code.
pub(crate) fn number_text(number: &serde_yaml::Number) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole float below is exact
    match (number.as_i64(), number.as_u64(), number.as_f64()) {
        (Some(whole), _, _) => whole.to_string(),
        (None, Some(whole), _) => whole.to_string(),
        (_, _, Some(float)) if float.fract() == 0.0 && float.abs() < EXACT => (float as i64).to_string(),
        _ => "a decimal number".to_string(),
    }
}

/// A key as viper names it: text as written, numbers and booleans as text.
pub(crate) fn key_text(key: &Value) -> String {
    match key {
        Value::String(text) => text.clone(),
        Value::Number(number) => number_text(number),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "<nil>".to_string(),
        _ => String::new(),
    }
}

/// What a tag makes Headscale's YAML parser do to a value the page does not redo.
fn converted(tag: &serde_yaml::value::Tag) -> Option<&'static str> {
    if *tag == "!!binary" {
        Some("a !!binary value, which Headscale decodes from base64 first; write the value itself")
    } else if *tag == "!!timestamp" {
        Some("a date and time, which Headscale turns into text of its own making; put it in quotes")
    } else {
        None
    }
}

/// `parent.name`, or `name` at the top.
fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// Spelling suggestions are looked for among the first this many problems only.
pub(crate) const MAX_SUGGESTIONS: usize = 100;

/// Interprets parsed YAML the way Headscale (viper and its `cast` helpers) does, collecting the
/// settings it reads and every problem on the way.
struct Interpreter {
    read: Read,
}

impl Interpreter {
    fn problem(&mut self, path: &str, kind: ProblemKind) {
        self.read.problems.push(Problem { path: path.to_string(), kind, at: None });
    }

    /// A tagged value Headscale converts is refused; other tags are read through.
    fn untagged<'v>(&mut self, path: &str, tagged: &'v serde_yaml::value::TaggedValue) -> Option<&'v Value> {
        match converted(&tagged.tag) {
            Some(reason) => {
                self.problem(path, ProblemKind::Refused { reason: reason.to_string() });
                None
            }
            None => Some(&tagged.value),
        }
    }

    /// A string, as `viper.GetString` gives it.
    fn text(&mut self, path: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(text) => match refused_character(text, |_| false) {
                Some((character, _)) => {
                    self.problem(path, ProblemKind::Control { character });
                    None
                }
                None => Some(text.clone()),
            },
            Value::Number(number) => {
                let read_as = number_text(number);
                self.problem(path, ProblemKind::NotAString { read_as: read_as.clone() });
                Some(read_as)
            }
            Value::Bool(flag) => {
                self.problem(path, ProblemKind::NotAString { read_as: flag.to_string() });
                Some(flag.to_string())
            }
            Value::Null => {
                self.problem(path, ProblemKind::Empty);
                None
            }
            Value::Tagged(tagged) => self.untagged(path, tagged).and_then(|value| self.text(path, value)),
            Value::Sequence(_) | Value::Mapping(_) => {
                self.problem(path, ProblemKind::WrongType { expected: Expected::SingleValue });
                None
            }
        }
    }

    /// A boolean, as `viper.GetBool` gives it: strings go through Go's `strconv.ParseBool`
    /// and anything it refuses is false.
    fn flag(&mut self, path: &str, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(*flag),
            Value::String(text) => {
                let read_as = parse_bool(text).unwrap_or(false);
                self.problem(path, ProblemKind::StringForBool { text: text.clone(), read_as });
                Some(read_as)
            }
            Value::Number(number) => {
                let read_as = number.as_f64().is_some_and(|n| n != 0.0);
                self.problem(path, ProblemKind::WrongType { expected: Expected::Flag });
                Some(read_as)
            }
            Value::Null => {
                self.problem(path, ProblemKind::Empty);
                None
            }
            Value::Tagged(tagged) => self.untagged(path, tagged).and_then(|value| self.flag(path, value)),
            Value::Sequence(_) | Value::Mapping(_) => {
                self.problem(path, ProblemKind::WrongType { expected: Expected::Flag });
                None
            }
        }
    }

    /// A list of strings, as `viper.GetStringSlice` gives it: a single string is split at
    /// white space; in a list, an empty item is empty text, and a list or section inside makes
    /// `cast` give no list at all. Entries the form would read otherwise are refused.
    fn list(&mut self, path: &str, value: &Value, entries: Entries) -> Option<Vec<String>> {
        match value {
            Value::Sequence(items) => {
                if let Some(at) = items.iter().position(|item| matches!(item, Value::Sequence(_) | Value::Mapping(_))) {
                    self.problem(&format!("{path}[{at}]"), ProblemKind::WrongType { expected: Expected::SingleValue });
                    return Some(Vec::new());
                }
                let mut out = Vec::new();
                for (index, item) in items.iter().enumerate() {
                    let path = format!("{path}[{index}]");
                    let text = match item {
                        Value::Null => Some(String::new()),
                        item => self.text(&path, item),
                    };
                    if let Some(text) = text {
                        self.entry(&path, &text, entries);
                        out.push(text);
                    }
                }
                Some(out)
            }
            Value::String(text) => {
                let items: Vec<String> = text.split_whitespace().map(str::to_string).collect();
                self.problem(path, ProblemKind::ScalarForList { items: items.clone() });
                Some(items)
            }
            Value::Null => {
                self.problem(path, ProblemKind::Empty);
                None
            }
            Value::Tagged(tagged) => self.untagged(path, tagged).and_then(|value| self.list(path, value, entries)),
            _ => {
                self.problem(path, ProblemKind::WrongType { expected: Expected::List });
                None
            }
        }
    }

    /// Refuses an entry of an access list that the form cannot hold as Headscale reads it:
    /// applying it otherwise would let in people Headscale keeps out.
    fn entry(&mut self, path: &str, text: &str, entries: Entries) {
        let reason = match entries {
            Entries::Any => return,
            Entries::Names(what) | Entries::Words(what) if text.is_empty() => format!(
                "an empty {what}: Headscale keeps it, so the list is not empty, and it matches no one's; the form cannot hold an empty entry"
            ),
            Entries::Names(what) if text.trim() != text => format!(
                "a {what} that begins or ends with white space, which Headscale compares too and the form would drop"
            ),
            Entries::Words(what) if text.contains(|c: char| c.is_whitespace() || c == ',') => format!(
                "a {what} with white space or a comma inside: Headscale keeps it as one entry, which matches no one's, and the form would read several"
            ),
            _ => return,
        };
        self.problem(path, ProblemKind::Refused { reason });
    }

    /// A map of strings, as `viper.GetStringMapString` gives it.
    fn pairs(&mut self, path: &str, value: &Value) -> Option<Vec<(String, String)>> {
        let map = self.mapping(path, value)?;
        let mut pairs = Vec::new();
        for (key, value) in self.folded(path, map, false) {
            if let Some(value) = self.text(&format!("{path}.{key}"), value) {
                pairs.push((key, value));
            }
        }
        Some(pairs)
    }

    /// The keys of a section as viper keeps them. viper lower-cases every key, so of keys that
    /// differ only in case one is kept: it lower-cases each key in Go's random order into one
    /// entry of the same map, and the lower-case key's own turn leaves what is there, so the one
    /// not written in lower case wins; of two or more of those, which wins is random, and the
    /// page refuses to guess. `lower` gives the names lower-cased, as viper reads them; else as
    /// written (the keys of `extra_params` keep their case here so that the checks can warn).
    /// Case is folded in ASCII: every name Headscale knows is ASCII, and Unicode's case tables
    /// would cost the page kilobytes for keys Headscale ignores either way.
    fn folded<'m>(&mut self, parent: &str, map: &'m Mapping, lower: bool) -> Vec<(String, &'m Value)> {
        let mut groups: Vec<Vec<(String, &Value)>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (key, value) in map {
            let Some(name) = self.key(parent, key) else { continue };
            let at = *index.entry(name.to_ascii_lowercase()).or_insert(groups.len());
            if at == groups.len() {
                groups.push(Vec::new());
            }
            groups[at].push((name, value));
        }
        let mut kept = Vec::new();
        for group in groups {
            let written: Vec<&String> =
                group.iter().map(|(name, _)| name).filter(|name| name.to_ascii_lowercase() != **name).collect();
            let winner = match written.as_slice() {
                [] | [_] => written.first().map_or(&group[0].0, |name| *name).clone(),
                many => {
                    let names = many.iter().map(|name| name.as_str()).collect::<Vec<_>>().join(", ");
                    for (name, _) in &group {
                        let reason = format!(
                            "the same key is written as {names}: Headscale, which ignores the case of keys, keeps one of them at random"
                        );
                        self.problem(&join(parent, name), ProblemKind::Refused { reason });
                    }
                    continue;
                }
            };
            for (name, _) in group.iter().filter(|(name, _)| *name != winner) {
                self.problem(
                    &join(parent, name),
                    ProblemKind::Duplicate { kept: format!("“{}”", join(parent, &winner)) },
                );
            }
            let value = group.iter().find(|(name, _)| *name == winner).map(|(_, value)| *value);
            if let Some(value) = value {
                kept.push((if lower { winner.to_ascii_lowercase() } else { winner }, value));
            }
        }
        kept
    }

    fn mapping<'v>(&mut self, path: &str, value: &'v Value) -> Option<&'v Mapping> {
        match value {
            Value::Mapping(map) => Some(map),
            Value::Null => {
                self.problem(path, ProblemKind::Empty);
                None
            }
            Value::Tagged(tagged) => self.untagged(path, tagged).and_then(|value| self.mapping(path, value)),
            _ => {
                self.problem(path, ProblemKind::WrongType { expected: Expected::Section });
                None
            }
        }
    }

    /// A key as text, as viper names it (see [`Interpreter::folded`] for its case).
    fn key(&mut self, parent: &str, key: &Value) -> Option<String> {
        match key {
            Value::String(text) => match refused_character(text, |_| false) {
                Some((character, _)) => {
                    self.problem(parent, ProblemKind::Control { character });
                    None
                }
                None => Some(text.clone()),
            },
            Value::Number(_) | Value::Bool(_) | Value::Null => Some(key_text(key)),
            _ => {
                self.problem(parent, ProblemKind::WrongType { expected: Expected::PlainKeys });
                None
            }
        }
    }

    /// Reads the keys of a section that holds only login settings (`oidc`, `oidc.pkce`), so
    /// any other name is one Headscale ignores.
    fn section(&mut self, section: &str, value: &Value) {
        let Some(map) = self.mapping(section, value) else { return };
        for (name, value) in self.folded(section, map, true) {
            let path = format!("{section}.{name}");
            self.read.present.push(path.clone());
            if let Some(rule) = KEYS.iter().find(|rule| rule.path == path) {
                self.set(rule.key, &path, value);
            } else if KEYS
                .iter()
                .any(|rule| rule.path.strip_prefix(path.as_str()).is_some_and(|rest| rest.starts_with('.')))
            {
                self.section(&path, value);
            } else {
                // Thousands of unknown keys are not typos; spelling suggestions stay cheap.
                let suggestion = (self.read.problems.len() < MAX_SUGGESTIONS)
                    .then(|| match name.as_str() {
                        "<<" => Some("a merge key, which merges only unquoted".to_string()),
                        _ => nearest(&name, names_under(section)),
                    })
                    .flatten();
                self.problem(&path, ProblemKind::UnknownKey { suggestion });
            }
        }
    }

    /// Stores the value of one key, read by its kind.
    pub fn set(&mut self, key: Key, path: &str, value: &Value) {
        let value = match key.kind() {
            Kind::Text => self.text(path, value).map(Setting::Text),
            Kind::Flag => self.flag(path, value).map(Setting::Flag),
            Kind::List(entries) => self.list(path, value, entries).map(Setting::List),
            Kind::Map => self.pairs(path, value).map(Setting::Map),
        };
        self.read.settings.set(key, value);
    }
}

/// Reads a whole configuration, or only its `oidc:` section, as Headscale would.
pub fn read(document: &Value) -> Read {
    let mut interpreter = Interpreter { read: Read::default() };
    let Some(top) = interpreter.mapping("", document) else { return interpreter.read };
    for (name, value) in interpreter.folded("", top, true) {
        match name.as_str() {
            SERVER_URL => {
                interpreter.read.present.push(SERVER_URL.into());
                interpreter.read.server_url = interpreter.text(SERVER_URL, value);
            }
            LOGIN_SECTION => {
                interpreter.read.present.push(LOGIN_SECTION.into());
                interpreter.section(LOGIN_SECTION, value);
            }
            // A section that holds other settings too (`node:`): only its login keys are read.
            section if KEYS.iter().any(|rule| rule.key.section() == section) => {
                let Some(map) = interpreter.mapping(section, value) else { continue };
                for (name, value) in interpreter.folded(section, map, true) {
                    let rule = KEYS.iter().find(|rule| rule.key.section() == section && rule.key.name() == name);
                    if let Some(rule) = rule {
                        interpreter.read.present.push(rule.path.into());
                        interpreter.set(rule.key, rule.path, value);
                    }
                }
            }
            // The rest of config.yaml is not about login.
            _ => {}
        }
    }
    interpreter.read
}

/// Whether a key is this name in any case, as viper compares them.
pub(crate) fn is_named(key: &Value, name: &str) -> bool {
    key.as_str().is_some_and(|text| text.eq_ignore_ascii_case(name))
}

/// Reads one value of one key (for environment variables, which have no document).
pub(crate) fn read_value(key: Key, path: &str, value: &Value, into: &mut Read) {
    let mut interpreter = Interpreter { read: std::mem::take(into) };
    interpreter.set(key, path, value);
    *into = interpreter.read;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_are_exactly_gos() {
        for text in ["1", "t", "T", "TRUE", "true", "True"] {
            assert_eq!(parse_bool(text), Some(true), "{text}");
        }
        for text in ["0", "f", "F", "FALSE", "false", "False"] {
            assert_eq!(parse_bool(text), Some(false), "{text}");
        }
        for text in ["yes", "no", "on", "FaLsE", "", " true"] {
            assert_eq!(parse_bool(text), None, "{text}");
        }
    }

    #[test]
    fn numbers_read_as_go_writes_them() {
        let text = |number: serde_yaml::Number| number_text(&number);
        assert_eq!(text((-9_007_199_254_740_993i64).into()), "-9007199254740993");
        assert_eq!(text(u64::MAX.into()), "18446744073709551615");
        assert_eq!(text(3.0f64.into()), "3");
        assert_eq!(text(1.5f64.into()), "a decimal number");
        // 2^53 is the first whole float that may not be exact.
        assert_eq!(text(9_007_199_254_740_991.0f64.into()), "9007199254740991");
        assert_eq!(text(9_007_199_254_740_992.0f64.into()), "a decimal number");
    }

    #[test]
    fn only_the_tags_headscale_converts_are_refused() {
        use serde_yaml::value::Tag;
        assert!(converted(&Tag::new("!!binary")).is_some_and(|reason| reason.contains("base64")));
        assert!(converted(&Tag::new("!!timestamp")).is_some_and(|reason| reason.contains("quotes")));
        assert_eq!(converted(&Tag::new("!!str")), None);
        assert_eq!(converted(&Tag::new("!vault")), None);
    }

    fn read_yaml(text: &str) -> Read {
        read(&serde_yaml::from_str(text).expect("YAML"))
    }

    /// `(path, kind)` of every problem.
    fn problems(read: &Read) -> Vec<(&str, &ProblemKind)> {
        read.problems.iter().map(|problem| (problem.path.as_str(), &problem.kind)).collect()
    }

    #[test]
    fn a_number_for_a_flag_is_true_unless_zero() {
        let pkce = |value: &str| read_yaml(&format!("oidc:\n  pkce:\n    enabled: {value}\n")).settings.pkce_enabled;
        assert_eq!((pkce("0"), pkce("2"), pkce("0.5")), (Some(false), Some(true), Some(true)));
    }

    #[test]
    fn empty_and_tagged_lists_and_sections() {
        let empty_list = read_yaml("oidc:\n  allowed_groups:\n");
        assert_eq!(problems(&empty_list), [("oidc.allowed_groups", &ProblemKind::Empty)]);
        assert_eq!(empty_list.settings.allowed_groups, None);
        let tagged_list = read_yaml("oidc:\n  allowed_groups: !groups [ops]\n");
        assert_eq!(tagged_list.settings.allowed_groups, Some(vec!["ops".to_string()]));
        assert!(tagged_list.problems.is_empty());
        assert_eq!(problems(&read_yaml("oidc:\n")), [("oidc", &ProblemKind::Empty)]);
        let tagged_section = read_yaml("oidc: !login\n  issuer: https://sso.example.org/\n");
        assert_eq!(tagged_section.settings.issuer.as_deref(), Some("https://sso.example.org/"));
        assert!(tagged_section.problems.is_empty());
    }

    #[test]
    fn a_number_as_a_key_is_a_name_headscale_ignores() {
        let numbered = read_yaml("oidc:\n  1: x\n");
        assert_eq!(problems(&numbered), [("oidc.1", &ProblemKind::UnknownKey { suggestion: None })]);
    }

    #[test]
    fn suggestions_stop_after_a_hundred_problems() {
        let typo_after = |unknown: usize| {
            let keys: String = (0..unknown).map(|i| format!("  aa{i:03}: 1\n")).collect();
            let found = read_yaml(&format!("oidc:\n{keys}  isuer: x\n"));
            found.problems.iter().find(|problem| problem.path == "oidc.isuer").map(|problem| problem.kind.clone())
        };
        let suggested = ProblemKind::UnknownKey { suggestion: Some("issuer".to_string()) };
        assert_eq!(typo_after(MAX_SUGGESTIONS - 1), Some(suggested));
        assert_eq!(typo_after(MAX_SUGGESTIONS), Some(ProblemKind::UnknownKey { suggestion: None }));
    }

    #[test]
    fn a_quoted_merge_key_is_explained() {
        let quoted = read_yaml("oidc:\n  \"<<\": {issuer: x}\n");
        let suggestion = match &quoted.problems[..] {
            [Problem { kind: ProblemKind::UnknownKey { suggestion }, .. }] => suggestion.clone(),
            other => panic!("{other:?}"),
        };
        assert!(suggestion.is_some_and(|text| text.contains("merge key")));
    }

    #[test]
    fn the_rest_of_the_configuration_is_not_read() {
        let whole = read_yaml("server_url: https://vpn.example.org\nlog_level: info\ndns: [a]\noidc:\n  issuer: x\n");
        assert!(whole.problems.is_empty(), "{:?}", whole.problems);
        assert_eq!(whole.present, ["server_url", "oidc", "oidc.issuer"]);
    }

    #[test]
    fn keys_are_named_as_viper_names_them() {
        assert_eq!(key_text(&Value::from("issuer")), "issuer");
        assert_eq!(key_text(&Value::from(7)), "7");
        assert_eq!(key_text(&Value::from(true)), "true");
        assert_eq!(key_text(&Value::Null), "<nil>");
        assert_eq!(key_text(&Value::Sequence(Vec::new())), "");
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_changes_and_swaps_as_one() {
        assert_eq!(edit_distance("issuer", "issuer"), 0);
        assert_eq!(edit_distance("isuer", "issuer"), 1);
        assert_eq!(edit_distance("issuers", "issuer"), 1);
        assert_eq!(edit_distance("client_ib", "client_id"), 1);
        assert_eq!(edit_distance("cleint_id", "client_id"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        // A swap anywhere is one edit.
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("abcdef", "bacdef"), 1);
        assert_eq!(edit_distance("abcdef", "abdcef"), 1);
        assert_eq!(edit_distance("abcdef", "abcdfe"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        // Far apart in length, or very long, is never a typo, and costs nothing to find out:
        // eight more letters are counted, nine are not; 64 letters are compared, 65 are not.
        assert_eq!(edit_distance("a", &format!("a{}", "b".repeat(8))), 8);
        assert_eq!(edit_distance("a", &format!("a{}", "b".repeat(9))), usize::MAX);
        assert_eq!(edit_distance(&"a".repeat(64), &"a".repeat(64)), 0);
        assert_eq!(edit_distance(&"a".repeat(65), &"a".repeat(65)), usize::MAX);
    }

    #[test]
    fn the_nearest_name_is_suggested_only_when_close_enough() {
        let known = ["issuer", "client_id", "client_secret", "allowed_groups"];
        assert_eq!(nearest("isuer", known).as_deref(), Some("issuer"));
        assert_eq!(nearest("Client_ID", known).as_deref(), Some("client_id"));
        assert_eq!(nearest("allowed_group", known).as_deref(), Some("allowed_groups"));
        assert_eq!(nearest("scope", known), None);
    }
}
