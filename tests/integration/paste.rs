//! What the import box reads when a login already fails: log excerpts in both formats, browser
//! pages, authentik's answers, a discovery document, a key set, a configuration as before,
//! and text it does not know; each part told apart, within the limits, and across the
//! worker's wire unchanged.

use sso_playground::engine::import::paste::{read_paste, Paste};
use sso_playground::engine::import::wire::{decode_paste, encode_paste};
use sso_playground::engine::import::{ImportError, MAX_BYTES};
use sso_playground::engine::symptoms::discovery::{checks, Verdict};
use sso_playground::engine::symptoms::jwks::Verdict as Keys;
use sso_playground::engine::symptoms::{Document, Kind, Level, MAX_FOUND, MAX_UNKNOWN};
use sso_playground::engine::Model;

use crate::common::{example, with};

/// Headscale 0.29's text log, with colour codes, as `docker compose logs` prints it.
pub const TEXT_LOG: &str = "headscale  | \u{1b}[90m2026-07-01T10:15:01Z\u{1b}[0m \u{1b}[32mINF\u{1b}[0m Starting Headscale version=0.29.2\n\
headscale  | \u{1b}[90m2026-07-01T10:15:02Z\u{1b}[0m \u{1b}[31mERR\u{1b}[0m user msg: failed to verify id_token \u{1b}[36merror=\u{1b}[0m\u{1b}[31m\"verifying ID token: oidc: failed to unmarshal claims: invalid character '\\\\x0f' looking for beginning of value\"\u{1b}[0m \u{1b}[36mcode=\u{1b}[0m403\n\
headscale  | \u{1b}[90m2026-07-01T10:15:09Z\u{1b}[0m \u{1b}[31mERR\u{1b}[0m user msg: failed to verify id_token \u{1b}[36merror=\u{1b}[0m\u{1b}[31m\"verifying ID token: oidc: failed to unmarshal claims: invalid character '\\\\x0f' looking for beginning of value\"\u{1b}[0m \u{1b}[36mcode=\u{1b}[0m403\n";

/// The same failure in Headscale's JSON log format, next to an unverified e-mail.
pub const JSON_LOG: &str = r#"{"level":"info","time":"2026-07-01T10:15:01Z","message":"Starting Headscale"}
{"level":"error","error":"authenticated principal has an unverified email","code":401,"time":"2026-07-01T10:16:30Z","message":"user msg: unverified email"}
"#;

/// Headscale 0.29's error page.
pub const HEADSCALE_PAGE: &str = "<!DOCTYPE html><html><head><title>Headscale - Error</title><style>body{color:red}</style></head>\
<body><main><h1>Unauthorized</h1><p>You are not authorized. Please contact your administrator.</p></main></body></html>";

/// authentik's redirect URI page.
pub const AUTHENTIK_PAGE: &str = "<!DOCTYPE html><html><head><title>authentik</title></head><body>\
<div class=\"pf-c-login\"><h1>Redirect URI Error</h1><p>The request fails due to a missing, invalid, or mismatching redirection URI (redirect_uri).</p></div></body></html>";

pub const DISCOVERY: &str = r#"{
  "issuer": "http://authentik.company/application/o/headscale/",
  "authorization_endpoint": "https://authentik.company/application/o/authorize/",
  "token_endpoint": "https://authentik.company/application/o/token/",
  "userinfo_endpoint": "https://authentik.company/application/o/userinfo/",
  "jwks_uri": "https://authentik.company/application/o/headscale/jwks/",
  "scopes_supported": ["openid", "email", "profile"],
  "claims_supported": ["sub", "iss", "email", "email_verified", "name", "preferred_username", "groups"],
  "code_challenge_methods_supported": ["plain", "S256"],
  "id_token_signing_alg_values_supported": ["HS256"],
  "grant_types_supported": ["authorization_code", "refresh_token"]
}"#;

fn read(text: &str) -> Paste {
    read_paste(text).unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn patterns(paste: &Paste) -> Vec<&'static str> {
    paste
        .parts
        .iter()
        .flat_map(|part| &part.found)
        .flat_map(|found| &found.hits)
        .map(|hit| hit.known().pattern)
        .collect()
}

#[test]
fn a_text_log_with_colours_is_read_line_by_line_and_repeats_counted() {
    let paste = read(TEXT_LOG);
    assert_eq!(paste.parts.len(), 1);
    let part = &paste.parts[0];
    assert_eq!(part.kind, Kind::TextLog);
    assert_eq!(part.found.len(), 1, "{:?}", part.found);
    assert_eq!(part.found[0].count, 2);
    assert_eq!(part.found[0].line, 2);
    assert_eq!(part.found[0].level, Some(Level::Error));
    assert_eq!(part.other, 1);
    assert_eq!(
        patterns(&paste),
        ["user msg: %s", "failed to verify id_token", "verifying ID token: %v", "oidc: failed to unmarshal claims: %v"]
    );
}

#[test]
fn a_json_log_is_read_with_its_error_field() {
    let paste = read(JSON_LOG);
    assert_eq!(paste.parts[0].kind, Kind::JsonLog);
    assert_eq!(
        patterns(&paste),
        ["user msg: %s", "unverified email", "authenticated principal has an unverified email"]
    );
}

#[test]
fn pages_are_told_apart_and_read_for_their_text() {
    let headscale = read(HEADSCALE_PAGE);
    assert_eq!(headscale.parts[0].kind, Kind::HeadscalePage);
    // The heading is the status, not 0.22's "Unauthorized" answer.
    assert_eq!(
        patterns(&headscale),
        ["Headscale - Error", "You are not authorized. Please contact your administrator."]
    );
    let authentik = read(AUTHENTIK_PAGE);
    assert_eq!(authentik.parts[0].kind, Kind::AuthentikPage);
    assert_eq!(patterns(&authentik).len(), 2);
}

#[test]
fn authentik_answers_json_and_in_the_callback_address() {
    let json = read(
        r#"{"error": "invalid_client", "error_description": "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)"}"#,
    );
    assert_eq!(json.parts[0].kind, Kind::AuthentikError);
    assert_eq!(patterns(&json).len(), 1);
    let callback = read("https://headscale.company/oidc/callback?error=invalid_request&error_description=The+request+is+otherwise+malformed&state=abcdefgh");
    assert_eq!(callback.parts[0].kind, Kind::AuthentikError);
    assert_eq!(patterns(&callback), ["The request is otherwise malformed"]);
}

#[test]
fn a_discovery_document_is_checked_against_the_inputs() {
    let paste = read(DISCOVERY);
    let Some(Document::Discovery(discovery)) = &paste.parts[0].document else { panic!("{paste:?}") };
    let model = Model::new(&example());
    let results = checks(discovery, &model);
    let verdict = |name: &str| results.iter().find(|c| c.name == name).unwrap().verdict;
    assert_eq!(verdict("issuer"), Verdict::Fail);
    assert!(results[0].detail.contains("the scheme (http against https)"), "{}", results[0].detail);
    assert_eq!(verdict("authorization_endpoint"), Verdict::Pass);
    assert_eq!(verdict("jwks_uri"), Verdict::Pass);
    assert_eq!(verdict("scopes_supported"), Verdict::Pass);
    assert_eq!(verdict("id_token_signing_alg_values_supported"), Verdict::Fail);
    assert_eq!(verdict("grant_types_supported"), Verdict::Pass);
    // A scope the provider does not map, on the other side of the check.
    let custom = Model::new(&with(|i| i.scopes = "openid profile email custom".into()));
    let results = checks(discovery, &custom);
    assert_eq!(results.iter().find(|c| c.name == "scopes_supported").unwrap().verdict, Verdict::Fail);
}

#[test]
fn a_key_set_says_how_tokens_are_signed() {
    let empty = read(r#"{"keys": []}"#);
    let Some(Document::Jwks(set)) = &empty.parts[0].document else { panic!() };
    assert_eq!(set.verdict(), Keys::Empty);
    let signed =
        read(r#"{"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "k1", "n": "AQ", "e": "AQAB"}]}"#);
    let Some(Document::Jwks(set)) = &signed.parts[0].document else { panic!() };
    assert_eq!(set.verdict(), Keys::KeyPair(vec!["RS256".into()]));
}

#[test]
fn a_configuration_alone_is_read_as_before() {
    let paste = read("oidc:\n  issuer: https://authentik.company/application/o/headscale/\n  client_id: abc\n");
    assert!(!paste.has_symptoms());
    assert!(matches!(paste.configuration, Some(Ok(_))));
    assert_eq!(read_paste("just: text\n"), Err(ImportError::NothingFound));
    // A configuration the import refuses is refused with its reason, never listed line by line
    // as unknown text.
    let items: String = (0..2_000).map(|i| format!("  - item{i}\n")).collect();
    let bomb = format!("a: &a\n{items}b:\n{}oidc:\n  issuer: https://x/\n", "  - *a\n".repeat(4_000));
    assert!(
        matches!(read_paste(&bomb), Err(ImportError::Aliasing { .. })),
        "{:?}",
        read_paste(&bomb).map(|p| p.parts.len())
    );
    assert!(matches!(read_paste("oidc:\n  issuer: [unclosed\n  client_id: x\n"), Err(ImportError::Yaml { .. })));
}

#[test]
fn a_log_with_a_configuration_reads_both() {
    let text =
        format!("{TEXT_LOG}oidc:\n  issuer: https://authentik.company/application/o/headscale\n  client_id: abc\n");
    let paste = read(&text);
    assert!(paste.has_symptoms());
    assert!(matches!(paste.configuration, Some(Ok(_))), "{:?}", paste.configuration);
}

#[test]
fn unknown_text_is_not_guessed_at_and_gets_its_closest_messages() {
    let paste = read("the oidc callback failed because the state cookie was lost somewhere");
    assert!(patterns(&paste).is_empty());
    let unknown = &paste.parts[0].unknown[0];
    assert!(!unknown.closest.is_empty() && unknown.closest.len() <= 3);
    assert!(paste.configuration.is_none());
    // An error line of the log that matches nothing is listed; an info line is only counted.
    let log = read("2026-07-01T10:00:00Z ERR something else entirely broke error=\"disk full\"\n2026-07-01T10:00:00Z INF all fine\n");
    assert_eq!(log.parts[0].unknown.len(), 1);
    assert_eq!(log.parts[0].other, 1);
}

#[test]
fn the_limits_hold_on_both_sides() {
    let distinct = |n: usize| -> String {
        (0..n).map(|i| format!("2026-07-01T10:00:00Z ERR user msg: invalid code error=\"exchanging code for token: attempt {i}\"\n")).collect()
    };
    let at = read(&distinct(MAX_FOUND));
    assert_eq!((at.parts[0].found.len(), at.parts[0].omitted), (MAX_FOUND, 0));
    let over = read(&distinct(MAX_FOUND + 1));
    assert_eq!((over.parts[0].found.len(), over.parts[0].omitted), (MAX_FOUND, 1));
    let unknown =
        |n: usize| -> String { (0..n).map(|i| format!("2026-07-01T10:00:00Z ERR mystery number {i}\n")).collect() };
    assert_eq!(read(&unknown(MAX_UNKNOWN)).parts[0].unknown.len(), MAX_UNKNOWN);
    let beyond = read(&unknown(MAX_UNKNOWN + 1));
    assert_eq!((beyond.parts[0].unknown.len(), beyond.parts[0].other), (MAX_UNKNOWN, 1));
    let size = TEXT_LOG.repeat(MAX_BYTES / TEXT_LOG.len());
    assert!(read_paste(&size).is_ok());
    assert_eq!(read_paste(&"x".repeat(MAX_BYTES + 1)), Err(ImportError::TooLarge { bytes: MAX_BYTES + 1 }));
}

#[test]
fn every_paste_crosses_the_wire_unchanged() {
    let mixed = format!("{TEXT_LOG}oidc:\n  issuer: x\n  client_id: <client-id>\n");
    for text in [
        TEXT_LOG,
        JSON_LOG,
        HEADSCALE_PAGE,
        AUTHENTIK_PAGE,
        DISCOVERY,
        r#"{"keys": [{"kty": "EC", "alg": "ES256"}]}"#,
        &mixed,
        "nothing known here at all",
        "",
    ] {
        let answer = read_paste(text);
        let written = encode_paste(&answer);
        assert_eq!(decode_paste(&written), Ok(answer.clone()), "{text:?}");
        for (at, _) in written.char_indices().skip(1).step_by(7) {
            assert!(decode_paste(&written[..at]).is_err(), "cut at {at} of {text:?}");
        }
    }
    assert!(decode_paste("hsp-paste 1\nP-1;x0;0;0;99999;").is_err(), "a message beyond the catalogue");
}

#[test]
fn the_answer_of_a_full_paste_stays_small() {
    let line = |i: usize| {
        format!(
            "2026-07-01T10:00:00Z ERR user msg: invalid code error=\"exchanging code for token: attempt {i} {}\"\n",
            "x".repeat(400)
        )
    };
    let mut text = String::new();
    let mut i = 0;
    while text.len() + line(i).len() < MAX_BYTES {
        text.push_str(&line(i));
        i += 1;
    }
    let written = encode_paste(&read_paste(&text));
    assert!(written.len() < 32 << 10, "{} bytes", written.len());
}

#[test]
fn a_part_that_says_nothing_is_left_out() {
    let info = r#"{"level":"info","time":"2026-07-01T10:15:01Z","message":"Starting Headscale"}"#;
    let paste = read(&format!("{TEXT_LOG}{info}\n"));
    let kinds: Vec<Kind> = paste.parts.iter().map(|part| part.kind).collect();
    assert_eq!(kinds, [Kind::TextLog]);
}

#[test]
fn a_one_line_configuration_is_read_whole() {
    let paste = read("oidc: {issuer: https://sso.example.org/application/o/hs/}");
    assert!(matches!(paste.configuration, Some(Ok(_))), "{:?}", paste.configuration);
    assert_eq!(paste.parts.len(), 1);
    assert_eq!((paste.parts[0].kind, paste.parts[0].lines), (Kind::Configuration, (1, 1)));
}

#[test]
fn the_paste_limit_holds_on_both_sides() {
    let text = |bytes: usize| format!("oidc: {{issuer: https://x/}}\n#{}", "a".repeat(bytes - 28));
    assert_eq!(text(MAX_BYTES).len(), MAX_BYTES);
    assert!(read_paste(&text(MAX_BYTES)).is_ok());
    assert_eq!(read_paste(&text(MAX_BYTES + 1)), Err(ImportError::TooLarge { bytes: MAX_BYTES + 1 }));
}

#[test]
fn the_configuration_among_log_lines_is_read_from_its_first_line() {
    let config = "server_url: https://vpn.example.org\noidc:\n  issuer: https://sso.example.org/application/o/hs/\n";
    let paste = read(&format!("{TEXT_LOG}{config}"));
    let reading = paste.configuration.expect("a configuration").expect("read");
    let proposed = sso_playground::engine::import::propose(&reading, &example());
    assert_eq!(proposed.inputs.headscale_url, "https://vpn.example.org");
}

#[test]
fn a_paste_with_neither_a_configuration_nor_an_unknown_line_is_refused() {
    let info = r#"{"level":"info","time":"2026-07-01T10:15:01Z","message":"Starting Headscale"}"#;
    assert!(read_paste(info).is_err(), "{:?}", read_paste(info));
}

#[test]
fn beside_a_configuration_only_telling_parts_stay() {
    let info = r#"{"level":"info","time":"2026-07-01T10:15:01Z","message":"Starting Headscale"}"#;
    let config = "server_url: https://vpn.example.org\noidc:\n  issuer: https://sso.example.org/application/o/hs/\n";
    let paste = read(&format!("{TEXT_LOG}{info}\n{config}"));
    let kinds: Vec<Kind> = paste.parts.iter().map(|part| part.kind).collect();
    assert_eq!(kinds, [Kind::TextLog, Kind::Configuration]);
}

#[test]
fn a_message_index_beyond_the_catalogue_is_a_damaged_answer() {
    use sso_playground::engine::symptoms::MESSAGES;
    let mut paste = read(TEXT_LOG);
    let with_index = |paste: &mut Paste, index: usize| {
        paste.parts[0].found[0].hits[0].message = index;
        decode_paste(&encode_paste(&Ok(paste.clone())))
    };
    assert!(with_index(&mut paste, MESSAGES.len() - 1).is_ok());
    assert!(with_index(&mut paste, MESSAGES.len()).is_err());
}

#[test]
fn a_paste_refused_whole_crosses_the_wire() {
    assert_eq!(decode_paste(&encode_paste(&Err(ImportError::Empty))), Ok(Err(ImportError::Empty)));
    // A configuration among log lines that could not be read crosses with its reason.
    let mut paste = read(TEXT_LOG);
    paste.configuration = Some(Err(ImportError::TooDeep));
    assert_eq!(decode_paste(&encode_paste(&Ok(paste.clone()))), Ok(Ok(paste)));
}
