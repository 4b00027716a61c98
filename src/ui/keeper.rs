//! Keeps the page's storage and address in step with the state, off a keystroke's path: an
//! action only records the new state; storage is written right after the event's task (once
//! the outputs are drawn, however many actions came in between), the address at most every
//! [`URL_DELAY_MS`] (browsers throttle history updates), and both at once when the page is left.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use yew::{Callback, Reducible};

use super::state::{Action, State};
use super::{persist, PRIVATE_FIELDS, REMEMBER_SECRET, SAVED_DEFAULTS, SAVED_INPUTS};
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

pub struct Keeper {
    place: Place,
    /// Opened from a link and not edited yet: storage still holds what the reader had before.
    holding: bool,
    /// The state after every action so far: the reducer's, computed here too because the
    /// component's own state only changes when it renders.
    latest: State,
    /// A save waiting for the current task to end; dropping it cancels it.
    pending_save: Option<Timeout>,
    /// The address waiting for typing to pause, and its timer.
    pending_query: Option<(String, Timeout)>,
    /// Whether the last save worked, and who to tell when that changes.
    saved: bool,
    onsaved: Callback<bool>,
    /// Itself, for the timers it sets.
    this: Weak<RefCell<Keeper>>,
}

impl Keeper {
    pub fn new(state: State, place: Place, from_link: bool, onsaved: Callback<bool>) -> Rc<RefCell<Keeper>> {
        Rc::new_cyclic(|this| {
            RefCell::new(Keeper {
                place,
                holding: from_link,
                latest: state,
                pending_save: None,
                pending_query: None,
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
                persist::session_remove(&super::storage_key(super::OPENED_LINK, &self.place.storage_scope));
            }
            if self.pending_save.is_none() {
                let this = self.this.clone();
                self.pending_save = Some(Timeout::new(0, move || {
                    if let Some(keeper) = this.upgrade() {
                        let mut keeper = keeper.borrow_mut();
                        keeper.pending_save = None;
                        keeper.record();
                    }
                }));
            }
        }
    }

    /// The share link of the kept state: what the page's address says once it has caught up.
    pub fn link(&self) -> String {
        persist::address_with(&self.query()).unwrap_or_default()
    }

    /// The page's query with this playground's own parameters set to the kept state.
    fn query(&self) -> String {
        let own = share::encode(&self.latest.inputs, &Inputs::default(), &self.latest.private);
        embed::with_own_query(&persist::query(), &self.place.prefix, &own)
    }

    /// Saves the kept state and schedules the address update.
    pub fn record(&mut self) {
        let state = &self.latest;
        let builtin = Inputs::default();
        let key = |key: &str| super::storage_key(key, &self.place.storage_scope);
        if self.place.storage && !self.holding {
            // Where every local file shares one storage, the secret is never kept.
            let remember = state.remember_secret && !persist::shared_origin();
            let private: Vec<&str> =
                share::params().filter(|(field, _)| state.private.contains(field)).map(|(_, key)| key).collect();
            let saved = persist::save(&key(SAVED_INPUTS), &share::encode_saved(&state.inputs, &builtin, remember))
                & persist::save(&key(REMEMBER_SECRET), if state.remember_secret { "1" } else { "0" })
                & persist::save(&key(PRIVATE_FIELDS), &private.join(","))
                & persist::save(&key(SAVED_DEFAULTS), &self.place.defaults);
            if saved != self.saved {
                self.saved = saved;
                self.onsaved.emit(saved);
            }
        }
        if self.place.sync_url {
            let query = self.query();
            let later = query.clone();
            // Replacing a pending update cancels it.
            self.pending_query = Some((query, Timeout::new(URL_DELAY_MS, move || persist::replace_query(&later))));
        }
    }

    /// Writes what is pending now (the page is being left, or the playground removed).
    pub fn flush(&mut self) {
        if self.pending_save.take().is_some() {
            self.record();
        }
        if let Some((query, _)) = self.pending_query.take() {
            persist::replace_query(&query);
        }
    }
}
