//! Every check that fired, worst first, each naming and linking its field; the fix and the
//! documentation are at the field, so they are not repeated here.

use yew::prelude::*;

use super::field_messages::DiagnosticItem;
use super::heading::heading;
use crate::engine::Diagnostic;

#[derive(Properties, PartialEq)]
pub struct ChecksListProps {
    pub diagnostics: Vec<Diagnostic>,
    /// The heading's level (see [`super::heading`]).
    #[prop_or(2)]
    pub level: u8,
}

#[component]
pub fn ChecksList(props: &ChecksListProps) -> Html {
    let mut sorted = props.diagnostics.clone();
    sorted.sort_by_key(Diagnostic::severity);
    html! {
        <section class="hsp-checks" id="hsp-checks" aria-labelledby="hsp-checks-title">
            { heading(props.level, Some("hsp-checks-title".into()), "", html! { "Checks" }) }
            if sorted.is_empty() {
                <p>{ "No problems found." }</p>
            } else {
                <p class="hsp-output-description">{ "Each one is explained, with its fix, at its field." }</p>
                <ul class="hsp-messages">
                    { for sorted.into_iter().map(|d| html! { <DiagnosticItem diagnostic={d} show_field=true /> }) }
                </ul>
            }
        </section>
    }
}
