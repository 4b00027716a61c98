//! The renderer rebuilds only what a change touches, and never gives other results than a
//! fresh render.

use std::rc::Rc;

use crate::common::{example, with};
use proptest::prelude::*;
use sso_playground::engine::{render, Renderer};

#[test]
fn a_headscale_only_change_keeps_the_authentik_outputs_and_the_other_way_round() {
    let mut renderer = Renderer::default();
    let first = renderer.render(&example());
    let expiry = renderer.render(&with(|i| i.expiry = "90d".into()));
    assert!(Rc::ptr_eq(&first.authentik, &expiry.authentik), "the blueprint was rebuilt for an expiry change");
    assert!(!Rc::ptr_eq(&first.headscale, &expiry.headscale));
    let version = renderer.render(&with(|i| {
        i.expiry = "90d".into();
        i.authentik_version = sso_playground::engine::versions::authentik::AuthentikVersion::parse("2025.8").unwrap();
    }));
    assert!(
        Rc::ptr_eq(&expiry.headscale, &version.headscale),
        "the Headscale YAML was rebuilt for an authentik change"
    );
    assert!(!Rc::ptr_eq(&expiry.authentik, &version.authentik));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cached_results_equal_fresh_ones(slugs in prop::collection::vec("[a-z]{0,3}", 1..6), expiries in prop::collection::vec("[0-9]{0,2}d?", 1..6)) {
        let mut renderer = Renderer::default();
        for (slug, expiry) in slugs.iter().zip(expiries.iter().cycle()) {
            let inputs = with(|i| {
                i.slug = slug.clone();
                i.expiry = expiry.clone();
            });
            prop_assert_eq!(renderer.render(&inputs), render(&inputs));
        }
    }
}
