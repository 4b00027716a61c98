//! The authentik wizard values as numbered steps.

use yew::prelude::*;

use crate::engine::authentik::wizard::Settings;

#[derive(Properties, PartialEq)]
pub struct SettingsViewProps {
    pub settings: Settings,
}

#[component]
pub fn SettingsView(props: &SettingsViewProps) -> Html {
    html! {
        <ol class="hsp-steps">
            { for props.settings.steps.iter().map(|step| html! {
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
