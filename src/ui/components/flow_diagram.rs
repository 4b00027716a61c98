//! The login drawn as a sequence diagram with the reader's own URLs; a step that a failing check
//! would break is marked. The same steps follow as a list, the diagram's text alternative.

use std::rc::Rc;

use yew::prelude::*;

use super::heading::heading;
use crate::engine::catalogue::LoginStep;
use crate::engine::flow::{self, Actor, Message, Status};
use crate::engine::Outputs;

const WIDTH: usize = 960;
const HEAD: usize = 44;
const ROW: usize = 64;
/// Longer details are cut in the drawing; the list below has them whole.
const DETAIL_CHARS: usize = 118;

fn column(actor: Actor) -> usize {
    120 + actor.index() * 240
}

/// What the diagram says of a step a pasted message fails at.
const PASTED: &str = "the pasted message fails here";

fn status_text(message: &Message) -> Option<String> {
    match message.status {
        Status::Fine => None,
        Status::Warning => Some(format!("warning: {}", message.checks.join(", "))),
        Status::Fails => Some(format!("fails here: {}", message.checks.join(", "))),
    }
}

fn class(status: Status) -> &'static str {
    match status {
        Status::Fine => "hsp-flow-fine",
        Status::Warning => "hsp-flow-warning",
        Status::Fails => "hsp-flow-fails",
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    index: usize,
    message: Message,
    /// A pasted message fails at this step.
    pasted: bool,
}

/// One arrow with its label; drawn again only when its message changed.
#[component]
fn Row(props: &RowProps) -> Html {
    let (index, message, pasted) = (props.index, &props.message, props.pasted);
    let top = HEAD + 16 + index * ROW;
    let (from, to) = (column(message.from), column(message.to));
    let arrow_y = top + 44;
    let detail: String = if message.detail.chars().count() > DETAIL_CHARS {
        message.detail.chars().take(DETAIL_CHARS - 1).chain(['…']).collect()
    } else {
        message.detail.clone()
    };
    let arrow = if from == to {
        // A check Headscale makes by itself: a loop on its lifeline.
        let d = format!("M {from} {} h 36 v 12 h -30", arrow_y - 6);
        html! { <path d={d} class="hsp-flow-arrow" marker-end="url(#hsp-flow-head)" /> }
    } else {
        let end = if to > from { to - 6 } else { to + 6 };
        html! {
            <line x1={from.to_string()} y1={arrow_y.to_string()} x2={end.to_string()} y2={arrow_y.to_string()}
                class="hsp-flow-arrow" marker-end="url(#hsp-flow-head)" />
        }
    };
    html! {
        <g class={classes!("hsp-flow-row", class(message.status), pasted.then_some("hsp-flow-pasted"))} data-stage={format!("{:?}", message.step)}>
            if message.status != Status::Fine || pasted {
                <rect x="2" y={(top - 4).to_string()} width={(WIDTH - 4).to_string()} height={(ROW - 4).to_string()} rx="4" class="hsp-flow-band" />
            }
            <text x="8" y={(top + 10).to_string()} class="hsp-flow-label">
                { format!("{}. {}", index + 1, message.label) }
                if let Some(status) = status_text(message) {
                    <tspan class="hsp-flow-status">{ format!(" — {status}") }</tspan>
                }
                if pasted {
                    <tspan class="hsp-flow-status hsp-flow-pasted-label">{ format!(" — {PASTED}") }</tspan>
                }
            </text>
            <text x="8" y={(top + 26).to_string()} class="hsp-flow-detail">{ detail }</text>
            { arrow }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct StepProps {
    message: Message,
    pasted: bool,
}

/// One step of the list that follows the drawing.
#[component]
fn Step(props: &StepProps) -> Html {
    let message = &props.message;
    html! {
        <li class={classes!(class(message.status), props.pasted.then_some("hsp-flow-pasted"))}>
            { format!("{} → {}: {}. ", message.from.label(), message.to.label(), message.label) }
            <code>{ message.detail.clone() }</code>
            if let Some(status) = status_text(message) {
                <strong>{ format!(" ({status})") }</strong>
            }
            if props.pasted {
                <strong>{ format!(" ({PASTED})") }</strong>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct FlowDiagramProps {
    pub outputs: Rc<Outputs>,
    /// Steps a pasted message fails at.
    #[prop_or_default]
    pub marked: Vec<LoginStep>,
    /// The heading's level (see [`super::heading`]).
    #[prop_or(2)]
    pub level: u8,
}

#[component]
pub fn FlowDiagram(props: &FlowDiagramProps) -> Html {
    let messages = flow::messages(&props.outputs.model, &props.outputs.diagnostics);
    let height = HEAD + 16 + messages.len() * ROW;
    // A keystroke changes one or two steps; each step is its own component, so only those are
    // drawn again.
    html! {
        <section class="hsp-output hsp-flow" id="hsp-flow" aria-labelledby="hsp-flow-title">
            { heading(props.level, Some("hsp-flow-title".into()), "hsp-output-title", html! { "How the login works" }) }
            // The drawing scrolls sideways on narrow screens, so it takes keyboard focus.
            <figure tabindex="0" aria-labelledby="hsp-flow-title">
                <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="hsp-flow-title"
                    aria-describedby="hsp-flow-steps" xmlns="http://www.w3.org/2000/svg">
                    <defs>
                        <marker id="hsp-flow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M 0 0 L 10 5 L 0 10 z" class="hsp-flow-arrowhead" />
                        </marker>
                    </defs>
                    { for Actor::ALL.iter().map(|&actor| {
                        let x = column(actor);
                        html! {
                            <g class="hsp-flow-actor">
                                <rect x={(x - 90).to_string()} y="4" width="180" height="28" rx="5" />
                                <text x={x.to_string()} y="23" text-anchor="middle">{ actor.label() }</text>
                                <line x1={x.to_string()} y1="32" x2={x.to_string()} y2={height.to_string()} class="hsp-flow-lifeline" />
                            </g>
                        }
                    }) }
                    { for messages.iter().enumerate().map(|(index, message)| {
                        let pasted = props.marked.contains(&message.step);
                        html! { <Row {index} message={message.clone()} {pasted} /> }
                    }) }
                </svg>
                <figcaption class="hsp-sr-only">
                    <ol id="hsp-flow-steps" class="hsp-flow-steps">
                        { for messages.into_iter().map(|message| {
                            let pasted = props.marked.contains(&message.step);
                            html! { <Step {message} {pasted} /> }
                        }) }
                    </ol>
                </figcaption>
            </figure>
        </section>
    }
}
