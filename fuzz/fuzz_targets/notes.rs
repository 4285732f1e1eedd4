//! Show notes, as the indexer renders them: Liquid, then Markdown with
//! heading anchors and timestamp links, then the allowlist sanitizer with
//! URL resolution against the content folder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcast_viewer::core::markdown::Timestamps;
use podcast_viewer::core::notes::{render_notes, NotesContext};
use std::collections::{HashMap, HashSet};

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let posts = HashMap::from([
        (
            "2013-01-16-sponsoring".to_string(),
            "sponsoring".to_string(),
        ),
        ("2020-05-01-ep-1".to_string(), "ep-1".to_string()),
    ]);
    let files = HashSet::from([
        "images/logo.png".to_string(),
        "_posts/cover image.jpg".to_string(),
    ]);
    // The first byte picks the context, so both branches of each option run.
    let flags = data.first().copied().unwrap_or(0);
    // Front-matter values for `{{ page.x }}`, templates inside included.
    let page = |key: &str| (key == "link").then(|| "https://m.example/{{ a }}.mp3".to_string());
    let ctx = NotesContext {
        page: &page,
        site_url: (flags & 16 != 0).then_some("https://show.example"),
        site_baseurl: if flags & 32 != 0 { "/blog" } else { "" },
        posts: &posts,
        files: &files,
        assets_base: (flags & 1 != 0).then_some("https://show.example/"),
        post_dir: if flags & 2 != 0 { "_posts" } else { "" },
        timestamps: (flags & 4 != 0).then_some(Timestamps {
            slug: "this",
            max_seconds: (flags & 8 != 0).then_some(3600),
        }),
    };
    let notes = render_notes(&body, &ctx);

    // What the sanitizer lets out is never live script.
    let lower = notes.html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{}", notes.html);
    for w in &notes.warnings {
        assert!(
            w.line >= 1 && w.line <= body.lines().count().max(1),
            "{w:?}"
        );
    }
    for file in &notes.files_used {
        assert!(files.contains(file), "{file}");
    }
});
