//! Pure logic shared by the browser app and the native indexer.
//!
//! Nothing here touches the network, the file system or the DOM, so every
//! rule is testable natively with plain strings.
//!
//! Modules marked native-only run at build time in the indexer. Those of
//! the notes pipeline (`cfg(pipeline)`, see `build.rs`): Markdown
//! rendering and HTML sanitizing happen there once, and in the Markdown
//! module for authors' previews, so their crates never reach the
//! listener's wasm.

#[cfg(not(target_arch = "wasm32"))]
pub mod analytics;
pub mod catalog;
pub mod chapters;
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
pub mod date;
pub mod duration;
pub mod embed;
pub mod episode;
#[cfg(not(target_arch = "wasm32"))]
pub mod feed;
pub mod fields;
pub mod frontmatter;
#[cfg(not(target_arch = "wasm32"))]
pub mod generator;
pub mod html;
pub mod i18n;
pub mod icons;
pub mod json;
pub mod links;
pub mod liquid;
pub mod listing;
#[cfg(pipeline)]
pub mod markdown;
#[cfg(pipeline)]
pub mod notes;
pub mod order;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod queue;
pub mod resume;
pub mod route;
#[cfg(pipeline)]
pub mod sanitize;
pub mod search;
#[cfg(pipeline)]
pub mod shortcode;
#[cfg(not(target_arch = "wasm32"))]
pub mod show;
pub mod sleep;
pub mod slug;
pub mod source;
pub mod text;
pub mod timestamp;
pub mod transcript;
pub mod url;
pub mod window;

/// `x` kept within `lo..=hi`. Unlike `f64::clamp` it never panics: a NaN
/// `x` or `hi` (an unknown duration) gives `lo`. Having no panic message
/// also keeps Rust's float printing, several KB, out of the wasm.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x > lo {
        if x < hi {
            x
        } else {
            hi.max(lo)
        }
    } else {
        lo
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn can_clamp_without_panicking() {
        use super::clamp;
        assert_eq!(clamp(5.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(-5.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 0.0, 1.0), 0.5);
        assert_eq!(clamp(f64::NAN, 0.0, 1.0), 0.0);
        assert_eq!(clamp(30.0, 0.0, f64::NAN), 0.0);
        assert_eq!(clamp(f64::INFINITY, 0.0, 60.0), 60.0);
    }
}
