//! Splits a paste into parts (log lines, a page, an answer of authentik, a document, a
//! configuration) and recognises the messages in each. Bounded: a line is read up to
//! [`MAX_LINE`], every JSON document within the bounds of [`super::json`], and only the first
//! [`MAX_FOUND`] distinct messages of a part and [`MAX_UNKNOWN`] unknown lines are kept.

use super::lines::{self, LogLine};
use super::recognise::{recognise, unknown};
use super::{discovery, json, jwks, Document, Found, Hit, Kind, Part, MAX_FOUND, MAX_LINE, MAX_UNKNOWN};

/// At most this many parts; a paste of more is cut there.
const MAX_PARTS: usize = 50;

/// The parts of `text`, in order.
pub fn read(text: &str) -> Vec<Part> {
    let last = text.lines().count().max(1);
    if let Some(part) = document(text, last) {
        return vec![part];
    }
    if looks_like_html(text) {
        return vec![page(text, last)];
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut unknown_left = MAX_UNKNOWN;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = lines::strip_colours(bounded(raw));
        if line.trim().is_empty() {
            if let Some(part) = parts.last_mut() {
                part.lines.1 = number;
            }
            continue;
        }
        let (kind, found, unknown_text) = classify(&line);
        let continues = parts.last().is_some_and(|part| part.kind == kind && kind != Kind::AuthentikError);
        if !continues {
            if parts.len() >= MAX_PARTS {
                break;
            }
            parts.push(Part::new(kind, (number, number)));
        }
        let part = parts.last_mut().expect("a part exists");
        part.lines.1 = number;
        match (found, unknown_text) {
            (Some((level, hits)), _) => add(part, number, level, hits),
            (None, Some(text)) if unknown_left > 0 => {
                unknown_left -= 1;
                part.unknown.push(unknown(number, &text));
            }
            _ => part.other += 1,
        }
    }
    parts
}

fn bounded(line: &str) -> &str {
    match line.char_indices().nth(MAX_LINE) {
        Some((at, _)) => &line[..at],
        None => line,
    }
}

type Recognised = Option<(Option<super::Level>, Vec<Hit>)>;

/// What one line is, what it says, and its text when it says something unknown.
fn classify(line: &str) -> (Kind, Recognised, Option<String>) {
    if let Some(log) = lines::read(line) {
        let kind = if log.json { Kind::JsonLog } else { Kind::TextLog };
        let hits = log_hits(&log);
        if !hits.is_empty() {
            return (kind, Some((log.level, hits)), None);
        }
        let worth_listing = log.level.is_some_and(|level| level >= super::Level::Warn);
        let text = match &log.error {
            Some(error) => format!("{} {error}", log.message),
            None => log.message.clone(),
        };
        return (kind, None, worth_listing.then_some(text));
    }
    if let Some(description) = callback_error(line) {
        let hits = recognise(&description);
        let text = (hits.is_empty()).then_some(description);
        return (Kind::AuthentikError, (!hits.is_empty()).then_some((None, hits)), text);
    }
    let hits = recognise(line);
    if !hits.is_empty() {
        return (Kind::Text, Some((None, hits)), None);
    }
    if configuration_like(line) {
        return (Kind::Configuration, None, None);
    }
    let words = line.split_whitespace().count();
    (Kind::Text, None, (words >= 2).then(|| line.trim().to_string()))
}

/// The messages of a log line: its message, then its error field.
fn log_hits(log: &LogLine) -> Vec<Hit> {
    let mut hits = recognise(&log.message);
    if let Some(error) = &log.error {
        hits.extend(recognise(error));
    }
    hits
}

/// Adds what a line said to its part, counting a repeat instead of listing it again.
fn add(part: &mut Part, line: usize, level: Option<super::Level>, hits: Vec<Hit>) {
    if let Some(found) = part.found.iter_mut().find(|found| found.hits == hits) {
        found.count += 1;
        return;
    }
    if part.found.len() >= MAX_FOUND {
        part.omitted += 1;
        return;
    }
    part.found.push(Found { line, count: 1, level, hits });
}

/// A line of a configuration: a YAML key, a list item, a comment, a `HEADSCALE_` variable.
fn configuration_like(line: &str) -> bool {
    let code = line.trim_start();
    let code = code.strip_prefix("export ").unwrap_or(code);
    // A list item of YAML, whatever it holds.
    if code == "-" || code.starts_with("- ") || code.starts_with('#') || code.starts_with("HEADSCALE_") {
        return true;
    }
    match code.split_once(':') {
        Some((key, rest)) => {
            !key.is_empty()
                && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'"' | b'\''))
                && (rest.is_empty() || rest.starts_with(' '))
        }
        None => false,
    }
}

/// The `error_description` of a callback address (`…/oidc/callback?error=…&error_description=…`).
fn callback_error(line: &str) -> Option<String> {
    let at = line.find("error_description=")?;
    if !line[..at].contains("error=") {
        return None;
    }
    let value = &line[at + "error_description=".len()..];
    let value = value.split(['&', ' ', '#']).next().unwrap_or_default();
    Some(percent_decode(value))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            // Fewer than two characters after it, or not hexadecimal: a `%` of its own.
            b'%' => match text.get(i + 1..i + 3).and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                Some(byte) => {
                    out.push(byte);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A whole JSON document: a discovery document, a key set, an error answer of authentik.
fn document(text: &str, last: usize) -> Option<Part> {
    let trimmed = text.trim();
    // One JSON log line is a log, not a document.
    if !trimmed.starts_with('{') || lines::read(trimmed).is_some_and(|log| log.json) {
        return None;
    }
    let map = json::object(trimmed)?;
    if let Some(found) = discovery::from_json(&map) {
        let mut part = Part::new(Kind::Discovery, (1, last));
        part.document = Some(Document::Discovery(found));
        return Some(part);
    }
    if let Some(set) = jwks::from_json(&map) {
        let mut part = Part::new(Kind::Jwks, (1, last));
        part.document = Some(Document::Jwks(set));
        return Some(part);
    }
    let description = json::text(&map, "error_description")?;
    let mut part = Part::new(Kind::AuthentikError, (1, last));
    let hits = recognise(&description);
    if hits.is_empty() {
        part.unknown.push(unknown(1, &description));
    } else {
        add(&mut part, 1, None, hits);
    }
    Some(part)
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<title")
}

/// The text a browser shows of `html`, one block per line.
fn visible_text(html: &str) -> Vec<String> {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open..];
        let lower: String = tag.chars().take(8).collect::<String>().to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            tag.to_ascii_lowercase().find("</script>").map(|at| at + 9)
        } else if lower.starts_with("<style") {
            tag.to_ascii_lowercase().find("</style>").map(|at| at + 8)
        } else {
            tag.find('>').map(|at| at + 1)
        };
        out.push('\n');
        match skip_to {
            Some(end) => rest = &tag[end..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect()
}

/// HTTP status texts, which Headscale's own error page uses as its heading.
const STATUS_TEXTS: [&str; 7] =
    ["Bad Request", "Unauthorized", "Forbidden", "Not Found", "Gone", "Internal Server Error", "Method Not Allowed"];

fn page(html: &str, last: usize) -> Part {
    let lines = visible_text(bounded_page(html));
    let text = lines.join("\n");
    let headscale_page = text.contains("Headscale - Error");
    let mut part = Part::new(Kind::Text, (1, last));
    for line in &lines {
        if headscale_page && STATUS_TEXTS.contains(&line.as_str()) {
            part.other += 1;
            continue;
        }
        let hits = recognise(line);
        if hits.is_empty() {
            part.other += 1;
        } else {
            add(&mut part, 1, None, hits);
        }
    }
    let authentik =
        part.found.iter().flat_map(|found| &found.hits).any(|hit| hit.known().origin == super::Origin::Authentik)
            || text.to_ascii_lowercase().contains("authentik");
    part.kind = if authentik {
        Kind::AuthentikPage
    } else if headscale_page || text.to_ascii_lowercase().contains("headscale") || !part.found.is_empty() {
        Kind::HeadscalePage
    } else {
        Kind::Text
    };
    if part.found.is_empty() {
        let main: Vec<&String> = lines.iter().filter(|line| line.split_whitespace().count() >= 3).take(2).collect();
        if let Some(first) = main.first() {
            part.unknown.push(unknown(1, first));
        }
    }
    part
}

/// A page is read up to the import's size limit, which the paste is held to anyway.
fn bounded_page(html: &str) -> &str {
    let limit = crate::engine::limits::limit(crate::engine::fields::Field::ImportText).chars;
    match html.char_indices().nth(limit) {
        Some((at, _)) => &html[..at],
        None => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callback_address_is_read_for_its_error() {
        assert_eq!(
            callback_error("https://hs.example.com/oidc/callback?error=invalid_request&error_description=The+request+is+otherwise%20malformed&state=x").as_deref(),
            Some("The request is otherwise malformed")
        );
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("a%41"), "aA");
        assert_eq!(percent_decode("%4g%"), "%4g%");
    }

    #[test]
    fn configuration_lines_are_told_apart() {
        assert!(configuration_like("  issuer: https://x/"));
        assert!(configuration_like("HEADSCALE_OIDC_ISSUER=https://x/"));
        assert!(!configuration_like("unauthorised group"));
        // List items and comments, whatever they hold.
        for line in ["-", "  - admins", "# a comment", "export HEADSCALE_OIDC_ISSUER=https://x/", "issuer:"] {
            assert!(configuration_like(line), "{line}");
        }
        // No key, a key with a space in it, or no space after the colon.
        for line in [": x", "unauthorised group: x", "issuer:https://x/", "-x"] {
            assert!(!configuration_like(line), "{line}");
        }
    }

    #[test]
    fn a_json_log_line_is_no_document_even_with_an_error_description() {
        assert!(document(r#"{"level":"error","message":"x","error_description":"Invalid client"}"#, 1).is_none());
        let answer = document(r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#, 1);
        assert_eq!(answer.map(|part| part.kind), Some(Kind::AuthentikError));
    }

    #[test]
    fn any_one_of_the_markers_makes_a_page() {
        for head in ["<html>", "<!DOCTYPE html>", "<body>", "<title>x</title>"] {
            assert!(looks_like_html(head), "{head}");
        }
        assert!(!looks_like_html("<p>a paragraph</p>"));
    }

    #[test]
    fn scripts_and_styles_are_not_visible_text() {
        let html = "<script>var hidden = 1;</script><p>Hello</p><STYLE>p { color: red }</STYLE><p>there</p>";
        assert_eq!(visible_text(html), ["Hello", "there"]);
    }

    #[test]
    fn a_page_is_told_by_its_words_and_its_messages() {
        let kind = |html: &str| page(html, 1).kind;
        // Headscale's error page, or any page naming it, or one with its messages.
        assert_eq!(kind("<title>Headscale - Error</title><h1>Forbidden</h1>"), Kind::HeadscalePage);
        assert_eq!(kind("<title>my headscale</title><p>Something odd happened here</p>"), Kind::HeadscalePage);
        assert_eq!(kind("<p>oidc: id token not signed</p>"), Kind::HeadscalePage);
        // authentik's name, or one of its messages.
        assert_eq!(kind("<title>authentik</title><p>Something odd happened here</p>"), Kind::AuthentikPage);
        // Neither.
        assert_eq!(kind("<title>Oops</title><p>Something odd happened here</p>"), Kind::Text);
    }

    #[test]
    fn a_page_counts_the_lines_it_does_not_recognise() {
        // The title is a message of its own; the status heading and the line after it are not.
        let part = page("<title>Headscale - Error</title><h1>Forbidden</h1><p>odd</p>", 1);
        assert_eq!((part.other, part.found.len()), (2, 1));
    }

    #[test]
    fn an_unknown_page_is_shown_by_its_first_line_of_three_words_or_more() {
        let part = page("<p>Oops</p><p>Went wrong</p><p>Nothing matched here</p><p>Nor this line here</p>", 1);
        let shown: Vec<&str> = part.unknown.iter().map(|unknown| unknown.text.as_str()).collect();
        assert_eq!(shown, ["Nothing matched here"]);
    }
}
