//! A text input or text area that reports every keystroke as an [`Edit`].

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::field_shell::{has_error, FieldIds, FieldShell};
use crate::engine::{Diagnostic, Edit, Field};

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub field: Field,
    pub value: AttrValue,
    pub diagnostics: Vec<Diagnostic>,
    pub onedit: Callback<Edit>,
    /// Several lines (lists).
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub note: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let ids = FieldIds::of(props.field);
    let described_by = ids.described_by(props.note.is_some(), !props.diagnostics.is_empty());
    let invalid = has_error(&props.diagnostics).then_some("true");
    let field = props.field;
    let control = if props.multiline {
        let oninput = props.onedit.reform(move |event: InputEvent| {
            Edit::Text(field, event.target_unchecked_into::<HtmlTextAreaElement>().value())
        });
        html! {
            <textarea id={ids.control} rows="3" spellcheck="false" value={props.value.clone()}
                placeholder={props.placeholder.clone()} aria-describedby={described_by} aria-invalid={invalid} {oninput} />
        }
    } else {
        let oninput = props.onedit.reform(move |event: InputEvent| {
            Edit::Text(field, event.target_unchecked_into::<HtmlInputElement>().value())
        });
        html! {
            <input id={ids.control} type="text" spellcheck="false" autocomplete="off" value={props.value.clone()}
                placeholder={props.placeholder.clone()} aria-describedby={described_by} aria-invalid={invalid} {oninput} />
        }
    };
    html! {
        <FieldShell field={props.field} diagnostics={props.diagnostics.clone()} note={props.note.clone()}>
            { control }
        </FieldShell>
    }
}
