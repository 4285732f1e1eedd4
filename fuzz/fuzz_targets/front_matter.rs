//! Front matter: splitting a file at its fences, then parsing the episode
//! (YAML, dates, durations, slugs, the notes excerpt) from arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcast_viewer::core::catalog::Site;
use podcast_viewer::core::{episode, frontmatter};

fuzz_target!(|data: &[u8]| {
    // Valid UTF-8 as is; anything else as the lossy text a reader would get.
    let src = String::from_utf8_lossy(data);

    if let Ok(split) = frontmatter::split(&src) {
        let range = src.as_ptr() as usize..=src.as_ptr() as usize + src.len();
        assert!(range.contains(&(split.body.as_ptr() as usize)));
        assert!(split.body_line >= 1 && split.front_matter_line >= 1);
    }

    let site = Site::default();
    let _ = episode::parse("_posts/2024-03-05-an-episode.md", &src, &site);
    // The file name is input too: the first line, when short.
    if let Some(name) = src.lines().next().filter(|l| l.len() <= 80) {
        let path = format!("_posts/{name}");
        let _ = episode::parse(&path, &src, &site);
    }
});
