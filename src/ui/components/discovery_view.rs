//! A pasted discovery document, compared with the inputs one check at a time.

use yew::prelude::*;

use crate::engine::symptoms::discovery::{checks, Discovery, Verdict};
use crate::engine::Model;

#[derive(Properties, PartialEq)]
pub struct DiscoveryViewProps {
    pub discovery: Discovery,
    pub model: Model,
}

#[component]
pub fn DiscoveryView(props: &DiscoveryViewProps) -> Html {
    let results = checks(&props.discovery, &props.model);
    let failed = results.iter().filter(|check| check.verdict != Verdict::Pass).count();
    html! {
        <div class="hsp-discovery">
            <p role="status">{ match failed {
                0 => "Every check passes: authentik announces what the inputs here expect.".to_string(),
                1 => "1 check does not pass.".to_string(),
                n => format!("{n} checks do not pass."),
            } }</p>
            <table class="hsp-changes">
                <caption>{ "The discovery document against the inputs" }</caption>
                <thead><tr><th scope="col">{ "member" }</th><th scope="col">{ "result" }</th><th scope="col">{ "what it says" }</th></tr></thead>
                <tbody>
                    { for results.iter().map(|check| {
                        let (label, class) = match check.verdict {
                            Verdict::Pass => ("passes", "hsp-check-pass"),
                            Verdict::Warn => ("warning", "hsp-check-warn"),
                            Verdict::Fail => ("fails", "hsp-check-fail"),
                        };
                        html! {
                            <tr class={class} data-check={check.name}>
                                <th scope="row"><code>{ check.name }</code></th>
                                <td>{ label }</td>
                                <td>{ check.detail.clone() }
                                    if let Some(cause) = check.cause {
                                        { format!(" Cause: {} Fix: {}", cause.info().title, cause.info().remedy) }
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
