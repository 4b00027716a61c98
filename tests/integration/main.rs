//! The host tests, one binary with a module per area (unit tests of private helpers sit beside
//! them in `src/`). Run one area with `cargo test --test integration <area>::`.

mod addresses;
mod authentik;
mod boundaries;
mod characters;
mod checks;
mod common;
mod discovery;
mod docusaurus;
mod environment;
mod evidence;
mod flow;
mod groups;
mod headscale_reading;
mod headscale_versions;
mod headscale_yaml;
mod hostile;
mod import;
mod import_wire;
mod inputs;
mod invariants;
mod layering;
mod links;
mod loader;
mod paste;
mod paths;
mod prerender;
mod render_cache;
mod share;
mod sources;
mod startup;
mod statements;
mod symptoms;
mod upstream;
mod yaml_quoting;
