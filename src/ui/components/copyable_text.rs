//! Text with its own Copy button (and Download, for files), whose outcome is shown and
//! announced; or, when the text could not be proven right, an error in its place.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::error_message::ErrorMessage;
use crate::ui::browser;
use crate::ui::hooks::{use_copy_status, CopyStatus};

#[derive(Properties, PartialEq)]
pub struct CopyableTextProps {
    /// The id of the heading that names the text.
    pub labelled_by: AttrValue,
    /// Exactly what Copy puts on the clipboard.
    pub text: AttrValue,
    /// When set, the text is withheld and this explains why.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Offer the text as a file of this name and media type, for outputs people save.
    #[prop_or_default]
    pub download: Option<(AttrValue, AttrValue)>,
    /// Controls shown before the Copy button, such as a format choice.
    #[prop_or_default]
    pub controls: Html,
    /// A richer rendering of `text`; without it the text is shown as is.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn CopyableText(props: &CopyableTextProps) -> Html {
    let status = use_copy_status();
    let content = use_node_ref();
    {
        // A new text makes an old "Copied" untrue.
        let status = status.clone();
        use_effect_with(props.text.clone(), move |_| status.set(CopyStatus::Idle));
    }
    let onclick = {
        let (status, content, text) = (status.clone(), content.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let content = content.clone();
            status.copy(text.clone(), move || {
                if let Some(element) = content.get().and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                    browser::select_contents(&element);
                }
            });
        })
    };
    let ondownload = props.download.clone().map(|(name, mime)| {
        let (status, text) = (status.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let saved = browser::download(&name, &mime, &text);
            status.set(if saved { CopyStatus::Downloaded } else { CopyStatus::DownloadFailed });
        })
    });
    let message = match *status {
        CopyStatus::Idle => "",
        CopyStatus::Copied => "Copied",
        CopyStatus::Failed(_) => "Copy failed — select the text",
        CopyStatus::Downloaded => "Downloaded",
        CopyStatus::DownloadFailed => "Download failed — copy the text instead",
    };
    let failed = status.failed();
    let body = match &props.error {
        Some(error) => html! {
            <ErrorMessage message={format!("Output withheld: {error}. Please report this; the inputs are fine.")} />
        },
        None if props.children == Html::default() => html! {
            <pre ref={content.clone()} tabindex="0" aria-labelledby={props.labelled_by.clone()} elementtiming={props.labelled_by.clone()}><code>{ props.text.clone() }</code></pre>
        },
        None => html! { <div ref={content.clone()} class="hsp-rich">{ props.children.clone() }</div> },
    };
    html! {
        <div class="hsp-copyable">
            <div class="hsp-output-actions">
                { props.controls.clone() }
                <button type="button" class="hsp-copy" {onclick} disabled={props.error.is_some()}>{ "Copy" }</button>
                if let (Some(onclick), Some((name, _))) = (ondownload, &props.download) {
                    <button type="button" class="hsp-secondary hsp-download" {onclick} disabled={props.error.is_some()}
                        title={format!("Save as {name}")}>{ "Download" }</button>
                }
                <span class={classes!("hsp-copy-status", failed.then_some("hsp-failed"))}
                    role="status" aria-live="polite">{ message }</span>
            </div>
            { body }
        </div>
    }
}
