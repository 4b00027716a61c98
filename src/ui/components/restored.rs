//! Values restored from storage that pages the playground does not know share with it (every
//! HTML file opened from disk has one origin, so any of them could have written them): each is
//! shown as restored, and the page's defaults are one click away.

use yew::prelude::*;

use crate::engine::{Field, Inputs};
use crate::ui::with_fresh_credentials;

#[derive(Properties, PartialEq)]
pub struct RestoredProps {
    pub fields: Vec<Field>,
    /// The inputs as restored.
    pub inputs: Inputs,
    pub defaults: Inputs,
    pub onreset: Callback<Inputs>,
}

#[component]
pub fn Restored(props: &RestoredProps) -> Html {
    let done = use_state(|| false);
    if *done {
        return html! {};
    }
    let onreset = {
        let (defaults, onreset, done) = (props.defaults.clone(), props.onreset.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            onreset.emit(with_fresh_credentials(&defaults));
            done.set(true);
        })
    };
    let onkeep = {
        let done = done.clone();
        Callback::from(move |_: MouseEvent| done.set(true))
    };
    let value = |field: Field| match (props.inputs.text(field), props.inputs.flag(field)) {
        (Some(text), _) => text.to_string(),
        (None, Some(flag)) => if flag { "on" } else { "off" }.to_string(),
        _ => String::new(),
    };
    html! {
        <div class="hsp-notices hsp-restored" role="status">
            <p>{ "Restored from this browser's storage, which every HTML file opened from disk shares, so another local file may have written it. Check these values before you use them; the client secret is never restored here:" }</p>
            <ul>
                { for props.fields.iter().map(|&field| html! {
                    <li>{ field.label() }{ ": " }<code>{ value(field) }</code></li>
                }) }
            </ul>
            <button type="button" onclick={onreset}>{ "Start from the defaults" }</button>{ " " }
            <button type="button" class="hsp-secondary" onclick={onkeep}>{ "Keep these values" }</button>
        </div>
    }
}
