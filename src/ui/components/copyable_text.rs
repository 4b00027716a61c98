//! Text with its own Copy button, whose outcome is shown and announced; or, when the text
//! could not be proven right, an error in its place.

use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::browser;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyStatus {
    Idle,
    Copied,
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct CopyableTextProps {
    /// The id of the heading that names the text.
    pub labelled_by: AttrValue,
    /// Exactly what Copy puts on the clipboard.
    pub text: AttrValue,
    /// When set, the text is withheld and this explains why.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Controls shown before the Copy button, such as a format choice.
    #[prop_or_default]
    pub controls: Html,
    /// A richer rendering of `text`; without it the text is shown as is.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn CopyableText(props: &CopyableTextProps) -> Html {
    let status = use_state_eq(|| CopyStatus::Idle);
    let content = use_node_ref();
    {
        // A new text makes an old "Copied" untrue.
        let status = status.clone();
        use_effect_with(props.text.clone(), move |_| status.set(CopyStatus::Idle));
    }
    let onclick = {
        let (status, content, text) = (status.clone(), content.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, content, text) = (status.clone(), content.clone(), text.clone());
            spawn_local(async move {
                let copied = browser::copy_text(&text).await.is_ok();
                status.set(if copied { CopyStatus::Copied } else { CopyStatus::Failed });
                if !copied {
                    if let Some(element) = content.get().and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                        browser::select_contents(&element);
                    }
                }
            });
        })
    };
    let message = match *status {
        CopyStatus::Idle => "",
        CopyStatus::Copied => "Copied",
        CopyStatus::Failed => "Copy failed — select the text",
    };
    let body = match &props.error {
        Some(error) => html! {
            <p class="hsp-output-error" role="alert">{ format!("Output withheld: {error}. Please report this; the inputs are fine.") }</p>
        },
        None if props.children == Html::default() => html! {
            <pre ref={content.clone()} tabindex="0" aria-labelledby={props.labelled_by.clone()}><code>{ props.text.clone() }</code></pre>
        },
        None => html! { <div ref={content.clone()} class="hsp-rich">{ props.children.clone() }</div> },
    };
    html! {
        <div class="hsp-copyable">
            <div class="hsp-output-actions">
                { props.controls.clone() }
                <button type="button" class="hsp-copy" {onclick} disabled={props.error.is_some()}>{ "Copy" }</button>
                <span class={classes!("hsp-copy-status", (*status == CopyStatus::Failed).then_some("hsp-failed"))}
                    role="status" aria-live="polite">{ message }</span>
            </div>
            { body }
        </div>
    }
}
