//! The UI's state and the actions that change it: a pure reducer over [`Inputs`].

use std::rc::Rc;

use yew::Reducible;

use crate::engine::{Edit, Inputs};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub inputs: Inputs,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Edit(Edit),
    /// Replace every input at once (an import the user applied).
    Replace(Inputs),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => {
                let mut next = (*self).clone();
                // An edit that changes nothing keeps the same state, so nothing re-renders.
                if next.inputs.apply(edit) {
                    Rc::new(next)
                } else {
                    self
                }
            }
            Action::Replace(inputs) if inputs != self.inputs => Rc::new(State { inputs }),
            Action::Replace(_) => self,
        }
    }
}
