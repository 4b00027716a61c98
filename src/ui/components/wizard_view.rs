//! The authentik wizard values as numbered steps. A keystroke changes a few values; each value
//! is its own component, so only those are rendered again.

use yew::prelude::*;

use crate::engine::authentik::wizard::{Row, Wizard};

#[derive(Properties, PartialEq)]
pub struct WizardViewProps {
    pub wizard: Wizard,
}

#[component]
pub fn WizardView(props: &WizardViewProps) -> Html {
    html! {
        <ol class="hsp-steps">
            { for props.wizard.steps.iter().map(|step| html! {
                <li>
                    <h3>{ step.title }</h3>
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
