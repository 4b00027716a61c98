//! The reading of the import box's text, from the worker that reads it off the page's thread
//! (see `ui::import_worker`): the text is read only when it changes, a newer text replaces the one
//! being read, and the worker goes with the component. Each outcome keeps the text it is for,
//! so an answer never shows for another text.

use yew::prelude::*;

use crate::ui::import_worker::{ImportWorker, Outcome};

/// What became of `text`: `None` while it is being read (or when it is blank).
#[hook]
pub fn use_import_reading(text: &str) -> Option<Outcome> {
    let worker = use_mut_ref(ImportWorker::default);
    let outcome = use_state(|| None::<(String, Outcome)>);
    {
        let (worker, outcome) = (worker.clone(), outcome.clone());
        use_effect_with(text.to_string(), move |text| {
            if !text.trim().is_empty() {
                let (for_text, outcome) = (text.clone(), outcome.clone());
                worker
                    .borrow()
                    .read(text.clone(), Callback::from(move |read| outcome.set(Some((for_text.clone(), read)))));
            }
        });
    }
    outcome.as_ref().filter(|(for_text, _)| for_text == text).map(|(_, read)| read.clone())
}
