//! Copy share link, Reset, and what links and this browser may keep.

use yew::prelude::*;

use super::disclosure::Disclosure;
use crate::engine::share;
use crate::engine::{Field, Inputs};
use crate::ui::hooks::{use_copy_status, CopyStatus};
use crate::ui::state::Action;
use crate::ui::{web_storage, with_fresh_credentials};

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub remember_secret: bool,
    /// Fields left out of share links.
    pub private: Vec<Field>,
    pub defaults: Inputs,
    pub ondispatch: Callback<Action>,
    /// The share link of the inputs as they are now; asked for only when it is copied, so a
    /// keystroke does not build it.
    pub onlink: Callback<(), String>,
    /// Whether the page keeps inputs in this browser at all, and whether the last save worked.
    #[prop_or(true)]
    pub storage: bool,
    #[prop_or(true)]
    pub saved: bool,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let status = use_copy_status();
    let confirming = use_state(|| false);
    let oncopy = {
        let (status, onlink) = (status.clone(), props.onlink.clone());
        // A link the browser refused to copy is shown below, for copying by hand.
        Callback::from(move |_: MouseEvent| status.copy(AttrValue::from(onlink.emit(())), || {}))
    };
    let onask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let oncancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let onreset = {
        let (confirming, ondispatch, defaults) = (confirming.clone(), props.ondispatch.clone(), props.defaults.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            ondispatch.emit(Action::Replace(with_fresh_credentials(&defaults)));
        })
    };
    let onremember = props.ondispatch.reform(|event: Event| {
        Action::RememberSecret(event.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
    });
    let shared = web_storage::shared_origin();
    let keeping = match (props.storage, props.saved) {
        (false, _) => "This page does not keep your inputs in this browser; a reload starts over. Copy a share link to keep them.",
        (true, true) => "This browser keeps your inputs so a reload or restart loses nothing.",
        (true, false) => "This browser refused to keep your inputs (storage is disabled or full): a reload will lose them. Copy a share link to keep them.",
    };
    let message = match &*status {
        CopyStatus::Copied => html! { { "Link copied" } },
        CopyStatus::Failed(_) => html! { { "Copy failed — copy the link below" } },
        _ => html! {},
    };
    html! {
        <div class="hsp-share">
            <div class="hsp-toolbar">
                <button type="button" onclick={oncopy}>{ "Copy share link" }</button>
                <span class="hsp-copy-status" role="status" aria-live="polite">{ message }</span>
                if *confirming {
                    <span class="hsp-confirm" role="group" aria-label="Confirm reset">
                        { "Reset every field to its default? " }
                        <button type="button" onclick={onreset}>{ "Yes, reset" }</button>
                        <button type="button" class="hsp-secondary" onclick={oncancel}>{ "Cancel" }</button>
                    </span>
                } else {
                    <button type="button" class="hsp-secondary" onclick={onask}>{ "Reset" }</button>
                }
            </div>
            if let CopyStatus::Failed(link) = &*status {
                <label class="hsp-manual-link">{ "Share link " }
                    <input type="text" readonly=true value={link.clone()} />
                </label>
            }
            <Disclosure class={classes!("hsp-share-options")} summary={html! { { "What links and this browser keep" } }}>
                <p class="hsp-help">{ "Share links hold every setting that differs from the defaults, never the client secret." }</p>
                <p class={classes!("hsp-help", (!props.saved).then_some("hsp-storage-failed"))} role="status">{ keeping }</p>
                <label class="hsp-inline">
                    <input type="checkbox" checked={props.remember_secret && !shared} onchange={onremember}
                        disabled={shared || !props.storage} aria-describedby={shared.then_some("hsp-secret-shared")} />
                    { "Remember the secret on this device" }
                </label>
                if shared {
                    <p class="hsp-help" id="hsp-secret-shared">{ "Not offered in a file opened from disk: every local HTML file in this browser shares one storage, so any of them could read the secret." }</p>
                }
                <fieldset>
                    <legend>{ "Leave out of share links" }</legend>
                    { for share::private_choices().map(|(field, label)| {
                        let onchange = props.ondispatch.reform(move |_: Event| Action::TogglePrivate(field));
                        html! {
                            <label class="hsp-inline">
                                <input type="checkbox" checked={props.private.contains(&field)} {onchange} />
                                { label }
                            </label>
                        }
                    }) }
                </fieldset>
            </Disclosure>
        </div>
    }
}
