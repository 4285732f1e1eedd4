//! Pure logic shared by the browser app and the native indexer.
//!
//! Nothing here touches the network, the file system or the DOM, so every
//! rule is testable natively with plain strings.
//!
//! Modules marked native-only run at build time in the indexer: Markdown
//! rendering and HTML sanitizing happen once there, so their crates never
//! reach the listener's wasm.

pub mod catalog;
pub mod chapters;
pub mod date;
pub mod duration;
pub mod episode;
#[cfg(not(target_arch = "wasm32"))]
pub mod feed;
pub mod frontmatter;
pub mod i18n;
pub mod liquid;
pub mod listing;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
#[cfg(not(target_arch = "wasm32"))]
pub mod notes;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod resume;
pub mod route;
#[cfg(not(target_arch = "wasm32"))]
pub mod sanitize;
pub mod search;
pub mod slug;
pub mod text;
pub mod timestamp;

/// Why JSON could not be read. In the browser, without serde's messages:
/// formatting them would bring Rust's float printing into the wasm (several
/// KB) for a message that needs only the kind of problem and where it is.
#[cfg(target_arch = "wasm32")]
pub fn json_problem(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let kind = match e.classify() {
        Category::Eof => "it ends too early (a partial download?)",
        Category::Syntax => "it is not valid JSON",
        Category::Data => "it does not have the expected fields",
        Category::Io => "it could not be read",
    };
    format!("{kind}, at line {} column {}", e.line(), e.column())
}

/// Natively (the indexer), the full message is worth its bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_problem(e: &serde_json::Error) -> String {
    e.to_string()
}
