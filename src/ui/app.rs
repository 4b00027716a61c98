//! The root component: one reducer holding the inputs, the engine's outputs derived from them,
//! and the effects that keep the URL and the browser's storage current.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::components::authentik_extra::{AuthentikExtra, Extra};
use super::components::checks_list::ChecksList;
use super::components::copyable_text::CopyableText;
use super::components::environment_block::EnvironmentBlock;
use super::components::flow_diagram::FlowDiagram;
use super::components::form::Form;
use super::components::import_panel::ImportPanel;
use super::components::notices::Notices;
use super::components::output_block::{title_id, OutputBlock};
use super::components::settings_view::SettingsView;
use super::components::share_bar::ShareBar;
use super::state::{Action, State};
use super::{persist, PRIVATE_FIELDS, REMEMBER_SECRET, SAVED_INPUTS};
use crate::engine::share::{self, PARAMS};
use crate::engine::{self, Edit, Inputs};

/// How long the page address waits for typing to pause.
const URL_DELAY_MS: u32 = 250;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The inputs of the first render.
    #[prop_or_default]
    pub initial: Inputs,
    /// What Reset goes back to (the page's defaults).
    #[prop_or_default]
    pub defaults: Inputs,
    /// Messages about how the page was opened (an old or damaged share link).
    #[prop_or_default]
    pub notices: Vec<AttrValue>,
    /// Keep the page's query string equal to the share link.
    #[prop_or_default]
    pub sync_url: bool,
    /// Save the inputs in the browser's local storage.
    #[prop_or_default]
    pub storage: bool,
    #[prop_or_default]
    pub remember_secret: bool,
    #[prop_or_default]
    pub private: Vec<engine::Field>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let state = State {
            inputs: props.initial.clone(),
            remember_secret: props.remember_secret,
            private: props.private.clone(),
        };
        move || state
    });
    // One renderer per playground: it rebuilds only the outputs a keystroke changes.
    let renderer = use_mut_ref(engine::Renderer::default);
    let outputs = use_memo(state.inputs.clone(), move |inputs| renderer.borrow_mut().render(inputs));
    // The page address follows the inputs, but at most a few times a second (browsers throttle
    // history updates), and at once when the page is left, so a reload finds it current.
    let pending_query = use_mut_ref(|| None::<(String, Timeout)>);
    {
        let pending_query = pending_query.clone();
        use_effect_with(props.sync_url, move |&sync_url| {
            let listener = sync_url.then(|| {
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    if let Some((query, _)) = pending_query.borrow().as_ref() {
                        persist::replace_query(query);
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let (sync_url, storage) = (props.sync_url, props.storage);
        use_effect_with((*state).clone(), move |state| {
            let builtin = Inputs::default();
            if storage {
                persist::save(SAVED_INPUTS, &share::encode_saved(&state.inputs, &builtin, state.remember_secret));
                persist::save(REMEMBER_SECRET, if state.remember_secret { "1" } else { "0" });
                let private: Vec<&str> =
                    PARAMS.iter().filter(|p| state.private.contains(&p.field)).map(|p| p.key).collect();
                persist::save(PRIVATE_FIELDS, &private.join(","));
            }
            if sync_url {
                let query = share::encode(&state.inputs, &builtin, &state.private);
                let later = query.clone();
                let timeout = Timeout::new(URL_DELAY_MS, move || persist::replace_query(&later));
                // Replacing the pending update cancels it.
                *pending_query.borrow_mut() = Some((query, timeout));
            }
        });
    }
    let onedit = {
        let state = state.clone();
        Callback::from(move |edit: Edit| state.dispatch(Action::Edit(edit)))
    };
    let onreplace = {
        let state = state.clone();
        Callback::from(move |inputs: Inputs| state.dispatch(Action::Replace(inputs)))
    };
    let ondispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let diagnostics = outputs.model.diagnostics.clone();
    let model = Rc::new(outputs.model.clone());
    let settings_text = outputs.authentik.settings.to_text();

    html! {
        <div class="hsp">
            <header class="hsp-header">
                <h1>{ "Headscale × authentik single sign-on" }</h1>
                <p>{ "Describe your setup; copy the settings for authentik and the oidc: section for Headscale. Everything stays in this browser." }</p>
            </header>
            <Notices notices={props.notices.clone()} />
            <ShareBar state={(*state).clone()} defaults={props.defaults.clone()} {ondispatch} />
            <ImportPanel inputs={state.inputs.clone()} onapply={onreplace} />
            <div class="hsp-layout">
                <Form inputs={state.inputs.clone()} outputs={outputs.clone()} {onedit} />
                <section class="hsp-outputs" aria-label="Outputs">
                    <ChecksList diagnostics={diagnostics} />
                    <FlowDiagram model={model} />
                    <OutputBlock id="authentik-settings" title="authentik settings"
                        description={AttrValue::from("What to enter in authentik's New Application wizard (Applications → Applications).")}>
                        <CopyableText labelled_by={title_id("authentik-settings")} text={settings_text}>
                            <SettingsView settings={outputs.authentik.settings.clone()} />
                        </CopyableText>
                    </OutputBlock>
                    <OutputBlock id="headscale-config" title="Headscale configuration">
                        <CopyableText labelled_by={title_id("headscale-config")}
                            text={outputs.headscale.yaml.clone().unwrap_or_default()}
                            error={outputs.headscale.yaml.as_ref().err().map(ToString::to_string)} />
                    </OutputBlock>
                    <EnvironmentBlock environment={outputs.headscale.env.clone()} />
                    <OutputBlock id="authentik-blueprint" title="authentik blueprint" collapsed=true
                        description={AttrValue::from("Creates the provider, the application and the group bindings in one step, instead of the wizard.")}>
                        <AuthentikExtra outputs={outputs.authentik.clone()} extra={Extra::Blueprint} />
                    </OutputBlock>
                    <OutputBlock id="authentik-terraform" title="authentik Terraform" collapsed=true
                        description={AttrValue::from("The same objects for the goauthentik/authentik Terraform provider.")}>
                        <AuthentikExtra outputs={outputs.authentik.clone()} extra={Extra::Terraform} />
                    </OutputBlock>
                </section>
            </div>
        </div>
    }
}
