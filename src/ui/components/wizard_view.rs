//! The authentik wizard values as numbered steps. A keystroke changes a few values; each value
//! is its own component, so only those are rendered again.

use yew::prelude::*;

use super::heading::heading;
use crate::engine::authentik::wizard::{Row, Wizard};

#[derive(Properties, PartialEq)]
pub struct WizardViewProps {
    pub wizard: Wizard,
    /// The level of each step's heading (see [`super::heading`]).
    #[prop_or(3)]
    pub level: u8,
}

#[component]
pub fn WizardView(props: &WizardViewProps) -> Html {
    html! {
        <ol class="hsp-steps">
            { for props.wizard.steps.iter().map(|step| html! {
                <li>
                    { heading(props.level, None, "hsp-step-title", html! { step.title }) }
                    <dl>
                        { for step.rows.iter().map(|row| html! { <RowView row={row.clone()} /> }) }
                    </dl>
                </li>
            }) }
        </ol>
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
