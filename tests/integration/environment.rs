//! Environment files read as bash reads them, then as viper does: the last assignment of a
//! name wins, a quoted value over several lines is one variable, lower-case names are not
//! Headscale's, and what bash would expand or refuse is flagged at its line, never read as
//! written.

use crate::common::example;
use sso_playground::engine::import::{import, Import};
use sso_playground::engine::Check;

const ISSUER: &str = "HEADSCALE_OIDC_ISSUER=https://sso.example.org/application/o/hs/\n";

fn read(text: &str) -> Import {
    import(text, &example()).unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

/// Each finding as (line, check id).
fn lines(found: &Import) -> Vec<(usize, &'static str)> {
    found.findings.iter().map(|f| (f.position.map_or(0, |p| p.line), f.diagnostic.info().id)).collect()
}

#[test]
fn the_last_assignment_of_a_name_wins_as_in_bash() {
    let found = read(&format!("{ISSUER}HEADSCALE_OIDC_ALLOWED_GROUPS=ops\nHEADSCALE_OIDC_ALLOWED_GROUPS=\n"));
    // Set empty last: viper takes it as not set, so no group comes from here.
    assert_eq!(found.inputs.allowed_groups, "");
    assert_eq!(lines(&found), [(2, "duplicate-key"), (3, "empty-value")]);
    assert!(found.findings[0].diagnostic.cause().contains("the assignment on line 3"));
    let last = read(&format!("{ISSUER}HEADSCALE_OIDC_ALLOWED_GROUPS=ops\nHEADSCALE_OIDC_ALLOWED_GROUPS=admins\n"));
    assert_eq!(last.inputs.allowed_groups, "admins");
    // Once: nothing to say.
    assert_eq!(lines(&read(&format!("{ISSUER}HEADSCALE_OIDC_ALLOWED_GROUPS=ops\n"))), []);
}

#[test]
fn a_quoted_value_over_two_lines_is_one_variable() {
    let text = format!("{ISSUER}HEADSCALE_OIDC_ALLOWED_GROUPS=\"ops\nHEADSCALE_OIDC_ALLOWED_USERS=boss@x.com\"\n");
    let found = read(&text);
    assert_eq!(found.inputs.allowed_users, "", "the second line is inside the first variable");
    assert_eq!(lines(&found), [(2, "import-refused")]);
    assert!(!found.applicable());
}

#[test]
fn expansions_unclosed_quotes_and_lower_case_names_are_flagged() {
    for value in ["${GROUPS:-ops}", "\"$GROUPS\"", "$(cat groups)", "`cat groups`", "\"ops", "'ops"] {
        let found = read(&format!("{ISSUER}HEADSCALE_OIDC_ALLOWED_GROUPS={value}\n"));
        assert_eq!(lines(&found), [(2, "import-refused")], "{value}");
        assert!(!found.applicable(), "{value}");
        assert_eq!(found.inputs.allowed_groups, "", "{value} was read as written");
    }
    // Single quotes keep a dollar as written, and so does Headscale.
    assert_eq!(read(&format!("{ISSUER}HEADSCALE_OIDC_ALLOWED_GROUPS='$ops'\n")).inputs.allowed_groups, "$ops");
    let lower = read(&format!("{ISSUER}headscale_oidc_allowed_groups=ops\n"));
    assert_eq!(lower.inputs.allowed_groups, "");
    assert_eq!(lines(&lower), [(2, "unknown-key")]);
    assert!(lower.findings[0].diagnostic.cause().contains("did you mean HEADSCALE_OIDC_ALLOWED_GROUPS?"));
    // Only lower-case names: still read as variables, and each one said so.
    let only = read("headscale_oidc_issuer=https://sso.example.org/application/o/hs/\n");
    assert_eq!(lines(&only), [(1, "unknown-key")]);
}

#[test]
fn a_carriage_return_or_line_break_inside_a_value_is_refused() {
    for value in ["vpn\radmins", "'vpn\radmins'"] {
        let found = read(&format!("{ISSUER}HEADSCALE_OIDC_ALLOWED_GROUPS={value}\n"));
        assert!(
            found.findings.iter().any(|f| f.diagnostic.check == Check::ValueRefused),
            "{value:?}: {:?}",
            found.findings
        );
        assert!(!found.applicable());
    }
    // CR LF line ends are line ends.
    let crlf = read(&format!("{}HEADSCALE_OIDC_ALLOWED_GROUPS=ops\r\n", ISSUER.replace('\n', "\r\n")));
    assert_eq!(crlf.inputs.allowed_groups, "ops");
    assert!(crlf.applicable());
}
