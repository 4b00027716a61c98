//! The login steps: the user's URLs, and the step each failing check marks.

use crate::common::{example, with};
use sso_playground::engine::flow::{self, LoginStep, Message, Status};
use sso_playground::engine::{render, Check, Inputs};

/// The diagram's steps for `inputs`, marked by the checks that fire.
fn messages(inputs: &Inputs) -> Vec<Message> {
    let outputs = render(inputs);
    flow::messages(&outputs.model, &outputs.diagnostics)
}

#[test]
fn the_steps_carry_the_users_urls() {
    let steps = messages(&with(|i| {
        i.headscale_url = "vpn.example.org".into();
        i.authentik_url = "sso.example.org".into();
        i.allowed_groups = "ops".into();
    }));
    let detail = |step: LoginStep| steps.iter().find(|m| m.step == step).unwrap().detail.clone();
    assert_eq!(
        detail(LoginStep::Discovery),
        "https://sso.example.org/application/o/headscale/.well-known/openid-configuration"
    );
    assert_eq!(detail(LoginStep::Callback), "https://vpn.example.org/oidc/callback?code=…&state=…");
    assert!(detail(LoginStep::Authorize).contains("redirect_uri=https://vpn.example.org/oidc/callback"));
    assert!(detail(LoginStep::Authorize).ends_with("&code_challenge_method=S256"));
    assert_eq!(detail(LoginStep::SignIn), "bound groups: ops");
    assert!(detail(LoginStep::Claims).contains("groups ops"));
    assert!(steps.iter().all(|m| m.status == Status::Fine && m.checks.is_empty()));
}

#[test]
fn a_failing_check_marks_its_step_and_only_that_one() {
    let steps = messages(&with(|i| {
        i.client_secret.clear();
        i.allowed_groups = "ops".into();
    }));
    let marked: Vec<(LoginStep, Status)> =
        steps.iter().filter(|m| m.status != Status::Fine).map(|m| (m.step, m.status)).collect();
    assert_eq!(marked, [(LoginStep::TokenExchange, Status::Fails)]);
    let exchange = steps.iter().find(|m| m.step == LoginStep::TokenExchange).unwrap();
    assert_eq!(exchange.checks, ["client-secret-missing"]);
    // A warning marks without failing; infos do not mark.
    let warned = messages(&with(|i| i.allowed_groups = "/headscale".into()));
    let claims = warned.iter().find(|m| m.step == LoginStep::Claims).unwrap();
    assert_eq!(claims.status, Status::Warning);
    // The defaults let every authentik user in, which the sign-in step shows as a warning.
    let default: Vec<(LoginStep, Status)> =
        messages(&example()).iter().filter(|m| m.status != Status::Fine).map(|m| (m.step, m.status)).collect();
    assert_eq!(default, [(LoginStep::SignIn, Status::Warning)]);
}

#[test]
fn checks_that_break_a_login_point_at_a_step() {
    for check in Check::ALL {
        let info = check.info();
        if info.severity == sso_playground::engine::Severity::Error
            && !matches!(check, Check::AppNameMissing | Check::WrongType | Check::ValueRefused | Check::ImportRefused)
        {
            assert!(info.step.is_some(), "{} breaks the login but marks no step", info.id);
        }
    }
}

#[test]
fn a_placeholder_marks_the_step_that_uses_its_field() {
    use sso_playground::engine::flow::step_of_diagnostic;
    use sso_playground::engine::{Diagnostic, Field};
    let at = |field| step_of_diagnostic(&Diagnostic::value(Check::Placeholder, "<x>").at(field));
    assert_eq!(at(Field::AuthentikUrl), Some(LoginStep::Discovery));
    assert_eq!(at(Field::HeadscaleUrl), Some(LoginStep::Register));
    assert_eq!(at(Field::ClientSecret), Some(LoginStep::TokenExchange));
    assert_eq!(at(Field::AllowedUsers), Some(LoginStep::Claims));
}

#[test]
fn the_diagram_names_its_actors_and_numbers_its_steps_in_order() {
    use sso_playground::engine::flow::{step_number, Actor, LoginStep};
    let labels: Vec<&str> = Actor::ALL.iter().map(|actor| actor.label()).collect();
    assert_eq!(labels, ["Tailscale client", "Headscale", "Browser", "authentik"]);
    let columns: Vec<usize> = Actor::ALL.iter().map(|actor| actor.index()).collect();
    assert_eq!(columns, [0, 1, 2, 3]);
    assert_eq!((step_number(LoginStep::Discovery), step_number(LoginStep::Callback)), (1, 6));
    assert_eq!(step_number(LoginStep::NodeReady), 9);
}

#[test]
fn the_authorize_request_asks_for_pkce_only_where_it_is_on_and_read() {
    use sso_playground::engine::versions::headscale::HeadscaleVersion;
    let authorize =
        |inputs: &Inputs| messages(inputs).into_iter().find(|m| m.step == LoginStep::Authorize).unwrap().detail;
    assert!(authorize(&example()).ends_with("&code_challenge_method=S256"));
    assert!(!authorize(&with(|i| i.pkce_enabled = false)).contains("code_challenge"));
    // 0.23 does not read PKCE, so Headscale sends no challenge even when it is on.
    assert!(!authorize(&with(|i| i.headscale_version = HeadscaleVersion(23))).contains("code_challenge"));
}

#[test]
fn the_last_step_says_how_long_the_node_stays() {
    let ready = |inputs: &Inputs| messages(inputs).into_iter().find(|m| m.step == LoginStep::NodeReady).unwrap().detail;
    assert_eq!(ready(&with(|i| i.expiry = "90d".into())), "expires after 90d");
    assert_eq!(ready(&with(|i| i.expiry = "0".into())), "Headscale's default expiry");
    assert_eq!(ready(&with(|i| i.expiry = String::new())), "Headscale's default expiry");
    assert_eq!(ready(&with(|i| i.use_expiry_from_token = true)), "expires with the ID token");
}

#[test]
fn a_problem_of_the_applications_name_marks_no_step() {
    use sso_playground::engine::flow::step_of_diagnostic;
    use sso_playground::engine::{Diagnostic, Field};
    assert_eq!(step_of_diagnostic(&Diagnostic::value(Check::Placeholder, "<x>").at(Field::AppName)), None);
    assert_eq!(
        step_of_diagnostic(&Diagnostic::value(Check::Placeholder, "<x>").at(Field::ClientId)),
        Some(LoginStep::TokenExchange)
    );
}
