//! What became of the last Copy (or Download) a reader asked for, for the status next to the
//! button. A copy can fail (headless browsers and some policies refuse the clipboard), so the
//! outcome is always shown and announced.

use std::ops::Deref;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::browser;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyStatus {
    Idle,
    Copied,
    /// The browser refused; the text that was not copied, for copying by hand.
    Failed(AttrValue),
    Downloaded,
    DownloadFailed,
}

impl CopyStatus {
    pub fn failed(&self) -> bool {
        matches!(self, CopyStatus::Failed(_) | CopyStatus::DownloadFailed)
    }
}

/// The handle [`use_copy_status`] returns: the current status, and ways to change it.
#[derive(Clone)]
pub struct UseCopyStatusHandle {
    status: UseStateHandle<CopyStatus>,
}

impl UseCopyStatusHandle {
    /// Copies `text` and records how it went; `onfailed` runs after a refused copy (to select
    /// the text, say).
    pub fn copy(&self, text: AttrValue, onfailed: impl FnOnce() + 'static) {
        let status = self.status.clone();
        spawn_local(async move {
            if browser::copy_text(&text).await.is_ok() {
                status.set(CopyStatus::Copied);
            } else {
                status.set(CopyStatus::Failed(text));
                onfailed();
            }
        });
    }

    pub fn set(&self, status: CopyStatus) {
        self.status.set(status);
    }
}

impl Deref for UseCopyStatusHandle {
    type Target = CopyStatus;

    fn deref(&self) -> &CopyStatus {
        &self.status
    }
}

/// The status of the last copy, idle at first.
#[hook]
pub fn use_copy_status() -> UseCopyStatusHandle {
    UseCopyStatusHandle { status: use_state_eq(|| CopyStatus::Idle) }
}
