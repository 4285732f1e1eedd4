//! Between the browser's JSON values and [`Json`]: the browser parses and
//! prints the text, Rust reads the tree (see [`crate::core::json`]).

use crate::core::json::Json;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A value from `JSON.parse` as a [`Json`]. Anything JSON cannot hold
/// (a function, `undefined`) reads as `null`.
pub fn from_js(v: &JsValue) -> Json {
    if let Some(s) = v.as_string() {
        Json::Str(s)
    } else if let Some(n) = v.as_f64() {
        Json::Num(n)
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(a) = v.dyn_ref::<Array>() {
        Json::Arr(a.iter().map(|v| from_js(&v)).collect())
    } else if v.is_object() {
        let entries = Object::entries(v.unchecked_ref());
        Json::Obj(
            entries
                .iter()
                .map(|pair| {
                    let pair: Array = pair.unchecked_into();
                    (
                        pair.get(0).as_string().unwrap_or_default(),
                        from_js(&pair.get(1)),
                    )
                })
                .collect(),
        )
    } else {
        Json::Null
    }
}

/// A [`Json`] as a JavaScript value, for `JSON.stringify`.
pub fn to_js(j: &Json) -> JsValue {
    match j {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Num(n) => JsValue::from_f64(*n),
        Json::Str(s) => JsValue::from_str(s),
        Json::Arr(items) => items.iter().map(to_js).collect::<Array>().into(),
        Json::Obj(fields) => {
            let o = Object::new();
            for (k, v) in fields {
                let _ = Reflect::set(&o, &JsValue::from_str(k), &to_js(v));
            }
            o.into()
        }
    }
}

/// Parses JSON text with the browser's parser.
pub fn parse(text: &str) -> Option<Json> {
    js_sys::JSON::parse(text).ok().map(|v| from_js(&v))
}

/// Prints a value with the browser's `JSON.stringify`.
pub fn stringify(j: &Json) -> Option<String> {
    js_sys::JSON::stringify(&to_js(j)).ok().map(String::from)
}
