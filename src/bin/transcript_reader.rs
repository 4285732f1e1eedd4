//! The transcript reader: the transcript module (`src/bin/transcript.rs`)
//! with the indexer's parser of WebVTT, SRT, text and HTML, for a
//! transcript only on another host, which the build could not read. The
//! app loads it instead of the transcript module for such an episode.

podcast_viewer::transcript_module!(podcast_viewer::core::transcript::read_text);

fn main() {
    // The module has no start of its own: the app calls its exports.
}
