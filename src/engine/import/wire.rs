//! A reading as text, for crossing from the worker that parses an import back to the page.
//! Written by hand: a serde derive for these types cost about 40 KB gzip of WebAssembly.
//!
//! The format is a short header, then values in a fixed order: a text is its length in bytes,
//! `:` and the bytes; a number is its digits and `;`; everything else is one letter. Only what
//! the page can show crosses ([`bound`]), so the answer stays small whatever was pasted.
//!
//! A paste ([`encode_paste`]) is the configuration's reading, if any, and the parts of the
//! paste with the messages recognised in each, bounded by [`crate::engine::symptoms`]'s limits.

use std::fmt::{self, Write};

use crate::engine::headscale::read::{Expected, Problem, ProblemKind, Read};
use crate::engine::headscale::settings::Settings;
use crate::engine::import::findings::{listed, order, place, read_problem};
use crate::engine::import::paste::Paste;
use crate::engine::import::positions::{Position, Positions};
use crate::engine::import::{ImportError, Pasted, Reading, MAX_FINDINGS};
use crate::engine::symptoms::discovery::Discovery;
use crate::engine::symptoms::jwks::{Jwks, Key};
use crate::engine::symptoms::{Document, Found, Hit, Kind, Level, Part, Unknown, MESSAGES};
use crate::engine::versions::keys::{self, Key as SettingKey, Value, ValueRef, KEYS, SERVER_URL};

const HEADER: &str = "hsp-import 1\n";
const PASTE_HEADER: &str = "hsp-paste 1\n";
/// A data-less enum written as one letter, declared once for both directions by [`codes!`].
trait Code: Sized {
    fn code(self) -> char;
    fn from_code(code: char) -> Option<Self>;
}

/// The letter of each variant: the writing side matches every variant, so a new one does not
/// compile without its letter, and the reading side accepts exactly these letters.
macro_rules! codes {
    ($type:ty { $($variant:path => $code:literal),+ $(,)? }) => {
        impl Code for $type {
            fn code(self) -> char {
                match self {
                    $($variant => $code),+
                }
            }

            fn from_code(code: char) -> Option<Self> {
                match code {
                    $($code => Some($variant),)+
                    _ => None,
                }
            }
        }
    };
}

codes!(Pasted { Pasted::Config => 'c', Pasted::OidcSection => 'o', Pasted::Environment => 'e' });
codes!(Expected {
    Expected::SingleValue => 's',
    Expected::Flag => 'f',
    Expected::List => 'l',
    Expected::Section => 'm',
    Expected::PlainKeys => 'k',
});
codes!(Kind {
    Kind::TextLog => 't',
    Kind::JsonLog => 'j',
    Kind::HeadscalePage => 'h',
    Kind::AuthentikPage => 'a',
    Kind::AuthentikError => 'e',
    Kind::Discovery => 'd',
    Kind::Jwks => 'k',
    Kind::Configuration => 'c',
    Kind::Text => 'x',
});
codes!(Level { Level::Debug => 'd', Level::Info => 'i', Level::Warn => 'w', Level::Error => 'e', Level::Fatal => 'f' });

/// Why an answer could not be read. The page shows it: an answer it cannot read is a bug or a
/// stale copy of the page, never a reason to read the text somewhere else unannounced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// It does not start with this version's header: another version of the page wrote it.
    Version,
    /// It breaks off, or holds something else, at this byte.
    Damaged { at: usize },
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Version => f.write_str(
                "The import's worker answered in a format this page does not read: the page and its WebAssembly are of different versions. Reload the page.",
            ),
            WireError::Damaged { at } => {
                write!(f, "The import's worker answered with text this page cannot read (at byte {at}).")
            }
        }
    }
}

/// What the page needs of `reading`: the first [`MAX_FINDINGS`] problems in the order they are
/// listed, the rest counted; only the places of those problems and of Headscale's own keys; only
/// the keys the checks ask about. [`super::propose`] lists the same problems either way.
pub fn bound(reading: &Reading) -> Reading {
    let Reading { source, read, positions, omitted } = reading;
    let mut problems: Vec<&Problem> = read.problems.iter().filter(|problem| listed(problem)).collect();
    // A stable sort, as the list's own, so equal places keep the reader's order.
    problems.sort_by_key(|problem| order(place(problem, positions), &read_problem(problem)));
    let dropped = problems.len().saturating_sub(MAX_FINDINGS);
    problems.truncate(MAX_FINDINGS);
    let mut wanted: Vec<String> = Vec::new();
    for problem in &problems {
        let path = problem.path.to_ascii_lowercase();
        wanted.extend(path.match_indices(['.', '[']).map(|(at, _)| path[..at].to_string()));
        wanted.push(path);
    }
    let needed = |path: &str| {
        let path = path.to_ascii_lowercase();
        wanted.contains(&path) || path == SERVER_URL || known(&path)
    };
    Reading {
        source: *source,
        read: Read {
            settings: read.settings.clone(),
            server_url: read.server_url.clone(),
            present: read.present.iter().filter(|path| needed(path)).cloned().collect(),
            problems: problems.into_iter().cloned().collect(),
        },
        positions: Positions::from_entries(positions.iter().filter(|(path, _)| needed(path)).cloned().collect()),
        omitted: omitted + dropped,
    }
}

/// A key Headscale reads, a section holding one, or a part of one (a list item, a parameter).
fn known(path: &str) -> bool {
    KEYS.iter().any(|rule| {
        let (key, path) = (rule.path.as_bytes(), path.as_bytes());
        let within = |long: &[u8], short: &[u8]| {
            long.starts_with(short) && long.get(short.len()).is_none_or(|c| matches!(c, b'.' | b'['))
        };
        within(key, path) || within(path, key)
    })
}

/// Every key, grouped by kind (flags, texts, lists, maps), each group in the table's order: the
/// order settings cross in.
fn by_kind() -> impl Iterator<Item = SettingKey> {
    let group = |kind: &keys::Kind| match kind {
        keys::Kind::Flag => 0,
        keys::Kind::Text => 1,
        keys::Kind::List(_) => 2,
        keys::Kind::Map => 3,
    };
    (0..4).flat_map(move |at| KEYS.iter().filter(move |rule| group(&rule.kind) == at).map(|rule| rule.key))
}

/// `answer`, bounded, as text.
pub fn encode(answer: &Result<Reading, ImportError>) -> String {
    let mut out = Encoder(HEADER.to_string());
    match answer {
        Ok(reading) => {
            out.tag('R');
            out.reading(&bound(reading));
        }
        Err(error) => {
            out.tag('E');
            out.error(error);
        }
    }
    out.0
}

/// The answer [`encode`] wrote.
pub fn decode(text: &str) -> Result<Result<Reading, ImportError>, WireError> {
    let mut input = Decoder::new(text, HEADER)?;
    let answer = match input.tag()? {
        'R' => Ok(input.reading()?),
        'E' => Err(input.error()?),
        _ => return Err(input.damaged()),
    };
    input.end(answer)
}

/// A read paste, as text: the configuration's reading bounded as [`encode`] bounds it, and
/// every part.
pub fn encode_paste(answer: &Result<Paste, ImportError>) -> String {
    let mut out = Encoder(PASTE_HEADER.to_string());
    match answer {
        Ok(paste) => {
            out.tag('P');
            out.option(paste.configuration.as_ref(), |out, configuration| match configuration {
                Ok(reading) => {
                    out.tag('R');
                    out.reading(&bound(reading));
                }
                Err(error) => {
                    out.tag('E');
                    out.error(error);
                }
            });
            out.number(paste.parts.len());
            paste.parts.iter().for_each(|part| out.part(part));
        }
        Err(error) => {
            out.tag('E');
            out.error(error);
        }
    }
    out.0
}

/// The paste [`encode_paste`] wrote.
pub fn decode_paste(text: &str) -> Result<Result<Paste, ImportError>, WireError> {
    let mut input = Decoder::new(text, PASTE_HEADER)?;
    let answer = match input.tag()? {
        'P' => {
            let configuration = input.option(|input| match input.tag()? {
                'R' => Ok(Ok(input.reading()?)),
                'E' => Ok(Err(input.error()?)),
                _ => Err(input.damaged()),
            })?;
            let parts = (0..input.count()?).map(|_| input.part()).collect::<Result<_, _>>()?;
            Ok(Paste { configuration, parts })
        }
        'E' => Err(input.error()?),
        _ => return Err(input.damaged()),
    };
    input.end(answer)
}

struct Encoder(String);

impl Encoder {
    fn tag(&mut self, tag: char) {
        self.0.push(tag);
    }

    fn number(&mut self, number: usize) {
        let _ = write!(self.0, "{number};");
    }

    fn text(&mut self, text: &str) {
        let _ = write!(self.0, "{}:{text}", text.len());
    }

    fn texts(&mut self, texts: &[String]) {
        self.number(texts.len());
        texts.iter().for_each(|text| self.text(text));
    }

    fn flag(&mut self, flag: Option<bool>) {
        self.tag(match flag {
            None => '-',
            Some(true) => 't',
            Some(false) => 'f',
        });
    }

    fn option<T>(&mut self, value: Option<&T>, write: impl FnOnce(&mut Self, &T))
    where
        T: ?Sized,
    {
        match value {
            None => self.tag('-'),
            Some(value) => {
                self.tag('+');
                write(self, value);
            }
        }
    }

    fn position(&mut self, position: &Position) {
        self.number(position.line);
        self.number(position.column);
    }

    fn reading(&mut self, reading: &Reading) {
        self.tag(reading.source.code());
        self.settings(&reading.read.settings);
        self.option(reading.read.server_url.as_deref(), Self::text);
        self.texts(&reading.read.present);
        self.number(reading.read.problems.len());
        reading.read.problems.iter().for_each(|problem| self.problem(problem));
        self.number(reading.positions.len());
        for (path, position) in reading.positions.iter() {
            self.text(path);
            self.position(position);
        }
        self.number(reading.omitted);
    }

    /// Every key's value, grouped by kind (flags, texts, lists, maps), each in the table's order.
    fn settings(&mut self, s: &Settings) {
        for key in by_kind() {
            match (key.kind(), s.value(key)) {
                (keys::Kind::Flag, Some(ValueRef::Flag(flag))) => self.flag(Some(flag)),
                (keys::Kind::Flag, _) => self.flag(None),
                (_, Some(ValueRef::Text(text))) => self.option(Some(text), Self::text),
                (_, Some(ValueRef::List(items))) => self.option(Some(items), Self::texts),
                (_, Some(ValueRef::Map(pairs))) => self.option(Some(pairs), |out, pairs| {
                    out.number(pairs.len());
                    for (key, value) in pairs {
                        out.text(key);
                        out.text(value);
                    }
                }),
                (_, _) => self.tag('-'),
            }
        }
    }

    fn problem(&mut self, problem: &Problem) {
        self.text(&problem.path);
        self.option(problem.at.as_ref(), |out, &(line, column)| out.position(&Position { line, column }));
        match &problem.kind {
            ProblemKind::UnknownKey { suggestion } => {
                self.tag('u');
                self.option(suggestion.as_deref(), Self::text);
            }
            ProblemKind::NotAString { read_as } => {
                self.tag('n');
                self.text(read_as);
            }
            ProblemKind::StringForBool { text, read_as } => {
                self.tag('b');
                self.text(text);
                self.flag(Some(*read_as));
            }
            ProblemKind::ScalarForList { items } => {
                self.tag('s');
                self.texts(items);
            }
            ProblemKind::WrongType { expected } => {
                self.tag('w');
                self.tag(expected.code());
            }
            ProblemKind::Empty => self.tag('0'),
            ProblemKind::Control { character } => {
                self.tag('x');
                self.number(*character as usize);
            }
            ProblemKind::Duplicate { kept } => {
                self.tag('d');
                self.text(kept);
            }
            ProblemKind::Refused { reason } => {
                self.tag('r');
                self.text(reason);
            }
            ProblemKind::LaterDocuments => self.tag('m'),
        }
    }

    fn part(&mut self, part: &Part) {
        self.tag(part.kind.code());
        self.number(part.lines.0);
        self.number(part.lines.1);
        self.number(part.found.len());
        for found in &part.found {
            self.number(found.line);
            self.number(found.count);
            self.option(found.level.as_ref(), |out, level| {
                out.tag(level.code());
            });
            self.number(found.hits.len());
            for hit in &found.hits {
                self.number(hit.message);
                self.texts(&hit.values);
            }
        }
        self.number(part.omitted);
        self.number(part.unknown.len());
        for unknown in &part.unknown {
            self.number(unknown.line);
            self.text(&unknown.text);
            self.number(unknown.closest.len());
            unknown.closest.iter().for_each(|&index| self.number(index));
        }
        self.number(part.other);
        self.option(part.document.as_ref(), |out, document| match document {
            Document::Discovery(d) => {
                out.tag('D');
                let texts =
                    [&d.issuer, &d.authorization_endpoint, &d.token_endpoint, &d.userinfo_endpoint, &d.jwks_uri];
                texts.into_iter().for_each(|text| out.option(text.as_deref(), Self::text));
                let lists = [
                    &d.scopes_supported,
                    &d.claims_supported,
                    &d.code_challenge_methods_supported,
                    &d.id_token_signing_alg_values_supported,
                    &d.grant_types_supported,
                ];
                lists.into_iter().for_each(|list| out.option(list.as_deref(), Self::texts));
            }
            Document::Jwks(set) => {
                out.tag('J');
                out.number(set.keys.len());
                for key in &set.keys {
                    out.text(&key.kty);
                    out.option(key.alg.as_deref(), Self::text);
                    out.option(key.kid.as_deref(), Self::text);
                }
            }
        });
    }

    fn error(&mut self, error: &ImportError) {
        match error {
            ImportError::Empty => self.tag('0'),
            ImportError::TooLarge { bytes } => {
                self.tag('l');
                self.number(*bytes);
            }
            ImportError::Yaml { message, position } => {
                self.tag('y');
                self.text(message);
                self.option(position.as_ref(), Self::position);
            }
            ImportError::TooDeep => self.tag('d'),
            ImportError::TooManyBrackets { count } => {
                self.tag('b');
                self.number(*count);
            }
            ImportError::Aliasing { position } => {
                self.tag('a');
                self.option(position.as_ref(), Self::position);
            }
            ImportError::TooManyValues { position } => {
                self.tag('v');
                self.option(position.as_ref(), Self::position);
            }
            ImportError::NothingFound => self.tag('n'),
        }
    }
}

/// Reads what [`Encoder`] wrote, keeping the length so an error can say where it is.
struct Decoder<'a> {
    rest: &'a str,
    length: usize,
}

impl<'a> Decoder<'a> {
    /// The text after `header`, or [`WireError::Version`].
    fn new(text: &'a str, header: &str) -> Result<Decoder<'a>, WireError> {
        let rest = text.strip_prefix(header).ok_or(WireError::Version)?;
        Ok(Decoder { rest, length: text.len() })
    }

    /// The error of whatever stands at the current place.
    fn damaged(&self) -> WireError {
        WireError::Damaged { at: self.length - self.rest.len() }
    }

    /// A data-less enum by its letter.
    fn code<T: Code>(&mut self) -> Result<T, WireError> {
        let at = self.damaged();
        T::from_code(self.tag()?).ok_or(at)
    }

    /// The whole text read, or an error where something is left.
    fn end<T>(&self, answer: T) -> Result<T, WireError> {
        self.rest.is_empty().then_some(answer).ok_or_else(|| self.damaged())
    }

    fn tag(&mut self) -> Result<char, WireError> {
        let mut chars = self.rest.chars();
        let tag = chars.next().ok_or_else(|| self.damaged())?;
        self.rest = chars.as_str();
        Ok(tag)
    }

    /// Digits up to `end`; at most 20, so no text can make this scan far.
    fn digits(&mut self, end: char) -> Result<usize, WireError> {
        let at = self.rest.char_indices().take(21).find(|&(_, c)| c == end).ok_or_else(|| self.damaged())?.0;
        let digits = &self.rest[..at];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.damaged());
        }
        self.rest = &self.rest[at + 1..];
        digits.parse().map_err(|_| self.damaged())
    }

    fn number(&mut self) -> Result<usize, WireError> {
        self.digits(';')
    }

    /// A count of things still to read, each at least one byte: never more than are left.
    fn count(&mut self) -> Result<usize, WireError> {
        let count = self.number()?;
        (count <= self.rest.len()).then_some(count).ok_or_else(|| self.damaged())
    }

    fn text(&mut self) -> Result<String, WireError> {
        let length = self.digits(':')?;
        let text = self.rest.get(..length).ok_or_else(|| self.damaged())?;
        self.rest = &self.rest[length..];
        Ok(text.to_string())
    }

    fn texts(&mut self) -> Result<Vec<String>, WireError> {
        (0..self.count()?).map(|_| self.text()).collect()
    }

    fn flag(&mut self) -> Result<Option<bool>, WireError> {
        match self.tag()? {
            '-' => Ok(None),
            't' => Ok(Some(true)),
            'f' => Ok(Some(false)),
            _ => Err(self.damaged()),
        }
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, WireError>) -> Result<Option<T>, WireError> {
        match self.tag()? {
            '-' => Ok(None),
            '+' => read(self).map(Some),
            _ => Err(self.damaged()),
        }
    }

    fn position(&mut self) -> Result<Position, WireError> {
        Ok(Position { line: self.number()?, column: self.number()? })
    }

    fn reading(&mut self) -> Result<Reading, WireError> {
        let source = self.code()?;
        let settings = self.settings()?;
        let server_url = self.option(Self::text)?;
        let present = self.texts()?;
        let problems = (0..self.count()?).map(|_| self.problem()).collect::<Result<_, _>>()?;
        let entries = (0..self.count()?).map(|_| Ok((self.text()?, self.position()?))).collect::<Result<_, _>>()?;
        let omitted = self.number()?;
        let read = Read { settings, server_url, present, problems };
        Ok(Reading { source, read, positions: Positions::from_entries(entries), omitted })
    }

    fn settings(&mut self) -> Result<Settings, WireError> {
        let mut settings = Settings::default();
        for key in by_kind() {
            let value = match key.kind() {
                keys::Kind::Flag => self.flag()?.map(Value::Flag),
                keys::Kind::Text => self.option(Self::text)?.map(Value::Text),
                keys::Kind::List(_) => self.option(Self::texts)?.map(Value::List),
                keys::Kind::Map => self
                    .option(|input| (0..input.count()?).map(|_| Ok((input.text()?, input.text()?))).collect())?
                    .map(Value::Map),
            };
            settings.set(key, value);
        }
        Ok(settings)
    }

    fn problem(&mut self) -> Result<Problem, WireError> {
        let path = self.text()?;
        let at = self.option(Self::position)?.map(|position| (position.line, position.column));
        let kind = match self.tag()? {
            'u' => ProblemKind::UnknownKey { suggestion: self.option(Self::text)? },
            'n' => ProblemKind::NotAString { read_as: self.text()? },
            'b' => {
                ProblemKind::StringForBool { text: self.text()?, read_as: self.flag()?.ok_or_else(|| self.damaged())? }
            }
            's' => ProblemKind::ScalarForList { items: self.texts()? },
            'w' => ProblemKind::WrongType { expected: self.code()? },
            '0' => ProblemKind::Empty,
            'x' => {
                let code = u32::try_from(self.number()?).map_err(|_| self.damaged())?;
                ProblemKind::Control { character: char::from_u32(code).ok_or_else(|| self.damaged())? }
            }
            'd' => ProblemKind::Duplicate { kept: self.text()? },
            'r' => ProblemKind::Refused { reason: self.text()? },
            'm' => ProblemKind::LaterDocuments,
            _ => return Err(self.damaged()),
        };
        Ok(Problem { path, kind, at })
    }

    /// An index into the catalogue of messages.
    fn message(&mut self) -> Result<usize, WireError> {
        let index = self.number()?;
        (index < MESSAGES.len()).then_some(index).ok_or_else(|| self.damaged())
    }

    fn part(&mut self) -> Result<Part, WireError> {
        let kind = self.code()?;
        let mut part = Part::new(kind, (self.number()?, self.number()?));
        for _ in 0..self.count()? {
            let (line, count) = (self.number()?, self.number()?);
            let level = self.option(Self::code)?;
            let hits = (0..self.count()?)
                .map(|_| Ok(Hit { message: self.message()?, values: self.texts()? }))
                .collect::<Result<_, _>>()?;
            part.found.push(Found { line, count, level, hits });
        }
        part.omitted = self.number()?;
        for _ in 0..self.count()? {
            let (line, text) = (self.number()?, self.text()?);
            let closest = (0..self.count()?).map(|_| self.message()).collect::<Result<_, _>>()?;
            part.unknown.push(Unknown { line, text, closest });
        }
        part.other = self.number()?;
        part.document = self.option(|input| {
            Ok(match input.tag()? {
                'D' => {
                    let mut texts: [Option<String>; 5] = Default::default();
                    for text in &mut texts {
                        *text = input.option(Self::text)?;
                    }
                    let mut lists: [Option<Vec<String>>; 5] = Default::default();
                    for list in &mut lists {
                        *list = input.option(Self::texts)?;
                    }
                    let [issuer, authorization_endpoint, token_endpoint, userinfo_endpoint, jwks_uri] = texts;
                    let [scopes_supported, claims_supported, code_challenge_methods_supported, id_token_signing_alg_values_supported, grant_types_supported] =
                        lists;
                    Document::Discovery(Discovery {
                        issuer,
                        authorization_endpoint,
                        token_endpoint,
                        userinfo_endpoint,
                        jwks_uri,
                        scopes_supported,
                        claims_supported,
                        code_challenge_methods_supported,
                        id_token_signing_alg_values_supported,
                        grant_types_supported,
                    })
                }
                'J' => {
                    let keys = (0..input.count()?)
                        .map(|_| Ok(Key { kty: input.text()?, alg: input.option(Self::text)?, kid: input.option(Self::text)? }))
                        .collect::<Result<_, _>>()?;
                    Document::Jwks(Jwks { keys })
                }
                _ => return Err(input.damaged()),
            })
        })?;
        Ok(part)
    }

    fn error(&mut self) -> Result<ImportError, WireError> {
        Ok(match self.tag()? {
            '0' => ImportError::Empty,
            'l' => ImportError::TooLarge { bytes: self.number()? },
            'y' => ImportError::Yaml { message: self.text()?, position: self.option(Self::position)? },
            'd' => ImportError::TooDeep,
            'b' => ImportError::TooManyBrackets { count: self.number()? },
            'a' => ImportError::Aliasing { position: self.option(Self::position)? },
            'v' => ImportError::TooManyValues { position: self.option(Self::position)? },
            'n' => ImportError::NothingFound,
            _ => return Err(self.damaged()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_setting_crosses_once_in_the_group_of_its_kind() {
        let group = |key: SettingKey| match key.kind() {
            keys::Kind::Flag => 0,
            keys::Kind::Text => 1,
            keys::Kind::List(_) => 2,
            keys::Kind::Map => 3,
        };
        let order: Vec<SettingKey> = by_kind().collect();
        assert_eq!(order.len(), KEYS.len(), "each key once");
        let groups: Vec<u8> = order.iter().map(|&key| group(key)).collect();
        assert!(groups.windows(2).all(|pair| pair[0] <= pair[1]), "{groups:?}");
        assert_eq!(
            order.iter().filter(|&&key| group(key) == 0).count(),
            KEYS.iter().filter(|rule| rule.kind == keys::Kind::Flag).count()
        );
    }
}
