//! A pasted YAML document read the way Headscale's YAML parser (yaml.v3, through viper) reads
//! it: only the first document; every scalar resolved by its rules; `<<` merging only when it
//! is a plain, untagged key (a quoted `"<<"` is an ordinary key); a key given twice in one
//! mapping is an error; and aliases expanded within yaml.v3's budget, which refuses a document
//! whose aliases make up nearly all of what it decodes ("document contains excessive
//! aliasing"). The budget is counted on the parsed nodes without expanding anything, so no
//! text can make the page expand millions of values, in the worker or on the page's thread.
//!
//! Only the parts Headscale's login settings can come from are turned into values (with the
//! place of each key and list item); the rest of a config.yaml is checked, never expanded.

use std::collections::{HashMap, HashSet};

use serde_yaml::{Mapping, Value};

use crate::engine::import::libyaml::{Event, Parser, Style};
use crate::engine::import::positions::{Position, Positions};
use crate::engine::import::{scalars, ImportError, MAX_DEPTH};
use crate::engine::versions::keys::{KEYS, LOGIN_SECTION, SERVER_URL};

/// yaml.v3's alias budget: beyond 1,000 decoded values of which more than 100 come from
/// aliases, the share that comes from aliases may be at most 99 % up to 400,000 values, falling
/// to 10 % at 4,000,000.
fn allowed_alias_ratio(decoded: u64) -> f64 {
    const LOW: u64 = 400_000;
    const HIGH: u64 = 4_000_000;
    match decoded {
        d if d <= LOW => 0.99,
        d if d >= HIGH => 0.10,
        d => 0.99 - 0.89 * ((d - LOW) as f64 / (HIGH - LOW) as f64),
    }
}

/// No text within the import's size passes yaml.v3's budget with this many values decoded
/// (its own nodes are too few to keep the aliases' share below the ratio), so counting stops
/// here whatever the text.
const MAX_DECODED: u64 = 1_000_000;

/// The most values turned into the settings Headscale reads, aliases expanded. Real sections
/// hold a few dozen.
pub(crate) const MAX_VALUES: usize = 20_000;

/// How many values yaml.v3 decodes, and how many of those come from aliases.
type Counts = (u64, u64);

#[derive(Debug)]
enum Kind {
    Scalar { text: String, tag: Option<String>, style: Style },
    Sequence(Vec<usize>),
    Mapping { pairs: Vec<(usize, usize)>, merge: Option<usize> },
    Alias { target: usize, name: String },
}

#[derive(Debug)]
struct Node {
    kind: Kind,
    position: Position,
    /// How many values yaml.v3 decodes for this node, and how many of those come from aliases
    /// when the node itself is not inside one.
    decoded: u64,
    aliased: u64,
}

/// A document as Headscale reads it: the values its settings come from, and where they are.
pub(crate) struct Document {
    pub value: Value,
    pub positions: Positions,
    /// The text goes on with more documents, which Headscale never reads.
    pub more_documents: bool,
}

/// What went wrong, as yaml.v3 says it, and where.
fn refused(message: impl Into<String>, position: Position) -> ImportError {
    ImportError::Yaml { message: message.into(), position: Some(position) }
}

/// Reads the first document of `text`.
pub(crate) fn read(text: &str) -> Result<Document, ImportError> {
    let mut builder = Builder::default();
    let mut parser = Parser::new(text);
    let mut started = false;
    loop {
        let (event, position) = parser.next().map_err(|error| refused(error.message, error.position))?;
        match event {
            Event::StreamStart => {}
            Event::DocumentStart => {
                // yaml.v3 decodes the document node itself, too.
                builder.spend((1, 0), position)?;
                started = true;
            }
            Event::DocumentEnd | Event::StreamEnd => break,
            event => builder.event(event, position)?,
        }
    }
    // Another document that holds anything (an empty one, as a trailing ---, says nothing).
    let more_documents = started
        && matches!(parser.next(), Ok((Event::DocumentStart, _)))
        && !matches!(parser.next(), Ok((Event::Scalar { text, style: Style::Plain, tag: None, .. }, _)) if text.is_empty());
    let Some(root) = builder.root else {
        return Ok(Document { value: Value::Null, positions: Positions::default(), more_documents });
    };
    let mut converter = Converter { nodes: &builder.nodes, values: 0, positions: Vec::new() };
    let value = converter.top(root)?;
    Ok(Document { value, positions: Positions::from_entries(converter.positions), more_documents })
}

/// The key of a mapping as yaml.v3 compares keys for duplicates: its kind and written text.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Written {
    Scalar(String),
    Alias(String),
    Collection,
}

/// An open sequence or mapping: a mapping's key waiting for its value, and whether it is the
/// value of a merge key, which yaml.v3 decodes only once its section is complete.
struct Open {
    index: usize,
    key: Option<usize>,
    merged: bool,
}

#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    open: Vec<Open>,
    anchors: HashMap<String, usize>,
    root: Option<usize>,
    /// Open merge values: what is inside them is counted when their section completes.
    in_merge: usize,
    /// yaml.v3's running counts, in the order it decodes: the document's own values as they
    /// come, each alias's expansion as one step (within it, the share only grows).
    decoded: u64,
    aliased: u64,
}

impl Builder {
    fn event(&mut self, event: Event, position: Position) -> Result<(), ImportError> {
        // A value that merges is decoded after the rest of its section.
        let merged = self.open.last().and_then(|open| open.key).is_some_and(|key| is_merge(&self.nodes, key));
        let counted = self.in_merge == 0 && !merged;
        let sequence = matches!(event, Event::SequenceStart { .. });
        match event {
            Event::Scalar { anchor, tag, text, style } => {
                let index = self.push(Kind::Scalar { text, tag, style }, position, anchor);
                // yaml.v3 skips a merge key where it stands and decodes it with its section's
                // keys when the section merges.
                let key = self.open.last().is_some_and(|open| {
                    open.key.is_none() && matches!(self.nodes[open.index].kind, Kind::Mapping { .. })
                });
                if counted && !(key && is_merge(&self.nodes, index)) {
                    self.spend((1, 0), position)?;
                }
                self.finish(index)
            }
            Event::Alias(name) => {
                let Some(&target) = self.anchors.get(&name) else {
                    return Err(refused(format!("unknown anchor '{name}' referenced"), position));
                };
                if self.open.iter().any(|open| open.index == target) {
                    return Err(refused(format!("anchor '{name}' value contains itself"), position));
                }
                if counted {
                    let expanded = self.nodes[target].decoded;
                    self.spend((1, 0), position)?;
                    self.spend((expanded, expanded), position)?;
                }
                let index = self.push(Kind::Alias { target, name }, position, None);
                self.finish(index)
            }
            Event::SequenceStart { anchor } | Event::MappingStart { anchor } => {
                if counted {
                    self.spend((1, 0), position)?;
                }
                let kind = match sequence {
                    true => Kind::Sequence(Vec::new()),
                    false => Kind::Mapping { pairs: Vec::new(), merge: None },
                };
                let index = self.push(kind, position, anchor);
                self.open.push(Open { index, key: None, merged });
                self.in_merge += usize::from(merged);
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => match self.open.pop() {
                Some(open) => {
                    self.in_merge -= usize::from(open.merged);
                    self.finish(open.index)
                }
                None => Ok(()),
            },
            Event::StreamStart | Event::DocumentStart | Event::DocumentEnd | Event::StreamEnd => Ok(()),
        }
    }

    fn push(&mut self, kind: Kind, position: Position, anchor: Option<String>) -> usize {
        let index = self.nodes.len();
        self.nodes.push(Node { kind, position, decoded: 1, aliased: 0 });
        if let Some(anchor) = anchor {
            self.anchors.insert(anchor, index);
        }
        index
    }

    /// A node is complete: count it, check it, and add it to its parent.
    fn finish(&mut self, index: usize) -> Result<(), ImportError> {
        let (total, merging) = self.cost(index)?;
        self.nodes[index].decoded = total.0;
        self.nodes[index].aliased = total.1;
        // A section's merges are decoded once its own keys are.
        let inside_merge = self.in_merge > 0
            || self.open.last().and_then(|open| open.key).is_some_and(|key| is_merge(&self.nodes, key));
        if !inside_merge && merging != (0, 0) {
            self.spend(merging, self.nodes[index].position)?;
        }
        let merges = self.open.last().and_then(|open| open.key).is_some_and(|key| is_merge(&self.nodes, key));
        let Some(open) = self.open.last_mut() else {
            self.root = Some(index);
            return Ok(());
        };
        match &mut self.nodes[open.index].kind {
            Kind::Sequence(items) => items.push(index),
            Kind::Mapping { pairs, merge } => match open.key.take() {
                None => open.key = Some(index),
                Some(key) => {
                    if merges {
                        *merge = Some(index);
                    }
                    pairs.push((key, index));
                }
            },
            _ => {}
        }
        Ok(())
    }

    /// yaml.v3's counts for decoding a complete node, from those of its parts, and the part of
    /// them its merges decode; with its checks: a key given twice, a merge of something other
    /// than sections.
    fn cost(&self, index: usize) -> Result<(Counts, Counts), ImportError> {
        let node = &self.nodes[index];
        let total = match &node.kind {
            Kind::Scalar { .. } => (1, 0),
            Kind::Alias { target, .. } => {
                let decoded = self.nodes[*target].decoded;
                (decoded.saturating_add(1), decoded)
            }
            Kind::Sequence(items) => items.iter().fold((1, 0), |sum, &item| add(sum, self.counts(item))),
            Kind::Mapping { pairs, merge } => {
                let mut seen: HashMap<Written, Position> = HashMap::new();
                let mut sum = (1, 0);
                for &(key, value) in pairs {
                    let position = self.nodes[key].position;
                    if let Some(first) = seen.insert(self.written(key), position) {
                        let name = match &self.nodes[key].kind {
                            Kind::Scalar { text, .. } => text.clone(),
                            Kind::Alias { name, .. } => format!("*{name}"),
                            _ => String::new(),
                        };
                        return Err(refused(
                            format!("mapping key \"{name}\" already defined at line {}", first.line),
                            position,
                        ));
                    }
                    if matches!(self.nodes[key].kind, Kind::Sequence(_) | Kind::Mapping { .. }) {
                        return Err(refused("invalid map key: a list or section cannot be a key", position));
                    }
                    if Some(value) != *merge {
                        sum = add(sum, add(self.counts(key), self.counts(value)));
                    }
                }
                let Some(merge) = merge else { return Ok((sum, (0, 0))) };
                // The section's keys are decoded again, then the merged sections.
                let keys = pairs.iter().fold((0, 0), |sum, &(key, _)| add(sum, self.counts(key)));
                let own = pairs.iter().map(|&(key, _)| self.written(key)).collect();
                let merging = add(keys, self.merged(*merge, own)?);
                return Ok((add(sum, merging), merging));
            }
        };
        Ok((total, (0, 0)))
    }

    fn counts(&self, index: usize) -> (u64, u64) {
        (self.nodes[index].decoded, self.nodes[index].aliased)
    }

    fn written(&self, key: usize) -> Written {
        match &self.nodes[key].kind {
            Kind::Scalar { text, .. } => Written::Scalar(text.clone()),
            Kind::Alias { name, .. } => Written::Alias(name.clone()),
            _ => Written::Collection,
        }
    }

    /// What merging `value` decodes, given the keys already set: each merged section's keys,
    /// and the values of those not set yet, then the sections merged into it, in yaml.v3's
    /// order. Iterative, so chains of merges cannot exhaust the stack; a chain that decodes
    /// more than any text within the limit could is the excess yaml.v3 refuses anyway.
    fn merged(&self, value: usize, mut set: HashSet<Written>) -> Result<(u64, u64), ImportError> {
        let wrong = |index: usize| {
            refused("map merge requires map or sequence of maps as the value", self.nodes[index].position)
        };
        // Sections to merge, the next on top, each with whether it is reached through an alias.
        let mut pending: Vec<(usize, bool)> = match &self.nodes[value].kind {
            Kind::Sequence(items) => items.iter().rev().map(|&item| (item, false)).collect(),
            _ => vec![(value, false)],
        };
        let mut sum = (0u64, 0u64);
        while let Some((item, through_alias)) = pending.pop() {
            let (section, through_alias) = match self.nodes[item].kind {
                Kind::Mapping { .. } => (item, through_alias),
                Kind::Alias { target, .. } if matches!(self.nodes[target].kind, Kind::Mapping { .. }) => {
                    sum = add(sum, if through_alias { (1, 1) } else { (1, 0) });
                    (target, true)
                }
                _ => return Err(wrong(item)),
            };
            let Kind::Mapping { pairs, merge: inner } = &self.nodes[section].kind else { continue };
            let count = |counts: (u64, u64)| if through_alias { (counts.0, counts.0) } else { counts };
            sum = add(sum, count((1, 0)));
            for &(key, value) in pairs {
                if Some(value) == *inner {
                    continue;
                }
                sum = add(sum, count(self.counts(key)));
                if set.insert(self.written(key)) {
                    sum = add(sum, count(self.counts(value)));
                }
            }
            if sum.0 > MAX_DECODED {
                return Err(excessive(self.nodes[value].position));
            }
            if let Some(inner) = inner {
                match &self.nodes[*inner].kind {
                    Kind::Sequence(items) => pending.extend(items.iter().rev().map(|&item| (item, through_alias))),
                    _ => pending.push((*inner, through_alias)),
                }
            }
        }
        Ok(sum)
    }

    /// Adds to yaml.v3's running counts, and refuses the document where yaml.v3 would.
    fn spend(&mut self, (decoded, aliased): (u64, u64), position: Position) -> Result<(), ImportError> {
        self.decoded = self.decoded.saturating_add(decoded);
        self.aliased = self.aliased.saturating_add(aliased);
        let over = self.aliased > 100
            && self.decoded > 1000
            && self.aliased as f64 / self.decoded as f64 > allowed_alias_ratio(self.decoded);
        if self.decoded > MAX_DECODED || over {
            return Err(excessive(position));
        }
        Ok(())
    }
}

fn excessive(position: Position) -> ImportError {
    ImportError::Aliasing { position: Some(position) }
}

fn add(a: (u64, u64), b: (u64, u64)) -> (u64, u64) {
    (a.0.saturating_add(b.0), a.1.saturating_add(b.1))
}

/// Whether a key merges: `<<` written plain and untagged, or tagged `!!merge`, as yaml.v3
/// decides; a quoted `"<<"` is an ordinary key.
fn is_merge(nodes: &[Node], key: usize) -> bool {
    match &nodes[key].kind {
        Kind::Scalar { text, tag, style } => {
            text == "<<"
                && match tag.as_deref() {
                    None | Some("!") => *style == Style::Plain,
                    Some(tag) => tag == "tag:yaml.org,2002:merge",
                }
        }
        _ => false,
    }
}

/// Turns the parts Headscale's settings come from into values, and notes their places.
struct Converter<'a> {
    nodes: &'a [Node],
    values: usize,
    positions: Vec<(String, Position)>,
}

impl Converter<'_> {
    /// The top-level mapping, with the keys no login setting comes from left empty.
    fn top(&mut self, root: usize) -> Result<Value, ImportError> {
        let root = self.resolve_alias(root);
        let Kind::Mapping { pairs, merge } = &self.nodes[root].kind else { return self.convert(root, "", 0) };
        let mut out = Mapping::new();
        for (key, value, position) in self.entries(pairs, *merge)? {
            let name = key.as_str().map(str::to_lowercase).unwrap_or_default();
            // Headscale's settings, a compose file's services, environment variables, and the
            // keys of the login section pasted without its `oidc:` line.
            let relevant = name == SERVER_URL
                || name == "services"
                || name.starts_with("headscale_")
                || KEYS.iter().any(|rule| {
                    let within = rule.path.strip_prefix(LOGIN_SECTION).and_then(|rest| rest.strip_prefix('.'));
                    rule.path.split('.').next() == Some(name.as_str())
                        || within.is_some_and(|rest| rest.starts_with(name.as_str()))
                });
            let path = key.as_str().unwrap_or_default().to_string();
            self.positions.push((path.clone(), position));
            let value = if relevant { self.convert(value, &path, 1)? } else { Value::Null };
            out.insert(key, value);
        }
        Ok(Value::Mapping(out))
    }

    fn resolve_alias(&self, index: usize) -> usize {
        match self.nodes[index].kind {
            Kind::Alias { target, .. } => target,
            _ => index,
        }
    }

    /// A key's value: a scalar, or an alias of one (a list or section key is refused earlier).
    fn key(&self, index: usize) -> Result<Value, ImportError> {
        let index = self.resolve_alias(index);
        let position = self.nodes[index].position;
        match &self.nodes[index].kind {
            Kind::Scalar { text, tag, style } => {
                scalars::resolve(text, tag.as_deref(), *style).map_err(|message| refused(message, position))
            }
            _ => Err(refused("invalid map key: a list or section cannot be a key", position)),
        }
    }

    /// A mapping's entries as yaml.v3 sets them: its own keys, then merged keys it lacks.
    fn entries(
        &mut self,
        pairs: &[(usize, usize)],
        merge: Option<usize>,
    ) -> Result<Vec<(Value, usize, Position)>, ImportError> {
        let mut entries = Vec::new();
        let mut sections = vec![(pairs.to_vec(), merge)];
        while let Some((pairs, merge)) = sections.pop() {
            for &(key, value) in &pairs {
                if Some(value) == merge {
                    continue;
                }
                let key_value = self.key(key)?;
                if !entries.iter().any(|(seen, _, _)| *seen == key_value) {
                    entries.push((key_value, value, self.nodes[key].position));
                }
            }
            if let Some(merge) = merge {
                let items = match &self.nodes[merge].kind {
                    Kind::Sequence(items) => items.clone(),
                    _ => vec![merge],
                };
                // Merged in order, the first one's keys first: pushed last.
                for item in items.into_iter().rev() {
                    if let Kind::Mapping { pairs, merge } = &self.nodes[self.resolve_alias(item)].kind {
                        sections.push((pairs.clone(), *merge));
                    }
                }
            }
        }
        Ok(entries)
    }

    fn convert(&mut self, index: usize, path: &str, depth: usize) -> Result<Value, ImportError> {
        self.values += 1;
        let position = self.nodes[index].position;
        if self.values > MAX_VALUES {
            return Err(ImportError::TooManyValues { position: Some(position) });
        }
        if depth > MAX_DEPTH {
            return Err(ImportError::TooDeep);
        }
        match &self.nodes[index].kind {
            Kind::Scalar { text, tag, style } => {
                scalars::resolve(text, tag.as_deref(), *style).map_err(|message| refused(message, position))
            }
            Kind::Alias { target, .. } => self.convert(*target, path, depth + 1),
            Kind::Sequence(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (at, &item) in items.iter().enumerate() {
                    let path = format!("{path}[{at}]");
                    self.positions.push((path.clone(), self.nodes[item].position));
                    out.push(self.convert(item, &path, depth + 1)?);
                }
                Ok(Value::Sequence(out))
            }
            Kind::Mapping { pairs, merge } => {
                let mut out = Mapping::new();
                for (key, value, position) in self.entries(pairs, *merge)? {
                    let name = match &key {
                        Value::String(name) => name.clone(),
                        other => crate::engine::headscale::read::key_text(other),
                    };
                    let path = format!("{path}.{name}");
                    self.positions.push((path.clone(), position));
                    let value = self.convert(value, &path, depth + 1)?;
                    out.insert(key, value);
                }
                Ok(Value::Mapping(out))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// yaml.v3's running counts after decoding the first document of `text`: values decoded,
    /// and how many of those came from aliases.
    fn counts(text: &str) -> Result<Counts, ImportError> {
        let mut builder = Builder::default();
        let mut parser = Parser::new(text);
        loop {
            let (event, position) = parser.next().map_err(|error| refused(error.message, error.position))?;
            match event {
                Event::StreamStart => {}
                Event::DocumentStart => builder.spend((1, 0), position)?,
                Event::DocumentEnd | Event::StreamEnd => break,
                event => builder.event(event, position)?,
            }
        }
        Ok((builder.decoded, builder.aliased))
    }

    #[test]
    fn the_alias_ratio_falls_from_99_to_10_percent_as_yaml_v3s_does() {
        let close = |decoded: u64, ratio: f64| {
            let found = allowed_alias_ratio(decoded);
            assert!((found - ratio).abs() < 1e-12, "{decoded}: {found} is not {ratio}");
        };
        close(1, 0.99);
        close(400_000, 0.99);
        close(400_001, 0.99 - 0.89 / 3_600_000.0);
        close(2_200_000, 0.545);
        close(3_999_999, 0.10 + 0.89 / 3_600_000.0);
        close(4_000_000, 0.10);
        close(u64::MAX, 0.10);
    }

    #[test]
    fn counts_follow_yaml_v3s_decoding_of_merges() {
        // Counted by hand from yaml.v3's decoder: every node decoded once where it stands, a
        // merging section's keys once more, then the merged sections, whose values are
        // decoded only for keys not set yet; inside an alias every value is aliased.
        assert_eq!(counts("a: 1\n").unwrap(), (4, 0));
        assert_eq!(counts("b: &m {x: 1}\nc:\n  <<: *m\n  y: 2\n").unwrap(), (16, 3));
        assert_eq!(counts("a: &p {x: 1, y: 2}\nb: &q {y: 3, z: 4}\nc:\n  x: 0\n  <<: [*p, *q]\n").unwrap(), (30, 8));
        assert_eq!(counts("a: &p {x: 1}\nb: &q\n  <<: *p\n  y: 2\nc:\n  <<: *q\n").unwrap(), (27, 10));
        // An alias of a section expands all of it.
        assert_eq!(counts("a: &m {x: 1, y: 2}\nb: *m\n").unwrap(), (15, 5));
        // A section that merges, inside a merged section, is counted once, when that merges.
        assert_eq!(counts("a: &a {x: 1}\nc:\n  <<: {k: {<<: *a, z: 3}}\n").unwrap(), (20, 3));
        // A merge inside a merged section that is written out rather than aliased.
        assert_eq!(counts("a: &p {x: 1}\nc:\n  <<: {<<: *p, y: 2}\n  z: 3\n").unwrap(), (19, 3));
    }

    fn refusal(text: &str) -> String {
        match read(text) {
            Err(ImportError::Yaml { message, .. }) => message,
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("{text:?} was read"),
        }
    }

    #[test]
    fn a_key_given_twice_is_named_as_written() {
        assert_eq!(refusal("a: 1\nb: 2\na: 3\n"), "mapping key \"a\" already defined at line 1");
        assert_eq!(refusal("x: &k name\ny: {*k : 1, *k : 2}\n"), "mapping key \"*k\" already defined at line 2");
        // Two different aliases are two keys.
        assert!(read("x: &a k\nz: &b j\ny: {*a : 1, *b : 2}\n").is_ok());
    }

    #[test]
    fn only_sections_merge() {
        let wrong = "map merge requires map or sequence of maps as the value";
        assert_eq!(refusal("a: &s x\nb:\n  <<: *s\n"), wrong);
        assert_eq!(refusal("a: &s x\nb:\n  <<: [*s]\n"), wrong);
        assert_eq!(refusal("b:\n  <<: x\n"), wrong);
        assert!(read("a: &p {x: 1}\nb:\n  <<: [*p, {y: 2}]\n").is_ok());
        // A merged section may merge a list of sections in turn.
        let nested = read("a: &a {x: 1}\nb: &b {<<: [*a], y: 2}\noidc: {<<: *b}\n").expect("nested merges");
        assert_eq!(nested.value["oidc"]["x"], Value::from(1));
    }

    #[test]
    fn merged_lists_give_the_first_sections_value() {
        let read =
            read("a: &a {issuer: x, scope: [a]}\nb: &b {issuer: y, client_id: z}\noidc:\n  <<: [*a, *b]\n").unwrap();
        assert_eq!(read.value["oidc"]["issuer"], Value::from("x"));
        assert_eq!(read.value["oidc"]["client_id"], Value::from("z"));
    }

    #[test]
    fn values_and_depth_are_limited_on_both_sides() {
        // The login section, its list, and n items.
        let values = |n: usize| read(&format!("oidc:\n  allowed_groups: [{}]\n", vec!["a"; n].join(", ")));
        assert!(values(MAX_VALUES - 2).is_ok());
        assert!(matches!(values(MAX_VALUES - 1), Err(ImportError::TooManyValues { .. })));
        // The login section is at depth 1, extra_params at 2, and k lists below it reach 2 + k.
        let deep = |k: usize| read(&format!("oidc:\n  extra_params:\n    x: {}{}\n", "[".repeat(k), "]".repeat(k)));
        assert!(deep(MAX_DEPTH - 2).is_ok());
        assert!(matches!(deep(MAX_DEPTH - 1), Err(ImportError::TooDeep)));
        // k sections below the login section: the last one's value is at 2 + k.
        let sections = |k: usize| read(&format!("oidc:\n  extra_params: {}1{}\n", "{a: ".repeat(k), "}".repeat(k)));
        assert!(sections(MAX_DEPTH - 2).is_ok());
        assert!(matches!(sections(MAX_DEPTH - 1), Err(ImportError::TooDeep)));
        // An alias counts as a level: k lists behind an alias at depth 3 reach 3 + k.
        let aliased =
            |k: usize| read(&format!("zz: &l {}{}\noidc:\n  extra_params:\n    x: *l\n", "[".repeat(k), "]".repeat(k)));
        assert!(aliased(MAX_DEPTH - 3).is_ok());
        assert!(matches!(aliased(MAX_DEPTH - 2), Err(ImportError::TooDeep)));
    }
}
