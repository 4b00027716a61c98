//! What a paste says, part by part: what was recognised in each, each message explained for the
//! current inputs, unknown lines with the closest known messages (and no guessed cause),
//! documents compared with the inputs.

use std::rc::Rc;

use yew::prelude::*;

use super::discovery_view::DiscoveryView;
use super::explanation_view::ExplanationView;
use crate::engine::catalogue::LoginStep;
use crate::engine::import::paste::Paste;
use crate::engine::import::ImportError;
use crate::engine::symptoms::explain::explain;
use crate::engine::symptoms::pattern::shown;
use crate::engine::symptoms::{Cause, Document, Kind, Part, MESSAGES};
use crate::engine::{Inputs, Model};

/// The reading of a paste, compared by identity: the import box keeps one per text, and
/// comparing its contents on every keystroke would cost more than drawing it.
#[derive(Clone)]
pub struct Reading(pub Rc<Result<Paste, ImportError>>);

impl PartialEq for Reading {
    fn eq(&self, other: &Reading) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct SymptomsViewProps {
    /// The reading of the paste, as the import box has it.
    pub paste: Reading,
    pub inputs: Inputs,
    /// Show a step in the login diagram.
    pub onstep: Callback<LoginStep>,
    /// The steps the explained messages fail at, for the diagram to mark.
    pub onmark: Callback<Vec<LoginStep>>,
    /// The level of the parts' headings, one below the playground's title.
    pub level: u8,
}

fn summary(part: &Part) -> String {
    let recognised = part.found.len() + part.omitted;
    let mut out = Vec::new();
    match part.kind {
        Kind::Configuration => out.push("read by the import, below".to_string()),
        Kind::Discovery | Kind::Jwks => out.push("read whole".to_string()),
        _ => out.push(match recognised {
            0 => "no known message".to_string(),
            1 => "1 known message".to_string(),
            n => format!("{n} known messages"),
        }),
    }
    if !part.unknown.is_empty() {
        out.push(format!("{} not recognised", part.unknown.len()));
    }
    if part.other > 0 {
        out.push(format!("{} other {}", part.other, if part.other == 1 { "line" } else { "lines" }));
    }
    out.join(", ")
}

#[component]
pub fn SymptomsView(props: &SymptomsViewProps) -> Html {
    let model = use_memo(props.inputs.clone(), Model::new);
    let explained = use_memo((props.paste.clone(), model.clone()), |(paste, model)| {
        let Ok(paste) = paste.0.as_ref() else { return Vec::new() };
        paste
            .parts
            .iter()
            .map(|part| part.found.iter().map(|found| explain(found, model)).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    });
    {
        let steps: Vec<LoginStep> = explained
            .iter()
            .flatten()
            .filter(|explanation| explanation.causes.iter().any(|rated| rated.cause != Cause::Normal))
            .map(|explanation| explanation.step)
            .collect();
        let onmark = props.onmark.clone();
        use_effect_with(steps, move |steps| {
            onmark.emit(steps.clone());
            let onmark = onmark.clone();
            move || onmark.emit(Vec::new())
        });
    }
    let Ok(paste) = props.paste.0.as_ref() else { return html! {} };
    let parts = paste.parts.len();
    html! {
        <section class="hsp-symptoms" aria-label="What the paste says">
            { for paste.parts.iter().zip(explained.iter()).enumerate().map(|(index, (part, explanations))| {
                let lines = if part.lines.0 == part.lines.1 { format!("line {}", part.lines.0) } else { format!("lines {}–{}", part.lines.0, part.lines.1) };
                let title = if parts > 1 { format!("Part {}: {}, {lines}", index + 1, part.kind.label()) } else { format!("{}, {lines}", part.kind.label()) };
                html! {
                    <section class="hsp-symptom-part" data-kind={format!("{:?}", part.kind)}>
                        <@{format!("h{}", props.level.min(6))}>{ title }</@>
                        <p class="hsp-symptom-summary">{ format!("Recognised: {}.", summary(part)) }</p>
                        { for part.found.iter().zip(explanations.iter()).map(|(found, explanation)| html! {
                            <ExplanationView found={found.clone()} explanation={explanation.clone()} onstep={props.onstep.clone()} level={props.level + 1} />
                        }) }
                        if part.omitted > 0 {
                            <p>{ format!("{} more messages are not listed.", part.omitted) }</p>
                        }
                        { for part.unknown.iter().map(|unknown| html! {
                            <div class="hsp-unknown">
                                <p>{ format!("Line {}: not a message the playground knows, so it names no cause for it: ", unknown.line) }<code>{ unknown.text.clone() }</code></p>
                                if !unknown.closest.is_empty() {
                                    <p>{ "The closest known messages:" }</p>
                                    <ul>{ for unknown.closest.iter().map(|&index| html! {
                                        <li><code>{ shown(MESSAGES[index].pattern) }</code>{ format!(" ({})", MESSAGES[index].releases.label()) }</li>
                                    }) }</ul>
                                }
                            </div>
                        }) }
                        { match &part.document {
                            Some(Document::Discovery(discovery)) => html! { <DiscoveryView discovery={discovery.clone()} model={(*model).clone()} /> },
                            Some(Document::Jwks(set)) => html! { <p role="status">{ set.summary() }</p> },
                            None => html! {},
                        } }
                    </section>
                }
            }) }
        </section>
    }
}
