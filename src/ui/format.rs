//! Locale-aware formatting, delegated to the browser's `Intl` so that every
//! language a site can declare is formatted correctly at no wasm cost.

use crate::core::date::Date;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// `28 septembre 2015` for `fr`, `September 28, 2015` for `en`.
pub fn long_date(date: Date, language: &str) -> String {
    let options = Object::new();
    for (k, v) in [
        ("year", "numeric"),
        ("month", "long"),
        ("day", "numeric"),
        ("timeZone", "UTC"),
    ] {
        let _ = Reflect::set(&options, &k.into(), &v.into());
    }
    let ms = js_sys::Date::utc(date.year as f64, (date.month - 1) as f64)
        + (date.day as f64 - 1.0) * 86_400_000.0;
    let js_date = js_sys::Date::new(&JsValue::from_f64(ms));
    js_date.to_locale_date_string(language, &options).into()
}

/// `x` with `digits` decimals, formatted by the browser: Rust's float
/// formatting machinery would add ~10 KB to the wasm for a few numbers.
pub fn fixed(x: f64, digits: u8) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    js_sys::Number::from(x)
        .to_fixed(digits)
        .map(String::from)
        .unwrap_or_default()
}
