//! A checkbox that reports its new state as an [`Edit`].

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field_shell::{FieldIds, FieldShell};
use crate::engine::{Diagnostic, Edit, Field};

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub field: Field,
    pub checked: bool,
    pub diagnostics: Vec<Diagnostic>,
    pub onedit: Callback<Edit>,
    #[prop_or_default]
    pub note: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn Checkbox(props: &CheckboxProps) -> Html {
    let ids = FieldIds::of(props.field);
    let field = props.field;
    let onchange = props
        .onedit
        .reform(move |event: Event| Edit::Flag(field, event.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <FieldShell field={props.field} diagnostics={props.diagnostics.clone()} note={props.note.clone()} inline=true>
            <input id={ids.control.clone()} type="checkbox" checked={props.checked} disabled={props.disabled}
                aria-describedby={ids.described_by(props.note.is_some(), !props.diagnostics.is_empty())} {onchange} />
        </FieldShell>
    }
}
