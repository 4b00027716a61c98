//! Copy share link, Reset, and what links and this browser may keep.

use yew::prelude::*;

use super::disclosure::Disclosure;
use crate::engine::embed;
use crate::engine::share;
use crate::engine::Inputs;
use crate::ui::hooks::{use_copy_status, CopyStatus};
use crate::ui::state::{Action, State};
use crate::ui::{persist, with_fresh_credentials};

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub state: State,
    pub defaults: Inputs,
    pub ondispatch: Callback<Action>,
    /// Whether the page keeps inputs in this browser at all, and whether the last save worked.
    #[prop_or(true)]
    pub storage: bool,
    #[prop_or(true)]
    pub saved: bool,
    /// This playground's parameter prefix in the page address.
    #[prop_or_default]
    pub prefix: AttrValue,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let status = use_copy_status();
    let confirming = use_state(|| false);
    let own = share::encode(&props.state.inputs, &Inputs::default(), &props.state.private);
    let link =
        persist::address_with(&embed::with_own_query(&persist::query(), &props.prefix, &own)).unwrap_or_default();
    let oncopy = {
        let (status, link) = (status.clone(), link.clone());
        // A link the browser refused to copy is shown below, for copying by hand.
        Callback::from(move |_: MouseEvent| status.copy(AttrValue::from(link.clone()), || {}))
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
    let shared = persist::shared_origin();
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
                    <input type="checkbox" checked={props.state.remember_secret && !shared} onchange={onremember}
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
                                <input type="checkbox" checked={props.state.private.contains(&field)} {onchange} />
                                { label }
                            </label>
                        }
                    }) }
                </fieldset>
            </Disclosure>
        </div>
    }
}
