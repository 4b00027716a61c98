//! Reads a paste (a configuration, log lines, a page) off the page's thread, in a Web Worker, so that no text can
//! block the page: the worker runs the page's own WebAssembly module (handed over, not fetched
//! again) and answers in the import's wire format. A worker that takes longer than
//! [`TIME_LIMIT_MS`] is stopped. Where no worker can run (a page opened from `file://`, a host
//! whose policy forbids `worker-src blob:`, a worker script that fails to load), the text is
//! read on the page's thread, within the import's limits, which keep that short. An answer the
//! page cannot decode is shown as an error: it means a bug or a page and module of different
//! versions, which reading the text elsewhere would hide.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::engine::import::paste::{read_paste, Paste};
use crate::engine::import::wire::{self, WireError};
use crate::engine::import::ImportError;

/// How long a reading may take before its worker is stopped. Within the import's limits a
/// reading takes well under 100 ms, so only a text far beyond anything real gets near this.
pub const TIME_LIMIT_MS: u32 = 4_000;

/// What became of a text.
#[derive(Clone, Debug)]
pub enum Outcome {
    Read(Rc<Result<Paste, ImportError>>),
    /// The worker took longer than [`TIME_LIMIT_MS`] and was stopped.
    Stopped,
    /// The worker answered, but not in the wire format this page reads.
    Unreadable(WireError),
}

/// The same reading, not an equal one: comparing readings of thousands of entries on every
/// keystroke would cost what the worker saves.
impl PartialEq for Outcome {
    fn eq(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::Read(a), Outcome::Read(b)) => Rc::ptr_eq(a, b),
            (Outcome::Stopped, Outcome::Stopped) => true,
            (Outcome::Unreadable(a), Outcome::Unreadable(b)) => a == b,
            _ => false,
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// The address of the JavaScript glue this module was loaded with, which the worker imports.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: JsValue;
}

/// Asks for readings, one at a time: a new text replaces the one being read.
#[derive(Default)]
pub struct ImportWorker {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Default)]
struct Inner {
    worker: Option<Running>,
    /// A worker could not start or load here: every later text is read on the page's thread.
    unavailable: bool,
    pending: Option<Pending>,
}

/// A worker with its listeners, terminated when dropped.
struct Running {
    worker: web_sys::Worker,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        // No event may reach the listeners once they are freed.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// The text being read, where its outcome goes, and the timer that stops it.
struct Pending {
    text: String,
    done: Callback<Outcome>,
    _limit: Timeout,
}

impl ImportWorker {
    /// Reads `text`; `done` receives the outcome, unless another text is read first.
    pub fn read(&self, text: String, done: Callback<Outcome>) {
        let mut inner = self.inner.borrow_mut();
        // A worker still busy with an older text is stopped rather than waited for.
        if inner.pending.take().is_some() {
            inner.worker = None;
        }
        if !inner.unavailable && inner.worker.is_none() {
            inner.worker = start(Rc::downgrade(&self.inner));
            inner.unavailable = inner.worker.is_none();
        }
        let posted = inner.worker.as_ref().is_some_and(|running| {
            let message = js_sys::Array::of2(&wasm_bindgen::module(), &JsValue::from_str(&text));
            running.worker.post_message(&message).is_ok()
        });
        if !posted {
            inner.unavailable = true;
            inner.worker = None;
            drop(inner);
            done.emit(read_here(&text));
            return;
        }
        let weak = Rc::downgrade(&self.inner);
        let limit = Timeout::new(TIME_LIMIT_MS, move || {
            let Some(inner) = weak.upgrade() else { return };
            let pending = {
                let mut inner = inner.borrow_mut();
                inner.worker = None;
                inner.pending.take()
            };
            if let Some(pending) = pending {
                pending.done.emit(Outcome::Stopped);
            }
        });
        inner.pending = Some(Pending { text, done, _limit: limit });
    }
}

fn read_here(text: &str) -> Outcome {
    Outcome::Read(Rc::new(read_paste(text)))
}

/// The address the page's glue was loaded from (the page's own for the single offline file).
#[cfg(target_arch = "wasm32")]
pub(crate) fn glue_address() -> Option<String> {
    GLUE_URL.with(JsValue::as_string)
}

/// The glue for the worker to import, where a worker can run at all: a page opened from disk
/// has no glue of its own address (the single offline file holds it inline), and browsers run
/// no module worker for it.
fn glue_url() -> Option<String> {
    let window = web_sys::window()?;
    if !js_sys::Reflect::has(&window, &"Worker".into()).ok()? {
        return None;
    }
    GLUE_URL.with(JsValue::as_string).filter(|url| url.starts_with("http:") || url.starts_with("https:"))
}

/// The worker's script: imports the glue, starts the module the page sends along with the
/// first text, and answers each text with its reading, or `null` when it cannot. The import is
/// dynamic because a module worker's static imports count as worker scripts for the page's
/// policy, which allows only `blob:` ones; a dynamic import is a script, from the page's origin.
fn script(glue: &str) -> String {
    let glue = js_sys::JSON::stringify(&JsValue::from_str(glue)).ok().and_then(|s| s.as_string()).unwrap_or_default();
    format!(
        "const glue = import({glue});\n\
         glue.catch(() => {{}});\n\
         let ready;\n\
         onmessage = async ({{ data: [module, text] }}) => {{\n\
         \x20 try {{\n\
         \x20   const {{ default: init, readImport }} = await glue;\n\
         \x20   ready ??= init({{ module_or_path: module }});\n\
         \x20   await ready;\n\
         \x20   postMessage(readImport(text));\n\
         \x20 }} catch (error) {{\n\
         \x20   postMessage(null);\n\
         \x20 }}\n\
         }};\n"
    )
}

/// Starts a worker, or `None` where none can run; a policy that forbids it throws here.
fn start(inner: Weak<RefCell<Inner>>) -> Option<Running> {
    let glue = glue_url()?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&JsValue::from_str(&script(&glue)));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker_options = web_sys::WorkerOptions::new();
    worker_options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &worker_options);
    // The worker has its own reference to the script once constructed.
    let _ = web_sys::Url::revoke_object_url(&url);
    let worker = worker.ok()?;
    let answered = inner.clone();
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        answer(&answered, event.data().as_string());
    });
    let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| answer(&inner, None));
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    Some(Running { worker, _onmessage: onmessage, _onerror: onerror })
}

/// The worker's answer to the pending text. Without one (the worker failed to load or to start
/// the module), the text is read here, and so is every later one. An answer that does not decode
/// is reported as it is, and the next text gets a new worker.
fn answer(inner: &Weak<RefCell<Inner>>, answer: Option<String>) {
    let Some(inner) = inner.upgrade() else { return };
    let decoded = answer.as_deref().map(wire::decode_paste);
    let pending = {
        let mut inner = inner.borrow_mut();
        match decoded {
            None => {
                inner.unavailable = true;
                inner.worker = None;
            }
            Some(Err(_)) => inner.worker = None,
            Some(Ok(_)) => {}
        }
        inner.pending.take()
    };
    let Some(pending) = pending else { return };
    let outcome = match decoded {
        Some(Ok(reading)) => Outcome::Read(Rc::new(reading)),
        Some(Err(error)) => Outcome::Unreadable(error),
        None => read_here(&pending.text),
    };
    pending.done.emit(outcome);
}
