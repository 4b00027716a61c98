//! Messages about how the page was opened, until the reader dismisses them.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<AttrValue>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let dismissed = use_state(|| false);
    if props.notices.is_empty() || *dismissed {
        return html! {};
    }
    let ondismiss = Callback::from(move |_: MouseEvent| dismissed.set(true));
    html! {
        <div class="hsp-notices" role="status">
            <ul>{ for props.notices.iter().map(|notice| html! { <li>{ notice.clone() }</li> }) }</ul>
            <button type="button" class="hsp-secondary" onclick={ondismiss}>{ "Dismiss" }</button>
        </div>
    }
}
