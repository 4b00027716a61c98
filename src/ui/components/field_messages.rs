//! The one component that renders checks: next to a field and in the checks list alike.

use yew::prelude::*;

use crate::engine::Diagnostic;
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct FieldMessagesProps {
    pub id: AttrValue,
    pub diagnostics: Vec<Diagnostic>,
}

#[component]
pub fn FieldMessages(props: &FieldMessagesProps) -> Html {
    html! {
        <ul class="hsp-messages" id={props.id.clone()}>
            { for props.diagnostics.iter().map(|d| html! { <DiagnosticItem diagnostic={d.clone()} /> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct DiagnosticItemProps {
    pub diagnostic: Diagnostic,
    /// Name the field the check belongs to, with a link to it, and leave the fix and the
    /// documentation to the message at the field.
    #[prop_or_default]
    pub show_field: bool,
    /// Where in a pasted text the problem is, such as "line 3, column 5".
    #[prop_or_default]
    pub place: Option<AttrValue>,
}

/// One check: severity, cause, fix, the page to read and the upstream line it rests on.
#[component]
pub fn DiagnosticItem(props: &DiagnosticItemProps) -> Html {
    let d = &props.diagnostic;
    let info = d.info();
    let severity = d.severity().label();
    let field = d.field();
    // The field may sit in a shadow root (where the address's #fragment cannot reach) and in a
    // closed group: open the group and focus the field in place.
    let onclick = Callback::from(move |event: MouseEvent| {
        let target = format!("hsp-{}", field.key());
        if let Some(link) = event.target_dyn_into::<web_sys::Element>() {
            if browser::reveal(&link, &target) {
                event.prevent_default();
            }
        }
    });
    html! {
        <li class={classes!("hsp-diagnostic", format!("hsp-{severity}"))} data-check={info.id}>
            if let Some(place) = &props.place {
                <span class="hsp-place">{ place.clone() }</span>{ ": " }
            }
            <span class="hsp-severity">{ severity }</span>{ " " }
            if props.show_field {
                <a class="hsp-field-link" href={format!("#hsp-{}", field.key())} {onclick}>{ field.label() }</a>{ ": " }
            }
            <span class="hsp-cause">{ d.cause() }</span>
            if !props.show_field {
                { " " }<span class="hsp-fix">{ info.fix }</span>{ " " }
                <a class="hsp-doc" href={info.link.url} target="_blank" rel="noopener noreferrer">{ info.link.title }</a>
                if let Some(evidence) = info.source {
                    // The upstream line the cause rests on; the checks table lists the others.
                    { " " }<a class="hsp-evidence" href={evidence.url()} target="_blank" rel="noopener noreferrer">
                        { format!("Source: {}", evidence.title()) }</a>
                }
            }
        </li>
    }
}
