//! One line next to the outputs: how many errors, warnings and notes the checks found, with a
//! link to them. Each message itself is shown in full only at its field.

use yew::prelude::*;

use crate::engine::{Diagnostic, Severity};

fn count(diagnostics: &[Diagnostic], severity: Severity, one: &str, many: &str) -> Option<String> {
    match diagnostics.iter().filter(|d| d.severity() == severity).count() {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    }
}

/// "2 errors, 1 note." or "No problems found."
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let parts: Vec<String> = [
        count(diagnostics, Severity::Error, "error", "errors"),
        count(diagnostics, Severity::Warning, "warning", "warnings"),
        count(diagnostics, Severity::Info, "note", "notes"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        "No problems found.".to_string()
    } else {
        format!("{}.", parts.join(", "))
    }
}

/// The line; with `onshow`, a link that shows the checks (the page may not show them).
pub fn status_line(diagnostics: &[Diagnostic], onshow: Option<&Callback<()>>) -> Html {
    let worst = diagnostics.iter().map(Diagnostic::severity).min();
    html! {
        <p class={classes!("hsp-status", worst.map(|s| format!("hsp-status-{}", s.label())))}>
            <span class="hsp-checks-summary" aria-live="polite">{ summary(diagnostics) }</span>{ " " }
            if let (false, Some(onshow)) = (diagnostics.is_empty(), onshow) {
                <a href="#hsp-checks" onclick={onshow.reform(|event: MouseEvent| event.prevent_default())}>{ "Show the checks" }</a>
            }
        </p>
    }
}
