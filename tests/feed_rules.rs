//! The feed against the rules of every tag it writes: RSS 2.0
//! (<https://www.rssboard.org/rss-specification>), Apple's podcast tags
//! (<https://podcasters.apple.com/support/823-podcast-requirements>) and
//! the Podcasting 2.0 namespace
//! (<https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md>):
//! where each may stand, how often, its required attributes and the shape
//! of its value. A tag the feed writes with no rule here fails the test, so
//! a new tag comes with its rule.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::Scratch;

use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::path::Path;

/// An element of the feed: its name as written (`podcast:guid`), its
/// attributes, its text and its children.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn one(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }
}

fn parse(xml: &str) -> Node {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart| Node {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attributes");
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                    .expect("attribute values unescape");
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    value.into_owned(),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader.read_event().expect("the feed is well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let node = open(&e);
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => stack.last_mut().unwrap().text += &t.decode().unwrap(),
            Event::GeneralRef(r) => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                let ch = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("an entity XML does not define: &{other};"),
                };
                stack.last_mut().unwrap().text += ch;
            }
            Event::CData(t) => {
                stack.last_mut().unwrap().text += std::str::from_utf8(&t).unwrap();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    stack.pop().unwrap()
}

/// Where a tag may stand, how often, what it must carry, and what its
/// value and attributes must look like.
struct Rule {
    tag: &'static str,
    parents: &'static [&'static str],
    single: bool,
    required: &'static [&'static str],
    check: fn(&Node) -> Result<(), String>,
}

fn not_empty(n: &Node) -> Result<(), String> {
    if n.text.trim().is_empty() {
        Err("empty".into())
    } else {
        Ok(())
    }
}

fn is_web_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "https://".len()
        && !s.contains(char::is_whitespace)
}

fn urls(n: &Node, names: &[&str]) -> Result<(), String> {
    for name in names {
        if let Some(v) = n.attrs.get(*name) {
            if !is_web_url(v) {
                return Err(format!("{name}={v:?} is not an absolute web address"));
            }
        }
    }
    Ok(())
}

fn short(s: &str, max: usize) -> Result<(), String> {
    if s.chars().count() > max {
        return Err(format!("{s:?} is over {max} characters"));
    }
    Ok(())
}

fn one_of(s: &str, allowed: &[&str]) -> Result<(), String> {
    if !allowed.contains(&s) {
        return Err(format!("{s:?} is not one of {allowed:?}"));
    }
    Ok(())
}

fn number(s: &str) -> Result<f64, String> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or(format!("{s:?} is not a number"))
}

fn positive_whole(s: &str) -> Result<(), String> {
    match s.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(()),
        _ => Err(format!("{s:?} is not a whole number above zero")),
    }
}

fn raster_image(n: &Node) -> Result<(), String> {
    urls(n, &["href"])?;
    let href = n.attrs["href"].to_ascii_lowercase();
    let path = href.split(['?', '#']).next().unwrap_or("");
    if [".jpg", ".jpeg", ".png"].iter().any(|x| path.ends_with(x)) {
        Ok(())
    } else {
        Err(format!("{href:?}: artwork must be JPEG or PNG"))
    }
}

/// Roles and groups of the Podcast Taxonomy Project that a feed's people
/// may carry (<https://github.com/Podcastindex-org/podcast-namespace/blob/main/taxonomy.json>):
/// the cast's.
const CAST_ROLES: &[&str] = &[
    "host",
    "co-host",
    "guest host",
    "guest",
    "announcer",
    "narrator",
    "voice actor",
];

const RULES: &[Rule] = &[
    // RSS 2.0 and Atom's self link.
    Rule {
        tag: "title",
        parents: &["channel", "item"],
        single: true,
        required: &[],
        check: not_empty,
    },
    Rule {
        tag: "link",
        parents: &["channel", "item"],
        single: true,
        required: &[],
        check: |n| {
            if is_web_url(&n.text) {
                Ok(())
            } else {
                Err(format!("{:?} is not a web address", n.text))
            }
        },
    },
    Rule {
        tag: "description",
        parents: &["channel", "item"],
        single: true,
        required: &[],
        check: |_| Ok(()),
    },
    // The RSS content module (<https://web.resource.org/rss/1.0/modules/content/>):
    // the whole notes, where `description` may hold only their excerpt.
    Rule {
        tag: "content:encoded",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| {
            if n.text.trim().is_empty() {
                Err("empty".into())
            } else {
                Ok(())
            }
        },
    },
    Rule {
        tag: "language",
        parents: &["channel"],
        single: true,
        required: &[],
        check: |n| {
            if n.text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !n.text.is_empty()
            {
                Ok(())
            } else {
                Err(format!("{:?} is not a language tag", n.text))
            }
        },
    },
    Rule {
        tag: "atom:link",
        parents: &["channel"],
        single: true,
        required: &["href", "rel", "type"],
        check: |n| {
            urls(n, &["href"])?;
            one_of(&n.attrs["rel"], &["self"])
        },
    },
    Rule {
        tag: "item",
        parents: &["channel"],
        single: false,
        required: &[],
        check: |_| Ok(()),
    },
    Rule {
        tag: "guid",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| {
            if n.attrs.get("isPermaLink").map(String::as_str) == Some("true")
                && !is_web_url(&n.text)
            {
                Err(format!(
                    "a permalink guid {:?} is not a web address",
                    n.text
                ))
            } else if n.text.trim().is_empty() {
                Err("empty".into())
            } else {
                Ok(())
            }
        },
    },
    Rule {
        tag: "pubDate",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| {
            jiff::fmt::rfc2822::parse(&n.text)
                .map(|_| ())
                .map_err(|e| format!("{:?} is not an RFC 2822 date: {e}", n.text))
        },
    },
    Rule {
        tag: "enclosure",
        parents: &["item"],
        single: true,
        required: &["url", "length", "type"],
        check: |n| {
            urls(n, &["url"])?;
            n.attrs["length"]
                .parse::<u64>()
                .map_err(|_| format!("length {:?} is not a number of bytes", n.attrs["length"]))?;
            let t = &n.attrs["type"];
            if t.starts_with("audio/") || t.starts_with("video/") {
                Ok(())
            } else {
                Err(format!("type {t:?} is not a media type"))
            }
        },
    },
    // Apple's tags.
    Rule {
        tag: "itunes:author",
        parents: &["channel", "item"],
        single: true,
        required: &[],
        check: |n| short(&n.text, 255),
    },
    Rule {
        tag: "itunes:image",
        parents: &["channel", "item"],
        single: true,
        required: &["href"],
        check: raster_image,
    },
    Rule {
        tag: "itunes:category",
        parents: &["channel", "itunes:category"],
        single: false,
        required: &["text"],
        check: |n| {
            if n.attrs["text"].trim().is_empty() {
                Err("empty".into())
            } else {
                Ok(())
            }
        },
    },
    Rule {
        tag: "itunes:explicit",
        parents: &["channel", "item"],
        single: true,
        required: &[],
        check: |n| one_of(&n.text, &["true", "false"]),
    },
    Rule {
        tag: "itunes:type",
        parents: &["channel"],
        single: true,
        required: &[],
        check: |n| one_of(&n.text, &["episodic", "serial"]),
    },
    Rule {
        tag: "itunes:owner",
        parents: &["channel"],
        single: true,
        required: &[],
        check: |n| {
            if n.one("itunes:email").is_some() {
                Ok(())
            } else {
                Err("an owner without itunes:email".into())
            }
        },
    },
    Rule {
        tag: "itunes:name",
        parents: &["itunes:owner"],
        single: true,
        required: &[],
        check: |n| short(&n.text, 255),
    },
    Rule {
        tag: "itunes:email",
        parents: &["itunes:owner"],
        single: true,
        required: &[],
        check: |n| {
            if n.text.contains('@') {
                Ok(())
            } else {
                Err(format!("{:?} is not an email address", n.text))
            }
        },
    },
    Rule {
        tag: "itunes:title",
        parents: &["item"],
        single: true,
        required: &[],
        check: not_empty,
    },
    Rule {
        tag: "itunes:duration",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| {
            let ok = !n.text.is_empty()
                && n.text.split(':').count() <= 3
                && n.text
                    .split(':')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if ok {
                Ok(())
            } else {
                Err(format!("{:?} is not seconds or HH:MM:SS", n.text))
            }
        },
    },
    Rule {
        tag: "itunes:episode",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| positive_whole(&n.text),
    },
    Rule {
        tag: "itunes:season",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| positive_whole(&n.text),
    },
    Rule {
        tag: "itunes:episodeType",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| one_of(&n.text, &["full", "trailer", "bonus"]),
    },
    // Podcasting 2.0.
    Rule {
        tag: "podcast:guid",
        parents: &["channel"],
        single: true,
        required: &[],
        check: |n| {
            let uuid = uuid::Uuid::parse_str(&n.text).map_err(|e| format!("{:?}: {e}", n.text))?;
            if uuid.get_version_num() == 5 && n.text == uuid.hyphenated().to_string() {
                Ok(())
            } else {
                Err(format!("{:?} is not a lowercase UUIDv5", n.text))
            }
        },
    },
    Rule {
        tag: "podcast:locked",
        parents: &["channel"],
        single: true,
        required: &[],
        check: |n| {
            if let Some(owner) = n.attrs.get("owner") {
                if !owner.contains('@') {
                    return Err(format!("owner {owner:?} is not an email address"));
                }
            }
            one_of(&n.text, &["yes", "no"])
        },
    },
    Rule {
        tag: "podcast:funding",
        parents: &["channel"],
        single: false,
        required: &["url"],
        check: |n| {
            urls(n, &["url"])?;
            short(&n.text, 128)
        },
    },
    Rule {
        tag: "podcast:person",
        parents: &["channel", "item"],
        single: false,
        required: &[],
        check: |n| {
            urls(n, &["href", "img"])?;
            if n.text.trim().is_empty() {
                return Err("a person without a name".into());
            }
            if let Some(role) = n.attrs.get("role") {
                one_of(&role.to_lowercase(), CAST_ROLES)?;
            }
            if let Some(group) = n.attrs.get("group") {
                one_of(&group.to_lowercase(), &["cast"])?;
            }
            short(&n.text, 128)
        },
    },
    Rule {
        tag: "podcast:season",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| {
            n.text
                .trim()
                .parse::<u32>()
                .map_err(|_| format!("{:?} is not a whole number", n.text))?;
            n.attrs.get("name").map_or(Ok(()), |name| short(name, 128))
        },
    },
    Rule {
        tag: "podcast:episode",
        parents: &["item"],
        single: true,
        required: &[],
        check: |n| {
            number(&n.text)?;
            n.attrs.get("display").map_or(Ok(()), |d| short(d, 32))
        },
    },
    Rule {
        tag: "podcast:soundbite",
        parents: &["item"],
        single: false,
        required: &["startTime", "duration"],
        check: |n| {
            if number(&n.attrs["startTime"])? < 0.0 {
                return Err("a start before the episode".into());
            }
            if number(&n.attrs["duration"])? <= 0.0 {
                return Err("a soundbite of no length".into());
            }
            short(n.text.trim(), 128)
        },
    },
    Rule {
        tag: "podcast:transcript",
        parents: &["item"],
        single: false,
        required: &["url", "type"],
        check: |n| {
            urls(n, &["url"])?;
            one_of(
                &n.attrs["type"],
                &[
                    "text/plain",
                    "text/html",
                    "text/vtt",
                    "application/json",
                    "application/x-subrip",
                    "application/srt",
                ],
            )?;
            n.attrs
                .get("rel")
                .map_or(Ok(()), |r| one_of(r, &["captions"]))
        },
    },
    Rule {
        tag: "podcast:chapters",
        parents: &["item"],
        single: true,
        required: &["url", "type"],
        check: |n| {
            urls(n, &["url"])?;
            one_of(&n.attrs["type"], &["application/json+chapters"])
        },
    },
];

/// Every problem of `node`'s children, as `path: problem` lines.
fn problems(node: &Node, path: &str, out: &mut Vec<String>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for child in &node.children {
        let at = format!("{path}/{}", child.name);
        *seen.entry(child.name.as_str()).or_default() += 1;
        match RULES.iter().find(|r| r.tag == child.name) {
            None => out.push(format!("{at}: no rule for this tag")),
            Some(rule) => {
                if !rule.parents.contains(&node.name.as_str()) {
                    out.push(format!("{at}: not allowed in <{}>", node.name));
                }
                for attr in rule.required {
                    if !child.attrs.contains_key(*attr) {
                        out.push(format!("{at}: `{attr}` is required"));
                    }
                }
                if rule.required.iter().all(|a| child.attrs.contains_key(*a)) {
                    if let Err(e) = (rule.check)(child) {
                        out.push(format!("{at}: {e}"));
                    }
                }
            }
        }
        problems(child, &at, out);
    }
    for (tag, count) in seen {
        if count > 1 && RULES.iter().any(|r| r.tag == tag && r.single) {
            out.push(format!("{path}: {count} <{tag}>, at most one allowed"));
        }
    }
}

/// What Apple and the namespace require of the channel and of every item,
/// beyond the rules of each tag.
fn required(channel: &Node, out: &mut Vec<String>) {
    for tag in [
        "title",
        "link",
        "description",
        "language",
        "itunes:image",
        "itunes:category",
        "itunes:explicit",
        "podcast:guid",
    ] {
        if channel.one(tag).is_none() {
            out.push(format!("channel: <{tag}> is required"));
        }
    }
    let mut guids = std::collections::BTreeSet::new();
    for item in channel.all("item") {
        for tag in ["title", "enclosure", "guid", "pubDate"] {
            if item.one(tag).is_none() {
                out.push(format!(
                    "item {:?}: <{tag}> is required",
                    item.one("title").map(|t| &t.text)
                ));
            }
        }
        if let Some(g) = item.one("guid") {
            if !guids.insert(g.text.clone()) {
                out.push(format!("item guid {:?} is not unique", g.text));
            }
        }
    }
}

/// The feed of `content`, as the indexer writes it.
fn feed_of(content: &Path, name: &str) -> String {
    let out = Scratch::new(name);
    let o = common::index_with(content, &out.0, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out.0.join("feed.xml")).unwrap()
}

fn check(xml: &str) -> Vec<String> {
    let root = parse(xml);
    let rss = root.one("rss").expect("an <rss> root");
    assert_eq!(rss.attrs.get("version").map(String::as_str), Some("2.0"));
    assert_eq!(
        rss.attrs.get("xmlns:podcast").map(String::as_str),
        Some("https://podcastindex.org/namespace/1.0")
    );
    assert_eq!(
        rss.attrs.get("xmlns:itunes").map(String::as_str),
        Some("http://www.itunes.com/dtds/podcast-1.0.dtd")
    );
    let channel = rss.one("channel").expect("a <channel>");
    let mut out = Vec::new();
    problems(channel, "channel", &mut out);
    required(channel, &mut out);
    out
}

/// An archive that makes the feed write every tag it can.
fn rich_archive() -> Scratch {
    let dir = Scratch::new("rich");
    dir.write(
        "site.yaml",
        br#"title: "Rules & <Checks>"
description: A show to check the feed against every rule it follows.
language: en-GB
author: Ada Moreau
url: https://show.example/sub/
artwork: art.png
category: Technology
type: serial
locked: yes
owner: { name: Ada Moreau, email: ada@show.example }
people: { Ada Moreau: { href: https://ada.example, img: https://ada.example/ada.png } }
funding: [{ url: support/, label: Support the show }, { url: "https://tips.example/t?a=1&b=2" }]
"#,
    )
    .write("art.png", [0x89, b'P', b'N', b'G'])
    .write("images/ep.jpg", [0xff, 0xd8, 0xff])
    .write("t/one.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ada>Hello & welcome.\n")
    .write(
        "2024-01-01-one.md",
        br#"---
title: "One: <angle> & ampersand"
episode: 1
season: 1
episode_type: trailer
team: Ada Moreau
guests: [Noor Haddad]
duration: "1:02:03"
mp3_length: "56,249,169"
audio: https://cdn.example/one.mp3
image: images/ep.jpg
transcript: t/one.vtt
chapters:
  - { start: "0:00", title: Start }
  - { start: "10:00", title: Middle }
soundbites:
  - { start: "12:30", duration: 45, title: The best bit }
---
Notes with <b>markup</b> & an ampersand.
"#,
    )
    .write(
        "2024-02-01-zero.md",
        b"---\ntitle: Episode zero\nepisode: 0\naudio: https://cdn.example/zero.mp3\n---\nA prequel.\n",
    )
    .write("2024-03-01-news.md", b"---\ntitle: News of the show\n---\nNot an episode.\n");
    dir
}

#[test]
fn can_write_a_feed_that_follows_every_rule_of_its_tags() {
    let dir = rich_archive();
    let xml = feed_of(&dir.0, "rich-out");
    assert_eq!(check(&xml), Vec::<String>::new(), "{xml}");
    // A size written for people's eyes, in thousands, is still bytes.
    assert!(xml.contains(r#"length="56249169""#));
    // Every tag with a rule was written, so every rule above was applied.
    let written: std::collections::BTreeSet<String> = {
        fn names(n: &Node, out: &mut std::collections::BTreeSet<String>) {
            out.insert(n.name.clone());
            n.children.iter().for_each(|c| names(c, out));
        }
        let mut out = Default::default();
        names(&parse(&xml), &mut out);
        out
    };
    for rule in RULES {
        assert!(written.contains(rule.tag), "<{}> not written", rule.tag);
    }
}

#[test]
fn can_write_the_demo_feed_by_the_rules_but_its_vector_artwork() {
    let xml = feed_of(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        "demo-out",
    );
    // The demo's artwork is SVG, which the build warns about (see
    // `feed::artwork_problem`): Apple takes only JPEG and PNG.
    let left: Vec<String> = check(&xml)
        .into_iter()
        .filter(|p| !p.contains(".svg"))
        .collect();
    assert_eq!(left, Vec::<String>::new());
}

#[test]
fn errors_if_a_feed_breaks_a_rule() {
    let base = r#"<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title><link>https://s.example/</link><description>D</description><language>en</language><itunes:image href="https://s.example/a.png"/><itunes:category text="Technology"/><itunes:explicit>false</itunes:explicit><podcast:guid>a637d218-2c12-5a2d-b4a9-0105442c448b</podcast:guid>EXTRA</channel></rss>"#;
    assert_eq!(check(&base.replace("EXTRA", "")), Vec::<String>::new());
    for (extra, says) in [
        ("<podcast:locked>maybe</podcast:locked>", "not one of"),
        ("<podcast:locked>no</podcast:locked><podcast:locked>no</podcast:locked>", "at most one"),
        ("<podcast:funding>Give</podcast:funding>", "`url` is required"),
        ("<podcast:funding url=\"javascript:x\">Give</podcast:funding>", "absolute web address"),
        ("<podcast:soundbite startTime=\"5\" duration=\"0\"/>", "not allowed in <channel>"),
        ("<podcast:value type=\"lightning\"/>", "no rule"),
        ("<itunes:type>weekly</itunes:type>", "not one of"),
        ("<itunes:owner><itunes:name>A</itunes:name></itunes:owner>", "without itunes:email"),
        ("<item><title>A</title><guid>g</guid><pubDate>yesterday</pubDate><enclosure url=\"https://c.example/a.mp3\" length=\"1,000\" type=\"audio/mpeg\"/><itunes:episode>0</itunes:episode><podcast:person role=\"boss\">A</podcast:person></item>", "RFC 2822"),
        ("<item><title>A</title><guid>g</guid><pubDate>Tue, 30 Jun 2026 12:00:00 +0000</pubDate><enclosure url=\"https://c.example/a.mp3\" length=\"1,000\" type=\"audio/mpeg\"/></item>", "number of bytes"),
        ("<item><title>A</title><guid>g</guid><pubDate>Tue, 30 Jun 2026 12:00:00 +0000</pubDate><enclosure url=\"https://c.example/a.mp3\" length=\"1\" type=\"audio/mpeg\"/><itunes:episode>0</itunes:episode></item>", "above zero"),
        ("<item><title>A</title><guid>g</guid><pubDate>Tue, 30 Jun 2026 12:00:00 +0000</pubDate><enclosure url=\"https://c.example/a.mp3\" length=\"1\" type=\"audio/mpeg\"/><podcast:person role=\"boss\">A</podcast:person></item>", "not one of"),
        ("<item><title>A</title><pubDate>Tue, 30 Jun 2026 12:00:00 +0000</pubDate></item>", "<enclosure> is required"),
    ] {
        let found = check(&base.replace("EXTRA", extra));
        assert!(found.iter().any(|p| p.contains(says)), "{extra}: want {says:?}, got {found:?}");
    }
    let wrong_guid = base.replace(
        "a637d218-2c12-5a2d-b4a9-0105442c448b",
        "a637d218-2c12-4a2d-b4a9-0105442c448b",
    );
    assert!(check(&wrong_guid.replace("EXTRA", ""))[0].contains("UUIDv5"));
}

/// CI only: the feeds of real archives, named (space-separated paths) in
/// `FEED_RULES_FEEDS`; `.ci/run` builds them from `../shared/corpus`. A
/// show's artwork is the podcaster's to fix, so its problems are left to
/// the build's warnings.
#[test]
fn can_check_the_feeds_named_in_feed_rules_feeds() {
    let Ok(paths) = std::env::var("FEED_RULES_FEEDS") else {
        return;
    };
    assert!(!paths.trim().is_empty(), "FEED_RULES_FEEDS names no feed");
    let mut found = Vec::new();
    for path in paths.split_whitespace() {
        let xml = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        found.extend(
            check(&xml)
                .into_iter()
                .filter(|p| {
                    !p.contains("artwork must be JPEG or PNG")
                        && !p.contains("<itunes:image> is required")
                })
                .map(|p| format!("{path}: {p}")),
        );
    }
    assert_eq!(found, Vec::<String>::new());
}
