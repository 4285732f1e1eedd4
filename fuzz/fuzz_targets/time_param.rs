//! The `?t=` of a shared link. Whatever it accepts must survive the ways the
//! app writes a time back out: the plain seconds of a shared link, and the
//! clock a player shows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcast_viewer::core::duration::format_clock;
use podcast_viewer::core::timestamp::{find_timestamps, parse_clock, parse_t};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(seconds) = parse_t(s) {
        assert_eq!(parse_t(&seconds.to_string()), Some(seconds), "{s:?}");
        let clock = format_clock(seconds);
        assert_eq!(parse_t(&clock), Some(seconds), "{s:?} -> {clock:?}");
    }
    if let Some(seconds) = parse_clock(s) {
        assert_eq!(parse_t(s), Some(seconds), "{s:?}");
    }
    // Timestamps in notes: in bounds, on char boundaries, and each one the
    // time its text names.
    for found in find_timestamps(s, None) {
        let text = &s[found.range.clone()];
        assert_eq!(parse_clock(text), Some(found.seconds), "{s:?}");
    }
});
