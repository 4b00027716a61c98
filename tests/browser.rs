//! Component tests in headless Chromium: the real app mounted into a fresh element.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use gloo::timers::future::sleep;
use gloo::utils::{body, document};
use sso_playground::engine::Inputs;
use sso_playground::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn example() -> Inputs {
    Inputs { client_id: "test-client".into(), client_secret: "test-secret".into(), ..Inputs::default() }
}

async fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    body().append_child(&root).unwrap();
    let props = yew::props!(AppProps { initial: example() });
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let element = root.query_selector(selector).unwrap().unwrap();
    match element.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.set_value(value),
        None => element.dyn_ref::<HtmlTextAreaElement>().expect("a text control").set_value(value),
    }
    let init = InputEventInit::new();
    init.set_bubbles(true);
    element.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn default_render_is_a_complete_example() {
    let root = mount().await;
    let yaml = text_of(&root, "#hsp-headscale-config pre");
    assert!(yaml.contains("issuer: https://authentik.company/application/o/headscale/"), "{yaml}");
    assert!(text_of(&root, "#hsp-authentik-settings").contains("https://headscale.company/oidc/callback"));
    // No errors: the warning that everyone may log in, the grant-types reminder, and the note
    // that Headscale 0.29 stores no email authentik 2026.8 calls unverified.
    assert_eq!(text_of(&root, ".hsp-checks-summary"), "1 warning, 2 notes.");
}

#[wasm_bindgen_test]
async fn an_edit_updates_both_outputs() {
    let root = mount().await;
    let settings_before = text_of(&root, "#hsp-authentik-settings");
    let yaml_before = text_of(&root, "#hsp-headscale-config pre");
    type_into(&root, "#hsp-slug", "tailnet").await;
    let settings = text_of(&root, "#hsp-authentik-settings");
    let yaml = text_of(&root, "#hsp-headscale-config pre");
    assert_ne!(settings, settings_before);
    assert_ne!(yaml, yaml_before);
    assert!(settings.contains("https://authentik.company/application/o/tailnet/"));
    assert!(yaml.contains("issuer: https://authentik.company/application/o/tailnet/"));
}

#[wasm_bindgen_test]
async fn a_bad_value_is_explained_next_to_its_field_and_the_rest_keeps_working() {
    let root = mount().await;
    type_into(&root, "#hsp-allowed-groups", "/headscale").await;
    let messages = text_of(&root, "#hsp-allowed-groups-messages");
    assert!(messages.contains("“/headscale” starts with /"), "{messages}");
    let input = root.query_selector("#hsp-allowed-groups").unwrap().unwrap();
    assert!(input.get_attribute("aria-describedby").unwrap().contains("hsp-allowed-groups-messages"));
    assert!(text_of(&root, "#hsp-headscale-config pre").contains("- /headscale"));
    assert!(text_of(&root, ".hsp-checks-summary").contains("1 warning"), "the group replaces the open-door warning");
}

#[wasm_bindgen_test]
async fn a_refused_copy_shows_the_failure() {
    let root = mount().await;
    let button: HtmlElement = root.query_selector("#hsp-headscale-config button").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    // The clipboard answers asynchronously; the test page has no permission to write.
    let mut status = String::new();
    for _ in 0..50 {
        yew::scheduler::flush().await;
        status = text_of(&root, "#hsp-headscale-config .hsp-copy-status");
        if !status.is_empty() {
            break;
        }
        sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, "Copy failed — select the text");
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    assert!(String::from(selection.to_string()).contains("issuer:"), "the text is selected for copying by hand");
}

async fn click(root: &Element, selector: &str) {
    let element: HtmlElement = root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap();
    element.click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_closed_group_opens_when_a_field_inside_needs_attention() {
    let root = mount().await;
    let group = root.query_selector("#hsp-group-protocol").unwrap().unwrap();
    assert!(!group.has_attribute("open"));
    // The fields of a closed group are on the page, labelled, just not shown.
    type_into(&root, "#hsp-scopes", "profile email").await;
    assert!(group.has_attribute("open"), "a check on Scopes opens its group");
    assert!(!root.query_selector("#hsp-group-access").unwrap().unwrap().has_attribute("open"));
}

#[wasm_bindgen_test]
async fn a_tab_shows_its_panel_and_builds_the_blueprint_only_then() {
    let root = mount().await;
    let panel = root.query_selector("#hsp-panel-authentik-blueprint").unwrap().unwrap();
    assert!(panel.has_attribute("hidden"));
    assert_eq!(panel.child_element_count(), 0, "not built while hidden");
    click(&root, "#hsp-tab-authentik-blueprint").await;
    assert!(!panel.has_attribute("hidden"));
    assert!(text_of(&root, "#hsp-authentik-blueprint pre").contains("authentik_providers_oauth2.oauth2provider"));
    let tab = root.query_selector("#hsp-tab-authentik-blueprint").unwrap().unwrap();
    assert_eq!(tab.get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(tab.get_attribute("tabindex").as_deref(), Some("0"));
    let first = root.query_selector("#hsp-tab-headscale-config").unwrap().unwrap();
    assert_eq!(first.get_attribute("aria-selected").as_deref(), Some("false"));
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("-1"));
    assert!(root.query_selector("#hsp-panel-headscale-config").unwrap().unwrap().has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn help_opens_on_request_and_describes_the_field_either_way() {
    let root = mount().await;
    let help = root.query_selector("#hsp-slug-help").unwrap().unwrap();
    assert!(help.has_attribute("hidden"));
    let input = root.query_selector("#hsp-slug").unwrap().unwrap();
    assert!(input.get_attribute("aria-describedby").unwrap().contains("hsp-slug-help"));
    click(&root, "[data-field=slug] .hsp-help-toggle").await;
    assert!(!help.has_attribute("hidden"));
    let toggle = root.query_selector("[data-field=slug] .hsp-help-toggle").unwrap().unwrap();
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
}

/// Waits until `selector` matches in `root`: the paste is read by a worker, or on the page's
/// thread where none runs, and answers later.
async fn until(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        sleep(Duration::from_millis(50)).await;
        yew::scheduler::flush().await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
async fn a_pasted_log_line_is_explained_and_its_step_marked_on_request() {
    let root = mount().await;
    // The import box is built once its section opens, which the browser reports a moment later.
    click(&root, "#hsp-import-panel summary").await;
    until(&root, "#hsp-import").await;
    type_into(
        &root,
        "#hsp-import",
        "2026-07-01T10:15:02Z ERR user msg: unauthorised group error=\"authenticated principal is not in any allowed group\" code=401",
    )
    .await;
    let explanation = until(&root, ".hsp-explanation").await;
    let text = explanation.text_content().unwrap_or_default();
    assert!(text.contains("The user is not in any allowed group"), "{text}");
    assert!(text.contains("Step 8"), "{text}");
    // The step is marked in the diagram, whose tab the button shows.
    let button: HtmlElement = explanation.query_selector("button").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert!(!root.query_selector("#hsp-panel-flow").unwrap().unwrap().has_attribute("hidden"));
    let marked = until(&root, "#hsp-flow g.hsp-flow-pasted").await;
    assert_eq!(marked.get_attribute("data-stage").as_deref(), Some("Claims"));
}
