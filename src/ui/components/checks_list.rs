//! Every check that fired, in one place, worst first.

use yew::prelude::*;

use super::field_messages::DiagnosticItem;
use crate::engine::{Diagnostic, Severity};

#[derive(Properties, PartialEq)]
pub struct ChecksListProps {
    pub diagnostics: Vec<Diagnostic>,
}

fn count(diagnostics: &[Diagnostic], severity: Severity, one: &str, many: &str) -> Option<String> {
    match diagnostics.iter().filter(|d| d.severity() == severity).count() {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    }
}

#[component]
pub fn ChecksList(props: &ChecksListProps) -> Html {
    let mut sorted = props.diagnostics.clone();
    sorted.sort_by_key(Diagnostic::severity);
    let parts: Vec<String> = [
        count(&sorted, Severity::Error, "error", "errors"),
        count(&sorted, Severity::Warning, "warning", "warnings"),
        count(&sorted, Severity::Info, "note", "notes"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let summary = if parts.is_empty() { "No problems found.".to_string() } else { format!("{}.", parts.join(", ")) };
    html! {
        <section class="hsp-checks" id="hsp-checks" aria-labelledby="hsp-checks-title">
            <h2 id="hsp-checks-title">{ "Checks" }</h2>
            <p class="hsp-checks-summary" aria-live="polite">{ summary }</p>
            if !sorted.is_empty() {
                <ul class="hsp-messages">
                    { for sorted.into_iter().map(|d| html! { <DiagnosticItem diagnostic={d} show_field=true /> }) }
                </ul>
            }
        </section>
    }
}
