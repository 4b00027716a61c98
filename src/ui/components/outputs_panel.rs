//! The outputs as tabs, with a status line of the checks above them. The Headscale
//! configuration and the authentik settings are the first two tabs; the blueprint and the
//! Terraform are built only while their tab is selected. A page may choose which outputs are
//! shown; a single one is shown without tabs.

use std::rc::Rc;

use yew::prelude::*;

use super::authentik_extra::{AuthentikExtra, Extra};
use super::checks_list::ChecksList;
use super::copyable_text::CopyableText;
use super::environment_block::EnvironmentBlock;
use super::flow_diagram::FlowDiagram;
use super::output_block::{title_id, OutputBlock};
use super::status_line::status_line;
use super::tabs::{panel_id, tab_id, Tabs};
use super::withheld::Withheld;
use super::wizard_view::WizardView;
use crate::engine::catalogue::LoginStep;
use crate::engine::embed::Output;
use crate::engine::Outputs;

/// An output is a tab of the panel.
type Tab = Output;

fn title(tab: Tab) -> &'static str {
    match tab {
        Tab::HeadscaleConfig => "Headscale configuration",
        Tab::AuthentikWizard => "authentik settings",
        Tab::HeadscaleEnvironment => "Headscale environment",
        Tab::AuthentikBlueprint => "authentik blueprint",
        Tab::AuthentikTerraform => "authentik Terraform",
        Tab::Checks => "Checks",
        Tab::Flow => "How the login works",
    }
}

#[derive(Properties, PartialEq)]
pub struct OutputsPanelProps {
    pub outputs: Rc<Outputs>,
    /// Steps a pasted message fails at, marked in the login diagram.
    #[prop_or_default]
    pub marked: Vec<LoginStep>,
    /// Counts the requests to show the login diagram; each new one selects its tab.
    #[prop_or_default]
    pub reveal: u32,
    /// The outputs the page chose to show, in order; never empty.
    #[prop_or_else(|| Output::ALL.to_vec())]
    pub shown: Vec<Output>,
    /// The level of the outputs' titles (see [`super::heading`]).
    #[prop_or(2)]
    pub level: u8,
}

#[component]
pub fn OutputsPanel(props: &OutputsPanelProps) -> Html {
    let shown = &props.shown;
    let selected = use_state_eq(|| shown.first().copied().unwrap_or(Tab::HeadscaleConfig));
    // Set when the status line asked for the checks: their panel takes focus once shown.
    let focus_checks = use_state_eq(|| false);
    let checks_panel = use_node_ref();
    {
        let (focus_checks, checks_panel) = (focus_checks.clone(), checks_panel.clone());
        use_effect_with((*selected, *focus_checks), move |&(selected, focus)| {
            if focus && selected == Tab::Checks {
                if let Some(panel) = checks_panel.cast::<web_sys::HtmlElement>() {
                    let _ = panel.focus();
                }
                focus_checks.set(false);
            }
        });
    }
    {
        // A request to show the login diagram, where the page shows it.
        let (selected, has_flow) = (selected.setter(), shown.contains(&Tab::Flow));
        use_effect_with(props.reveal, move |&reveal| {
            if reveal > 0 && has_flow {
                selected.set(Tab::Flow);
            }
        });
    }
    // The same callbacks on every render, so the tab list is not drawn again on a keystroke.
    let onselect = {
        let selected = selected.setter();
        use_callback(shown.clone(), move |index: usize, shown| {
            if let Some(&tab) = shown.get(index) {
                selected.set(tab);
            }
        })
    };
    let onshow = {
        let (selected, focus_checks) = (selected.setter(), focus_checks.setter());
        use_callback((), move |(), _| {
            selected.set(Tab::Checks);
            focus_checks.set(true);
        })
    };
    let outputs = &props.outputs;
    let level = props.level;
    let content = |tab: Tab| -> Html {
        match tab {
            Tab::HeadscaleConfig => html! {
                <OutputBlock id="headscale-config" title="Headscale configuration" {level}
                    description={AttrValue::from("The oidc: section of Headscale's config.yaml.")}>
                    <CopyableText labelled_by={title_id("headscale-config")}
                        text={outputs.headscale.yaml.clone().unwrap_or_default()}
                        error={outputs.headscale.yaml.as_ref().err().map(ToString::to_string)} />
                </OutputBlock>
            },
            Tab::AuthentikWizard => html! {
                <OutputBlock id="authentik-settings" title="authentik settings" {level}
                    description={AttrValue::from("What to enter in authentik's New Application wizard (Applications → Applications).")}>
                    <CopyableText labelled_by={title_id("authentik-settings")} text={outputs.authentik.wizard.to_text()}>
                        <WizardView wizard={outputs.authentik.wizard.clone()} level={level + 1} />
                    </CopyableText>
                </OutputBlock>
            },
            Tab::HeadscaleEnvironment => {
                html! { <EnvironmentBlock environment={outputs.headscale.env.clone()} {level} /> }
            }
            Tab::AuthentikBlueprint => html! {
                <OutputBlock id="authentik-blueprint" title="authentik blueprint" {level}
                    description={AttrValue::from("Creates the provider, the application and the group bindings in one step, instead of the wizard.")}>
                    <AuthentikExtra outputs={outputs.authentik.clone()} extra={Extra::Blueprint} />
                </OutputBlock>
            },
            Tab::AuthentikTerraform => html! {
                <OutputBlock id="authentik-terraform" title="authentik Terraform" {level}
                    description={AttrValue::from("The same objects for the goauthentik/authentik Terraform provider.")}>
                    <AuthentikExtra outputs={outputs.authentik.clone()} extra={Extra::Terraform} />
                </OutputBlock>
            },
            Tab::Checks => html! { <ChecksList diagnostics={outputs.diagnostics.clone()} {level} /> },
            Tab::Flow => html! { <FlowDiagram outputs={outputs.clone()} {level} marked={props.marked.clone()} /> },
        }
    };
    // While a value is refused, every output but the checks waits: built without it, an
    // output could let more people log in than meant.
    let withheld = !outputs.model.refusals.is_empty();
    let tabs = shown.iter().map(|tab| (AttrValue::from(tab.key()), AttrValue::from(title(*tab)))).collect::<Vec<_>>();
    let index = shown.iter().position(|tab| tab == &*selected).unwrap_or_default();
    // The status line leads to the checks only where they are shown.
    let show_checks = shown.contains(&Tab::Checks).then_some(&onshow);
    let tabbed = shown.len() > 1;
    html! {
        <section class="hsp-outputs" aria-label="Outputs">
            { status_line(&outputs.diagnostics, show_checks) }
            <Withheld refused={outputs.model.refused()} />
            // One output needs no tabs.
            if tabbed {
                <Tabs label="Outputs" {tabs} selected={index} {onselect} />
            }
            { for shown.iter().map(|&tab| {
                let shown = tab == *selected;
                // The blueprint and the Terraform cost most; hidden, they are not built at all,
                // except in the example rendered at build time, where a reader without scripts
                // sees every panel at once (the styles' `scripting: none` rule).
                let built = (shown
                    || cfg!(feature = "prerender")
                    || !matches!(tab, Tab::AuthentikBlueprint | Tab::AuthentikTerraform))
                    && (!withheld || tab == Tab::Checks);
                let node = if tab == Tab::Checks { checks_panel.clone() } else { NodeRef::default() };
                html! {
                    <div class="hsp-tabpanel" role={tabbed.then_some("tabpanel")} id={panel_id(tab.key())}
                        aria-labelledby={tabbed.then(|| tab_id(tab.key()))}
                        hidden={!shown} tabindex={(tab == Tab::Checks).then_some("-1")} ref={node}>
                        if built { { content(tab) } }
                    </div>
                }
            }) }
        </section>
    }
}
