//! Checks the live authentik, only when asked: one request, to the application's JWKS, which
//! authentik serves to any origin. The address is shown before the click; nothing is requested
//! without it.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::engine::symptoms::jwks::{read, Jwks, Verdict};

#[derive(Properties, PartialEq)]
pub struct KeysCheckProps {
    /// The address asked: the application's JWKS, from the inputs.
    pub address: AttrValue,
    /// The level of its heading, one below the playground's title.
    pub level: u8,
}

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Checking,
    Read { address: String, answer: Result<Jwks, String> },
}

/// The JWKS at `address`, or why the browser could not read it.
async fn fetch(address: String) -> Result<Jwks, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let failed = "The browser could not read an answer. authentik may be unreachable from this browser, the slug may be wrong (authentik's not-found page is not shared with other origins, so it looks the same), or a Content-Security-Policy blocked the request; the browser does not tell these apart.";
    let response =
        JsFuture::from(window.fetch_with_str_and_init(&address, &init)).await.map_err(|_| failed.to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed.to_string())?;
    let status = response.status();
    let text =
        JsFuture::from(response.text().map_err(|_| failed.to_string())?).await.map_err(|_| failed.to_string())?;
    let text = text.as_string().unwrap_or_default();
    if !response.ok() {
        return Err(format!(
            "authentik answered {status}: the slug is probably wrong, or the application has no OAuth2 provider."
        ));
    }
    // A key set is small; a long answer is something else.
    if text.len() > 64 << 10 {
        return Err("The answer is too long to be a key set.".to_string());
    }
    read(&text).map_err(str::to_string)
}

#[component]
pub fn KeysCheck(props: &KeysCheckProps) -> Html {
    let state = use_state(|| State::Idle);
    let onclick = {
        let (state, address) = (state.clone(), props.address.to_string());
        Callback::from(move |_: MouseEvent| {
            let (state, address) = (state.clone(), address.clone());
            state.set(State::Checking);
            spawn_local(async move {
                let answer = fetch(address.clone()).await;
                state.set(State::Read { address, answer });
            });
        })
    };
    let result = match &*state {
        State::Idle => html! {},
        State::Checking => html! { <p role="status">{ "Asking authentik…" }</p> },
        State::Read { address, answer } => {
            let stale = address.as_str() != props.address.as_str();
            match answer {
                Ok(set) => {
                    let class = if set.verdict() == Verdict::Empty { "hsp-output-error" } else { "hsp-keys-ok" };
                    html! {
                        <div role="status" class={class}>
                            <p>{ set.summary() }</p>
                            if stale { <p>{ format!("(This was {address}; the inputs changed since.)") }</p> }
                        </div>
                    }
                }
                Err(why) => html! { <p role="status" class="hsp-output-error">{ format!("{address}: {why}") }</p> },
            }
        }
    };
    html! {
        <section class="hsp-keys" aria-labelledby="hsp-keys-title">
            <@{format!("h{}", props.level.min(6))} id="hsp-keys-title">{ "Check authentik's signing keys" }</@>
            <p>{ "This asks one address, once, from this browser, and sends nothing else: " }<code>{ props.address.clone() }</code>
                { ". authentik shares its keys with any page. Keys mean tokens signed with a key pair; an empty set means HS256, which Headscale refuses." }</p>
            <button type="button" class="hsp-secondary" {onclick} disabled={*state == State::Checking}>{ "Check the signing keys" }</button>
            { result }
        </section>
    }
}
