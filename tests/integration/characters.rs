//! Characters that change what a value means while it looks the same: a lone carriage return,
//! text that could not be read (U+FFFD), invisible formatting characters, letters of several
//! scripts, and domains beyond ASCII. Each is refused or explained wherever a value comes in:
//! typed, linked, from the page's attributes, or imported.

use crate::common::{example, with};
use sso_playground::engine::embed::embedding;
use sso_playground::engine::fields::Field;
use sso_playground::engine::import::import;
use sso_playground::engine::limits::{refusal, Refusal};
use sso_playground::engine::share::decode;
use sso_playground::engine::{render, Check, Inputs};

/// The fields whose values the outputs wait for, and the message of the first.
fn withheld(inputs: &Inputs) -> (Vec<Field>, String) {
    let outputs = render(inputs);
    let message =
        outputs.diagnostics.iter().find(|d| d.check == Check::ValueRefused).map(|d| d.cause()).unwrap_or_default();
    (outputs.model.refused(), message)
}

#[test]
fn a_lone_carriage_return_is_refused_like_a_line_break_inside_a_value() {
    // Typed or linked: the text box shows two lines, every output would keep one value.
    for (query, field) in
        [("v=1&groups=vpn%0Dadmins", Field::AllowedGroups), ("v=1&params=a%3Db%0Dc%3Dd", Field::ExtraParams)]
    {
        let inputs = decode(query, &Inputs::default()).inputs;
        let (refused, message) = withheld(&inputs);
        assert_eq!(refused, [field], "{query}");
        assert!(message.contains("line 1 holds a carriage return"), "{message}");
        let outputs = render(&inputs);
        let terraform = outputs.authentik.terraform(false);
        assert!(!terraform.contains("vpn\radmins") && !terraform.contains("vpn\\radmins"), "{terraform}");
    }
    assert_eq!(
        refusal(Field::AllowedUsers, "a@example.com\rb@example.com"),
        Some(Refusal::Control { character: '\r', line: Some(1) })
    );
    // CR LF still separates the entries of a list; a carriage return at the very end is alone.
    assert_eq!(refusal(Field::AllowedGroups, "vpn\r\nadmins\r\n"), None);
    assert_eq!(
        refusal(Field::AllowedGroups, "vpn\r\nadmins\r"),
        Some(Refusal::Control { character: '\r', line: Some(2) })
    );
    // From the page's attribute: kept in the field and refused there, never bound as one group.
    let attribute = embedding(|name| (name == "data-allowed-groups").then(|| "vpn\radmins".to_string()), 0);
    let (refused, _) = withheld(&attribute.defaults);
    assert_eq!(refused, [Field::AllowedGroups]);
    // Imported: refused at its line (environment files: see `environment::`).
    let text = "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  allowed_groups: [\"vpn\\radmins\"]\n";
    let found = import(text, &example()).expect("read");
    assert!(found.findings.iter().any(|f| f.diagnostic.check == Check::ValueRefused), "{:?}", found.findings);
    assert!(!found.applicable());
}

#[test]
fn text_that_could_not_be_read_is_refused_not_passed_on() {
    // A lone surrogate reaches the engine as U+FFFD (the browser's text, or %ED%A0%80 in a link).
    let typed = with(|i| i.allowed_groups = "ops\u{FFFD}".into());
    let (refused, message) = withheld(&typed);
    assert_eq!(refused, [Field::AllowedGroups]);
    assert!(message.contains("U+FFFD"), "{message}");
    for query in ["v=1&groups=ops%ED%A0%80", "v=1&hs=vpn.example.org%FF"] {
        let inputs = decode(query, &Inputs::default()).inputs;
        assert!(!withheld(&inputs).0.is_empty(), "{query}");
    }
    let found = import(
        "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  allowed_groups: [\"ops\\uFFFD\"]\n",
        &example(),
    )
    .expect("read");
    assert!(!found.applicable());
}

#[test]
fn invisible_formatting_characters_are_refused_in_names_addresses_and_domains() {
    for group in
        ["admins\u{200B}", "\u{202E}snimda", "\u{FEFF}ops", "ad\u{AD}mins", "ops\u{2066}x\u{2069}", "ad\u{200D}mins"]
    {
        let (refused, message) = withheld(&with(|i| i.allowed_groups = format!("vpn\n{group}")));
        assert_eq!(refused, [Field::AllowedGroups], "{group:?}");
        assert!(message.contains("line 2 holds an invisible formatting character"), "{message}");
    }
    let (refused, message) = withheld(&with(|i| i.allowed_groups = "\u{202E}snimda".into()));
    assert!(refused.contains(&Field::AllowedGroups) && message.contains("direction"), "{message}");
    for (field, value) in [
        (Field::AllowedUsers, "alice\u{200B}@example.com"),
        (Field::AllowedDomains, "exa\u{200B}mple.com"),
        (Field::AppName, "Head\u{200B}scale"),
        (Field::AuthentikUrl, "https://sso.example.org\u{FEFF}"),
    ] {
        let mut inputs = example();
        inputs.set_text(field, value.to_string());
        assert_eq!(withheld(&inputs).0, [field], "{value:?}");
    }
    // Joiners inside an emoji sequence or a Persian word are part of the writing.
    for group in ["👩\u{200D}💻 developers", "می\u{200C}خواهم"] {
        assert_eq!(refusal(Field::AllowedGroups, group), None, "{group:?}");
    }
    // Only between two such letters: beside ASCII, a line's end, a space or another invisible
    // character on either side, a joiner only hides.
    for group in ["é\u{200D}x", "x\u{200D}é", "é\u{200D}", "\u{200C}é", "é\u{200D} é", "é\u{200D}\u{200B}é"] {
        assert!(
            matches!(
                refusal(Field::AllowedGroups, group),
                Some(Refusal::Control { character: '\u{200C}' | '\u{200D}', .. })
            ),
            "{group:?}"
        );
    }
    // A link carries them like typing does, and so does an import.
    let linked = decode("v=1&groups=admins%E2%80%8B", &Inputs::default()).inputs;
    assert_eq!(withheld(&linked).0, [Field::AllowedGroups]);
    let found = import(
        "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  allowed_groups: [\"admins\\u200B\"]\n",
        &example(),
    )
    .expect("read");
    assert!(found.findings.iter().any(|f| f.diagnostic.check == Check::ValueRefused), "{:?}", found.findings);
    assert!(!found.applicable());
}

#[test]
fn look_alike_letters_are_warned_and_domains_shown_in_ascii() {
    let fired = |inputs: &Inputs| render(inputs).diagnostics;
    let groups = fired(&with(|i| i.allowed_groups = "\u{430}dmins".into()));
    let warning = groups.iter().find(|d| d.check == Check::MixedScripts).expect("mixed scripts");
    assert_eq!(warning.field(), Field::AllowedGroups);
    assert!(warning.cause().contains("Cyrillic and Latin"), "{}", warning.cause());
    // A share link smuggling a look-alike domain: warned, and its ASCII form shown.
    let linked = decode("v=1&domains=ex%D0%B0mple.com", &Inputs::default()).inputs;
    let domains = fired(&linked);
    assert!(domains.iter().any(|d| d.check == Check::MixedScripts && d.field() == Field::AllowedDomains));
    let ascii = domains.iter().find(|d| d.check == Check::DomainPunycode).expect("punycode");
    assert!(ascii.cause().contains("xn--exmple-4nf.com"), "{}", ascii.cause());
    let users = fired(&with(|i| i.allowed_users = "alice@bücher.example".into()));
    assert!(users.iter().any(|d| d.check == Check::DomainPunycode && d.cause().contains("xn--bcher-kva.example")));
    // One script, or ASCII: nothing to say.
    for inputs in
        [with(|i| i.allowed_groups = "админы\nadmins".into()), with(|i| i.allowed_domains = "example.com".into())]
    {
        assert!(!fired(&inputs).iter().any(|d| matches!(d.check, Check::MixedScripts | Check::DomainPunycode)));
    }
}

/// Every character the refusal names, by the words the reader sees next to the field, and the
/// generic wording for the rest: a formatting character is never called a control character.
#[test]
fn each_refused_character_is_named_as_the_reader_knows_it() {
    let named = [
        ('\n', "a line break"),
        ('\r', "a carriage return"),
        ('\t', "a tab"),
        ('\0', "a NUL character (U+0000)"),
        ('\u{2028}', "a line separator (U+2028)"),
        ('\u{2029}', "a paragraph separator (U+2029)"),
        (
            '\u{FFFD}',
            "a character that could not be read (U+FFFD, left by a lone surrogate or by bytes that are not UTF-8)",
        ),
        ('\u{AD}', "an invisible formatting character (U+00AD, a soft hyphen)"),
        ('\u{200B}', "an invisible formatting character (U+200B, a zero-width space)"),
        ('\u{200E}', "an invisible formatting character (U+200E, which changes the direction text is shown in)"),
        ('\u{202E}', "an invisible formatting character (U+202E, which changes the direction text is shown in)"),
        ('\u{2066}', "an invisible formatting character (U+2066, which changes the direction text is shown in)"),
        ('\u{FEFF}', "an invisible formatting character (U+FEFF, a zero-width no-break space or byte order mark)"),
        // A formatting character without a name of its own, and a control without one.
        ('\u{2060}', "an invisible formatting character (U+2060)"),
        ('\u{1B}', "an invisible control character (U+001B)"),
        ('\u{85}', "an invisible control character (U+0085)"),
    ];
    for (character, words) in named {
        let refusal = Refusal::Control { character, line: None };
        assert_eq!(refusal.to_string(), format!("the value holds {words}"), "{character:?}");
        let refusal = Refusal::Control { character, line: Some(3) };
        assert_eq!(refusal.to_string(), format!("line 3 holds {words}"), "{character:?}");
    }
}
