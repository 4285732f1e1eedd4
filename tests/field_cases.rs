//! Archives as podcasters really write them, modelled on public bug
//! reports against other podcast site tools: each case is a small folder
//! written here, built with the real indexer binary, and checked against
//! what its author meant (the index, the feed read back by a feed
//! parser, the published notes, the warnings).
#![cfg(not(target_arch = "wasm32"))]

use podcast_viewer::core::catalog::Catalog;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch archive under the target directory, removed when dropped.
struct Archive {
    content: PathBuf,
    out: PathBuf,
}

impl Archive {
    fn new(name: &str, files: &[(&str, &str)]) -> Self {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("field-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let content = root.join("content");
        for (relative, text) in files {
            let path = content.join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Archive {
            content,
            out: root.join("out"),
        }
    }

    fn build(&self, flags: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_indexer"))
            .arg("--content")
            .arg(&self.content)
            .arg("--out")
            .arg(&self.out)
            .args(flags)
            .output()
            .unwrap()
    }

    /// Builds, asserting success; returns the stderr.
    fn built(&self, flags: &[&str]) -> String {
        let o = self.build(flags);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(o.status.success(), "{err}");
        err
    }

    fn catalog(&self) -> Catalog {
        serde_json::from_str(&self.read("index.json")).unwrap()
    }

    fn feed(&self) -> rss::Channel {
        rss::Channel::read_from(self.read("feed.xml").as_bytes()).unwrap()
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.out.join(relative)).unwrap()
    }
}

impl Drop for Archive {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.content.parent().unwrap());
    }
}

const SITE: &str = "title: Field cases\nurl: https://field.example/\n";

fn item<'a>(feed: &'a rss::Channel, title: &str) -> &'a rss::Item {
    feed.items()
        .iter()
        .find(|i| i.title() == Some(title))
        .unwrap_or_else(|| panic!("{title} is not in the feed"))
}

#[test]
fn can_encode_audio_urls_exactly_once() {
    let a = Archive::new(
        "encode",
        &[
            ("site.yaml", SITE),
            ("2022-05-01-ep-3.md", "---\ntitle: Ep 3 Crème brûlée\nepisode: 3\naudio: \"https://cdn.example/Ép 3 – Crème.mp3\"\n---\nA raw space, accents, a dash.\n"),
            ("2022-05-08-ep-4.md", "---\ntitle: Ep 4 Encoded\nepisode: 4\naudio: https://cdn.example/Ep%204%20final.mp3\n---\nAlready encoded.\n"),
        ],
    );
    a.built(&[]);
    let feed = a.feed();
    assert_eq!(
        item(&feed, "Ep 3 Crème brûlée").enclosure().unwrap().url(),
        "https://cdn.example/%C3%89p%203%20%E2%80%93%20Cr%C3%A8me.mp3"
    );
    assert_eq!(
        item(&feed, "Ep 4 Encoded").enclosure().unwrap().url(),
        "https://cdn.example/Ep%204%20final.mp3"
    );
    let xml = a.read("feed.xml");
    assert!(!xml.contains("%2520") && !xml.contains("Ép 3"), "{xml}");
}

#[test]
fn can_read_durations_as_seconds_floats_and_clocks() {
    let a = Archive::new(
        "durations",
        &[
            ("site.yaml", SITE),
            ("2023-01-01-a.md", "---\ntitle: Float\nepisode: 1\naudio: https://c.example/1.mp3\nduration: 1745.52\n---\nx\n"),
            ("2023-01-08-b.md", "---\ntitle: Whole\nepisode: 2\naudio: https://c.example/2.mp3\nduration: 5400\n---\nx\n"),
            ("2023-01-15-c.md", "---\ntitle: Quoted\nepisode: 3\naudio: https://c.example/3.mp3\nduration: \"61.7\"\n---\nx\n"),
        ],
    );
    a.built(&[]);
    let c = a.catalog();
    let duration = |t: &str| c.episodes.iter().find(|e| e.title == t).unwrap().duration;
    assert_eq!(
        (duration("Float"), duration("Whole"), duration("Quoted")),
        (Some(1746), Some(5400), Some(62))
    );
    let feed = a.feed();
    for (title, want) in [("Float", "1746"), ("Whole", "5400"), ("Quoted", "62")] {
        let got = item(&feed, title)
            .itunes_ext()
            .unwrap()
            .duration()
            .map(String::from);
        assert_eq!(got.as_deref(), Some(want), "{title}");
    }
}

#[test]
fn can_write_pub_dates_in_rfc_2822_with_the_authors_time() {
    let a = Archive::new(
        "dates",
        &[
            ("site.yaml", "title: Dates\nurl: https://field.example/\nlanguage: de\n"),
            ("a.md", "---\ntitle: Day only\nepisode: 1\ndate: 2022-06-01\naudio: https://c.example/a.mp3\n---\nx\n"),
            ("b.md", "---\ntitle: Zulu\nepisode: 2\ndate: 2022-06-02T23:15:00Z\naudio: https://c.example/b.mp3\n---\nx\n"),
            ("c.md", "---\ntitle: Jekyll offset\nepisode: 3\ndate: 2022-06-03 21:00:00 -0700\naudio: https://c.example/c.mp3\n---\nx\n"),
            ("d.md", "---\ntitle: Epoch ms\nepisode: 4\ndate: 1654380000000\naudio: https://c.example/d.mp3\n---\nx\n"),
            ("e.md", "---\ntitle: Colon offset\nepisode: 5\ndate: 2022-06-05 08:30:00+02:00\naudio: https://c.example/e.mp3\n---\nx\n"),
        ],
    );
    a.built(&[]);
    let feed = a.feed();
    for (title, want) in [
        ("Day only", "Wed, 01 Jun 2022 12:00:00 +0000"),
        ("Zulu", "Thu, 02 Jun 2022 23:15:00 +0000"),
        ("Jekyll offset", "Fri, 03 Jun 2022 21:00:00 -0700"),
        ("Epoch ms", "Sat, 04 Jun 2022 22:00:00 +0000"),
        ("Colon offset", "Sun, 05 Jun 2022 08:30:00 +0200"),
    ] {
        assert_eq!(item(&feed, title).pub_date(), Some(want), "{title}");
    }
    let c = a.catalog();
    let date = |t: &str| {
        c.episodes
            .iter()
            .find(|e| e.title == t)
            .unwrap()
            .date
            .to_string()
    };
    // The author's calendar day, although it is June 4 in UTC.
    assert_eq!(date("Jekyll offset"), "2022-06-03");
    assert_eq!(date("Day only"), "2022-06-01");
}

#[test]
fn can_publish_episodes_whose_size_is_not_bytes_with_a_warning() {
    let a = Archive::new(
        "sizes",
        &[
            ("site.yaml", SITE),
            ("2024-01-01-one.md", "---\ntitle: Empty size\nepisode: 1\naudio: https://c.example/1.mp3\nmp3_length: \"\"\n---\nx\n"),
            ("2024-01-08-two.md", "---\ntitle: Human size\nepisode: 2\naudio: https://c.example/2.mp3\nenclosure_length: 48.1 MB\n---\nx\n"),
            ("2024-01-15-three.md", "---\ntitle: Swapped\nepisode: 3\naudio: https://c.example/3.mp3\nmp3_length: \"1:02:10\"\nduration: \"41230987\"\n---\nx\n"),
            ("2024-01-22-four.md", "---\ntitle: Mapping\nepisode: 4\nenclosure:\n  url: https://c.example/4.mp3\n  length: 41230987\n---\nx\n"),
        ],
    );
    let err = a.built(&[]);
    assert!(
        err.contains("2024-01-08-two.md:5: `enclosure_length`: \"48.1 MB\" is a size for people"),
        "{err}"
    );
    assert!(
        err.contains("2024-01-15-three.md:5: `mp3_length`: \"1:02:10\" looks like a duration"),
        "{err}"
    );
    assert!(
        err.contains("2024-01-15-three.md:6: `duration`: 41230987 seconds is over 48 hours"),
        "{err}"
    );
    assert!(
        !err.contains("one.md"),
        "an empty size is no problem: {err}"
    );
    let feed = a.feed();
    for (title, length) in [
        ("Empty size", "0"),
        ("Human size", "0"),
        ("Swapped", "0"),
        ("Mapping", "41230987"),
    ] {
        let enclosure = item(&feed, title).enclosure().unwrap();
        assert_eq!(
            (enclosure.length(), enclosure.mime_type()),
            (length, "audio/mpeg"),
            "{title}"
        );
    }
    let c = a.catalog();
    assert_eq!(
        c.episodes
            .iter()
            .find(|e| e.title == "Swapped")
            .unwrap()
            .duration,
        None
    );
}

#[test]
fn can_turn_hugo_shortcodes_into_html_and_leave_no_braces() {
    let a = Archive::new(
        "shortcodes",
        &[
            ("site.yaml", "title: Shortcodes\nurl: https://field.example/\nassets_base: https://old.example\n"),
            (
                "2022-12-29-wrap-up.md",
                "---\ntitle: Wrap-up\nepisode: 90\naudio: https://c.example/90.mp3\n---\nThe mascot:\n\n{{< figure src=\"/img/mascot.png\" title=\"Our mascot\" >}}\n\n{{% figure src=\"/img/mic.png\" title=\"The microphone\" %}}\n\n{{< warning >}}\nRecorded in a noisy room.\n{{< /warning >}}\n\nClip: {{< youtube Zx9_k-42 >}}\n\nSee {{< relref \"2020-01-01-gone.md\" >}} and {{< widget n=2 >}}.\n",
            ),
        ],
    );
    let err = a.built(&[]);
    let html = a.read("notes/wrap-up.html");
    assert!(
        html.contains("https://old.example/img/mascot.png") && html.contains("Our mascot"),
        "{html}"
    );
    assert!(
        html.contains("https://old.example/img/mic.png") && html.contains("The microphone"),
        "{html}"
    );
    assert!(html.contains("Recorded in a noisy room."), "{html}");
    assert!(
        html.contains("youtube-nocookie.com/embed/Zx9_k-42"),
        "{html}"
    );
    for out in [html, a.read("feed.xml"), a.read("index.json")] {
        for leak in ["{{", "}}", "{%", "%}", "%7B%7B"] {
            assert!(!out.contains(leak), "{leak} in {out}");
        }
    }
    for (line, what) in [(12, "`warning`"), (18, "relref"), (18, "`widget`")] {
        assert!(
            err.lines()
                .any(|l| l.contains(&format!("2022-12-29-wrap-up.md:{line}:")) && l.contains(what)),
            "no warning for {what} at line {line}: {err}"
        );
    }
}

#[test]
fn can_leave_drafts_and_future_episodes_out_unless_asked() {
    let a = Archive::new(
        "drafts",
        &[
            ("site.yaml", SITE),
            ("2025-03-01-ep-50.md", "---\ntitle: Published\nepisode: 50\naudio: https://c.example/50.mp3\n---\nx\n"),
            ("2025-03-08-ep-51.md", "---\ntitle: Draft\nepisode: 51\ndraft: true\naudio: https://c.example/51.mp3\nmp3_length: \"\"\n---\nx\n"),
            ("2098-05-01-ep-99.md", "---\ntitle: Future\nepisode: 99\naudio: https://c.example/99.mp3\n---\nx\n"),
        ],
    );
    let err = a.built(&[]);
    assert!(
        err.contains("left out: 1 draft(s)") && err.contains("1 dated in the future"),
        "{err}"
    );
    let titles = |a: &Archive| -> Vec<String> {
        a.catalog().episodes.into_iter().map(|e| e.title).collect()
    };
    assert_eq!(titles(&a), ["Published"]);
    assert_eq!(a.feed().items().len(), 1);
    // No notes either: nothing of theirs is published, so no page of
    // theirs is written, and the search engine indexes pages.
    let notes: Vec<String> = std::fs::read_dir(a.out.join("notes"))
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(notes, ["ep-50.html"]);
    a.built(&["--drafts", "--future"]);
    assert_eq!(titles(&a), ["Future", "Draft", "Published"]);
}

#[test]
fn can_name_any_file_and_keep_slugs_distinct() {
    let a = Archive::new(
        "names",
        &[
            ("site.yaml", SITE),
            ("-2-vorschau.md", "---\ntitle: \"#-2 Vorschau\"\nepisode: -2\ndate: 2021-01-01\naudio: https://c.example/m2.mp3\n---\nx\n"),
            ("000-null-folge.md", "---\ntitle: \"#0 Null\"\nepisode: 0\ndate: 2021-02-01\naudio: https://c.example/0.mp3\n---\nx\n"),
            ("2021-03-01-ep-3-it's here.md", "---\ntitle: It’s here\nepisode: 3\naudio: https://c.example/3.mp3\n---\nx\n"),
            ("2021-04-01-日本語.md", "---\ntitle: 日本語のタイトル\nepisode: 4\naudio: https://c.example/4.mp3\n---\nx\n"),
            ("2021-05-01-über uns.markdown", "---\ntitle: Über uns\nepisode: 5\naudio: https://c.example/5.mp3\n---\nx\n"),
        ],
    );
    a.built(&[]);
    let c = a.catalog();
    let mut c2 = c.clone();
    c2.expand();
    let slugs: Vec<(&str, Option<i32>, String)> = c2
        .episodes
        .iter()
        .map(|e| (e.slug.as_str(), e.number, e.date.to_string()))
        .collect();
    assert_eq!(
        slugs,
        [
            ("uber-uns", Some(5), "2021-05-01".to_string()),
            ("日本語", Some(4), "2021-04-01".to_string()),
            ("ep-3-it-s-here", Some(3), "2021-03-01".to_string()),
            ("000-null-folge", Some(0), "2021-02-01".to_string()),
            ("2-vorschau", Some(-2), "2021-01-01".to_string()),
        ]
    );
    assert!(a.out.join("notes/日本語.html").exists());
    // The feed's addresses are percent-encoded; #0 and #-2 carry no
    // itunes:episode, which must be positive.
    let feed = a.feed();
    assert_eq!(
        item(&feed, "日本語のタイトル").link(),
        Some("https://field.example/episodes/%E6%97%A5%E6%9C%AC%E8%AA%9E/")
    );
    assert_eq!(item(&feed, "#0 Null").itunes_ext().unwrap().episode(), None);
}

#[test]
fn can_resolve_liquid_page_variables_in_links() {
    let a = Archive::new(
        "liquid",
        &[
            ("site.yaml", "title: Liquid\nurl: https://field.example/\nassets_base: https://old.example\n"),
            (
                "2019-09-09-show-12.markdown",
                "---\nlayout: post\ntitle: Show 12\ndate: 2019-09-09 00:00:00\nepisode: 12\nfile_mp3: https://media.example/s12.mp3\nfile_ogg: https://media.example/s12.ogg\n---\nGet the [MP3]({{ page.file_mp3 }}) or the [Ogg]({{ page.file_ogg }}).\n\n![Cover]({{ site.baseurl }}/img/s12.png) and our [feed]({{ site.url }}/feed.xml).\n",
            ),
        ],
    );
    a.built(&[]);
    let html = a.read("notes/show-12.html");
    for href in [
        "https://media.example/s12.mp3",
        "https://media.example/s12.ogg",
        "https://old.example/img/s12.png",
        "https://old.example/feed.xml",
    ] {
        assert!(html.contains(href), "{href} in {html}");
    }
    // No audio key: of the two audio URLs in the front matter, the MP3.
    let feed = a.feed();
    assert_eq!(
        item(&feed, "Show 12").enclosure().unwrap().url(),
        "https://media.example/s12.mp3"
    );
    for out in [html, a.read("feed.xml")] {
        assert!(!out.contains("{{") && !out.contains("%7B%7B"), "{out}");
    }
}

#[test]
fn can_build_a_hugo_site_root_with_toml_and_no_settings() {
    let a = Archive::new(
        "hugo",
        &[
            ("config.toml", "baseURL = \"https://hugo.example/\"\ntitle = \"Hugo Show\"\nlanguageCode = \"en-gb\"\n[params]\nmedia_prefix = \"https://media.example/hugo/\"\n"),
            ("content/episode/_index.md", "+++\ntitle = \"Episodes\"\n+++\n"),
            ("content/episode/first-steps.md", "+++\ntitle = \"First steps\"\nDate = 2020-02-02T10:00:00-06:00\nepisode = \"7\"\npodcast_file = \"show 7.mp3\"\npodcast_bytes = \"1234\"\npodcast_duration = \"45:00\"\nexplicit = \"no\"\n+++\nNotes.\n"),
            ("content/episode/json-one.md", "{\n  \"title\": \"JSON one\",\n  \"date\": \"2020-03-03\",\n  \"episode\": 8,\n  \"podcast_file\": \"show 8.mp3\"\n}\nMore notes.\n"),
            ("content/about.md", "+++\ntitle = \"About\"\n+++\nNot an episode.\n"),
        ],
    );
    a.built(&[]);
    let c = a.catalog();
    assert_eq!(c.site.title, "Hugo Show");
    assert_eq!(c.site.url.as_deref(), Some("https://hugo.example/"));
    let feed = a.feed();
    assert_eq!(feed.items().len(), 2);
    assert_eq!(
        item(&feed, "First steps").enclosure().unwrap().url(),
        "https://media.example/hugo/show%207.mp3"
    );
    assert_eq!(
        item(&feed, "First steps").pub_date(),
        Some("Sun, 02 Feb 2020 10:00:00 -0600")
    );
    assert_eq!(
        item(&feed, "JSON one").enclosure().unwrap().url(),
        "https://media.example/hugo/show%208.mp3"
    );
    let check = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .arg("--check")
        .arg("--content")
        .arg(&a.content)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    for want in [
        "generator: Hugo (config.toml)",
        "episodes folder: content/episode",
        "1 page(s) that are not episodes",
        "audio        podcast_file: 2",
        "suggested site.yaml: nothing to add",
    ] {
        assert!(report.contains(want), "{want} in:\n{report}");
    }
}

#[test]
fn can_read_hugo_page_bundles_and_ignore_a_config_that_is_not_hugos() {
    // A Hugo site of page bundles, with a relative baseURL.
    let a = Archive::new(
        "bundles",
        &[
            ("hugo.toml", "baseURL = \"/\"\ntitle = \"Bundles\"\n"),
            (
                "content/episodes/2023-04-01-ep-1/index.md",
                "+++\ntitle = \"One\"\nepisode = 1\naudio = \"https://c.example/1.mp3\"\n+++\nx\n",
            ),
            (
                "content/episodes/2023-04-08-ep-2/index.md",
                "+++\ntitle = \"Two\"\nepisode = 2\naudio = \"https://c.example/2.mp3\"\n+++\nx\n",
            ),
            (
                "content/episodes/_index.md",
                "+++\ntitle = \"Episodes\"\n+++\n",
            ),
        ],
    );
    let err = a.built(&[]);
    assert!(err.contains("\"/\" is not an http(s) address"), "{err}");
    let c = a.catalog();
    let slugs: Vec<&str> = c.episodes.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["ep-2", "ep-1"]);
    assert_eq!(c.episodes[1].date.to_string(), "2023-04-01");
    assert_eq!(c.site.url, None);

    // Another tool's config.toml beside a folder named content/.
    let b = Archive::new(
        "not-hugo",
        &[
            ("site.yaml", SITE),
            ("config.toml", "bucket = \"s3://uploads\"\n"),
            ("content/cover.png", "not really a png"),
            (
                "2023-05-01-ep-9.md",
                "---\ntitle: Nine\nepisode: 9\naudio: https://c.example/9.mp3\n---\nx\n",
            ),
        ],
    );
    let err = b.built(&[]);
    assert!(err.contains("not read as Hugo's"), "{err}");
    assert_eq!(b.catalog().episodes.len(), 1);
}

#[test]
fn can_suggest_settings_for_what_check_could_not_guess() {
    let a = Archive::new(
        "suggest",
        &[(
            "2023-05-01-ep-9.md",
            "---\ntitle: Nine\nepisode: 9\nsound: ep9\n---\nx\n",
        )],
    );
    let check = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .arg("--check")
        .arg("--content")
        .arg(&a.content)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    for want in [
        "missing: 1 without audio (1 of them numbered)",
        "suggested site.yaml:",
        "  url: https://your-show.example/",
        "  audio_url: ",
    ] {
        assert!(report.contains(want), "{want} in:\n{report}");
    }
    assert!(!a.out.exists(), "--check writes nothing");
}

#[test]
fn can_read_times_in_the_sites_own_time_zone() {
    let a = Archive::new(
        "zone",
        &[
            ("_config.yml", "title: Zoned\nurl: https://zoned.example\ntimezone: America/Chicago\n"),
            ("_posts/2022-01-10-winter.md", "---\ntitle: Winter\nepisode: 1\ndate: 2022-01-10 20:00:00\naudio: https://c.example/1.mp3\n---\nx\n"),
            ("_posts/2022-07-10-summer.md", "---\ntitle: Summer\nepisode: 2\ndate: 2022-07-10 20:00:00\naudio: https://c.example/2.mp3\n---\nx\n"),
        ],
    );
    a.built(&[]);
    let feed = a.feed();
    assert_eq!(
        item(&feed, "Winter").pub_date(),
        Some("Mon, 10 Jan 2022 20:00:00 -0600")
    );
    assert_eq!(
        item(&feed, "Summer").pub_date(),
        Some("Sun, 10 Jul 2022 20:00:00 -0500")
    );

    let b = Archive::new(
        "bad-zone",
        &[
            ("site.yaml", "title: Zoned\nurl: https://zoned.example\ntime_zone: Central\n"),
            ("2022-01-10-winter.md", "---\ntitle: Winter\nepisode: 1\ndate: 2022-01-10 20:00:00\naudio: https://c.example/1.mp3\n---\nx\n"),
        ],
    );
    let err = b.built(&[]);
    assert!(
        err.contains("time zone \"Central\" is not an IANA time zone name"),
        "{err}"
    );
    assert_eq!(
        item(&b.feed(), "Winter").pub_date(),
        Some("Mon, 10 Jan 2022 20:00:00 +0000")
    );
}
