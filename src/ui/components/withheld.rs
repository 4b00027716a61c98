//! Shows its children only while no field is refused: an output built without a refused value
//! (a group list with a control character, say) could let more people log in than meant.

use yew::prelude::*;

use crate::engine::Field;

#[derive(Properties, PartialEq)]
pub struct WithheldProps {
    pub refused: Vec<Field>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Withheld(props: &WithheldProps) -> Html {
    if props.refused.is_empty() {
        return props.children.clone();
    }
    let names: Vec<&str> = props.refused.iter().map(|field| field.label()).collect();
    html! {
        <p class="hsp-output-error hsp-withheld" role="alert">
            { format!("The outputs wait until {} can be used; the message at the field says why. Your text is kept.", names.join(", ")) }
        </p>
    }
}
