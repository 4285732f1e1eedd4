//! The transcript module: the transcript's view, a wasm module of its own
//! that the app loads the first time a listener opens a transcript the
//! site publishes (see `podcast_viewer::ui::transcript_view` and
//! `podcast_viewer::io::modules`). It reads the site's Podcasting 2.0 JSON
//! only; a file on another host is `transcript_reader`'s.

podcast_viewer::transcript_module!(|_, _| Err(
    "a transcript on another host is read by the transcript reader".to_string()
));

fn main() {
    // The module has no start of its own: the app calls its exports.
}
