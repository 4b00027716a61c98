//! Writing YAML for people: fixed key order, short comments, and every string quoted wherever a
//! YAML 1.1 or 1.2 reader could take it for something else.

use std::fmt::Write;

/// Words that YAML 1.1 readers (go-yaml v2, PyYAML, …) turn into booleans or null.
const KEYWORDS: [&str; 13] = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "none", "nil", "inf", "nan"];

/// `true` when `text` reads as the same string as a plain scalar in YAML 1.1 and 1.2, in a
/// block mapping value or a block sequence item.
///
/// The rule is deliberately narrow (first character a letter or `/`, then letters, digits,
/// spaces and `._/@+=:-`), so numbers, dates, booleans, nulls, indicators and comments can
/// never slip through; anything else is double-quoted.
pub fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == '/')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '_' | '/' | '@' | '+' | '=' | ':' | '-'))
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains("  ")
        && !KEYWORDS.iter().any(|word| word.eq_ignore_ascii_case(text))
}

/// A string as a YAML scalar: plain when that is safe, double-quoted otherwise.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

/// A double-quoted scalar; everything a reader could misread or that is not printable is
/// escaped.
pub(crate) fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters outside YAML's printable set, plus the byte-order mark.
fn needs_escape(c: char) -> bool {
    let code = c as u32;
    code < 0x20 || (0x7F..=0x9F).contains(&code) || matches!(code, 0xFEFF | 0xFFFE | 0xFFFF)
}

/// Builds a YAML document line by line, two spaces per level.
#[derive(Default)]
pub struct YamlWriter {
    out: String,
}

impl YamlWriter {
    pub fn new() -> Self {
        YamlWriter::default()
    }

    fn indent(&mut self, level: usize) {
        for _ in 0..level {
            self.out.push_str("  ");
        }
    }

    /// A comment line. Line breaks in the text are flattened, so a comment can never end early
    /// and start a key; that includes the line and paragraph separators a YAML 1.1 reader
    /// breaks lines at.
    pub fn comment(&mut self, level: usize, text: &str) {
        self.indent(level);
        self.out.push_str("# ");
        let breaks = |c: char| c.is_control() || needs_escape(c) || matches!(c, '\u{2028}' | '\u{2029}');
        self.out.extend(text.chars().map(|c| if breaks(c) { ' ' } else { c }));
        self.out.push('\n');
    }

    /// `key:` opening a nested mapping.
    pub fn section(&mut self, level: usize, key: &str) {
        self.indent(level);
        self.out.push_str(&scalar(key));
        self.out.push_str(":\n");
    }

    /// `key: "value"`, quoted as needed.
    pub fn string(&mut self, level: usize, key: &str, value: &str) {
        self.raw(level, key, &scalar(value));
    }

    /// `key: true`.
    pub fn boolean(&mut self, level: usize, key: &str, value: bool) {
        self.raw(level, key, if value { "true" } else { "false" });
    }

    /// `key:` followed by one `- item` per entry, each quoted as needed; `key: []` when empty,
    /// so the key never reads as null.
    pub fn list(&mut self, level: usize, key: &str, items: &[String]) {
        if items.is_empty() {
            return self.raw(level, key, "[]");
        }
        self.section(level, key);
        for item in items {
            self.indent(level + 1);
            self.out.push_str("- ");
            self.out.push_str(&scalar(item));
            self.out.push('\n');
        }
    }

    /// `key: value` with a value that is already valid YAML.
    pub fn raw(&mut self, level: usize, key: &str, value: &str) {
        self.indent(level);
        self.out.push_str(&scalar(key));
        self.out.push_str(": ");
        self.out.push_str(value);
        self.out.push('\n');
    }

    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A scalar inside a flow collection (`[a, b]`), where `,`, `[`, `]`, `{`, `}` and `:` also
/// end a plain scalar.
pub(crate) fn flow_scalar(text: &str) -> String {
    if is_plain_safe(text) && !text.contains(':') {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

/// A multi-line string as a literal block (`|`), when it can be written as one exactly:
/// one final newline, no trailing spaces, no control characters, no leading space.
fn literal_block(text: &str) -> Option<String> {
    let body = text.strip_suffix('\n')?;
    let printable = text.chars().all(|c| c == '\n' || !(c.is_control() || needs_escape(c)));
    let clean = body.lines().all(|line| !line.ends_with([' ', '\t']) && !line.is_empty());
    (printable && clean && !body.starts_with([' ', '\t']) && !body.ends_with('\n')).then(|| body.to_string())
}

use serde_yaml::Value;

impl YamlWriter {
    /// Writes `key: value` for any YAML value, in block style; tagged values (`!Find [...]`)
    /// are written in flow style after their tag.
    pub fn value(&mut self, level: usize, key: &str, value: &Value) {
        match value {
            Value::Mapping(map) if !map.is_empty() => {
                self.section(level, key);
                self.mapping(level + 1, map);
            }
            Value::Sequence(items) if !items.is_empty() => {
                self.section(level, key);
                for item in items {
                    self.item(level + 1, item);
                }
            }
            Value::String(text) if text.contains('\n') => match literal_block(text) {
                Some(body) => {
                    self.indent(level);
                    self.out.push_str(&scalar(key));
                    self.out.push_str(": |\n");
                    for line in body.lines() {
                        self.indent(level + 1);
                        self.out.push_str(line);
                        self.out.push('\n');
                    }
                }
                None => self.raw(level, key, &double_quoted(text)),
            },
            other => self.raw(level, key, &inline(other)),
        }
    }

    /// The entries of a mapping at one level.
    pub fn mapping(&mut self, level: usize, map: &serde_yaml::Mapping) {
        for (key, value) in map {
            self.value(level, &inline_key(key), value);
        }
    }

    /// One `- item` of a block sequence; a mapping item starts on the dash's line.
    pub fn item(&mut self, level: usize, value: &Value) {
        match value {
            Value::Mapping(map) if !map.is_empty() => {
                // Written one level deeper, then the last two spaces of its first line become
                // the dash.
                let dash = self.out.len() + level * 2;
                self.mapping(level + 1, map);
                self.out.replace_range(dash..dash + 2, "- ");
            }
            other => {
                self.indent(level);
                self.out.push_str("- ");
                self.out.push_str(&inline(other));
                self.out.push('\n');
            }
        }
    }
}

fn inline_key(key: &Value) -> String {
    match key {
        Value::String(text) => text.clone(),
        other => inline(other),
    }
}

/// A value on one line: scalars as in block context, collections and tags in flow style.
fn inline(value: &Value) -> String {
    match value {
        Value::String(text) => scalar(text),
        Value::Tagged(tagged) => format!("{} {}", tagged.tag, flow(&tagged.value)),
        other => flow(other),
    }
}

fn flow(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => flow_scalar(text),
        Value::Sequence(items) => format!("[{}]", items.iter().map(flow).collect::<Vec<_>>().join(", ")),
        Value::Mapping(map) => {
            let entries: Vec<String> = map.iter().map(|(k, v)| format!("{}: {}", flow(k), flow(v))).collect();
            format!("{{{}}}", entries.join(", "))
        }
        Value::Tagged(tagged) => format!("{} {}", tagged.tag, flow(&tagged.value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_quotes_escape_what_a_reader_would_misread() {
        assert_eq!(double_quoted("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(double_quoted("a\nb\tc\r"), r#""a\nb\tc\r""#);
        assert_eq!(double_quoted("\u{7}\u{85}\u{2028}\u{feff}"), r#""\u0007\N\L\uFEFF""#);
        assert_eq!(double_quoted("née 🦀"), "\"née 🦀\"");
    }

    #[test]
    fn a_comment_stays_on_its_line() {
        let mut writer = YamlWriter::default();
        writer.comment(1, "ends\nearly: yes\u{2028}x\u{2029}y\u{feff}z");
        assert_eq!(writer.finish(), "  # ends early: yes x y z\n");
    }

    #[test]
    fn a_colon_is_quoted_inside_a_flow_collection_only() {
        assert_eq!(flow_scalar("ops"), "ops");
        assert_eq!(flow_scalar("a:b"), "\"a:b\"");
        assert_eq!(flow_scalar("a, b"), "\"a, b\"");
    }

    #[test]
    fn a_literal_block_is_used_only_where_it_reads_back_exactly() {
        assert_eq!(literal_block("one\ntwo\n").as_deref(), Some("one\ntwo"));
        for text in [
            "no final newline",
            "trailing space \ntwo\n",
            "tab\t\ntwo\n",
            "blank\n\nline\n",
            " leading\ntwo\n",
            "\tleading\ntwo\n",
            "two final\nnewlines\n\n",
            "bell \u{7}\ntwo\n",
            "mark \u{feff}\ntwo\n",
        ] {
            assert_eq!(literal_block(text), None, "{text:?}");
        }
    }

    #[test]
    fn empty_collections_are_written_inline() {
        let mut writer = YamlWriter::default();
        writer.value(0, "map", &Value::Mapping(serde_yaml::Mapping::new()));
        writer.value(0, "list", &Value::Sequence(Vec::new()));
        writer.item(0, &Value::Mapping(serde_yaml::Mapping::new()));
        assert_eq!(writer.finish(), "map: {}\nlist: []\n- {}\n");
    }
}
