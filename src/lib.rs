//! Headscale × authentik single sign-on playground.
//!
//! [`engine`] is the pure core: it turns the reader's inputs into authentik settings, a Headscale
//! `oidc:` section and the checks that catch broken logins. It knows nothing about the browser
//! and is tested natively. [`ui`] is a thin Yew layer over it, compiled only for wasm32.

pub mod engine;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
