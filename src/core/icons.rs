//! The player's icons as SVG path data (24 × 24), shared by the app and
//! the static pages so both draw the same marks.

pub const PLAY: &str = "M8 5v14l11-7z";
pub const PAUSE: &str = "M6 5h4v14H6zM14 5h4v14h-4z";
pub const BACK: &str = "M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z";
pub const FORWARD: &str = "M12 5V1l5 5-5 5V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z";
pub const PREVIOUS_CHAPTER: &str = "M6 6h2v12H6zM9.5 12l8.5 6V6z";
pub const NEXT_CHAPTER: &str = "M6 18l8.5-6L6 6zM16 6h2v12h-2z";
pub const VOLUME: &str = "M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z";
pub const MUTED: &str = "M3 9v6h4l5 5V4L7 9H3zm13.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z";
/// The queue's: a list with a play mark at its top ("Play next"), and
/// with a plus at its end ("Add to queue").
pub const PLAY_NEXT: &str = "M13 4v8l7-4zM3 7h8v2H3zm0 5h18v2H3zm0 5h18v2H3z";
pub const ADD_TO_QUEUE: &str =
    "M3 6h13v2H3zm0 5h13v2H3zm0 5h8v2H3zm14-3h2v3h3v2h-3v3h-2v-3h-3v-2h3z";

/// An icon as the app draws it, for static HTML.
pub fn svg(path: &str) -> String {
    format!(
        r#"<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="{path}" fill="currentColor"></path></svg>"#
    )
}
