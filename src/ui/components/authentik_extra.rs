//! The blueprint and the Terraform: built only while their tab is selected.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::copyable_text::CopyableText;
use super::output_block::title_id;
use crate::engine::authentik::AuthentikOutputs;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    Blueprint,
    Terraform,
}

#[derive(Properties, PartialEq)]
pub struct AuthentikExtraProps {
    pub outputs: Rc<AuthentikOutputs>,
    pub extra: Extra,
}

#[component]
pub fn AuthentikExtra(props: &AuthentikExtraProps) -> Html {
    // Terraform reads the secret from a sensitive variable unless the reader asks otherwise.
    let inline_secret = use_state_eq(|| false);
    match props.extra {
        Extra::Blueprint => {
            let (text, error) = match props.outputs.blueprint() {
                Ok(text) => (text.clone(), None),
                Err(error) => (String::new(), Some(AttrValue::from(error.to_string()))),
            };
            let download = Some((AttrValue::from("headscale-blueprint.yaml"), AttrValue::from("application/yaml")));
            html! { <CopyableText labelled_by={title_id("authentik-blueprint")} text={AttrValue::from(text)} {error} {download} /> }
        }
        Extra::Terraform => {
            let text = props.outputs.terraform(*inline_secret);
            let onchange = {
                let inline_secret = inline_secret.clone();
                Callback::from(move |event: Event| {
                    inline_secret.set(event.target_unchecked_into::<HtmlInputElement>().checked())
                })
            };
            let controls = html! {
                <label class="hsp-inline-option">
                    <input type="checkbox" checked={*inline_secret} {onchange} />
                    { " Write the client secret into the file" }
                </label>
            };
            let download = Some((AttrValue::from("headscale.tf"), AttrValue::from("text/plain")));
            html! {
                <CopyableText labelled_by={title_id("authentik-terraform")} text={AttrValue::from(text.clone())} {controls} {download} />
            }
        }
    }
}
