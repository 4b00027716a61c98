//! The outputs as tabs, with a status line of the checks above them. The Headscale
//! configuration and the authentik settings are the first two tabs; the blueprint and the
//! Terraform are built only while their tab is selected.

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
use crate::engine::catalogue::Stage;
use crate::engine::Outputs;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    HeadscaleConfig,
    AuthentikSettings,
    Environment,
    Blueprint,
    Terraform,
    Checks,
    Flow,
}

impl Tab {
    const ALL: [Tab; 7] = [
        Tab::HeadscaleConfig,
        Tab::AuthentikSettings,
        Tab::Environment,
        Tab::Blueprint,
        Tab::Terraform,
        Tab::Checks,
        Tab::Flow,
    ];

    fn key(self) -> &'static str {
        match self {
            Tab::HeadscaleConfig => "headscale-config",
            Tab::AuthentikSettings => "authentik-settings",
            Tab::Environment => "headscale-environment",
            Tab::Blueprint => "authentik-blueprint",
            Tab::Terraform => "authentik-terraform",
            Tab::Checks => "checks",
            Tab::Flow => "flow",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Tab::HeadscaleConfig => "Headscale configuration",
            Tab::AuthentikSettings => "authentik settings",
            Tab::Environment => "Headscale environment",
            Tab::Blueprint => "authentik blueprint",
            Tab::Terraform => "authentik Terraform",
            Tab::Checks => "Checks",
            Tab::Flow => "How the login works",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct OutputsPanelProps {
    pub outputs: Rc<Outputs>,
    /// Steps a pasted message fails at, marked in the login diagram.
    #[prop_or_default]
    pub marked: Vec<Stage>,
    /// Counts the requests to show the login diagram; each new one selects its tab.
    #[prop_or_default]
    pub shown: u32,
}

#[component]
pub fn OutputsPanel(props: &OutputsPanelProps) -> Html {
    let selected = use_state_eq(|| Tab::HeadscaleConfig);
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
        let selected = selected.setter();
        use_effect_with(props.shown, move |&shown| {
            if shown > 0 {
                selected.set(Tab::Flow);
            }
        });
    }
    // The same callbacks on every render, so the tab list is not drawn again on a keystroke.
    let onselect = {
        let selected = selected.setter();
        use_callback((), move |index: usize, _| selected.set(Tab::ALL[index]))
    };
    let onshow = {
        let (selected, focus_checks) = (selected.setter(), focus_checks.setter());
        use_callback((), move |(), _| {
            selected.set(Tab::Checks);
            focus_checks.set(true);
        })
    };
    let outputs = &props.outputs;
    let content = |tab: Tab| -> Html {
        match tab {
            Tab::HeadscaleConfig => html! {
                <OutputBlock id="headscale-config" title="Headscale configuration"
                    description={AttrValue::from("The oidc: section of Headscale's config.yaml.")}>
                    <CopyableText labelled_by={title_id("headscale-config")}
                        text={outputs.headscale.yaml.clone().unwrap_or_default()}
                        error={outputs.headscale.yaml.as_ref().err().map(ToString::to_string)} />
                </OutputBlock>
            },
            Tab::AuthentikSettings => html! {
                <OutputBlock id="authentik-settings" title="authentik settings"
                    description={AttrValue::from("What to enter in authentik's New Application wizard (Applications → Applications).")}>
                    <CopyableText labelled_by={title_id("authentik-settings")} text={outputs.authentik.wizard.to_text()}>
                        <WizardView wizard={outputs.authentik.wizard.clone()} />
                    </CopyableText>
                </OutputBlock>
            },
            Tab::Environment => html! { <EnvironmentBlock environment={outputs.headscale.env.clone()} /> },
            Tab::Blueprint => html! {
                <OutputBlock id="authentik-blueprint" title="authentik blueprint"
                    description={AttrValue::from("Creates the provider, the application and the group bindings in one step, instead of the wizard.")}>
                    <AuthentikExtra outputs={outputs.authentik.clone()} extra={Extra::Blueprint} />
                </OutputBlock>
            },
            Tab::Terraform => html! {
                <OutputBlock id="authentik-terraform" title="authentik Terraform"
                    description={AttrValue::from("The same objects for the goauthentik/authentik Terraform provider.")}>
                    <AuthentikExtra outputs={outputs.authentik.clone()} extra={Extra::Terraform} />
                </OutputBlock>
            },
            Tab::Checks => html! { <ChecksList diagnostics={outputs.diagnostics.clone()} /> },
            Tab::Flow => html! { <FlowDiagram outputs={outputs.clone()} marked={props.marked.clone()} /> },
        }
    };
    // While a value is refused, every output but the checks waits: built without it, an
    // output could let more people log in than meant.
    let withheld = !outputs.model.refusals.is_empty();
    let tabs =
        Tab::ALL.iter().map(|tab| (AttrValue::from(tab.key()), AttrValue::from(tab.title()))).collect::<Vec<_>>();
    let index = Tab::ALL.iter().position(|tab| tab == &*selected).unwrap_or_default();
    html! {
        <section class="hsp-outputs" aria-label="Outputs">
            { status_line(&outputs.diagnostics, &onshow) }
            <Withheld refused={outputs.model.refused()} />
            <Tabs label="Outputs" {tabs} selected={index} {onselect} />
            { for Tab::ALL.iter().map(|&tab| {
                let shown = tab == *selected;
                // The blueprint and the Terraform cost most; hidden, they are not built at all.
                let built = (shown || !matches!(tab, Tab::Blueprint | Tab::Terraform)) && (!withheld || tab == Tab::Checks);
                let node = if tab == Tab::Checks { checks_panel.clone() } else { NodeRef::default() };
                html! {
                    <div class="hsp-tabpanel" role="tabpanel" id={panel_id(tab.key())} aria-labelledby={tab_id(tab.key())}
                        hidden={!shown} tabindex={(tab == Tab::Checks).then_some("-1")} ref={node}>
                        if built { { content(tab) } }
                    </div>
                }
            }) }
        </section>
    }
}
