//! The import panel in the module the page fetches first, which leaves the import out (its
//! reading of YAML and logs and its catalogue of messages are a third of the WebAssembly): the
//! same closed panel, which, once opened, asks the loader for the module that has the import.
//! That module then takes the playground over in place, with everything typed and the panel
//! open.

use yew::prelude::*;

use super::import_panel::{frame, ImportPanelProps};
use crate::ui::IMPORT_WANTED;

#[component]
pub fn ImportStandIn(props: &ImportPanelProps) -> Html {
    frame(props.open, html! { <Waiting /> })
}

/// What the open stand-in shows while the import's module loads; it asks for it once drawn.
#[component]
fn Waiting() -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            // From inside the shadow root to the loader's listener on the mount element.
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            if let (Some(element), Ok(event)) =
                (node.cast::<web_sys::Element>(), web_sys::Event::new_with_event_init_dict(IMPORT_WANTED, &init))
            {
                let _ = element.dispatch_event(&event);
            }
        });
    }
    html! { <p class="hsp-import-reading" role="status" ref={node}>{ "Loading the import…" }</p> }
}

/// The stand-in as an import slot.
pub fn stand_in(props: ImportPanelProps) -> Html {
    html! { <ImportStandIn ..props /> }
}
