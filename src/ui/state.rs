//! The UI's state and the actions that change it: a pure reducer over [`Inputs`] and the two
//! preferences about sharing.

use std::rc::Rc;

use yew::Reducible;

use crate::engine::{Edit, Field, Inputs};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub inputs: Inputs,
    /// Keep the client secret in this browser's storage too.
    pub remember_secret: bool,
    /// Fields left out of share links.
    pub private: Vec<Field>,
}

// Actions live for one dispatch; boxing the inputs would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Edit(Edit),
    /// Replace every input at once (an import the reader applied, or a reset).
    Replace(Inputs),
    RememberSecret(bool),
    /// Leave a field out of share links, or put it back.
    TogglePrivate(Field),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            Action::Edit(edit) => next.inputs.apply(edit),
            Action::Replace(inputs) => {
                let changed = inputs != next.inputs;
                next.inputs = inputs;
                changed
            }
            Action::RememberSecret(remember) => {
                let changed = remember != next.remember_secret;
                next.remember_secret = remember;
                changed
            }
            Action::TogglePrivate(field) => {
                match next.private.iter().position(|f| *f == field) {
                    Some(index) => {
                        next.private.remove(index);
                    }
                    None => next.private.push(field),
                }
                true
            }
        };
        // An action that changes nothing keeps the same state, so nothing re-renders.
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}
