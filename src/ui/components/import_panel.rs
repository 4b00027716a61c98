//! The import panel: paste a Headscale configuration, see every problem with its line and
//! what would change, then apply it to the form, or not. Log lines, pages and answers pasted
//! beside it or instead are explained for the current inputs ([`SymptomsView`]), and the live
//! authentik's signing keys can be checked on request ([`KeysCheck`]).

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::disclosure::Disclosure;
use super::error_message::ErrorMessage;
use super::field_messages::DiagnosticItem;
use super::keys_check::KeysCheck;
use super::symptoms_view::{Reading, SymptomsView};
use crate::engine::catalogue::LoginStep;
use crate::engine::import::paste::Paste;
use crate::engine::import::{self, Import, ImportError, Pasted};
use crate::engine::{Field, Inputs, Model};
use crate::ui::hooks::use_import_reading;
use crate::ui::import_worker::{Outcome, TIME_LIMIT_MS};

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub inputs: Inputs,
    pub onapply: Callback<Inputs>,
    /// Show a step in the login diagram.
    pub onstep: Callback<LoginStep>,
    /// The steps the pasted messages fail at.
    pub onmark: Callback<Vec<LoginStep>>,
    /// The level of the headings of what the paste says, one below the playground's title.
    #[prop_or(3)]
    pub level: u8,
    /// Open from the start: the reader opened the panel before this module ran.
    #[prop_or_default]
    pub open: bool,
}

/// How a playground draws its import panel: the panel itself, or, in the module the page
/// fetches first (which leaves the import and its reading out), a stand-in that asks for the
/// module that has it ([`super::import_stand_in`]). An app keeps the one it started with.
#[derive(Clone, Copy)]
pub struct ImportSlot(pub fn(ImportPanelProps) -> Html);

impl ImportSlot {
    /// The panel itself.
    pub const PANEL: ImportSlot = ImportSlot(|props| html! { <ImportPanel ..props /> });
}

/// One slot is as good as another: an app never swaps its own.
impl PartialEq for ImportSlot {
    fn eq(&self, _: &ImportSlot) -> bool {
        true
    }
}

/// The panel's frame, closed or open, the same for the panel and its stand-in, so that one
/// replaces the other without a change.
pub fn frame(open: bool, children: Html) -> Html {
    html! {
        <Disclosure class={classes!("hsp-import")} id={AttrValue::from("hsp-import-panel")} {open}
            summary={html! { { "Import an existing Headscale configuration or an error" } }}>
            { children }
        </Disclosure>
    }
}

fn describe(source: Pasted) -> &'static str {
    match source {
        Pasted::Config => "a whole config.yaml",
        Pasted::OidcSection => "an oidc: section",
        Pasted::Environment => "HEADSCALE_ environment variables",
    }
}

#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let text = use_state(String::new);
    let applied = use_state(|| None::<usize>);
    // The text is read (in a worker) only when it changes: a keystroke in another field only
    // compares the reading with the new inputs, which is cheap.
    let current = use_import_reading(&text);
    let result = use_memo((current.clone(), props.inputs.clone()), |(current, inputs)| match current {
        Some(Outcome::Read(read)) => Some(match read.as_ref() {
            Ok(paste) => Ok((
                read.clone(),
                paste.configuration.as_ref().map(|configuration| match configuration {
                    Ok(reading) => Ok(import::propose(reading, inputs)),
                    Err(error) => Err(error.clone()),
                }),
            )),
            Err(error) => Err(error.clone()),
        }),
        _ => None,
    });
    let refused_paste = use_state(|| None::<usize>);
    let oninput = {
        let (text, applied, refused_paste_on_input) = (text.clone(), applied.clone(), refused_paste.clone());
        Callback::from(move |event: InputEvent| {
            text.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
            refused_paste_on_input.set(None);
            applied.set(None);
        })
    };
    // A paste that would take the box beyond the import's limit never reaches it: laying out a
    // megabyte of lines blocks the browser for seconds, before any of this code could refuse
    // it, and every keystroke after it again. The limit is the box's, whatever the pastes.
    let onpaste = {
        let refused_paste = refused_paste.clone();
        Callback::from(move |event: Event| {
            let target: HtmlTextAreaElement = event.target_unchecked_into();
            let event: web_sys::ClipboardEvent = event.unchecked_into();
            let pasted = event.clipboard_data().and_then(|data| data.get_data("text").ok()).unwrap_or_default();
            let held = target.value();
            // What the paste replaces: the selection, counted in UTF-16 units by the browser.
            let (start, end) = (target.selection_start().ok().flatten(), target.selection_end().ok().flatten());
            let replaced = match (start, end) {
                (Some(start), Some(end)) if end > start => {
                    js_sys::JsString::from(held.as_str()).substring(start, end).as_string().map_or(0, |text| text.len())
                }
                _ => 0,
            };
            let after = held.len().saturating_sub(replaced) + pasted.len();
            if after > import::MAX_BYTES {
                event.prevent_default();
                refused_paste.set(Some(after));
            } else {
                refused_paste.set(None);
            }
        })
    };
    let onclear = {
        let (text, applied) = (text.clone(), applied.clone());
        Callback::from(move |_: MouseEvent| {
            text.set(String::new());
            applied.set(None);
        })
    };
    let id = "hsp-import";
    let body = match (*refused_paste, &current, result.as_ref()) {
        (Some(bytes), _, _) => html! {
            <p class="hsp-output-error" role="alert">{ format!("Nothing was pasted: {}", ImportError::TooLarge { bytes }) }</p>
        },
        (None, _, _) if text.trim().is_empty() => html! {},
        (None, None, _) => html! { <p class="hsp-import-reading" role="status">{ "Reading the text…" }</p> },
        (None, Some(Outcome::Stopped), _) => html! {
            <p class="hsp-output-error" role="alert">{ format!(
                "Reading this text took longer than {} seconds, so it was stopped; the rest of the page kept working. \
                 Your text is kept: shorten it, or paste only the oidc: section.",
                TIME_LIMIT_MS / 1000
            ) }</p>
        },
        (None, Some(Outcome::Unreadable(error)), _) => html! { <ErrorMessage message={error.to_string()} /> },
        (None, _, None) => html! {},
        (None, _, Some(Err(error))) => render_error(error),
        (None, _, Some(Ok((paste, configuration)))) => {
            let import = match configuration {
                Some(Ok(found)) => {
                    let onapply = {
                        let (onapply, applied, inputs, count) =
                            (props.onapply.clone(), applied.clone(), found.inputs.clone(), found.changes.len());
                        Callback::from(move |_: MouseEvent| {
                            onapply.emit(inputs.clone());
                            applied.set(Some(count));
                        })
                    };
                    render_import(found, onapply)
                }
                Some(Err(error)) => render_error(error),
                None => html! {},
            };
            html! {
                <>
                    if paste.as_ref().as_ref().is_ok_and(Paste::has_symptoms) {
                        <SymptomsView paste={Reading(paste.clone())} inputs={props.inputs.clone()}
                            onstep={props.onstep.clone()} onmark={props.onmark.clone()} level={props.level} />
                    }
                    { import }
                </>
            }
        }
    };
    let status = match *applied {
        Some(0) => "Nothing to apply: the form already says the same.".to_string(),
        Some(1) => "Applied 1 change to the form.".to_string(),
        Some(n) => format!("Applied {n} changes to the form."),
        None => String::new(),
    };
    let help = Field::ImportText.help();
    frame(
        props.open,
        html! {
            <>
                <div class="hsp-field">
                    <label for={id}>{ Field::ImportText.label() }</label>
                    <textarea id={id} rows="8" spellcheck="false" value={(*text).clone()} {oninput} {onpaste}
                        aria-describedby="hsp-import-help hsp-import-result"
                        placeholder="oidc:\n  issuer: https://authentik.example.com/application/o/headscale/\n\nor a log line: ERR user msg: unauthorised group" />
                    <p class="hsp-help" id="hsp-import-help">{ help.text }</p>
                </div>
                <div id="hsp-import-result">{ body }</div>
                <p class="hsp-import-status" role="status" aria-live="polite">{ status }</p>
                if !text.is_empty() {
                    <button type="button" class="hsp-secondary" onclick={onclear}>{ "Clear the import box" }</button>
                }
                <KeysCheck address={AttrValue::from(format!("{}jwks/", Model::new(&props.inputs).issuer))} level={props.level} />
            </>
        },
    )
}

fn render_error(error: &ImportError) -> Html {
    let place = match error {
        ImportError::Yaml { position: Some(p), .. }
        | ImportError::Aliasing { position: Some(p) }
        | ImportError::TooManyValues { position: Some(p) } => format!(" (line {}, column {})", p.line, p.column),
        _ => String::new(),
    };
    html! { <ErrorMessage message={format!("{error}{place}")} /> }
}

fn render_import(found: &Import, onapply: Callback<MouseEvent>) -> Html {
    let problems = found.findings.len() + found.omitted;
    let summary = match problems {
        0 => format!("Read {}: no problems found.", describe(found.source)),
        1 => format!("Read {}: 1 problem.", describe(found.source)),
        n => format!("Read {}: {n} problems.", describe(found.source)),
    };
    html! {
        <>
            <p class="hsp-import-summary" role="status">{ summary }</p>
            if problems > 0 {
                <ul class="hsp-messages hsp-import-findings">
                    { for found.findings.iter().map(|finding| html! {
                        <DiagnosticItem diagnostic={finding.diagnostic.clone()} show_field=false
                            place={finding.place().map(AttrValue::from)} />
                    }) }
                </ul>
            }
            if found.omitted > 0 {
                <p class="hsp-import-omitted">{ format!("{} more problems are not listed; a configuration with this many is probably not a Headscale configuration.", found.omitted) }</p>
            }
            if found.changes.is_empty() {
                <p>{ "The form already says the same; nothing would change." }</p>
            } else {
                <table class="hsp-changes">
                    <caption>{ "Applying changes these fields" }</caption>
                    <thead><tr><th scope="col">{ "Field" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "After" }</th></tr></thead>
                    <tbody>
                        { for found.changes.iter().map(|change| html! {
                            <tr>
                                <th scope="row">{ change.field.label() }</th>
                                <td><code>{ change.before.clone() }</code></td>
                                <td><code>{ change.after.clone() }</code></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if found.applicable() {
                <button type="button" onclick={onapply}>{ "Apply to the form" }</button>
            } else {
                <p class="hsp-output-error" role="alert">{ "Nothing can be applied while a value is refused or problems are left unlisted: leaving a value out could let more people log in than the configuration says. Fix the text, then apply." }</p>
            }
        </>
    }
}
