//! Builds a field's control from what the engine says of it (its control, note, whether it is
//! shown and can be changed), for both parts of the form (the essentials and the groups).

use yew::prelude::*;

use super::checkbox::Checkbox;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::engine::form::{self, Control};
use crate::engine::{Diagnostic, Edit, Field, Inputs, Outputs};

pub struct Fields<'a> {
    pub inputs: &'a Inputs,
    pub outputs: &'a Outputs,
    pub onedit: &'a Callback<Edit>,
}

impl Fields<'_> {
    fn diagnostics(&self, field: Field) -> Vec<Diagnostic> {
        self.outputs.diagnostics.iter().filter(|d| d.field() == field).cloned().collect()
    }

    fn value(&self, field: Field) -> AttrValue {
        AttrValue::from(self.inputs.text(field).unwrap_or_default().to_string())
    }

    /// The field's control, or nothing where the form does not show it.
    pub fn control(&self, field: Field) -> Html {
        if !form::shown(self.inputs, field) {
            return html! {};
        }
        let diagnostics = self.diagnostics(field);
        let onedit = self.onedit.clone();
        let note = form::note(self.inputs, &self.outputs.model, field).map(AttrValue::from);
        let disabled = !form::enabled(self.inputs, field);
        match form::control(field) {
            Control::Text => html! {
                <TextField {field} value={self.value(field)} {note} {diagnostics} {onedit} />
            },
            Control::Lines { example } => html! {
                <TextField {field} value={self.value(field)} {note} {diagnostics} {onedit}
                    multiline=true placeholder={AttrValue::from(example)} />
            },
            Control::Checkbox => html! {
                <Checkbox {field} checked={self.inputs.flag(field).unwrap_or_default()} {disabled} {note} {diagnostics} {onedit} />
            },
            Control::Select(choices) => {
                let options =
                    choices.into_iter().map(|(value, label)| (AttrValue::from(value), AttrValue::from(label)));
                html! {
                    <SelectField {field} value={self.value(field)} options={options.collect::<Vec<_>>()} {disabled}
                        {diagnostics} {onedit} />
                }
            }
        }
    }
}
