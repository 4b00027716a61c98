//! The root component: one reducer holding the inputs, the engine's outputs derived from them.

use yew::prelude::*;

use super::components::checks_list::ChecksList;
use super::components::environment_block::EnvironmentBlock;
use super::components::form::Form;
use super::components::import_panel::ImportPanel;
use super::components::output_block::OutputBlock;
use super::components::settings_view::SettingsView;
use super::state::{Action, State};
use crate::engine::{self, Edit, Inputs};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The inputs of the first render.
    #[prop_or_default]
    pub initial: Inputs,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let inputs = props.initial.clone();
        move || State { inputs }
    });
    let outputs = use_memo(state.inputs.clone(), engine::render);
    let onedit = {
        let state = state.clone();
        Callback::from(move |edit: Edit| state.dispatch(Action::Edit(edit)))
    };
    let onapply = {
        let state = state.clone();
        Callback::from(move |inputs: Inputs| state.dispatch(Action::Replace(inputs)))
    };
    let diagnostics = outputs.model.diagnostics.clone();
    let settings_text = outputs.authentik.settings.to_text();

    html! {
        <div class="hsp">
            <header class="hsp-header">
                <h1>{ "Headscale × authentik single sign-on" }</h1>
                <p>{ "Describe your setup; copy the settings for authentik and the oidc: section for Headscale. Everything stays in this browser." }</p>
            </header>
            <ImportPanel inputs={state.inputs.clone()} {onapply} />
            <div class="hsp-layout">
                <Form inputs={state.inputs.clone()} outputs={outputs.clone()} {onedit} />
                <section class="hsp-outputs" aria-label="Outputs">
                    <ChecksList diagnostics={diagnostics} />
                    <OutputBlock id="authentik-settings" title="authentik settings" text={settings_text}
                        description={AttrValue::from("What to enter in authentik's New Application wizard (Applications → Applications).")}>
                        <SettingsView settings={outputs.authentik.settings.clone()} />
                    </OutputBlock>
                    <OutputBlock
                        id="headscale-config"
                        title="Headscale configuration"
                        text={outputs.headscale.yaml.clone().unwrap_or_default()}
                        error={outputs.headscale.yaml.as_ref().err().map(ToString::to_string)}
                    />
                    <EnvironmentBlock environment={outputs.headscale.env.clone()} />
                    <OutputBlock
                        id="authentik-blueprint"
                        title="authentik blueprint"
                        description={AttrValue::from("Creates the provider, the application and the group bindings in one step, instead of the wizard.")}
                        text={outputs.authentik.blueprint.clone().unwrap_or_default()}
                        error={outputs.authentik.blueprint.as_ref().err().map(ToString::to_string)}
                    />
                    <OutputBlock id="authentik-terraform" title="authentik Terraform" text={outputs.authentik.terraform.clone()}
                        description={AttrValue::from("The same objects for the goauthentik/authentik Terraform provider.")} />
                </section>
            </div>
        </div>
    }
}
