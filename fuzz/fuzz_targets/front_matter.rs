//! Front matter: splitting a file at its fences, then parsing the episode
//! (YAML, TOML or JSON; dates, durations, sizes, chapters, audio URLs,
//! slugs, the notes excerpt) from arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcast_viewer::core::catalog::Site;
use podcast_viewer::core::date::Zones;
use podcast_viewer::core::fields::FieldMap;
use podcast_viewer::core::{episode, frontmatter};
use std::collections::HashSet;

fuzz_target!(|data: &[u8]| {
    // Valid UTF-8 as is; anything else as the lossy text a reader would get.
    let src = String::from_utf8_lossy(data);

    if let Ok(split) = frontmatter::split(&src) {
        let range = src.as_ptr() as usize..=src.as_ptr() as usize + src.len();
        assert!(range.contains(&(split.body.as_ptr() as usize)));
        assert!(split.body_line >= 1 && split.front_matter_line >= 1);
    }

    let site = Site {
        audio_url: Some("audio/{episode}-{title}.mp3".into()),
        ..Site::default()
    };
    let files = HashSet::from(["audio/a.mp3".to_string()]);
    let fields = FieldMap::default();
    // The build's zones: any name a date gives is looked up.
    let zones = Zones::default();
    let ctx = episode::Context {
        site: &site,
        fields: &fields,
        audio_base: Some("https://media.example/show/"),
        origin: Some("https://show.example"),
        files: &files,
        time_zone: Some("Europe/Paris"),
        zones: &zones,
    };
    let _ = episode::parse("_posts/2024-03-05-an-episode.md", &src, &ctx);
    // The file name is input too: the first line, when short.
    if let Some(name) = src.lines().next().filter(|l| l.len() <= 80) {
        let path = format!("_posts/{name}");
        let _ = episode::parse(&path, &src, &ctx);
    }
});
