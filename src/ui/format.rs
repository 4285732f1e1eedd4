//! Locale-aware formatting, delegated to the browser's `Intl` so that every
//! language a site can declare is formatted correctly at no wasm cost.

use crate::core::date::Date;
use js_sys::{Array, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    /// One formatter per page: building an `Intl.DateTimeFormat` costs about
    /// a millisecond, too much to pay for every card of a listing.
    static DATES: RefCell<Option<(String, js_sys::Function)>> = const { RefCell::new(None) };
}

fn date_formatter(language: &str) -> js_sys::Function {
    DATES.with(|cell| {
        if let Some((lang, f)) = &*cell.borrow() {
            if lang == language {
                return f.clone();
            }
        }
        let options = Object::new();
        for (k, v) in [
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ] {
            let _ = Reflect::set(&options, &k.into(), &v.into());
        }
        let locales = Array::of1(&language.into());
        let format = Intl::DateTimeFormat::new(&locales, &options).format();
        *cell.borrow_mut() = Some((language.to_string(), format.clone()));
        format
    })
}

/// Builds the date formatter ahead of time, for a language that core does
/// not format: the first `Intl.DateTimeFormat` of a page loads locale data
/// (30 to 50 ms), which would otherwise land in the same task as drawing
/// the listing.
#[cfg(target_arch = "wasm32")]
pub fn warm_up(language: &str) {
    if !crate::core::i18n::formats_dates(language) {
        date_formatter(language);
    }
}

/// `28 septembre 2015` for `fr`, `September 28, 2015` for `en` (by core,
/// as the static pages write them); other languages by the browser.
pub fn long_date(date: Date, language: &str) -> String {
    if let Some(s) = crate::core::i18n::long_date(date, language) {
        return s;
    }
    // The build writes ISO dates there; the browser's own words replace
    // them when the app starts.
    if cfg!(not(target_arch = "wasm32")) {
        return date.to_string();
    }
    let ms = js_sys::Date::utc(date.year as f64, (date.month - 1) as f64)
        + (date.day as f64 - 1.0) * 86_400_000.0;
    let js_date = js_sys::Date::new(&JsValue::from_f64(ms));
    date_formatter(language)
        .call1(&JsValue::NULL, &js_date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| date.to_string())
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
