//! Look-alike names: letters of scripts that share shapes (Latin, Greek, Cyrillic, Armenian,
//! Georgian, Cherokee) mixed in one name, so that `аdmins` with a Cyrillic а passes for
//! `admins`; and the ASCII (punycode) form of a domain written beyond ASCII, which is what
//! shows whether two domains are the same.

/// The scripts whose letters pass for each other's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Georgian,
    Cherokee,
}

impl Script {
    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Greek => "Greek",
            Script::Cyrillic => "Cyrillic",
            Script::Armenian => "Armenian",
            Script::Georgian => "Georgian",
            Script::Cherokee => "Cherokee",
        }
    }
}

fn script(c: char) -> Option<Script> {
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' => Script::Latin,
        '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' => Script::Latin,
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Script::Latin,
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{400}'..='\u{52F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}' => {
            Script::Cyrillic
        }
        '\u{530}'..='\u{58F}' => Script::Armenian,
        '\u{10A0}'..='\u{10FF}' | '\u{1C90}'..='\u{1CBF}' => Script::Georgian,
        '\u{13A0}'..='\u{13FF}' | '\u{AB70}'..='\u{ABBF}' => Script::Cherokee,
        _ => return None,
    })
}

/// The scripts a name mixes, as "Latin and Cyrillic", if it mixes any that pass for each
/// other's. Other scripts (Han, Arabic…) are written beside Latin as a matter of course.
pub(crate) fn mixed(text: &str) -> Option<String> {
    let mut seen: Vec<Script> = Vec::new();
    for found in text.chars().filter_map(script) {
        if !seen.contains(&found) {
            seen.push(found);
        }
    }
    match seen.as_slice() {
        [] | [_] => None,
        [first, rest @ ..] => {
            let rest: Vec<&str> = rest.iter().map(|s| s.name()).collect();
            Some(format!("{} and {}", first.name(), rest.join(", ")))
        }
    }
}

/// The ASCII form of a domain with letters beyond ASCII: each such label written in punycode
/// after `xn--`, as DNS and browsers show it (ASCII letters lower-cased; letters beyond ASCII
/// as typed, which keeps Unicode's case tables out of the page).
pub(crate) fn ascii_domain(domain: &str) -> Option<String> {
    if domain.is_ascii() {
        return None;
    }
    let labels: Option<Vec<String>> = domain
        .split('.')
        .map(|label| {
            if label.is_ascii() {
                Some(label.to_ascii_lowercase())
            } else {
                idna::punycode::encode_str(&label.to_ascii_lowercase()).map(|code| format!("xn--{code}"))
            }
        })
        .collect();
    labels.map(|labels| labels.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_are_told_from_names_in_one_script() {
        assert_eq!(mixed("\u{430}dmins").as_deref(), Some("Cyrillic and Latin"));
        assert_eq!(mixed("admins"), None);
        assert_eq!(mixed("админы"), None);
        assert_eq!(mixed("Zürich-ops"), None);
        assert_eq!(mixed("運用 ops"), None);
        assert_eq!(mixed("αdmins").as_deref(), Some("Greek and Latin"));
    }

    #[test]
    fn each_range_holds_its_first_and_last_letter_and_no_neighbour() {
        let named = |c: char| script(c).map(Script::name);
        let inside = [
            ("Latin", "azAZ\u{C0}\u{D6}\u{D8}\u{F6}\u{F8}\u{24F}\u{1E00}\u{1EFF}\u{2C60}\u{2C7F}\u{A720}\u{A7FF}"),
            ("Latin", "\u{FF21}\u{FF3A}\u{FF41}\u{FF5A}"),
            ("Greek", "\u{370}\u{3FF}\u{1F00}\u{1FFF}"),
            ("Cyrillic", "\u{400}\u{52F}\u{1C80}\u{1C8F}\u{2DE0}\u{2DFF}\u{A640}\u{A69F}"),
            ("Armenian", "\u{530}\u{58F}"),
            ("Georgian", "\u{10A0}\u{10FF}\u{1C90}\u{1CBF}"),
            ("Cherokee", "\u{13A0}\u{13FF}\u{AB70}\u{ABBF}"),
        ];
        for (name, letters) in inside {
            for c in letters.chars() {
                assert_eq!(named(c), Some(name), "U+{:04X}", c as u32);
            }
        }
        let outside = "@[`{\u{BF}\u{D7}\u{F7}\u{250}\u{36F}\u{1DFF}\u{2000}\u{2C5F}\u{2C80}\u{A71F}\u{A800}\u{FF20}\u{FF3B}\u{FF40}\u{FF5B}\u{590}\u{109F}\u{1100}\u{1C7F}\u{1CC0}\u{139F}\u{1400}\u{AB6F}\u{ABC0}\u{2DDF}\u{2E00}\u{A63F}\u{A6A0}";
        for c in outside.chars() {
            assert_eq!(named(c), None, "U+{:04X}", c as u32);
        }
        assert_eq!(mixed("\u{530}\u{10A0}\u{13A0}a").as_deref(), Some("Armenian and Georgian, Cherokee, Latin"));
    }

    #[test]
    fn domains_beyond_ascii_are_shown_in_punycode() {
        assert_eq!(ascii_domain("ex\u{430}mple.com").as_deref(), Some("xn--exmple-4nf.com"));
        assert_eq!(ascii_domain("bücher.example").as_deref(), Some("xn--bcher-kva.example"));
        assert_eq!(ascii_domain("example.com"), None);
    }
}
