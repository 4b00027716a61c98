//! Taking over the page rendered at build time: what the reader typed before the app started.

use sso_playground::engine::credentials::{placeholders, CLIENT_ID_PLACEHOLDER};
use sso_playground::engine::inputs::{typed_edits, ControlValue};
use sso_playground::engine::{Edit, Field, Inputs};

#[test]
fn only_what_differs_from_the_shown_form_counts_as_typed() {
    let shown = placeholders(&Inputs::default());
    let controls = [
        (Field::HeadscaleUrl, ControlValue::Text("vpn.example.org".into())),
        (Field::AuthentikUrl, ControlValue::Text(shown.authentik_url.clone())),
        (Field::ClientId, ControlValue::Text(CLIENT_ID_PLACEHOLDER.into())),
        (Field::PkceEnabled, ControlValue::Checked(!shown.pkce_enabled)),
        (Field::OnlyStartIfOidcIsAvailable, ControlValue::Checked(shown.only_start_if_oidc_is_available)),
        // A control whose kind does not fit the field is ignored, not guessed at.
        (Field::Slug, ControlValue::Checked(true)),
    ];
    assert_eq!(
        typed_edits(&shown, controls),
        [
            Edit::Text(Field::HeadscaleUrl, "vpn.example.org".into()),
            Edit::Flag(Field::PkceEnabled, !shown.pkce_enabled)
        ]
    );
    assert_eq!(typed_edits(&shown, []), []);
}

#[test]
fn the_placeholders_are_never_real_credentials() {
    let shown = placeholders(&Inputs::default());
    assert!(shown.client_id.contains("GENERATED-IN-THE-BROWSER"));
    assert!(shown.client_secret.contains("GENERATED-IN-THE-BROWSER"));
    assert_eq!(Inputs { client_id: String::new(), client_secret: String::new(), ..shown }.slug, Inputs::default().slug);
}

/// The page is rendered natively at build time with the same browser layer the WebAssembly
/// runs, so Cargo.toml declares the browser crates twice; their web-sys features must agree.
#[test]
fn the_native_browser_layer_has_the_same_web_sys_features_as_the_webassembly() {
    let manifest = include_str!("../../Cargo.toml");
    let features = |section: &str| {
        let start = manifest.find(section).unwrap_or_else(|| panic!("no {section}"));
        let line = manifest[start..].lines().find(|line| line.starts_with("web-sys")).expect("a web-sys line");
        let list = &line[line.find('[').unwrap()..=line.find(']').unwrap()];
        let mut names: Vec<&str> =
            list.trim_matches(['[', ']']).split(',').map(|name| name.trim().trim_matches('"')).collect();
        names.sort_unstable();
        names
    };
    assert_eq!(
        features("[target.'cfg(target_arch = \"wasm32\")'.dependencies]"),
        features("[target.'cfg(not(target_arch = \"wasm32\"))'.dependencies]")
    );
}

/// The loader notes which of the example's controls was clicked by its position among a
/// selector, and the app finds it again in its own copy with its own: they must be the same.
#[test]
fn the_loader_and_the_takeover_count_the_same_controls() {
    let quoted = |file: &str, start: &str| -> String {
        let text = std::fs::read_to_string(file).unwrap();
        let rest = &text[text.find(start).unwrap_or_else(|| panic!("{file} has no {start}")) + start.len()..];
        rest[..rest.find('"').unwrap()].to_string()
    };
    let loader = quoted("src/loader/embed.js", "const CONTROLS = \"");
    let takeover = quoted("src/ui/takeover.rs", "pub const REPLAYED: &str = \"");
    assert_eq!(loader, takeover);
    assert!(loader.contains("button") && loader.contains("summary"));
    // The event that resolves the loader's `shown` is the one the app sends.
    assert_eq!(
        quoted("src/loader/embed.js", "const SHOWN = \""),
        quoted("src/ui/takeover.rs", "pub const SHOWN: &str = \"")
    );
    assert_eq!(
        quoted("src/loader/embed.js", "const REPLAY = \""),
        quoted("src/ui/takeover.rs", "const REPLAY: &str = \"")
    );
    // The loader starts at once for saved inputs, which it looks for under the app's key.
    assert_eq!(
        quoted("src/loader/embed.js", "localStorage.getItem(\""),
        quoted("src/ui/mod.rs", "pub const SAVED_INPUTS: &str = \"")
    );
}
