//! Saved inputs the playground did not apply because the page's defaults changed since they
//! were saved: the reader sees the page's new defaults and may take the saved inputs back.

use yew::prelude::*;

use crate::engine::Inputs;

#[derive(Properties, PartialEq)]
pub struct SetAsideProps {
    pub saved: Inputs,
    pub onrestore: Callback<Inputs>,
}

#[component]
pub fn SetAside(props: &SetAsideProps) -> Html {
    let done = use_state(|| false);
    if *done {
        return html! {};
    }
    let onclick = {
        let (saved, onrestore, done) = (props.saved.clone(), props.onrestore.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            onrestore.emit(saved.clone());
            done.set(true);
        })
    };
    let ondismiss = {
        let done = done.clone();
        Callback::from(move |_: MouseEvent| done.set(true))
    };
    html! {
        <div class="hsp-notices hsp-set-aside" role="status">
            <p>{ "This page's defaults changed since you last used the playground here, so it shows the new ones. Your inputs from then are still saved." }</p>
            <button type="button" {onclick}>{ "Use my saved inputs" }</button>{ " " }
            <button type="button" class="hsp-secondary" onclick={ondismiss}>{ "Keep the page's defaults" }</button>
        </div>
    }
}
