//! The Headscale environment output, as an environment file or a docker compose block.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::copyable_text::CopyableText;
use super::output_block::{title_id, OutputBlock};
use crate::engine::headscale::env::Environment;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    EnvFile,
    Compose,
}

#[derive(Properties, PartialEq)]
pub struct EnvironmentBlockProps {
    pub environment: Environment,
    /// The heading's level (see [`super::heading`]).
    #[prop_or(2)]
    pub level: u8,
}

#[component]
pub fn EnvironmentBlock(props: &EnvironmentBlockProps) -> Html {
    let format = use_state_eq(|| Format::EnvFile);
    let onchange = {
        let format = format.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            format.set(if value == "compose" { Format::Compose } else { Format::EnvFile });
        })
    };
    let (text, download) = match *format {
        Format::EnvFile => (props.environment.env_file(), ("headscale.env", "text/plain")),
        Format::Compose => (props.environment.compose(), ("compose.headscale.yaml", "application/yaml")),
    };
    let download = Some((AttrValue::from(download.0), AttrValue::from(download.1)));
    let controls = html! {
        <label class="hsp-format">
            { "Format " }
            <select {onchange}>
                <option value="env" selected={*format == Format::EnvFile}>{ "Environment file" }</option>
                <option value="compose" selected={*format == Format::Compose}>{ "docker compose" }</option>
            </select>
        </label>
    };
    html! {
        <OutputBlock id="headscale-environment" title="Headscale environment" level={props.level}
            description={AttrValue::from("The same settings as HEADSCALE_* variables; they override config.yaml.")}>
            <CopyableText labelled_by={title_id("headscale-environment")} text={AttrValue::from(text)} {controls} {download} />
        </OutputBlock>
    }
}
