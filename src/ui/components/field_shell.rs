//! The frame every form field shares: label, control, help with its link, a note and the
//! field's messages, tied together for assistive technology. The help stays folded behind a
//! small toggle until asked for; screen readers get it as the control's description anyway.

use yew::prelude::*;

use super::field_messages::FieldMessages;
use crate::engine::{Diagnostic, Field, Severity};

/// Element ids of one field's parts.
pub struct FieldIds {
    pub control: String,
    pub help: String,
    pub note: String,
    pub messages: String,
}

impl FieldIds {
    pub fn of(field: Field) -> FieldIds {
        let key = field.key();
        FieldIds {
            control: format!("hsp-{key}"),
            help: format!("hsp-{key}-help"),
            note: format!("hsp-{key}-note"),
            messages: format!("hsp-{key}-messages"),
        }
    }

    /// The value of the control's `aria-describedby`: the help, the note and the messages,
    /// each only when it is on the page.
    pub fn described_by(&self, has_note: bool, has_messages: bool) -> String {
        let mut ids = self.help.clone();
        for (present, id) in [(has_note, &self.note), (has_messages, &self.messages)] {
            if present {
                ids.push(' ');
                ids.push_str(id);
            }
        }
        ids
    }
}

/// `true` when one of the diagnostics is an error, for `aria-invalid`.
pub fn has_error(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity() == Severity::Error)
}

#[derive(Properties, PartialEq)]
pub struct FieldShellProps {
    pub field: Field,
    pub diagnostics: Vec<Diagnostic>,
    /// Extra information under the control, such as the normalised value.
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Put the control before the label (checkboxes).
    #[prop_or_default]
    pub inline: bool,
    pub children: Html,
}

#[component]
pub fn FieldShell(props: &FieldShellProps) -> Html {
    let ids = FieldIds::of(props.field);
    let help = props.field.help();
    let help_open = use_state_eq(|| false);
    let ontoggle = {
        let help_open = help_open.clone();
        Callback::from(move |_: MouseEvent| help_open.set(!*help_open))
    };
    let toggle = html! {
        <button type="button" class="hsp-help-toggle" aria-expanded={if *help_open { "true" } else { "false" }}
            aria-controls={ids.help.clone()} onclick={ontoggle}>
            <span aria-hidden="true">{ "?" }</span>
            <span class="hsp-sr-only">{ format!("Help on {}", props.field.label()) }</span>
        </button>
    };
    let label = html! { <label for={ids.control.clone()}>{ props.field.label() }</label> };
    let head = if props.inline {
        html! { <div class="hsp-inline">{ props.children.clone() }{ label }{ toggle }</div> }
    } else {
        html! { <><div class="hsp-label-row">{ label }{ toggle }</div>{ props.children.clone() }</> }
    };
    html! {
        <div class="hsp-field" data-field={props.field.key()}>
            { head }
            <p class="hsp-help" id={ids.help.clone()} hidden={!*help_open}>
                { help.text }{ " " }
                <a href={help.link.url} target="_blank" rel="noopener noreferrer">{ help.link.title }</a>
            </p>
            if let Some(note) = &props.note {
                <p class="hsp-note" id={ids.note.clone()}>{ note.clone() }</p>
            }
            if !props.diagnostics.is_empty() {
                <FieldMessages id={ids.messages} diagnostics={props.diagnostics.clone()} />
            }
        </div>
    }
}
