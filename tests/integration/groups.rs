//! Which group holds which field, and when a closed group opens by itself.

use crate::common::{example, fired, with};
use sso_playground::engine::fields::Kind;
use sso_playground::engine::groups::{differs, Group};
use sso_playground::engine::{render, Check, Field, Inputs};

/// The closed groups that open by themselves for `inputs`.
fn opened(inputs: &Inputs) -> Vec<Group> {
    let diagnostics = render(inputs).diagnostics;
    Group::ALL
        .into_iter()
        .filter(|g| *g != Group::Essentials && g.wants_attention(inputs, &example(), &diagnostics))
        .collect()
}

#[test]
fn every_form_field_is_in_exactly_one_group() {
    for field in Field::ALL {
        let holding: Vec<Group> = Group::ALL.into_iter().filter(|g| g.fields().contains(&field)).collect();
        assert_eq!(holding.len(), 1, "{field:?} is in {holding:?}");
        assert_eq!(Group::of(field), Some(holding[0]));
    }
    assert_eq!(Group::of(Field::ImportText), None);
}

#[test]
fn each_group_places_its_fields_one_after_another() {
    for group in Group::ALL {
        let places: Vec<u8> = group.fields().into_iter().map(|field| field.info().place).collect();
        let expected: Vec<u8> = (1..=places.len() as u8).collect();
        assert_eq!(places, expected, "{group:?}: places repeat or leave a gap");
    }
    // The places decide, not the table's order: the startup flag comes last in its group.
    assert_eq!(
        Group::Secret.fields(),
        [
            Field::SecretDelivery,
            Field::ClientSecretPath,
            Field::Expiry,
            Field::UseExpiryFromToken,
            Field::OnlyStartIfOidcIsAvailable
        ]
    );
}

#[test]
fn every_box_of_several_lines_shows_an_example() {
    for field in Field::ALL {
        let lines = matches!(field.kind(), Kind::Lines | Kind::Words | Kind::Pairs);
        assert_eq!(field.info().example.is_some(), lines, "{field:?}");
    }
}

#[test]
fn the_essentials_are_the_hosts_slug_groups_and_versions() {
    assert_eq!(
        Group::Essentials.fields(),
        [
            Field::HeadscaleUrl,
            Field::AuthentikUrl,
            Field::Slug,
            Field::AllowedGroups,
            Field::HeadscaleVersion,
            Field::AuthentikVersion
        ]
    );
}

#[test]
fn the_default_state_opens_no_group() {
    assert_eq!(opened(&example()), []);
    // Fresh credentials differ from the page's defaults, which have none, but open nothing.
    assert_eq!(opened(&with(|i| i.client_id = "another".into())), []);
}

#[test]
fn a_changed_value_opens_its_group_and_no_other() {
    assert_eq!(opened(&with(|i| i.app_name = "VPN".into())), [Group::Application]);
    assert_eq!(opened(&with(|i| i.allowed_domains = "example.com".into())), [Group::Access]);
    assert_eq!(opened(&with(|i| i.verified_email_mapping = true)), [Group::Access]);
    assert_eq!(opened(&with(|i| i.expiry = "90d".into())), [Group::Secret]);
    assert_eq!(opened(&with(|i| i.only_start_if_oidc_is_available = false)), [Group::Secret]);
    assert_eq!(opened(&with(|i| i.extra_params = "prompt=login".into())), [Group::Protocol]);
    assert_eq!(opened(&with(|i| i.pkce_method = "plain".into())), [Group::Protocol]);
    // A change to an essential opens nothing.
    assert_eq!(opened(&with(|i| i.slug = "tailnet".into())), []);
}

#[test]
fn a_check_on_a_field_opens_its_group() {
    // An empty secret is an error at the secret, though emptiness is no reason by itself.
    let inputs = with(|i| i.client_secret = String::new());
    assert!(!differs(&inputs, &example(), Field::ClientSecret));
    assert_eq!(opened(&inputs), [Group::Application]);
    // Scopes without openid: a check, and a changed value, in the same group.
    assert_eq!(opened(&with(|i| i.scopes = "profile email".into())), [Group::Protocol]);
}

#[test]
fn a_note_does_not_open_a_group_but_a_warning_does() {
    // By default authentik 2026.8 and Headscale 0.29 store no email: a note at the
    // verified-email option, which stays folded.
    assert!(fired(&example()).contains(&Check::EmailNotStored));
    assert_eq!(opened(&example()), []);
    // Expiry from the token is a warning at a field of the secret group: it opens.
    let from_token = with(|i| i.use_expiry_from_token = true);
    let warned = render(&from_token).diagnostics;
    assert!(warned.iter().any(|d| d.check == Check::ExpiryFromToken));
    assert!(Group::Secret.wants_attention(&example(), &example(), &warned));
}

#[test]
fn each_group_has_its_title_and_id() {
    let named: Vec<(&str, &str)> = Group::ALL.into_iter().map(|group| (group.key(), group.title())).collect();
    assert_eq!(
        named,
        [
            ("essentials", "Your setup"),
            ("application", "Application name, client ID and secret"),
            ("access", "Allowed users and domains, verified email"),
            ("secret", "How Headscale reads the secret, node expiry, startup"),
            ("protocol", "Scopes, PKCE and extra parameters"),
        ]
    );
}
