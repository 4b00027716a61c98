//! The blueprint and the Terraform: built only while their tab is selected.

use std::rc::Rc;

use yew::prelude::*;

use super::copyable_text::CopyableText;
use super::output_block::title_id;
use crate::engine::authentik::Outputs;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    Blueprint,
    Terraform,
}

#[derive(Properties, PartialEq)]
pub struct AuthentikExtraProps {
    pub outputs: Rc<Outputs>,
    pub extra: Extra,
}

#[component]
pub fn AuthentikExtra(props: &AuthentikExtraProps) -> Html {
    let (text, error, id) = match props.extra {
        Extra::Blueprint => match props.outputs.blueprint() {
            Ok(text) => (text.clone(), None, "authentik-blueprint"),
            Err(error) => (String::new(), Some(AttrValue::from(error.to_string())), "authentik-blueprint"),
        },
        Extra::Terraform => (props.outputs.terraform().to_string(), None, "authentik-terraform"),
    };
    let download = Some(match props.extra {
        Extra::Blueprint => (AttrValue::from("headscale-blueprint.yaml"), AttrValue::from("application/yaml")),
        Extra::Terraform => (AttrValue::from("headscale.tf"), AttrValue::from("text/plain")),
    });
    html! { <CopyableText labelled_by={title_id(id)} text={AttrValue::from(text)} {error} {download} /> }
}
