//! Builds the form's fields from the inputs and the checks, for both parts of the
//! form (the essentials and the groups).

use yew::prelude::*;

use super::checkbox::Checkbox;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::engine::{form, Diagnostic, Edit, Field, Inputs};

pub struct Fields<'a> {
    pub inputs: &'a Inputs,
    pub diagnostics: &'a [Diagnostic],
    pub onedit: &'a Callback<Edit>,
}

pub fn options(pairs: impl IntoIterator<Item = (&'static str, String)>) -> Vec<(AttrValue, AttrValue)> {
    pairs.into_iter().map(|(value, label)| (AttrValue::from(value), AttrValue::from(label))).collect()
}

impl Fields<'_> {
    pub fn diagnostics(&self, field: Field) -> Vec<Diagnostic> {
        self.diagnostics.iter().filter(|d| d.field() == field).cloned().collect()
    }

    pub fn value(&self, field: Field) -> AttrValue {
        AttrValue::from(self.inputs.text(field).unwrap_or_default().to_string())
    }

    pub fn text(&self, field: Field, note: Option<String>) -> Html {
        html! {
            <TextField {field} value={self.value(field)} note={note.map(AttrValue::from)}
                diagnostics={self.diagnostics(field)} onedit={self.onedit.clone()} />
        }
    }

    pub fn list(&self, field: Field, placeholder: &'static str) -> Html {
        html! {
            <TextField {field} value={self.value(field)} diagnostics={self.diagnostics(field)} onedit={self.onedit.clone()}
                multiline=true placeholder={AttrValue::from(placeholder)} />
        }
    }

    /// A checkbox for a setting that only some Headscale releases read.
    pub fn flag(&self, field: Field) -> Html {
        let version = self.inputs.headscale_version;
        let reads = form::reads(version, field);
        let note = form::unread_note(version, field).map(AttrValue::from);
        html! {
            <Checkbox {field} checked={self.inputs.flag(field).unwrap_or_default()} disabled={!reads} {note}
                diagnostics={self.diagnostics(field)} onedit={self.onedit.clone()} />
        }
    }

    pub fn select(&self, field: Field, options: Vec<(AttrValue, AttrValue)>, disabled: bool) -> Html {
        html! {
            <SelectField {field} value={self.value(field)} {options} {disabled}
                diagnostics={self.diagnostics(field)} onedit={self.onedit.clone()} />
        }
    }
}
