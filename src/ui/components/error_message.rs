//! How the page shows a typed error: in the error style, announced as an alert, in the error's
//! own words (its `Display`), so every error reads and sounds the same wherever it occurs.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorMessageProps {
    /// The error's text, usually `error.to_string()` with its place.
    pub message: AttrValue,
}

#[component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    html! { <p class="hsp-output-error" role="alert">{ props.message.clone() }</p> }
}
