//! The root component: one reducer holding the inputs, the engine's outputs derived from them,
//! and the effects that keep the URL and the browser's storage current.

use std::rc::Rc;

use gloo::events::EventListener;
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
use super::components::withheld::Withheld;
use super::keeper::Keeper;
use super::state::{Action, State};
use crate::engine::{self, Inputs};

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
    /// The prefix of this playground's parameters and storage keys (empty on its own page).
    #[prop_or_default]
    pub prefix: AttrValue,
    /// Opened from a share link: what this browser saved stays until the reader edits.
    #[prop_or_default]
    pub from_link: bool,
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
    // Storage and the page address follow every action, even one the page has not rendered yet.
    let saved = use_state(|| true);
    let keeper = {
        let onsaved = {
            let saved = saved.clone();
            Callback::from(move |ok: bool| saved.set(ok))
        };
        let place =
            super::keeper::Place { prefix: props.prefix.to_string(), storage: props.storage, sync_url: props.sync_url };
        use_mut_ref(|| Keeper::new((*state).clone(), place, props.from_link, onsaved))
    };
    {
        let keeper = keeper.clone();
        use_effect_with((), move |_| {
            keeper.borrow_mut().record();
            let listener = EventListener::new(&gloo::utils::window(), "pagehide", move |_| keeper.borrow().flush());
            move || drop(listener)
        });
    }
    let ondispatch = {
        let (state, keeper) = (state.clone(), keeper.clone());
        Callback::from(move |action: Action| {
            keeper.borrow_mut().apply(action.clone());
            state.dispatch(action);
        })
    };
    let onedit = ondispatch.reform(Action::Edit);
    let onreplace = ondispatch.reform(Action::Replace);
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
            <ShareBar state={(*state).clone()} defaults={props.defaults.clone()} {ondispatch}
                storage={props.storage} saved={*saved} prefix={props.prefix.clone()} />
            <ImportPanel inputs={state.inputs.clone()} onapply={onreplace} />
            <div class="hsp-layout">
                <Form inputs={state.inputs.clone()} outputs={outputs.clone()} {onedit} />
                <section class="hsp-outputs" aria-label="Outputs">
                    <ChecksList diagnostics={diagnostics} />
                    <Withheld refused={outputs.model.refused.clone()}>
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
                    </Withheld>
                </section>
            </div>
        </div>
    }
}
