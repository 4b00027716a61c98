//! The root component: one reducer holding the inputs, the engine's outputs derived from them,
//! and the effects that keep the URL and the browser's storage current.

use gloo::events::EventListener;
use yew::prelude::*;

use super::autosave::Autosave;
use super::components::form::Form;
use super::components::heading::outputs_level;
use super::components::import_panel::{ImportPanelProps, ImportSlot};
use super::components::more_settings::MoreSettings;
use super::components::notices::Notices;
use super::components::outputs_panel::OutputsPanel;
use super::components::restored::Restored;
use super::components::set_aside::SetAside;
use super::components::share_bar::ShareBar;
use super::state::{Action, State};
use crate::engine::catalogue::LoginStep;
use crate::engine::embed::Output;
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
    /// The level of the title's heading, 1 to 6.
    #[prop_or(2)]
    pub heading_level: u8,
    /// The title; `None` hides it.
    #[prop_or_else(|| Some(AttrValue::from(crate::engine::embed::DEFAULT_TITLE)))]
    pub title: Option<AttrValue>,
    /// The prefix of this playground's parameters and storage keys (empty on its own page).
    #[prop_or_default]
    pub prefix: AttrValue,
    /// Opened from a share link: what this browser saved stays until the reader edits.
    #[prop_or_default]
    pub from_link: bool,
    /// Where this playground's saved inputs live (see [`crate::engine::embed::storage_scope`]).
    #[prop_or_default]
    pub storage_scope: AttrValue,
    /// Saved inputs not applied because the page's defaults changed since; offered back.
    #[prop_or_default]
    pub set_aside: Option<Inputs>,
    /// Fields restored from storage that other local files share (see
    /// [`crate::engine::startup::Start::restored`]).
    #[prop_or_default]
    pub restored: Vec<engine::Field>,
    /// The outputs the page chose to show; never empty.
    #[prop_or_else(|| Output::ALL.to_vec())]
    pub outputs: Vec<Output>,
    /// The compact form: the essentials and the outputs only (see `engine::embed::COMPACT`).
    #[prop_or_default]
    pub compact: bool,
    /// The import panel, or its stand-in where this module leaves the import out.
    #[prop_or(ImportSlot::PANEL)]
    pub import: ImportSlot,
    /// The import panel starts open.
    #[prop_or_default]
    pub import_open: bool,
    /// Told once, when the app starts, where its state is kept (see [`Kept`]).
    #[prop_or_default]
    pub onstart: Callback<Kept>,
}

/// Where a running app keeps its state, for a playground that takes it over.
pub struct Kept(std::rc::Rc<std::cell::RefCell<Autosave>>);

impl Kept {
    /// The state after every action so far, and whether it is still the link it was opened
    /// from (see [`Autosave::kept`]).
    pub fn kept(&self) -> (State, bool) {
        self.0.borrow().kept()
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| State {
        inputs: props.initial.clone(),
        remember_secret: props.remember_secret,
        private: props.private.clone(),
    });
    // One renderer per playground: it rebuilds only the outputs a keystroke changes.
    let renderer = use_mut_ref(engine::Renderer::default);
    let outputs = use_memo(state.inputs.clone(), move |inputs| renderer.borrow_mut().render(inputs));
    // Storage and the page address follow every action, even one the page has not rendered yet.
    let saved = use_state(|| true);
    let autosave = {
        let saved = saved.clone();
        (*use_memo((), |_| {
            let place = super::autosave::Place {
                prefix: props.prefix.to_string(),
                storage_scope: props.storage_scope.to_string(),
                defaults: crate::engine::share::defaults_fingerprint(&props.defaults),
                storage: props.storage,
                sync_url: props.sync_url,
            };
            Autosave::new((*state).clone(), place, props.from_link, Callback::from(move |ok: bool| saved.set(ok)))
        }))
        .clone()
    };
    {
        let (autosave, onstart) = (autosave.clone(), props.onstart.clone());
        use_effect_with((), move |_| {
            onstart.emit(Kept(autosave.clone()));
            autosave.borrow_mut().record();
            let listener = {
                let autosave = autosave.clone();
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| autosave.borrow_mut().flush())
            };
            move || {
                drop(listener);
                autosave.borrow_mut().flush();
            }
        });
    }
    // The callbacks stay the same from render to render, so a child whose other properties did
    // not change is not rendered again on a keystroke elsewhere.
    let ondispatch = {
        let (dispatcher, autosave) = (state.dispatcher(), autosave.clone());
        use_callback((), move |action: Action, _| {
            autosave.borrow_mut().apply(action.clone());
            dispatcher.dispatch(action);
        })
    };
    let onedit = (*use_memo((), |_| ondispatch.reform(Action::Edit))).clone();
    let onreplace = (*use_memo((), |_| ondispatch.reform(Action::Replace))).clone();
    // The steps a pasted message fails at, marked in the diagram; `reveal` counts the requests to
    // show the diagram, so the same step can be asked for again.
    let marked = use_state_eq(Vec::<LoginStep>::new);
    let reveal = use_state(|| 0u32);
    let onmark = {
        let marked = marked.setter();
        use_callback((), move |steps: Vec<LoginStep>, _| marked.set(steps))
    };
    let onstep = {
        let (marked, reveal) = (marked.clone(), reveal.clone());
        use_callback((), move |step: LoginStep, _| {
            if !marked.contains(&step) {
                let mut steps = (*marked).clone();
                steps.push(step);
                marked.set(steps);
            }
            reveal.set(*reveal + 1);
        })
    };
    let onlink = {
        let autosave = autosave.clone();
        use_callback((), move |(), _| autosave.borrow().link())
    };

    let level = props.heading_level.clamp(1, 6);
    let outputs_level = outputs_level(level, props.title.is_some());
    let compact = props.compact;
    html! {
        <div class={classes!("hsp", compact.then_some("hsp-compact"))}>
            if props.title.is_some() || !compact {
                <header class="hsp-header">
                    if let Some(title) = &props.title {
                        <@{format!("h{level}")} class="hsp-title">{ title.clone() }</@>
                    }
                    if !compact {
                        <p>{ "Describe your setup; copy the settings for authentik and the oidc: section for Headscale. Everything stays in this browser." }</p>
                    }
                </header>
            }
            <Notices notices={props.notices.clone()} />
            if !props.restored.is_empty() {
                <Restored fields={props.restored.clone()} inputs={props.initial.clone()}
                    defaults={props.defaults.clone()} onreset={onreplace.clone()} />
            }
            if let Some(saved) = &props.set_aside {
                <SetAside saved={saved.clone()} onrestore={onreplace.clone()} />
            }
            if !compact {
                <ShareBar remember_secret={state.remember_secret} private={state.private.clone()}
                    defaults={props.defaults.clone()} {ondispatch} {onlink} storage={props.storage} saved={*saved} />
                { (props.import.0)(yew::props!(ImportPanelProps {
                    inputs: state.inputs.clone(),
                    onapply: onreplace,
                    onstep,
                    onmark,
                    level: props.heading_level.clamp(1, 5) + 1,
                    open: props.import_open,
                })) }
            }
            // Essentials, outputs, then the rest: on a narrow widget the outputs follow the
            // essentials; on a wide one they stand beside both (see the stylesheet).
            <div class="hsp-layout">
                <Form inputs={state.inputs.clone()} outputs={outputs.clone()} onedit={onedit.clone()} />
                <OutputsPanel outputs={outputs.clone()} shown={props.outputs.clone()} level={outputs_level}
                    marked={(*marked).clone()} reveal={*reveal} />
                <MoreSettings inputs={state.inputs.clone()} defaults={props.defaults.clone()} outputs={outputs.clone()} {onedit}
                    only_attention={compact} />
            </div>
        </div>
    }
}
