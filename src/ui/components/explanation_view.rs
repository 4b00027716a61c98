//! One recognised line, explained: the message, the releases that print it, its step of the
//! login (marked in the diagram on request) and its causes, most likely first, each with how
//! to confirm it and where to fix it.

use yew::prelude::*;

use crate::engine::catalogue::LoginStep;
use crate::engine::flow::{step_label, step_number};
use crate::engine::symptoms::explain::{Explanation, Likelihood, Rated};
use crate::engine::symptoms::pattern::shown;
use crate::engine::symptoms::{Fix, Found};

#[derive(Properties, PartialEq)]
pub struct ExplanationViewProps {
    pub found: Found,
    pub explanation: Explanation,
    pub onstep: Callback<LoginStep>,
    /// The level of the message's heading.
    pub level: u8,
}

fn cause_item(rated: &Rated) -> Html {
    let info = rated.cause.info();
    let place = match info.fix {
        Fix::Field(field) => html! { <>{ "In the form, at " }<strong>{ field.label() }</strong>{ ": " }</> },
        Fix::Authentik(screen) => html! { <>{ "In authentik, " }<strong>{ screen }</strong>{ ": " }</> },
        Fix::Headscale => html! { <>{ "On Headscale's host: " }</> },
        Fix::Nothing => html! {},
    };
    let class = match rated.likelihood {
        Likelihood::Strong => "hsp-cause-strong",
        Likelihood::Likely => "hsp-cause-likely",
        Likelihood::Possible => "hsp-cause-possible",
        Likelihood::Unlikely => "hsp-cause-unlikely",
    };
    html! {
        <li class={classes!("hsp-cause", class)} data-cause={info.id}>
            <p><strong>{ info.title }</strong>{ " " }<span class="hsp-likelihood">{ format!("({})", rated.likelihood.label()) }</span></p>
            <p>{ info.why }</p>
            if !rated.findings.is_empty() {
                <ul class="hsp-findings">{ for rated.findings.iter().map(|f| html! { <li>{ f.clone() }</li> }) }</ul>
            }
            if let Some(confirm) = info.confirm {
                <p class="hsp-confirm"><span class="hsp-tag">{ "How to confirm: " }</span>{ confirm }</p>
            }
            <p class="hsp-fix"><span class="hsp-tag">{ "Fix: " }</span>{ place }{ info.remedy }{ " " }
                <a href={info.link.url} target="_blank" rel="noopener noreferrer">{ info.link.title }</a></p>
        </li>
    }
}

#[component]
pub fn ExplanationView(props: &ExplanationViewProps) -> Html {
    let (found, explanation) = (&props.found, &props.explanation);
    let Some(last) = found.hits.last() else { return html! {} };
    let step = explanation.step;
    let onclick = {
        let onstep = props.onstep.clone();
        Callback::from(move |_: MouseEvent| onstep.emit(step))
    };
    let (likely, unlikely): (Vec<&Rated>, Vec<&Rated>) =
        explanation.causes.iter().partition(|rated| rated.likelihood != Likelihood::Unlikely);
    let chain: Vec<String> = found.hits.iter().map(|hit| shown(hit.known().pattern)).collect();
    html! {
        <article class="hsp-explanation">
            <@{format!("h{}", props.level.min(6))} class="hsp-explanation-message"><code>{ shown(last.known().pattern) }</code></@>
            <p class="hsp-explanation-where">
                { format!("Line {}", found.line) }
                if found.count > 1 { { format!(", {} times", found.count) } }
                if let Some(level) = found.level { { format!(", {}", level.label()) } }
                { format!(". Printed by {}: {}.", last.known().origin.label(), explanation.releases) }
            </p>
            if chain.len() > 1 {
                <p class="hsp-explanation-chain">{ "As Headscale wrapped it: " }<code>{ chain.join(" → ") }</code></p>
            }
            if let Some(note) = &explanation.version_note {
                <p class="hsp-output-note" role="note">{ note.clone() }</p>
            }
            <p class="hsp-explanation-step">
                { format!("Step {}: {}. ", step_number(step), step_label(step)) }
                <button type="button" class="hsp-secondary" {onclick}>{ "Show this step in How the login works" }</button>
            </p>
            <@{format!("h{}", (props.level + 1).min(6))}>{ "Causes, most likely first for your setup" }</@>
            <ol class="hsp-causes">{ for likely.into_iter().map(cause_item) }</ol>
            if !unlikely.is_empty() {
                <details class="hsp-unlikely">
                    <summary>{ format!("Unlikely with your setup ({})", unlikely.len()) }</summary>
                    <ol class="hsp-causes">{ for unlikely.into_iter().map(cause_item) }</ol>
                </details>
            }
        </article>
    }
}
