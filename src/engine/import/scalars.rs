//! What a YAML scalar is to Headscale: its YAML parser (yaml.v3) resolves an unquoted value by
//! its first character and Go's number syntax, then viper's `cast` turns it into text. `0x1F`
//! is the number 31, `08` the decimal number 8, `1_000` a thousand, `2024-01-02` a date and
//! time, and a `!!binary` value is decoded from base64. Quoted values are always text.

use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Number, Value};

use crate::engine::import::libyaml::Style;

/// The tags yaml.v3 converts by, as the reader marks them: the value stays the text written,
/// tagged, and the reader refuses it rather than guess the conversion.
pub(crate) const BINARY: &str = "!!binary";
pub(crate) const TIMESTAMP: &str = "!!timestamp";

const CORE_PREFIX: &str = "tag:yaml.org,2002:";

/// A tag as yaml.v3 abbreviates the core ones (`!!str`); other tags unchanged.
fn short(tag: &str) -> String {
    match tag.strip_prefix(CORE_PREFIX) {
        Some(name) => format!("!!{name}"),
        None => tag.to_string(),
    }
}

/// The value of a scalar with its tag (`!` and none mean no tag) and style, or why yaml.v3
/// refuses it (a tag the text cannot have, such as `!!int abc`).
pub(crate) fn resolve(text: &str, tag: Option<&str>, style: Style) -> Result<Value, String> {
    let tag = tag.filter(|tag| *tag != "!").map(short).unwrap_or_default();
    if tag == "!!str" || (tag.is_empty() && style == Style::Quoted) {
        return Ok(Value::String(text.to_string()));
    }
    let resolvable = matches!(tag.as_str(), "" | "!!bool" | "!!int" | "!!float" | "!!null" | TIMESTAMP);
    if !resolvable {
        // Tags yaml.v3 has no rule for keep the text, except !!binary, which it decodes.
        return Ok(if tag == BINARY { tagged(BINARY, text) } else { Value::String(text.to_string()) });
    }
    let (kind, value) = untagged(text, &tag);
    match (tag.as_str(), kind) {
        ("", _) => Ok(value),
        (wanted, found) if wanted == found => Ok(value),
        ("!!float", "!!int") => Ok(Value::Number(Number::from(value.as_f64().unwrap_or_default()))),
        (wanted, found) => Err(format!("cannot decode {found} `{text}` as a {wanted}")),
    }
}

fn tagged(tag: &str, text: &str) -> Value {
    Value::Tagged(Box::new(TaggedValue { tag: Tag::new(tag), value: Value::String(text.to_string()) }))
}

/// yaml.v3's resolution of an untagged (or core-tagged) plain scalar: its kind and value.
fn untagged(text: &str, tag: &str) -> (&'static str, Value) {
    let string = ("!!str", Value::String(text.to_string()));
    let hint = match text.bytes().next() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => b'M',
        Some(b'.') => b'.',
        Some(_) => return string,
    };
    match text {
        "true" | "True" | "TRUE" => return ("!!bool", Value::Bool(true)),
        "false" | "False" | "FALSE" => return ("!!bool", Value::Bool(false)),
        "" | "~" | "null" | "Null" | "NULL" => return ("!!null", Value::Null),
        ".nan" | ".NaN" | ".NAN" => return ("!!float", Value::Number(Number::from(f64::NAN))),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return ("!!float", Value::Number(Number::from(f64::INFINITY)))
        }
        "-.inf" | "-.Inf" | "-.INF" => return ("!!float", Value::Number(Number::from(f64::NEG_INFINITY))),
        _ => {}
    }
    match hint {
        b'.' => go_float(text).map_or(string, |f| ("!!float", Value::Number(Number::from(f)))),
        b'D' | b'S' => {
            if (tag.is_empty() || tag == TIMESTAMP) && is_timestamp(text) {
                return (TIMESTAMP, tagged(TIMESTAMP, text));
            }
            let plain = text.replace('_', "");
            let int = |value: i64| ("!!int", Value::Number(Number::from(value)));
            if let Some(value) = go_int(&plain) {
                return int(value);
            }
            if let Some(value) = go_uint(&plain) {
                return ("!!int", Value::Number(Number::from(value)));
            }
            if is_decimal_float(&plain) {
                if let Some(value) = go_float(&plain) {
                    return ("!!float", Value::Number(Number::from(value)));
                }
            }
            // Binary and octal spellings Go's own prefixes did not take (beyond 63 bits).
            for (prefix, radix) in [("0b", 2), ("0o", 8)] {
                if let Some(digits) = plain.strip_prefix(prefix) {
                    if let Some(value) = digits_in(digits, radix).and_then(|_| i64::from_str_radix(digits, radix).ok())
                    {
                        return int(value);
                    }
                    if let Some(value) = digits_in(digits, radix).and_then(|_| u64::from_str_radix(digits, radix).ok())
                    {
                        return ("!!int", Value::Number(Number::from(value)));
                    }
                }
            }
            string
        }
        _ => string,
    }
}

/// `digits` if it is a non-empty run of digits of `radix`.
fn digits_in(digits: &str, radix: u32) -> Option<&str> {
    (!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix))).then_some(digits)
}

/// Go's `strconv.ParseUint(text, 0, 64)`: a `0x`, `0o`, `0b` or `0` prefix picks the base.
fn go_uint(text: &str) -> Option<u64> {
    let lower = text.get(..2).map(str::to_ascii_lowercase);
    let (digits, radix) = match lower.as_deref() {
        Some("0x") => (&text[2..], 16),
        Some("0o") => (&text[2..], 8),
        Some("0b") => (&text[2..], 2),
        _ if text.len() > 1 && text.starts_with('0') => (&text[1..], 8),
        _ => (text, 10),
    };
    u64::from_str_radix(digits_in(digits, radix)?, radix).ok()
}

/// Go's `strconv.ParseInt(text, 0, 64)`: an optional sign, then as [`go_uint`], within 64 bits.
fn go_int(text: &str) -> Option<i64> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = go_uint(rest)?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// yaml.v3's pattern for a float: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_decimal_float(text: &str) -> bool {
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", fraction)) => !fraction.is_empty() && digits(fraction),
        Some((whole, fraction)) => !whole.is_empty() && digits(whole) && digits(fraction),
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Go's `strconv.ParseFloat` on the texts that reach it here (decimal, with no underscore):
/// beyond the range of a float it fails.
fn go_float(text: &str) -> Option<f64> {
    let valid = text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    text.parse::<f64>().ok().filter(|value| valid && value.is_finite())
}

/// yaml.v3's timestamps: a date `2006-1-2`, optionally followed by a time, with `T`, `t` or a
/// space between; after `T` a zone (`Z` or `±07:00`) is required, after a space there is none.
fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 5 || !bytes[..4].iter().all(u8::is_ascii_digit) || bytes[4] != b'-' {
        return false;
    }
    let (date, time) = match text.find(['T', 't', ' ']) {
        Some(at) => (&text[..at], Some((bytes[at], &text[at + 1..]))),
        None => (text, None),
    };
    let numbers = |s: &str, sep: char| s.split(sep).map(|part| part.parse::<u32>().ok()).collect::<Option<Vec<u32>>>();
    let Some([year, month, day]) = numbers(date, '-').as_deref().and_then(|d| <[u32; 3]>::try_from(d).ok()) else {
        return false;
    };
    let days = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    if !(1..=days).contains(&day) || date.split('-').any(|part| part.len() > 2 && part.len() != 4) {
        return false;
    }
    let Some((separator, time)) = time else { return true };
    let (clock, zone) = match time.find(['Z', '+', '-']) {
        Some(at) => (&time[..at], Some(&time[at..])),
        None => (time, None),
    };
    let zone_ok = match (separator, zone) {
        (b' ', None) => true,
        (b'T' | b't', Some("Z")) => true,
        (b'T' | b't', Some(zone)) => {
            let hours_minutes = &zone[1..];
            hours_minutes.len() == 5 && numbers(hours_minutes, ':').is_some_and(|parts| parts.len() == 2)
        }
        _ => false,
    };
    let (whole, fraction) = clock.split_once('.').unwrap_or((clock, "0"));
    let clock_ok = numbers(whole, ':')
        .is_some_and(|parts| parts.len() == 3 && parts[0] < 24 && parts[1] < 60 && parts[2] < 60)
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit());
    zone_ok && clock_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_take_go_s_prefixes_and_signs() {
        let resolved = |text: &str| resolve(text, None, Style::Plain).unwrap();
        // Whole numbers stay integers, not floats.
        assert!(resolved("0").is_i64() && resolved("+5").is_i64() && resolved("+5") == 5);
        assert_eq!(
            (resolved("-0o17"), resolved("-0b11"), resolved("0o17")),
            (Value::from(-15), Value::from(-3), Value::from(15))
        );
        // A sign after the prefix is no number.
        assert_eq!(resolved("0x+5"), Value::from("0x+5"));
        assert_eq!(go_uint("0x+5"), None);
        // A timestamp tag reads a date; an int tag does not.
        assert!(resolve("2024-01-02", Some("!!timestamp"), Style::Plain).is_ok());
        assert_eq!(
            resolve("2024-01-02", Some("!!int"), Style::Plain),
            Err("cannot decode !!str `2024-01-02` as a !!int".to_string())
        );
    }

    #[test]
    fn floats_match_yaml_v3s_pattern() {
        for text in ["1", "1.", "1.5", ".5", "-1.5e3", "+1E-3", "1e+3", "10e10"] {
            assert!(is_decimal_float(text), "{text}");
        }
        for text in ["", ".", ".a", "a.5", "1.a", "a", "1e", "1ea", "e3", "ae5", "1.5e", "1..5", "-", "1e3.5"] {
            assert!(!is_decimal_float(text), "{text}");
        }
    }

    #[test]
    fn dates_are_checked_day_by_month_and_leap_year() {
        for text in ["2024-02-29", "2000-02-29", "2024-04-30", "2024-1-2", "2024-01-31"] {
            assert!(is_timestamp(text), "{text}");
        }
        for text in ["2023-02-29", "1900-02-29", "2024-04-31", "2024-09-31", "2024-11-31", "2024-06-31", "+024-01-02"] {
            assert!(!is_timestamp(text), "{text}");
        }
        for text in
            ["2024-01-02 23:59:59", "2024-01-02 10:00:00.5", "2024-01-02T10:00:00Z", "2024-01-02T10:00:00+07:00"]
        {
            assert!(is_timestamp(text), "{text}");
        }
        for text in [
            "2024-01-02 24:00:00",
            "2024-01-02 10:60:00",
            "2024-01-02 10:00:60",
            "2024-01-02 10:00",
            "2024-01-02 10:00:00.",
            "2024-01-02 10:00:00.5a",
            "2024-01-02T10:00:00+07:0x",
            "2024-01-02T10:00:00",
        ] {
            assert!(!is_timestamp(text), "{text}");
        }
    }

    #[test]
    fn core_words_and_tags_resolve_as_yaml_v3s() {
        let resolved = |text: &str, tag: Option<&str>| resolve(text, tag, Style::Plain).unwrap();
        for word in ["false", "False", "FALSE"] {
            assert_eq!(resolved(word, None), Value::Bool(false), "{word}");
        }
        for word in [".nan", ".NaN", ".NAN"] {
            assert!(resolved(word, None).as_f64().is_some_and(f64::is_nan), "{word}");
        }
        for word in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] {
            assert_eq!(resolved(word, None).as_f64(), Some(f64::INFINITY), "{word}");
        }
        for word in ["-.inf", "-.Inf", "-.INF"] {
            assert_eq!(resolved(word, None).as_f64(), Some(f64::NEG_INFINITY), "{word}");
        }
        assert_eq!(resolved("5", Some("!!int")), Value::from(5));
        assert_eq!(resolved("true", Some("tag:yaml.org,2002:bool")), Value::Bool(true));
        assert_eq!(resolved("5", Some("!!float")).as_f64(), Some(5.0));
    }

    fn plain(text: &str) -> Value {
        resolve(text, None, Style::Plain).expect("resolves")
    }

    #[test]
    fn numbers_follow_go_syntax() {
        assert_eq!(plain("0x1F"), Value::Number(31.into()));
        assert_eq!(plain("0o17"), Value::Number(15.into()));
        assert_eq!(plain("017"), Value::Number(15.into()));
        assert_eq!(plain("0b101"), Value::Number(5.into()));
        assert_eq!(plain("1_000"), Value::Number(1000.into()));
        assert_eq!(plain("-0x10"), Value::Number((-16).into()));
        assert_eq!(plain("08"), Value::Number(Number::from(8.0)));
        assert_eq!(plain("18446744073709551615"), Value::Number(u64::MAX.into()));
        assert_eq!(plain("1e3"), Value::Number(Number::from(1000.0)));
        assert_eq!(plain(".5"), Value::Number(Number::from(0.5)));
        assert_eq!(plain("1e400"), Value::String("1e400".into()));
        assert_eq!(plain("0x"), Value::String("0x".into()));
        assert_eq!(plain("+"), Value::String("+".into()));
    }

    #[test]
    fn booleans_and_nulls_are_the_few_yaml_1_2_spellings() {
        assert_eq!(plain("True"), Value::Bool(true));
        assert_eq!(plain("yes"), Value::String("yes".into()));
        assert_eq!(plain("on"), Value::String("on".into()));
        assert_eq!(plain("~"), Value::Null);
        assert_eq!(plain(""), Value::Null);
        assert_eq!(resolve("true", None, Style::Quoted), Ok(Value::String("true".into())));
    }

    #[test]
    fn tags_convert_or_are_refused() {
        assert_eq!(resolve("12", Some("tag:yaml.org,2002:str"), Style::Plain), Ok(Value::String("12".into())));
        assert_eq!(resolve("1", Some("tag:yaml.org,2002:float"), Style::Plain), Ok(Value::Number(Number::from(1.0))));
        assert!(resolve("abc", Some("tag:yaml.org,2002:int"), Style::Plain).is_err());
        assert_eq!(resolve("123", Some("!custom"), Style::Plain), Ok(Value::String("123".into())));
        assert_eq!(resolve("c2VjcmV0", Some("tag:yaml.org,2002:binary"), Style::Plain), Ok(tagged(BINARY, "c2VjcmV0")));
        assert_eq!(resolve("12", Some("!"), Style::Plain), Ok(Value::Number(12.into())));
    }

    #[test]
    fn dates_and_times_are_told_apart_from_text() {
        for text in ["2001-12-14", "2001-12-14T21:59:43.10Z", "2001-12-14t21:59:43+05:00", "2001-1-2 3:04:05"] {
            assert_eq!(plain(text), tagged(TIMESTAMP, text), "{text}");
        }
        for text in ["2001-13-14", "2001-02-30", "2001-12-14T21:59:43", "20011-12-14", "2001-12-14 21:59:43Z"] {
            assert!(!matches!(plain(text), Value::Tagged(_)), "{text}");
        }
    }
}
