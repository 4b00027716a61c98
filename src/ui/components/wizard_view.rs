//! The authentik wizard values as numbered steps. A keystroke changes a few values; each step
//! and each value is its own component, so only those are rendered again.

use yew::prelude::*;

use crate::engine::authentik::wizard::{Row, Step, Wizard};

#[derive(Properties, PartialEq)]
pub struct WizardViewProps {
    pub wizard: Wizard,
}

#[component]
pub fn WizardView(props: &WizardViewProps) -> Html {
    html! {
        <ol class="hsp-steps">
            { for props.wizard.steps.iter().map(|step| html! { <StepView step={step.clone()} /> }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct StepViewProps {
    step: Step,
}

#[component]
fn StepView(props: &StepViewProps) -> Html {
    html! {
        <li>
            <h3>{ props.step.title }</h3>
            <dl>
                { for props.step.rows.iter().map(|row| html! { <RowView row={row.clone()} /> }) }
            </dl>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct RowViewProps {
    row: Row,
}

#[component]
fn RowView(props: &RowViewProps) -> Html {
    let row = &props.row;
    html! {
        <>
            <dt>{ row.label }</dt>
            <dd>
                <code>{ row.value.clone() }</code>
                if let Some(note) = row.note {
                    <small>{ note }</small>
                }
            </dd>
        </>
    }
}
