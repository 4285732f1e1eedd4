//! The indexer as a podcaster runs it: a folder in, an index or clear
//! errors out. Runs the real binary, so exit codes and messages are tested.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{index_with, Scratch};

use podcast_viewer::core::catalog::{Catalog, NOTES_MARKER};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn index(content: &Path, out: &Path) -> Output {
    index_with(content, out, &[])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn can_index_the_demo_podcast() {
    let out = Scratch::new("demo");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let o = index(&content, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));

    let catalog: Catalog =
        serde_json::from_str(&std::fs::read_to_string(out.0.join("index.json")).unwrap()).unwrap();
    let md_files = std::fs::read_dir(&content)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count();
    assert_eq!(catalog.episodes.len(), md_files);
    assert!(catalog.episodes.len() >= 12);
    assert!(
        catalog.episodes.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    assert_eq!(catalog.episodes.iter().filter(|e| e.is_news()).count(), 1);
    assert_eq!(catalog.site.artwork.as_deref(), Some("content/artwork.svg"));

    for e in &catalog.episodes {
        let notes = std::fs::read_to_string(out.0.join(format!("notes/{}.html", e.slug))).unwrap();
        assert!(notes.starts_with(NOTES_MARKER), "{}", e.slug);
        assert!(!e.excerpt.is_empty(), "{} has an excerpt", e.slug);
        // Every local audio file the index points to is published.
        if let Some(audio) = &e.audio {
            assert!(out.0.join(audio).is_file(), "{audio} is published");
            assert!(
                e.duration.is_some() && e.size.is_some(),
                "{} has a length",
                e.slug
            );
        }
    }
    // Notes render Markdown features: a table, a footnote, heading anchors.
    let tools =
        std::fs::read_to_string(out.0.join("notes/tas-004-the-joy-of-small-tools.html")).unwrap();
    assert!(tools.contains("<table>") && tools.contains(r#"<h2 id="the-tools">"#));
    let tabs =
        std::fs::read_to_string(out.0.join("notes/tas-002-tabs-versus-spaces.html")).unwrap();
    assert!(tabs.contains("footnote-definition") && tabs.contains("<del>"));
}

#[test]
fn errors_name_every_broken_file_with_its_line() {
    let dir = Scratch::new("broken");
    dir.write("site.yaml", "title: Broken show\n")
        .write(
            "2020-01-01-good.md",
            "---\ntitle: Good\nepisode: 1\n---\nFine.\n",
        )
        .write(
            "2020-01-02-unterminated.md",
            "---\ntitle: Never closed\nepisode: 2\n\nNotes.\n",
        )
        .write(
            "2020-01-03-bad-yaml.md",
            "---\ntitle: Bad\nepisode: 3\nteam: a: b\n---\n",
        )
        .write(
            "2020-01-04-no-title.md",
            "---\nepisode: 4\n---\nNo title.\n",
        )
        .write("2020-02-30-bad-date.md", "---\ntitle: Bad date\n---\n")
        .write(
            "nested/2020-01-05-bad-number.md",
            "---\ntitle: X\nepisode: five\n---\n",
        );
    let out = Scratch::new("broken-out");
    let o = index(&dir.0, &out.0);
    assert!(!o.status.success());
    let err = stderr(&o);
    for (file, line, reason) in [
        ("2020-01-02-unterminated.md", 1, "never closed"),
        ("2020-01-03-bad-yaml.md", 4, "invalid front matter"),
        ("2020-01-04-no-title.md", 2, "missing `title`"),
        ("2020-02-30-bad-date.md", 1, "not a valid date"),
        ("nested/2020-01-05-bad-number.md", 3, "whole number"),
    ] {
        let want = format!("{}:{line}: ", dir.0.join(file).display());
        assert!(
            err.lines()
                .any(|l| l.starts_with(&want) && l.contains(reason)),
            "want {want}…{reason} in:\n{err}"
        );
    }
    assert!(!err.contains("2020-01-01-good.md"), "{err}");
    assert!(err.contains("5 problem(s) in 5 file(s)"), "{err}");
    // Nothing half-written.
    assert!(!out.0.join("index.json").exists());
}

#[test]
fn can_name_a_site_without_settings_and_still_check_episodes() {
    let dir = Scratch::new("nosite");
    dir.write("2020-01-04-no-title.md", "---\nepisode: 4\n---\n");
    let out = Scratch::new("nosite-out");
    let o = index(&dir.0, &out.0);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(!err.contains("site settings"), "{err}");
    assert!(
        err.contains("2020-01-04-no-title.md:2: missing `title`"),
        "{err}"
    );
    // Once the episode is fixed, the site builds, titled after its folder.
    dir.write(
        "2020-01-04-no-title.md",
        "---\ntitle: Four\nepisode: 4\n---\n",
    );
    let o = index(&dir.0, &out.0);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("no site settings and no site generator's title: the site is titled"),
        "{err}"
    );
}

#[test]
fn can_keep_both_files_when_slugs_collide() {
    let dir = Scratch::new("collide");
    dir.write("site.yaml", "title: Show\n")
        .write("2020-01-01-hello.md", "---\ntitle: One\n---\nOne.\n")
        .write("2021-01-01-Hello.md", "---\ntitle: Two\n---\nTwo.\n");
    let out = Scratch::new("collide-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning:") && stderr(&o).contains("served as `hello-2`"),
        "{}",
        stderr(&o)
    );
    let catalog: Catalog =
        serde_json::from_str(&std::fs::read_to_string(out.0.join("index.json")).unwrap()).unwrap();
    let mut slugs: Vec<_> = catalog.episodes.iter().map(|e| e.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(slugs, ["hello", "hello-2"]);
    assert!(out.0.join("notes/hello-2.html").is_file());
}

#[test]
fn can_report_invalid_utf8_with_its_line() {
    let dir = Scratch::new("utf8");
    dir.write("site.yaml", "title: Show\n");
    std::fs::write(
        dir.0.join("2020-01-01-bin.md"),
        b"---\ntitle: A\n---\nok\n\xff\xfe\n",
    )
    .unwrap();
    let out = Scratch::new("utf8-out");
    let o = index(&dir.0, &out.0);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("2020-01-01-bin.md:5: not valid UTF-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn can_leave_broken_files_out_with_keep_going() {
    let dir = Scratch::new("keep");
    dir.write("site.yaml", "title: Show\n")
        .write("2020-01-01-good.md", "---\ntitle: Good\n---\nFine.\n")
        .write("2020-01-02-broken.md", "---\ntitle: [unclosed\n---\n");
    let out = Scratch::new("keep-out");
    let o = index_with(&dir.0, &out.0, &["--keep-going"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("skipped: ") && err.contains("2020-01-02-broken.md:"),
        "{err}"
    );
    assert!(err.contains("1 broken file(s) left out"), "{err}");
    let c = catalog(&out.0);
    assert_eq!(
        c.episodes
            .iter()
            .map(|e| e.slug.as_str())
            .collect::<Vec<_>>(),
        ["good"]
    );
}

/// A Jekyll site root: posts in nested `_posts` folders, Liquid links
/// between them, a local image, and root-relative links to the old host.
#[test]
fn can_index_a_jekyll_site_root() {
    let dir = Scratch::new("jekyll");
    dir.write(
        "site.yaml",
        "title: Jekyll show\nlanguage: fr\naudio_url: https://cdn.example/Ep-{episode}.mp3\nassets_base: https://old.example\n",
    )
    .write("about.md", "---\ntitle: About\n---\nNot an episode.\n")
    .write("images/blog/team.jpg", "jpeg")
    .write("images/unused.png", "png")
    .write("_site/index.html", "old output")
    .write("_posts/2013-01-16-sponsoring.md", "---\ntitle: Sponsoring\n---\nSponsor us.\n")
    .write("_posts/2016-01-01-secret.md", "---\ntitle: Secret\ndraft: true\n---\nNot yet.\n")
    .write("_posts/2099-01-01-later.md", "---\ntitle: Later\n---\nNot yet.\n")
    .write("_drafts/idea.md", "---\ntitle: Idea\n---\nNot yet.\n")
    .write(
        "_posts/2015/2015-09-28-lcc-133.md",
        "---\ntitle: LCC 133\nepisode: 133\nlayout: blog-post\ntweet: https://twitter.com/x\n---\n\
         See [sponsoring]({% post_url 2013-01-16-sponsoring %}) and [old]({% post_url 2001-01-01-gone %}).\n\n\
         <img src=\"{% link /images/blog/team.jpg %}\"/>\n\n<img src=\"/images/promo/x.png\" onerror=\"alert(1)\">\n",
    );
    let out = Scratch::new("jekyll-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "2015-09-28-lcc-133.md:7: post_url 2001-01-01-gone: no such post in the archive"
        ),
        "{err}"
    );

    let c = catalog(&out.0);
    let slugs: Vec<_> = c.episodes.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["lcc-133", "sponsoring"], "only _posts are episodes");
    assert_eq!(
        c.episodes[0].audio.as_deref(),
        Some("https://cdn.example/Ep-133.mp3")
    );

    let notes = std::fs::read_to_string(out.0.join("notes/lcc-133.html")).unwrap();
    assert!(notes.contains(r#"href="episodes/sponsoring""#), "{notes}");
    assert!(
        notes.contains("and old."),
        "unresolved post_url is plain text: {notes}"
    );
    assert!(
        notes.contains(r#"src="content/images/blog/team.jpg""#),
        "{notes}"
    );
    assert!(
        notes.contains(r#"src="https://old.example/images/promo/x.png""#),
        "{notes}"
    );
    assert!(
        !notes.contains("{%") && !notes.contains("onerror"),
        "{notes}"
    );

    // Only what the episodes use is published from a Jekyll site.
    assert!(out.0.join("content/images/blog/team.jpg").is_file());
    assert!(!out.0.join("content/images/unused.png").exists());
    assert!(!out.0.join("content/_site").exists());

    // The published episodes' own files, for the browser's Markdown
    // module, and what reading them needs: never a draft's, a future
    // episode's, or the name of a file the site does not publish.
    assert_eq!(c.site.sources.as_deref(), Some("sources.json"));
    let sources: podcast_viewer::core::source::Sources =
        serde_json::from_str(&std::fs::read_to_string(out.0.join("sources.json")).unwrap())
            .unwrap();
    assert_eq!(sources.files, ["images/blog/team.jpg"]);
    assert_eq!(sources.assets_base.as_deref(), Some("https://old.example"));
    let mut episodes = sources.episodes.clone();
    episodes.sort();
    assert_eq!(
        episodes,
        [
            (
                "lcc-133".to_string(),
                "_posts/2015/2015-09-28-lcc-133.md".to_string()
            ),
            (
                "sponsoring".to_string(),
                "_posts/2013-01-16-sponsoring.md".to_string()
            ),
        ]
    );
    assert!(out
        .0
        .join("content/_posts/2015/2015-09-28-lcc-133.md")
        .is_file());
    for private in [
        "content/_posts/2016-01-01-secret.md",
        "content/_posts/2099-01-01-later.md",
        "content/_drafts",
    ] {
        assert!(!out.0.join(private).exists(), "{private} is not published");
    }
    let listed = std::fs::read_to_string(out.0.join("sources.json")).unwrap();
    assert!(
        !listed.contains("secret") && !listed.contains("idea") && !listed.contains("unused"),
        "{listed}"
    );
}

#[test]
fn can_keep_episode_files_private() {
    let dir = Scratch::new("private");
    dir.write("site.yaml", "title: Private\npublish_sources: false\n")
        .write("2024-01-01-one.md", "---\ntitle: One\n---\nNotes.\n");
    let out = Scratch::new("private-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(catalog(&out.0).site.sources, None);
    assert!(!out.0.join("sources.json").exists());
    assert!(!out.0.join("content/2024-01-01-one.md").exists());
    let notes = std::fs::read_to_string(out.0.join("notes/one.html")).unwrap();
    assert!(!notes.contains("notes-source"), "{notes}");
}

#[test]
fn can_link_each_episode_to_its_file() {
    let episode = "---\ntitle: One\nepisode: 1\naudio: https://media.example/1.mp3\n---\nNotes.\n";
    // The Markdown the site publishes, by default.
    let dir = Scratch::new("source-link");
    dir.write("site.yaml", "title: Linked\nurl: https://linked.example/\n")
        .write("episodes/2024-01-01-one.md", episode);
    let out = Scratch::new("source-link-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let notes = std::fs::read_to_string(out.0.join("notes/one.html")).unwrap();
    assert!(
        notes.ends_with(r#"<a href="content/episodes/2024-01-01-one.md" type="text/markdown">View source</a></p>"#),
        "{notes}"
    );
    assert!(out.0.join("content/episodes/2024-01-01-one.md").is_file());
    // Not in the feed, where apps would show it as notes.
    let feed = std::fs::read_to_string(out.0.join("feed.xml")).unwrap();
    assert!(
        feed.contains("Notes.") && !feed.contains("notes-source"),
        "{feed}"
    );

    // A repository, from Jekyll's own setting, even with files kept
    // private; the site is a folder of it.
    let dir = Scratch::new("repository-link");
    dir.write(".git/HEAD", "ref: refs/heads/main\n")
        .write("site/_config.yml", "title: Linked\nrepository: you/show\n")
        .write("site/site.yaml", "publish_sources: false\n")
        .write("site/_posts/2024-01-01-one.md", episode);
    let out = Scratch::new("repository-link-out");
    let o = index(&dir.0.join("site"), &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = std::fs::read_to_string(out.0.join("notes/one.html")).unwrap();
    let link = r#"<a href="https://github.com/you/show/blob/HEAD/site/_posts/2024-01-01-one.md">Edit this page</a></p>"#;
    assert!(file.ends_with(link), "{file}");
    // The browser's module, with the index and no sources file, the same.
    let c = catalog(&out.0);
    let read = podcast_viewer::core::source::render(
        "_posts/2024-01-01-one.md",
        episode,
        &c.site,
        &Default::default(),
        i64::MAX,
    )
    .unwrap();
    assert_eq!(file.split_once('\n').unwrap().1, read.notes);
    // Without a repository or published files, no link in either.
    let mut private = c.site.clone();
    private.repository = None;
    let read = podcast_viewer::core::source::render(
        "2024-01-01-one.md",
        episode,
        &private,
        &Default::default(),
        i64::MAX,
    )
    .unwrap();
    assert!(!read.notes.contains("notes-source"), "{}", read.notes);

    // One that is no address is said, and the site builds.
    let dir = Scratch::new("bad-repository");
    dir.write("site.yaml", "title: Linked\nrepository: my show\n")
        .write("2024-01-01-one.md", episode);
    let out = Scratch::new("bad-repository-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("`repository` \"my show\" is neither a web address nor owner/name"),
        "{}",
        stderr(&o)
    );
    let notes = std::fs::read_to_string(out.0.join("notes/one.html")).unwrap();
    assert!(notes.contains("View source"), "{notes}");
}

#[test]
fn can_take_site_settings_from_elsewhere() {
    let dir = Scratch::new("sitefile");
    dir.write("072 - Accessibility.md", "---\nnumber: 72\ntitle: Accessibility\ndate: 1536152400467\nurl: https://m.example/72.mp3\n---\nNotes.\n");
    let settings = Scratch::new("sitefile-settings");
    settings.write("show.yaml", "title: Elsewhere\n");
    let out = Scratch::new("sitefile-out");
    let site = settings.0.join("show.yaml");
    let o = index_with(&dir.0, &out.0, &["--site", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c = catalog(&out.0);
    assert_eq!(c.site.title, "Elsewhere");
    assert_eq!(c.episodes[0].slug, "072-accessibility");
    assert_eq!(c.episodes[0].date.to_string(), "2018-09-05");
    assert_eq!(
        c.episodes[0].audio.as_deref(),
        Some("https://m.example/72.mp3")
    );
}

/// The index as the browser reads it.
fn catalog(out: &Path) -> Catalog {
    let mut c: Catalog =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    c.expand();
    c
}

#[test]
fn can_write_the_demo_feed() {
    let out = Scratch::new("feed");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let o = index(&content, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let xml = std::fs::read(out.0.join("feed.xml")).unwrap();
    let channel = rss::Channel::read_from(&xml[..]).unwrap();
    let c = catalog(&out.0);
    let episodes: Vec<_> = c.episodes.iter().filter(|e| !e.is_news()).collect();
    assert_eq!(
        channel.items().len(),
        episodes.len(),
        "every episode, no news post"
    );
    for (item, e) in channel.items().iter().zip(&episodes) {
        assert_eq!(item.title(), Some(e.title.as_str()));
        assert_eq!(
            item.guid().unwrap().value(),
            format!("https://tabs-and-spaces.example/episodes/{}/", e.slug)
        );
        let enclosure = item.enclosure().unwrap();
        assert!(
            enclosure
                .url()
                .starts_with("https://tabs-and-spaces.example/content/audio/"),
            "{}",
            enclosure.url()
        );
        assert_eq!(enclosure.length(), e.size.unwrap().to_string());
        assert_eq!(
            item.itunes_ext().unwrap().duration(),
            Some(e.duration.unwrap().to_string().as_str())
        );
        assert!(item.description().unwrap().contains("<p>"), "notes as HTML");
        // Chapters, inline or from a local file, are named as a file the
        // build wrote, which reads back as the episode's chapters.
        let chapters = item
            .extensions()
            .get("podcast")
            .and_then(|p| p.get("chapters"));
        if e.chapters.is_empty() {
            assert!(chapters.is_none(), "{}", e.slug);
            continue;
        }
        let url = chapters.unwrap()[0].attrs()["url"].clone();
        let file = format!("chapters/{}.json", e.slug);
        assert_eq!(url, format!("https://tabs-and-spaces.example/{file}"));
        let json = std::fs::read_to_string(out.0.join(&file)).unwrap();
        assert_eq!(
            podcast_viewer::core::chapters::parse_json(&json).unwrap(),
            e.chapters
        );
    }
    // The demo has both kinds: chapters in front matter (episodes 12, 11
    // and 10) and a local chapters file (episode 2).
    let chaptered: Vec<_> = episodes
        .iter()
        .filter(|e| !e.chapters.is_empty())
        .map(|e| e.slug.as_str())
        .collect();
    assert_eq!(
        chaptered,
        [
            "tas-012-live-from-the-workshop",
            "tas-011-offline-first",
            "tas-010-static-sites-strike-back",
            "tas-002-tabs-versus-spaces"
        ]
    );
}

fn prerender(out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_indexer"))
        .args(["--prerender", out.to_str().unwrap()])
        .output()
        .unwrap()
}

/// A raster artwork gives the manifest square PNG icons, centre-cropped
/// and only at the sizes it can fill, then itself.
#[test]
fn can_cut_manifest_icons_from_raster_artwork() {
    use image::{ImageFormat, Rgb, RgbImage};
    // Red bands on the left and right: a centre crop leaves none of them.
    let artwork = |width: u32, height: u32| {
        let margin = width.saturating_sub(height) / 2;
        RgbImage::from_fn(width, height, |x, _| {
            if x < margin || x >= width - margin {
                Rgb([255, 0, 0])
            } else {
                Rgb([0, 128, 0])
            }
        })
    };
    for (file, (width, height), format, want) in [
        ("art.png", (600, 400), ImageFormat::Png, vec![192]),
        ("art.jpg", (900, 600), ImageFormat::Jpeg, vec![192, 512]),
        ("small.png", (150, 150), ImageFormat::Png, vec![]),
    ] {
        let dir = Scratch::new(&format!("icons-{file}"));
        dir.write("site.yaml", format!("title: Show\nartwork: {file}\n"))
            .write("2020-01-01-one.md", "---\ntitle: One\n---\nNotes.\n");
        artwork(width, height)
            .save_with_format(dir.0.join(file), format)
            .unwrap();
        let out = Scratch::new(&format!("icons-{file}-out"));
        assert!(index(&dir.0, &out.0).status.success());
        out.write(
            "shell.html",
            "<html><head><title>App</title></head><body><div id=app></div></body></html>",
        );
        let o = prerender(&out.0);
        assert!(o.status.success(), "{}", stderr(&o));

        for size in [192, 512] {
            let path = out.0.join(format!("icon-{size}.png"));
            if !want.contains(&size) {
                assert!(!path.exists(), "{file}: no upscaled {size} icon");
                continue;
            }
            let icon = image::open(&path).unwrap().to_rgb8();
            assert_eq!(icon.dimensions(), (size, size), "{file}");
            for (x, y) in [(0, 0), (size - 1, size / 2), (size / 2, size - 1)] {
                let [r, g, _] = icon.get_pixel(x, y).0;
                assert!(r < 40 && g > 90, "{file} {size}: cropped at ({x}, {y})");
            }
        }
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.0.join("manifest.webmanifest")).unwrap(),
        )
        .unwrap();
        let mut icons: Vec<serde_json::Value> = want
            .iter()
            .map(|s| {
                serde_json::json!({"src": format!("icon-{s}.png"), "sizes": format!("{s}x{s}"),
                    "type": "image/png", "purpose": "any"})
            })
            .collect();
        let mime = if file.ends_with(".png") {
            "image/png"
        } else {
            "image/jpeg"
        };
        icons.push(serde_json::json!({"src": format!("content/{file}"),
            "sizes": format!("{width}x{height}"), "type": mime, "purpose": "any"}));
        assert_eq!(manifest["icons"], serde_json::Value::from(icons), "{file}");
    }
}

#[test]
fn can_publish_transcripts_and_report_them_at_their_own_lines() {
    let dir = Scratch::new("transcripts");
    dir.write("site.yaml", "title: Show\nurl: https://show.example/\n")
        .write(
            "2020-01-01-one.md",
            "---\ntitle: One\nepisode: 1\nduration: \"0:30\"\ntranscript: [t/one.txt, t/one.vtt, t/gone.srt, https://cdn.example/one.srt]\n---\nOne.\n",
        )
        .write("t/one.txt", "Ada: Hello.\n")
        .write(
            "t/one.vtt",
            "WEBVTT\n\n00:05.000 --> 00:06.000\n<v Ada>Later &amp; on.\n\n00:01.000 --> 00:02.000\n<v Sam>Hello.\n",
        )
        .write("2020-02-01-two.md", "---\ntitle: Two\nepisode: 2\ntranscript: t/broken.vtt\n---\nTwo.\n")
        .write("t/broken.vtt", "not a WebVTT file\n")
        .write(
            "2020-03-01-three.md",
            "---\ntitle: Three\nepisode: 3\ntranscripts:\n  - { url: \"https://cdn.example/three.txt\" }\n  - { url: \"https://cdn.example/three\", type: text/vtt }\n---\nThree.\n",
        );
    let out = Scratch::new("transcripts-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    // Each problem at the transcript's own file and line.
    for want in [
        "t/one.vtt:6: transcript of `one`: this cue starts at 0:01 but the one before at 0:05",
        "t/broken.vtt:1: transcript of `two`:",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    // The timed file wins over the text one, and is published as JSON, in
    // time order, with its entities decoded.
    let json = std::fs::read_to_string(out.0.join("transcripts/one.json")).unwrap();
    assert!(
        json.contains(r#""speaker":"Sam","startTime":1.0"#),
        "{json}"
    );
    assert!(json.contains(r#""body":"Later & on.""#), "{json}");
    assert!(!out.0.join("transcripts/two.json").exists());
    let c = catalog(&out.0);
    let one = c.episodes.iter().find(|e| e.slug == "one").unwrap();
    assert_eq!(one.transcript.as_deref(), Some("content/t/one.vtt"));
    assert_eq!(
        c.episodes
            .iter()
            .find(|e| e.slug == "two")
            .unwrap()
            .transcript,
        None
    );
    // Only on another host: the index names it, with its type, for the
    // browser to read (the timed one first); nothing is published.
    let three = c.episodes.iter().find(|e| e.slug == "three").unwrap();
    assert_eq!(
        three.transcript.as_deref(),
        Some("https://cdn.example/three")
    );
    assert_eq!(three.transcript_type.as_deref(), Some("text/vtt"));
    assert!(!out.0.join("transcripts/three.json").exists());
    assert!(one.publishes_transcript() && !three.publishes_transcript());
    // Both local files are published; the feed names every transcript (a
    // file the content folder lacks is on the site's own address, as for
    // other media), newest episode first.
    assert!(out.0.join("content/t/one.vtt").is_file() && out.0.join("content/t/one.txt").is_file());
    let feed = std::fs::read_to_string(out.0.join("feed.xml")).unwrap();
    let tags: Vec<&str> = feed
        .lines()
        .filter(|l| l.starts_with("<podcast:transcript"))
        .collect();
    assert_eq!(
        tags,
        [
            r#"<podcast:transcript url="https://cdn.example/three.txt" type="text/plain" language="en"/>"#,
            r#"<podcast:transcript url="https://cdn.example/three" type="text/vtt" language="en"/>"#,
            r#"<podcast:transcript url="https://show.example/content/t/broken.vtt" type="text/vtt" language="en"/>"#,
            r#"<podcast:transcript url="https://show.example/content/t/one.txt" type="text/plain" language="en"/>"#,
            r#"<podcast:transcript url="https://show.example/content/t/one.vtt" type="text/vtt" language="en"/>"#,
            r#"<podcast:transcript url="https://show.example/t/gone.srt" type="application/x-subrip" language="en"/>"#,
            r#"<podcast:transcript url="https://cdn.example/one.srt" type="application/x-subrip" language="en"/>"#,
            r#"<podcast:transcript url="https://show.example/transcripts/one.json" type="application/json" language="en"/>"#,
        ]
    );
}

#[test]
fn can_publish_soundbites_and_report_a_bad_one_at_its_line() {
    let dir = Scratch::new("soundbites");
    dir.write("site.yaml", "title: Show\nurl: https://show.example/\n")
        .write(
            "2020-01-01-one.md",
            "---\ntitle: One\nepisode: 1\nsoundbites:\n  - { start: \"1:00\", duration: 30, title: The best bit }\n---\nOne.\n",
        )
        .write(
            "2020-02-01-two.md",
            "---\ntitle: Two\nepisode: 2\nsoundbites:\n  - { start: 10 }\n---\nTwo.\n",
        );
    let out = Scratch::new("soundbites-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let want = "2020-02-01-two.md:4: `soundbites`: soundbite 1: it has no `duration` or `end`";
    assert!(err.contains(want), "{want}\n{err}");
    let feed = std::fs::read_to_string(out.0.join("feed.xml")).unwrap();
    let bites: Vec<&str> = feed
        .lines()
        .filter(|l| l.starts_with("<podcast:soundbite"))
        .collect();
    assert_eq!(
        bites,
        [r#"<podcast:soundbite startTime="60" duration="30">The best bit</podcast:soundbite>"#]
    );
}

#[test]
fn can_route_audio_through_an_analytics_prefix_and_still_publish_local_files() {
    let dir = Scratch::new("analytics");
    dir.write(
        "site.yaml",
        "title: Show\nurl: https://show.example/podcast/\naudio_url: audio/{episode}.mp3\nanalytics_prefix: https://op3.dev/e\n",
    )
    .write("audio/1.mp3", "ID3")
    .write("2020-01-01-one.md", "---\ntitle: One\nepisode: 1\n---\nOne.\n")
    .write(
        "2020-02-01-two.md",
        "---\ntitle: Two\nepisode: 2\naudio: http://cdn.example/two.mp3\n---\nTwo.\n",
    );
    let out = Scratch::new("analytics-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        out.0.join("content/audio/1.mp3").is_file(),
        "the local file is published"
    );
    let raw = std::fs::read_to_string(out.0.join("index.json")).unwrap();
    assert!(
        raw.contains(
            r#""audio_url":"https://op3.dev/e/show.example/podcast/content/audio/{episode}.mp3""#
        ),
        "{raw}"
    );
    assert!(
        !raw.contains("audio/1.mp3"),
        "the template still gives it: {raw}"
    );
    let c = catalog(&out.0);
    let audio: Vec<_> = c.episodes.iter().map(|e| e.audio.as_deref()).collect();
    assert_eq!(
        audio,
        [
            Some("https://op3.dev/e/http://cdn.example/two.mp3"),
            Some("https://op3.dev/e/show.example/podcast/content/audio/1.mp3"),
        ]
    );
    let xml = std::fs::read(out.0.join("feed.xml")).unwrap();
    let channel = rss::Channel::read_from(&xml[..]).unwrap();
    let enclosures: Vec<_> = channel
        .items()
        .iter()
        .map(|i| i.enclosure().unwrap().url())
        .collect();
    assert_eq!(enclosures, audio.into_iter().flatten().collect::<Vec<_>>());
}

/// Every file under `dir`, with its bytes, by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn can_index_on_every_core_exactly_as_on_one() {
    // The demo, and an archive of 300 episodes with warnings, links
    // between posts, times in notes and transcripts.
    let generated = Scratch::new("cores-archive");
    generated.write("site.yaml", "title: Cores\nurl: https://cores.example/\n");
    for n in 1..=300 {
        let mut md = format!(
            "---\ntitle: Episode {n}\nepisode: {n}\nduration: \"{}:00\"\nhosts: [Ada, Host {}]\n",
            10 + n % 50,
            n % 7
        );
        if n % 10 == 0 {
            md.push_str(&format!("transcript: t/{n}.vtt\n"));
            generated.write(
                &format!("t/{n}.vtt"),
                format!("WEBVTT\n\n00:05.000 --> 00:09.000\n<v Ada>Part {n}.\n\n00:01.000 --> 00:02.000\n<v Sam>Hi.\n"),
            );
        }
        md.push_str(&format!(
            "---\n## Notes {n}\n\nAt 01:30 we talk. See [{{{{ post }}}}]({{% post_url 2020-01-{:02}-ep-{} %}}) and [missing](/img/{n}.png).\n",
            1 + (n + 1) % 28,
            1 + n % 300,
        ));
        generated.write(&format!("2020-01-{:02}-ep-{n}.md", 1 + n % 28), &md);
    }
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for (name, content) in [
        ("demo", demo.as_path()),
        ("generated", generated.0.as_path()),
    ] {
        let run = |threads: &str| {
            let out = Scratch::new(&format!("cores-{name}-{threads}"));
            let o = Command::new(env!("CARGO_BIN_EXE_indexer"))
                .args([
                    "--content",
                    content.to_str().unwrap(),
                    "--out",
                    out.0.to_str().unwrap(),
                    "--keep-going",
                ])
                .env("RAYON_NUM_THREADS", threads)
                .output()
                .unwrap();
            (
                stderr(&o).replace(out.0.to_str().unwrap(), "OUT"),
                tree(&out.0),
                out,
            )
        };
        let (one_log, one, _a) = run("1");
        let (many_log, many, _b) = run("8");
        assert!(one.len() > 10, "{name}: {one_log}");
        // Problems in many files, whose order one core could not upset.
        if name == "generated" {
            assert!(one_log.lines().count() > 100, "{one_log}");
        }
        assert_eq!(
            one.keys().collect::<Vec<_>>(),
            many.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (file, bytes) in &one {
            assert!(many[file] == *bytes, "{name}: {file} differs");
        }
        assert_eq!(one_log, many_log, "{name}");
    }
}

#[test]
fn can_hand_the_browser_the_zones_its_dates_use() {
    let dir = Scratch::new("zones");
    dir.write("site.yaml", "title: Zoned\nurl: https://zoned.example/\ntime_zone: America/Chicago\n")
        .write(
            "2024-01-01-one.md",
            "---\ntitle: One\nepisode: 1\ndate: 2024-07-01 09:30:00\naudio: https://media.example/1.mp3\n---\nNotes.\n",
        )
        .write(
            "2024-01-02-two.md",
            "---\ntitle: Two\nepisode: 2\ndate: 2024-07-02T09:30:00[Asia/Tokyo]\naudio: https://media.example/2.mp3\n---\nNotes.\n",
        )
        // Named again in other case, and by a draft: neither adds a zone.
        .write(
            "2024-01-03-three.md",
            "---\ntitle: Three\nepisode: 3\ndate: 2024-07-03T09:30:00[asia/tokyo]\naudio: https://media.example/3.mp3\n---\nNotes.\n",
        )
        .write(
            "2024-01-04-draft.md",
            "---\ntitle: Draft\ndraft: true\ndate: 2024-07-04T09:30:00[Europe/Oslo]\n---\nNotes.\n",
        );
    let out = Scratch::new("zones-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let sources: podcast_viewer::core::source::Sources =
        serde_json::from_str(&std::fs::read_to_string(out.0.join("sources.json")).unwrap())
            .unwrap();
    let names: Vec<&String> = sources.zones.keys().collect();
    assert_eq!(names, ["America/Chicago", "Asia/Tokyo"]);
    // Read with only those zones, each file has the time the feed gives.
    let c = catalog(&out.0);
    let feed = std::fs::read_to_string(out.0.join("feed.xml")).unwrap();
    for (path, want) in [
        ("2024-01-01-one.md", "Mon, 01 Jul 2024 09:30:00 -0500"),
        ("2024-01-02-two.md", "Tue, 02 Jul 2024 09:30:00 +0900"),
        ("2024-01-03-three.md", "Wed, 03 Jul 2024 09:30:00 +0900"),
    ] {
        let text = std::fs::read_to_string(dir.0.join(path)).unwrap();
        let read =
            podcast_viewer::core::source::render(path, &text, &c.site, &sources, i64::MAX).unwrap();
        assert_eq!(read.episode.published().rfc2822(), want, "{path}");
        assert!(
            feed.contains(&format!("<pubDate>{want}</pubDate>")),
            "{feed}"
        );
    }
}

#[test]
fn can_read_every_markdown_extension_and_name_pages_it_cannot_read() {
    let dir = Scratch::new("extensions");
    dir.write("site.yaml", "title: Show\n")
        .write(
            "2020-01-01-one.mkd",
            "---\ntitle: One\nepisode: 1\n---\nFine.\n",
        )
        .write(
            "2020-01-02-two.Markdown",
            "---\ntitle: Two\nepisode: 2\n---\nFine.\n",
        )
        .write(
            "2020-01-03-three.mdx",
            "---\ntitle: Three\nepisode: 3\n---\n<Player />\n",
        )
        .write("2020-01-04-four.html", "---\ntitle: Four\n---\n<p>Hi</p>\n")
        .write("transcripts/one.html", "<p>Ada: Hello.</p>\n");
    let out = Scratch::new("extensions-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let catalog: Catalog =
        serde_json::from_str(&std::fs::read_to_string(out.0.join("index.json")).unwrap()).unwrap();
    let titles: Vec<&str> = catalog.episodes.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Two", "One"]);
    let err = stderr(&o);
    // An HTML file without front matter (a transcript) is no post.
    assert!(!err.contains("one.html"), "{err}");
    for (file, says) in [
        ("2020-01-03-three.mdx", "not read: MDX"),
        ("2020-01-04-four.html", "not read: an HTML post"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(says)),
            "{file}: {err}"
        );
    }
}

#[test]
fn can_fill_in_what_the_feed_needs_and_say_what_it_cannot() {
    let dir = Scratch::new("feed-needs");
    dir.write(
        "site.yaml",
        "title: Show\nurl: https://show.example/\npeople: { Ada: { img: images/ada.png } }\n",
    )
    .write("audio/ep1.mp3", "x".repeat(4321))
    .write("images/ada.png", [0x89, b'P', b'N', b'G'])
    .write(
        "2020-01-01-one.md",
        "---\ntitle: One\nepisode: 1\nhosts: Ada\naudio: audio/ep1.mp3\nguid: tag:show.example,2020:1\n---\nFine.\n",
    )
        .write(
            "2020-01-02-two.md",
            "---\ntitle: Two\nepisode: 2\naudio: https://m.example/2.mp3\nguid: tag:show.example,2020:1\n---\nFine.\n",
        );
    let out = Scratch::new("feed-needs-out");
    let o = index(&dir.0, &out.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let feed = std::fs::read_to_string(out.0.join("feed.xml")).unwrap();
    // The length of a file the site publishes is read from it.
    assert!(feed.contains(r#"ep1.mp3" length="4321""#), "{feed}");
    // A person's picture in the content folder is published with the site.
    assert!(
        feed.contains(r#"img="https://show.example/content/images/ada.png""#),
        "{feed}"
    );
    assert!(out.0.join("content/images/ada.png").is_file());
    let err = stderr(&o);
    for says in [
        "guid tag:show.example,2020:1 is also the guid of",
        "no `category`",
        "no `owner",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
}

#[test]
fn can_name_in_the_check_what_keeps_a_file_out() {
    let dir = Scratch::new("check-broken");
    dir.write("site.yaml", "title: Show\n")
        .write(
            "2020-01-01-good.md",
            "---\ntitle: Good\nepisode: 1\n---\nFine.\n",
        )
        .write(
            "2020-01-02-bad.md",
            "---\ntitle: Bad\nepisode: 2\ndate: next Tuesday\n---\n",
        );
    let o = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .arg("--check")
        .arg("--content")
        .arg(&dir.0)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains("1 problem(s) in broken files"), "{report}");
    assert!(report.contains("problems: 1\n"), "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.contains("2020-01-02-bad.md:4") && l.contains("is not a date")),
        "{report}"
    );
}
