//! Keeps the page's storage and address in step with the state, off a keystroke's path: an
//! action only records the new state; storage is written right after the event's task (once
//! the outputs are drawn, however many actions came in between), the address at most every
//! [`URL_DELAY_MS`] (browsers throttle history updates), and both at once when the page is left.
//! The address keeps the state in its fragment, which no server sees.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use yew::{Callback, Reducible};

use super::state::{Action, State};
use super::{web_storage, PRIVATE_FIELDS, REMEMBER_SECRET, SAVED_DEFAULTS, SAVED_INPUTS};
use crate::engine::embed;
use crate::engine::share;
use crate::engine::Inputs;

/// How long the page address waits for typing to pause.
pub const URL_DELAY_MS: u32 = 250;

/// Where a playground keeps its state: its parameter prefix, and whether it may use storage
/// and the page address.
pub struct Place {
    pub prefix: String,
    /// Where its saved inputs live: the prefix and the page's path or storage key.
    pub storage_scope: String,
    /// The page's defaults, saved with the inputs so that changed defaults are noticed.
    pub defaults: String,
    pub storage: bool,
    pub sync_url: bool,
}

pub struct Autosave {
    place: Place,
    /// Opened from a link and not edited yet: storage still holds what the reader had before.
    holding: bool,
    /// The state after every action so far: the reducer's, computed here too because the
    /// component's own state only changes when it renders.
    latest: State,
    /// A save waiting for the current task to end; dropping it cancels it.
    pending_save: Option<Timeout>,
    /// This playground's parameters waiting for typing to pause to go into the address, and
    /// the timer; the rest of the address is read when they are written, so that another
    /// playground's parameters written meanwhile stay.
    pending_own: Option<(String, Timeout)>,
    /// Whether the last save worked, and who to tell when that changes.
    saved: bool,
    onsaved: Callback<bool>,
    /// Itself, for the timers it sets.
    this: Weak<RefCell<Autosave>>,
}

impl Autosave {
    pub fn new(state: State, place: Place, from_link: bool, onsaved: Callback<bool>) -> Rc<RefCell<Autosave>> {
        Rc::new_cyclic(|this| {
            RefCell::new(Autosave {
                place,
                holding: from_link,
                latest: state,
                pending_save: None,
                pending_own: None,
                saved: true,
                onsaved,
                this: this.clone(),
            })
        })
    }

    /// Applies an action to the kept state and schedules its saving.
    pub fn apply(&mut self, action: Action) {
        let next = Rc::new(self.latest.clone()).reduce(action);
        if *next != self.latest {
            self.latest = (*next).clone();
            if self.holding {
                self.holding = false;
                web_storage::session_remove(&super::storage_key(super::OPENED_LINK, &self.place.storage_scope));
            }
            if self.pending_save.is_none() {
                let this = self.this.clone();
                self.pending_save = Some(Timeout::new(0, move || {
                    if let Some(autosave) = this.upgrade() {
                        let mut autosave = autosave.borrow_mut();
                        autosave.pending_save = None;
                        autosave.record();
                    }
                }));
            }
        }
    }

    /// The state after every action so far, and whether it is still the link it was opened
    /// from (unedited), for a playground that takes this one over.
    pub fn kept(&self) -> (State, bool) {
        (self.latest.clone(), self.holding)
    }

    /// The share link of the kept state: the page's address with this playground's parameters
    /// in its fragment.
    pub fn link(&self) -> String {
        let (query, fragment) = address_parts(&self.place.prefix, &self.own());
        web_storage::address_with(&query, &fragment).unwrap_or_default()
    }

    /// This playground's own parameters for the kept state.
    fn own(&self) -> String {
        share::encode(&self.latest.inputs, &Inputs::default(), &self.latest.private)
    }

    /// Saves the kept state and schedules the address update.
    pub fn record(&mut self) {
        let state = &self.latest;
        let builtin = Inputs::default();
        let key = |key: &str| super::storage_key(key, &self.place.storage_scope);
        if self.place.storage && !self.holding {
            // Where every local file shares one storage, the secret is never kept.
            let remember = state.remember_secret && !web_storage::shared_origin();
            let private: Vec<&str> =
                share::params().filter(|(field, _)| state.private.contains(field)).map(|(_, key)| key).collect();
            let saved = web_storage::save(&key(SAVED_INPUTS), &share::encode_saved(&state.inputs, &builtin, remember))
                & web_storage::save(&key(REMEMBER_SECRET), if state.remember_secret { "1" } else { "0" })
                & web_storage::save(&key(PRIVATE_FIELDS), &private.join(","))
                & web_storage::save(&key(SAVED_DEFAULTS), &self.place.defaults);
            if saved != self.saved {
                self.saved = saved;
                self.onsaved.emit(saved);
            }
        }
        if self.place.sync_url {
            let (own, prefix) = (self.own(), self.place.prefix.clone());
            let later = own.clone();
            // Replacing a pending update cancels it.
            self.pending_own = Some((own, Timeout::new(URL_DELAY_MS, move || write_address(&prefix, &later))));
        }
    }

    /// Writes what is pending now (the page is being left, or the playground removed).
    pub fn flush(&mut self) {
        if self.pending_save.take().is_some() {
            self.record();
        }
        if let Some((own, _)) = self.pending_own.take() {
            write_address(&self.place.prefix, &own);
        }
    }
}

/// The page's query string and fragment with this playground's parameters `own` in the
/// fragment, and none of its own left in the query string (where links made before kept them).
fn address_parts(prefix: &str, own: &str) -> (String, String) {
    let fragment = embed::with_own_query(&web_storage::fragment(), prefix, own);
    let query = embed::with_own_query(&web_storage::query(), prefix, "");
    (query, fragment)
}

/// Writes this playground's parameters into the address as it is now.
fn write_address(prefix: &str, own: &str) {
    let (query, fragment) = address_parts(prefix, own);
    web_storage::replace_address(&query, &fragment);
}
