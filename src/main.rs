//! The binary Trunk builds: it only starts the playground.

fn main() {
    #[cfg(target_arch = "wasm32")]
    sso_playground::ui::start();
}
