//! What each supported release of Headscale and authentik reads, writes and gets wrong, as
//! data: one table per product. Everything else asks these tables instead of comparing
//! version numbers.

pub mod authentik;
pub mod headscale;
pub mod keys;
