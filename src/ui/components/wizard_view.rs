//! The authentik wizard values as numbered steps.

use yew::prelude::*;

use crate::engine::authentik::wizard::Wizard;

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
                        { for step.rows.iter().map(|row| html! {
                            <>
                                <dt>{ row.label }</dt>
                                <dd>
                                    <code>{ row.value.clone() }</code>
                                    if let Some(note) = row.note {
                                        <small>{ note }</small>
                                    }
                                </dd>
                            </>
                        }) }
                    </dl>
                </li>
            }) }
        </ol>
    }
}
