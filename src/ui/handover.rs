//! A running playground handed from one of the page's two modules to the other. The page first
//! fetches the smaller module, which leaves the import out; when the reader opens the import,
//! the loader fetches the module that has it, which takes the running playground over in place,
//! as the app takes over the example: everything the reader typed or chose, and the state of
//! what they opened (groups, help, the selected output), carries over, and nothing moves.
//!
//! The two modules share no memory, so the state crosses as a plain JavaScript object, held in
//! memory only (never in an attribute or storage: it may hold the client secret).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::AttrValue;

use super::state::State;
use crate::engine::inputs::{typed_edits, ControlValue};
use crate::engine::{Field, Inputs};

/// What the playground being taken over holds: its state, and what it was started with that
/// it still shows.
pub struct Handover {
    pub state: State,
    /// Still the link it was opened from, unedited.
    pub holding: bool,
    pub notices: Vec<AttrValue>,
    pub set_aside: Option<Inputs>,
    pub restored: Vec<Field>,
    /// The import panel is open (the reader opened it to get here).
    pub import_open: bool,
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn strings(values: impl IntoIterator<Item = String>) -> Array {
    values.into_iter().map(JsValue::from).collect()
}

fn read_strings(value: &JsValue) -> Vec<String> {
    value.dyn_ref::<Array>().map_or_else(Vec::new, |array| array.iter().filter_map(|item| item.as_string()).collect())
}

fn field(key: &str) -> Option<Field> {
    Field::ALL.into_iter().find(|field| field.key() == key)
}

/// Every field's value, as its key and text (`"1"`/`"0"` for a flag).
fn inputs_to_js(inputs: &Inputs) -> Array {
    Field::ALL
        .into_iter()
        .filter_map(|field| {
            let text = match (inputs.text(field), inputs.flag(field)) {
                (Some(text), _) => text.to_string(),
                (None, Some(flag)) => if flag { "1" } else { "0" }.to_string(),
                (None, None) => return None,
            };
            Some(JsValue::from(strings([field.key().to_string(), text])))
        })
        .collect()
}

/// The inputs written by [`inputs_to_js`]: every field set as it was, as if typed.
fn inputs_from_js(value: &JsValue) -> Inputs {
    let controls = value.dyn_ref::<Array>().map_or_else(Vec::new, |array| {
        array
            .iter()
            .filter_map(|pair| {
                let [key, text] = <[String; 2]>::try_from(read_strings(&pair)).ok()?;
                let field = field(&key)?;
                let value = match Inputs::default().flag(field) {
                    Some(_) => ControlValue::Checked(text == "1"),
                    None => ControlValue::Text(text),
                };
                Some((field, value))
            })
            .collect()
    });
    let mut inputs = Inputs::default();
    for edit in typed_edits(&Inputs::default(), controls) {
        inputs.apply(edit);
    }
    inputs
}

impl Handover {
    pub fn to_js(&self) -> JsValue {
        let object = Object::new();
        set(&object, "inputs", &inputs_to_js(&self.state.inputs));
        set(&object, "remember", &self.state.remember_secret.into());
        set(&object, "private", &strings(self.state.private.iter().map(|field| field.key().to_string())));
        set(&object, "holding", &self.holding.into());
        set(&object, "notices", &strings(self.notices.iter().map(ToString::to_string)));
        set(&object, "setAside", &self.set_aside.as_ref().map_or(JsValue::NULL, |inputs| inputs_to_js(inputs).into()));
        set(&object, "restored", &strings(self.restored.iter().map(|field| field.key().to_string())));
        set(&object, "importOpen", &self.import_open.into());
        object.into()
    }

    /// The handover in `value`, or `None` when there is none.
    pub fn from_js(value: &JsValue) -> Option<Handover> {
        if !value.is_object() {
            return None;
        }
        let fields = |key: &str| read_strings(&get(value, key)).iter().filter_map(|key| field(key)).collect();
        let set_aside = get(value, "setAside");
        Some(Handover {
            state: State {
                inputs: inputs_from_js(&get(value, "inputs")),
                remember_secret: get(value, "remember").is_truthy(),
                private: fields("private"),
            },
            holding: get(value, "holding").is_truthy(),
            notices: read_strings(&get(value, "notices")).into_iter().map(AttrValue::from).collect(),
            set_aside: set_aside.is_object().then(|| inputs_from_js(&set_aside)),
            restored: fields("restored"),
            import_open: get(value, "importOpen").is_truthy(),
        })
    }
}

/// What the reader opened in a running playground, to open again in the one that takes it
/// over: groups, help and the selected output tab, by their ids.
pub struct Opened {
    groups: Vec<String>,
    help: Vec<String>,
    tab: Option<String>,
}

fn ids(within: &Element, selector: &str, id: impl Fn(&Element) -> Option<String>) -> Vec<String> {
    let Ok(list) = within.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|index| id(&list.item(index)?.dyn_into().ok()?)).collect()
}

impl Opened {
    /// What is open in `copy`.
    pub fn of(copy: &Element) -> Opened {
        Opened {
            groups: ids(copy, "details.hsp-group[open]", |element| Some(element.id())),
            help: ids(copy, ".hsp-help-toggle[aria-expanded=true]", |element| element.get_attribute("aria-controls")),
            tab: ids(copy, "[role=tab][aria-selected=true]", |element| Some(element.id())).pop(),
        }
    }

    /// Opens the same in `live`, before it is first shown. A group opens at once (its fields
    /// are always there); help and tabs by a click on their control, drawn before the frame.
    pub fn open(&self, live: &Element) {
        for id in &self.groups {
            if let Some(group) = live.query_selector(&format!("details#{id}:not([open])")).ok().flatten() {
                let _ = group.set_attribute("open", "");
            }
        }
        let click = |selector: String| {
            if let Some(control) =
                live.query_selector(&selector).ok().flatten().and_then(|c| c.dyn_into::<HtmlElement>().ok())
            {
                control.click();
            }
        };
        for help in &self.help {
            click(format!(".hsp-help-toggle[aria-controls=\"{help}\"][aria-expanded=false]"));
        }
        if let Some(tab) = &self.tab {
            click(format!("#{tab}[aria-selected=false]"));
        }
    }
}
