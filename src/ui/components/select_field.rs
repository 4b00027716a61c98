//! A drop-down of fixed choices that reports the chosen value as an [`Edit`]. A current value
//! that is not among the choices (from an import) stays visible as its own entry.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::field_shell::{has_error, FieldIds, FieldShell};
use crate::engine::{Diagnostic, Edit, Field};

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub field: Field,
    pub value: AttrValue,
    /// `(value, label)` pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub diagnostics: Vec<Diagnostic>,
    pub onedit: Callback<Edit>,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let ids = FieldIds::of(props.field);
    let field = props.field;
    let onchange = props
        .onedit
        .reform(move |event: Event| Edit::Text(field, event.target_unchecked_into::<HtmlSelectElement>().value()));
    let known = props.options.iter().any(|(value, _)| *value == props.value);
    let option = |value: &AttrValue, label: &AttrValue| {
        html! { <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option> }
    };
    html! {
        <FieldShell field={props.field} diagnostics={props.diagnostics.clone()} note={props.note.clone()}>
            <select id={ids.control.clone()} aria-describedby={ids.described_by(props.note.is_some(), !props.diagnostics.is_empty())}
                aria-invalid={has_error(&props.diagnostics).then_some("true")} disabled={props.disabled} {onchange}>
                { for props.options.iter().map(|(value, label)| option(value, label)) }
                if !known {
                    { option(&props.value, &props.value) }
                }
            </select>
        </FieldShell>
    }
}
