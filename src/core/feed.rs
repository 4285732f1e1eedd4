//! The podcast's RSS 2.0 feed, with the `itunes` and Podcasting 2.0
//! `podcast` namespaces: what Apple Podcasts, Spotify and every app read.
//!
//! Written by hand rather than with a feed crate: the document is small and
//! fixed, the notes go in CDATA (which feed writers escape instead), and the
//! tests parse it back with a real feed parser.

use super::catalog::{Catalog, EpisodeSummary, Site, FEED_FILE};
use super::html::{escape, is_xml_char};
use super::url::absolute;
use super::url::audio_type;

#[cfg(test)]
use std::collections::BTreeMap;

/// The Podcasting 2.0 namespace's own UUID, under which a feed's guid is
/// made ([`podcast:guid`](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/guid.md)).
const GUID_NAMESPACE: uuid::Uuid = uuid::uuid!("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

/// A feed's `podcast:guid`: the UUIDv5, under the namespace's UUID, of the
/// feed's address without its scheme and trailing slashes
/// (`https://mp3s.nashownotes.com/pc20rss.xml` →
/// `917393e3-1b1e-5cef-ace4-edaa54e1f810`).
pub fn podcast_guid(feed_url: &str) -> String {
    let bare = feed_url
        .split_once("://")
        .map_or(feed_url, |(_, rest)| rest);
    uuid::Uuid::new_v5(&GUID_NAMESPACE, bare.trim_end_matches('/').as_bytes()).to_string()
}

/// Wraps HTML in CDATA; a `]]>` inside is split across two sections.
fn cdata(html: &str) -> String {
    let clean: String = html.chars().filter(|&c| is_xml_char(c)).collect();
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

/// An episode's published notes as the feed carries them: every relative
/// URL made absolute, as the episode's page reads it. The site's notes are
/// relative to the site's address (the page's `<base>`), and a `#fragment`
/// to the page itself; podcast apps show the notes with neither, so a
/// relative link or image there leads nowhere. `base` is the site's
/// address, `page` the episode page's. Run through the notes' own
/// sanitizer, which rewrites every URL attribute it allows; the notes are
/// its output already, so nothing else changes.
pub fn absolute_notes(html: &str, base: &str, page: &str) -> String {
    let base = ammonia::Url::parse(&super::url::as_folder(base)).ok();
    super::sanitize::sanitize(html, &|relative| {
        if relative.starts_with('#') {
            return format!("{page}{relative}");
        }
        base.as_ref()
            .and_then(|b| b.join(relative).ok())
            .map_or_else(|| relative.to_string(), String::from)
    })
}

/// The most of an episode's `description` Apple Podcasts takes
/// ([its tags](https://podcasters.apple.com/support/823-podcast-requirements)):
/// longer notes are in `content:encoded`, the description then their excerpt.
const APPLE_DESCRIPTION_BYTES: usize = 4000;

/// The address of episode `slug`'s page on the site at `base`: its item's
/// `link`, and its notes' fragments' page (see [`absolute_notes`]).
pub fn episode_address(base: &str, slug: &str) -> String {
    let route = super::route::Route::Episode {
        slug: slug.to_string(),
    };
    absolute(base, &route.path())
}

/// The feed of `catalog` at `base` (the site's public address). `notes`
/// gives each episode's notes as the feed carries them: see
/// [`absolute_notes`]. News posts are not items.
pub fn render(catalog: &Catalog, base: &str, notes: &dyn Fn(&str) -> Option<String>) -> String {
    let site = &catalog.site;
    let link = format!("{}/", base.trim_end_matches('/'));
    let mut x = String::with_capacity(4096 + catalog.episodes.len() * 2048);
    x.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    x.push_str("\n<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n");
    let tag = |x: &mut String, name: &str, value: &str| {
        x.push_str(&format!("<{name}>{}</{name}>\n", escape(value)))
    };
    tag(&mut x, "title", &site.title);
    tag(&mut x, "link", &link);
    tag(&mut x, "description", &site.description);
    tag(&mut x, "language", &site.language);
    x.push_str(&format!(
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&absolute(base, FEED_FILE))
    ));
    if !site.author.is_empty() {
        tag(&mut x, "itunes:author", &site.author);
    }
    if let Some(art) = &site.artwork {
        x.push_str(&format!(
            "<itunes:image href=\"{}\"/>\n",
            escape(&absolute(base, art))
        ));
    }
    category(&mut x, site.category.as_deref());
    let explicit = site.feed.explicit.is_some_and(super::show::Flag::is_set);
    tag(
        &mut x,
        "itunes:explicit",
        if explicit { "true" } else { "false" },
    );
    channel_extras(&mut x, catalog, base);
    for e in catalog.episodes.iter().filter(|e| !e.is_news()) {
        item(
            &mut x,
            e,
            base,
            &catalog.site,
            notes(&e.slug).unwrap_or_default(),
        );
    }
    x.push_str("</channel>\n</rss>\n");
    x
}

/// Apple Podcasts' categories and their subcategories
/// ([Apple's list](https://podcasters.apple.com/support/1691-apple-podcasts-categories)):
/// the only values `itunes:category` takes.
const APPLE_CATEGORIES: &[(&str, &[&str])] = &[
    (
        "Arts",
        &[
            "Books",
            "Design",
            "Fashion & Beauty",
            "Food",
            "Performing Arts",
            "Visual Arts",
        ],
    ),
    (
        "Business",
        &[
            "Careers",
            "Entrepreneurship",
            "Investing",
            "Management",
            "Marketing",
            "Non-Profit",
        ],
    ),
    ("Comedy", &["Comedy Interviews", "Improv", "Stand-Up"]),
    (
        "Education",
        &["Courses", "How To", "Language Learning", "Self-Improvement"],
    ),
    ("Fiction", &["Comedy Fiction", "Drama", "Science Fiction"]),
    ("Government", &[]),
    ("History", &[]),
    (
        "Health & Fitness",
        &[
            "Alternative Health",
            "Fitness",
            "Medicine",
            "Mental Health",
            "Nutrition",
            "Sexuality",
        ],
    ),
    (
        "Kids & Family",
        &[
            "Education for Kids",
            "Parenting",
            "Pets & Animals",
            "Stories for Kids",
        ],
    ),
    (
        "Leisure",
        &[
            "Animation & Manga",
            "Automotive",
            "Aviation",
            "Crafts",
            "Games",
            "Hobbies",
            "Home & Garden",
            "Video Games",
        ],
    ),
    (
        "Music",
        &["Music Commentary", "Music History", "Music Interviews"],
    ),
    (
        "News",
        &[
            "Business News",
            "Daily News",
            "Entertainment News",
            "News Commentary",
            "Politics",
            "Sports News",
            "Tech News",
        ],
    ),
    (
        "Religion & Spirituality",
        &[
            "Buddhism",
            "Christianity",
            "Hinduism",
            "Islam",
            "Judaism",
            "Religion",
            "Spirituality",
        ],
    ),
    (
        "Science",
        &[
            "Astronomy",
            "Chemistry",
            "Earth Sciences",
            "Life Sciences",
            "Mathematics",
            "Natural Sciences",
            "Nature",
            "Physics",
            "Social Sciences",
        ],
    ),
    (
        "Society & Culture",
        &[
            "Documentary",
            "Personal Journals",
            "Philosophy",
            "Places & Travel",
            "Relationships",
        ],
    ),
    (
        "Sports",
        &[
            "Baseball",
            "Basketball",
            "Cricket",
            "Fantasy Sports",
            "Football",
            "Golf",
            "Hockey",
            "Rugby",
            "Running",
            "Soccer",
            "Swimming",
            "Tennis",
            "Volleyball",
            "Wilderness",
            "Wrestling",
        ],
    ),
    ("Technology", &[]),
    ("True Crime", &[]),
    (
        "TV & Film",
        &[
            "After Shows",
            "Film History",
            "Film Interviews",
            "Film Reviews",
            "TV Reviews",
        ],
    ),
];

/// The Apple category and subcategory a `category` setting names, in
/// Apple's spelling: `Technology`, `News > Tech News` (also with `/` or
/// `:`), or a subcategory alone (`Tech News`), in any case. `None` when
/// it names none of them.
pub fn apple_category(setting: &str) -> Option<(&'static str, Option<&'static str>)> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b);
    let (parent, sub) = match setting.split_once(['>', '/', ':']) {
        Some((parent, sub)) => (parent, Some(sub)),
        None => (setting, None),
    };
    APPLE_CATEGORIES.iter().find_map(|&(name, subs)| match sub {
        Some(sub) if same(parent, name) => {
            subs.iter().find(|s| same(sub, s)).map(|s| (name, Some(*s)))
        }
        Some(_) => None,
        None if same(parent, name) => Some((name, None)),
        None => subs
            .iter()
            .find(|s| same(parent, s))
            .map(|s| (name, Some(*s))),
    })
}

/// The category alone of a setting whose subcategory is not Apple's
/// (`Technology > Software How-To`, from Apple's older list).
fn apple_parent(setting: &str) -> Option<(&'static str, Option<&'static str>)> {
    let (parent, _) = setting.split_once(['>', '/', ':'])?;
    apple_category(parent).filter(|(_, sub)| sub.is_none())
}

/// `itunes:category`, a subcategory nested in its category. A setting
/// that is none of Apple's is written as it is (see [`directory_problems`]);
/// none at all writes none rather than a guess.
fn category(x: &mut String, setting: Option<&str>) {
    let Some(setting) = setting.map(str::trim).filter(|s| !s.is_empty()) else {
        return;
    };
    match apple_category(setting).or_else(|| apple_parent(setting)) {
        Some((name, Some(sub))) => x.push_str(&format!(
            "<itunes:category text=\"{}\"><itunes:category text=\"{}\"/></itunes:category>\n",
            escape(name),
            escape(sub)
        )),
        Some((name, None)) => {
            x.push_str(&format!("<itunes:category text=\"{}\"/>\n", escape(name)))
        }
        None => x.push_str(&format!(
            "<itunes:category text=\"{}\"/>\n",
            escape(setting)
        )),
    }
}

/// What podcast directories would refuse or misfile in the show's
/// settings, beyond its artwork ([`artwork_problem`]): no category or one
/// that is not Apple's, no owner's email (Apple and Spotify send a show's
/// ownership checks there), and no description.
pub fn directory_problems(site: &Site) -> Vec<String> {
    let mut problems = Vec::new();
    match site.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => problems.push("no `category`: Apple Podcasts lists a show under one of its categories (such as `Technology` or `News > Tech News`); the feed names none".to_string()),
        Some(c) if apple_category(c).is_none() => problems.push(match apple_parent(c) {
            Some((parent, _)) => format!("category `{c}`: the subcategory is not one of Apple Podcasts' for {parent}; the feed names {parent} alone"),
            None => format!("category `{c}` is none of Apple Podcasts' categories (such as `Technology` or `News > Tech News`); the feed names it anyway"),
        }),
        Some(_) => {}
    }
    let email = site
        .feed
        .owner
        .as_ref()
        .map(|o| o.email.trim())
        .unwrap_or("");
    if email.is_empty() {
        problems.push("no `owner: {name, email}`: Apple Podcasts and Spotify confirm who owns a show by the feed's owner email".into());
    }
    if site.description.trim().is_empty() {
        problems.push("no `description`: Apple Podcasts requires the show's description".into());
    }
    problems
}

/// The show's type, guid, lock, owner and funding.
fn channel_extras(x: &mut String, catalog: &Catalog, base: &str) {
    let settings = &catalog.site.feed;
    let serial = settings
        .show_type
        .as_deref()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("serial"));
    let kind = if serial { "serial" } else { "episodic" };
    x.push_str(&format!("<itunes:type>{kind}</itunes:type>\n"));
    let guid = match &settings.guid {
        Some(guid) => guid.trim().to_string(),
        None => podcast_guid(&absolute(base, FEED_FILE)),
    };
    x.push_str(&format!("<podcast:guid>{}</podcast:guid>\n", escape(&guid)));
    let owner = settings.owner.as_ref();
    let email = owner.map(|o| o.email.trim()).filter(|e| !e.is_empty());
    let locked = settings.locked.is_some_and(super::show::Flag::is_set);
    x.push_str(&format!(
        "<podcast:locked{}>{}</podcast:locked>\n",
        email.map_or(String::new(), |e| format!(" owner=\"{}\"", escape(e))),
        if locked { "yes" } else { "no" }
    ));
    if let Some(o) = owner {
        x.push_str("<itunes:owner>");
        if !o.name.trim().is_empty() {
            x.push_str(&format!(
                "<itunes:name>{}</itunes:name>",
                escape(o.name.trim())
            ));
        }
        if let Some(e) = email {
            x.push_str(&format!("<itunes:email>{}</itunes:email>", escape(e)));
        }
        x.push_str("</itunes:owner>\n");
    }
    // The indexer resolved them (`ShowLinks::resolved`): the site shows
    // the same addresses.
    for (label, url) in &catalog.site.links.funding {
        x.push_str(&format!(
            "<podcast:funding url=\"{}\">{}</podcast:funding>\n",
            escape(&absolute(base, url)),
            escape(label)
        ));
    }
}

fn item(x: &mut String, e: &EpisodeSummary, base: &str, site: &Site, notes: String) {
    let (language, site_people) = (&site.language, &site.feed.people);
    let page = episode_address(base, &e.slug);
    x.push_str("<item>\n");
    x.push_str(&format!(
        "<title>{}</title>\n<itunes:title>{}</itunes:title>\n",
        escape(&e.title),
        escape(&e.title)
    ));
    x.push_str(&format!("<link>{}</link>\n", escape(&page)));
    // An episode's identity: the author's own guid, kept exactly, else the
    // page's canonical address, which never changes when the audio host,
    // the notes or the title do.
    match &e.guid {
        Some(guid) => x.push_str(&format!(
            "<guid isPermaLink=\"false\">{}</guid>\n",
            escape(guid)
        )),
        None => x.push_str(&format!(
            "<guid isPermaLink=\"true\">{}</guid>\n",
            escape(&page)
        )),
    }
    x.push_str(&format!("<pubDate>{}</pubDate>\n", e.published().rfc2822()));
    if let Some(audio) = &e.audio {
        let url = absolute(base, audio);
        // Length is required by RSS 2.0; 0 is the accepted "unknown".
        x.push_str(&format!(
            "<enclosure url=\"{}\" length=\"{}\" type=\"{}\"/>\n",
            escape(&url),
            e.size.unwrap_or(0),
            audio_type(&url)
        ));
    }
    if let Some(d) = e.duration {
        x.push_str(&format!("<itunes:duration>{d}</itunes:duration>\n"));
    }
    // Apple wants a positive number; `#0` and `#-1` go without.
    if let Some(n) = e.number.filter(|n| *n > 0) {
        x.push_str(&format!("<itunes:episode>{n}</itunes:episode>\n"));
    }
    if let Some(season) = e.season.filter(|s| *s > 0) {
        x.push_str(&format!("<itunes:season>{season}</itunes:season>\n"));
        x.push_str(&format!("<podcast:season>{season}</podcast:season>\n"));
    }
    if let Some(n) = e.number.filter(|n| *n > 0) {
        x.push_str(&format!("<podcast:episode>{n}</podcast:episode>\n"));
    }
    x.push_str(&format!(
        "<itunes:episodeType>{}</itunes:episodeType>\n",
        e.episode_type.as_deref().unwrap_or("full")
    ));
    if let Some(explicit) = e.explicit {
        x.push_str(&format!("<itunes:explicit>{explicit}</itunes:explicit>\n"));
    }
    if let Some(image) = &e.image {
        x.push_str(&format!(
            "<itunes:image href=\"{}\"/>\n",
            escape(&absolute(base, image))
        ));
    }
    if let Some(url) = e.chapters_file() {
        x.push_str(&format!(
            "<podcast:chapters url=\"{}\" type=\"application/json+chapters\"/>\n",
            escape(&absolute(base, &url))
        ));
    }
    transcripts(x, e, base, language);
    for b in &e.soundbites {
        x.push_str(&format!(
            "<podcast:soundbite startTime=\"{}\" duration=\"{}\">{}</podcast:soundbite>\n",
            b.start,
            b.duration,
            escape(b.title.as_deref().unwrap_or(""))
        ));
    }
    for (people, role) in [(&e.team, "host"), (&e.guests, "guest")] {
        for p in people {
            let links = site_people.get(p);
            let mut attrs = format!(" role=\"{role}\"");
            for (name, url) in [
                ("href", links.and_then(|l| l.href.as_deref())),
                ("img", links.and_then(|l| l.img.as_deref())),
            ] {
                if let Some(url) = url {
                    attrs.push_str(&format!(
                        " {name}=\"{}\"",
                        escape(&absolute(base, url.trim()))
                    ));
                }
            }
            x.push_str(&format!(
                "<podcast:person{attrs}>{}</podcast:person>\n",
                escape(p)
            ));
        }
    }
    // Apple reads `description`, of 4000 bytes at most; apps that show
    // whole notes read `content:encoded`.
    let description = if notes.len() <= APPLE_DESCRIPTION_BYTES {
        notes.clone()
    } else {
        format!("<p>{}</p>", escape(&e.excerpt))
    };
    x.push_str(&format!(
        "<description>{}</description>\n",
        cdata(&description)
    ));
    if !notes.trim().is_empty() {
        x.push_str(&format!(
            "<content:encoded>{}</content:encoded>\n",
            cdata(&notes)
        ));
    }
    x.push_str("</item>\n");
}

/// Every transcript the episode names ([`podcast:transcript`]): the front
/// matter's, and the Podcasting 2.0 JSON the indexer published from a
/// local one. A link of a type that neither its attributes nor its file
/// name tell is left out: the tag requires one.
///
/// [`podcast:transcript`]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md
fn transcripts(x: &mut String, e: &EpisodeSummary, base: &str, language: &str) {
    let tags = e.transcripts.iter().filter_map(|t| {
        // The author's type as written; else the one its file name tells.
        let mime = match t.mime.as_deref() {
            Some(m) => m,
            None => t.kind()?.mime(),
        };
        Some((
            absolute(base, &t.url),
            mime,
            t.language.as_deref().unwrap_or(language),
            t.rel.as_deref(),
        ))
    });
    for (url, mime, language, rel) in tags {
        x.push_str(&format!(
            "<podcast:transcript url=\"{}\" type=\"{}\" language=\"{}\"{}/>\n",
            escape(&url),
            escape(mime),
            escape(language),
            rel.map(|r| format!(" rel=\"{}\"", escape(r)))
                .unwrap_or_default()
        ));
    }
}

/// What Apple Podcasts would refuse in the show's artwork, the feed's
/// `itunes:image`: none at all, a format other than JPEG or PNG, or a size
/// outside 1400 to 3000 pixels square
/// ([Apple's artwork requirements](https://podcasters.apple.com/support/896-artwork-requirements)).
/// `address` is the artwork's, `size` its width and height in pixels when
/// the build could read them (a file of the content folder).
pub fn artwork_problem(address: Option<&str>, size: Option<(u32, u32)>) -> Option<String> {
    let Some(address) = address else {
        return Some("no `artwork`: Apple Podcasts and most directories list a show only with its artwork (itunes:image)".into());
    };
    let path = address
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // An address without an extension (an image service's) may be either.
    let extension = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'));
    if extension.is_some_and(|(_, x)| !matches!(x, "jpg" | "jpeg" | "png")) {
        return Some(format!("artwork {address}: Apple Podcasts takes JPEG or PNG artwork only; the feed names it anyway"));
    }
    match size {
        Some((w, h)) if w != h || !(1400..=3000).contains(&w) => Some(format!(
            "artwork {address} is {w}×{h} pixels: Apple Podcasts wants a square of 1400 to 3000 pixels"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::Site;
    use crate::core::chapters::Chapter;
    use crate::core::date::Date;

    #[test]
    fn errors_if_the_artwork_is_not_what_apple_takes() {
        assert_eq!(
            artwork_problem(Some("content/art.png"), Some((3000, 3000))),
            None
        );
        assert_eq!(
            artwork_problem(Some("https://cdn.example/a.JPG?v=2"), None),
            None
        );
        assert_eq!(
            artwork_problem(Some("https://images.example/show/art"), None),
            None
        );
        for (address, size, says) in [
            (None, None, "no `artwork`"),
            (Some("content/art.svg"), None, "JPEG or PNG"),
            (Some("https://cdn.example/a.webp"), None, "JPEG or PNG"),
            (Some("content/art.png"), Some((1000, 1000)), "1000×1000"),
            (Some("content/art.jpg"), Some((1400, 1500)), "square"),
        ] {
            let found = artwork_problem(address, size).unwrap();
            assert!(found.contains(says), "{address:?}: {found}");
        }
    }

    fn catalog() -> Catalog {
        let ep = |slug: &str, number: Option<i32>| EpisodeSummary {
            slug: slug.into(),
            title: format!("{slug} & <friends> 🎙"),
            number,
            date: Date::new(2015, 9, 28).unwrap(),
            excerpt: String::new(),
            author: None,
            team: vec!["Ada".into()],
            guests: vec!["Noor".into()],
            audio: number.map(|n| format!("content/audio/ep-{n}.mp3")),
            size: Some(1234),
            duration: Some(3723),
            youtube: None,
            chapters: vec![],
            chapters_url: Some("content/chapters/a.json".into()),
            ..EpisodeSummary::default()
        };
        // Episode one has its chapters in front matter, not in a file.
        let mut one = ep("one", Some(1));
        one.chapters = vec![Chapter(0, "Intro".into()), Chapter(60, "News".into())];
        one.chapters_url = None;
        Catalog {
            site: Site {
                title: "Tabs & Spaces".into(),
                description: "A <podcast>".into(),
                author: "Ada".into(),
                artwork: Some("content/artwork.svg".into()),
                url: Some("https://show.example/sub/".into()),
                ..Site::default()
            },
            episodes: vec![ep("two", Some(2)), ep("news", None), one],
            parts: vec![],
            total: 3,
            filters: Default::default(),
        }
    }

    fn feed() -> String {
        render(&catalog(), "https://show.example/sub/", &|slug| {
            Some(format!(
                "<p title=\"]]>\">Notes of {slug}: Q&amp;A, a &lt; b and emoji 🎧</p>"
            ))
        })
    }

    #[test]
    fn can_make_the_podcast_guid_of_a_feed_address() {
        // The namespace document's example, checked with Python's uuid5.
        for url in [
            "https://mp3s.nashownotes.com/pc20rss.xml",
            "http://mp3s.nashownotes.com/pc20rss.xml",
            "https://mp3s.nashownotes.com/pc20rss.xml//",
            "mp3s.nashownotes.com/pc20rss.xml",
        ] {
            assert_eq!(
                podcast_guid(url),
                "917393e3-1b1e-5cef-ace4-edaa54e1f810",
                "{url}"
            );
        }
        assert_eq!(
            podcast_guid("https://podnews.net/rss"),
            "9b024349-ccf0-5f69-a609-6b82873eab3c"
        );
    }

    /// The namespace's tags of `name` on the channel (or an item), as a
    /// feed parser reads them: `(value, attributes)`.
    fn podcast_tags<'a>(
        ext: &'a rss::extension::ExtensionMap,
        name: &str,
    ) -> Vec<(&'a str, BTreeMap<&'a str, &'a str>)> {
        ext.get("podcast")
            .and_then(|p| p.get(name))
            .map(|tags| {
                tags.iter()
                    .map(|t| {
                        let attrs = t.attrs().iter().map(|(k, v)| (k.as_str(), v.as_str()));
                        (t.value().unwrap_or(""), attrs.collect())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn can_write_the_shows_guid_type_lock_owner_funding_and_people() {
        let settings: Site = serde_yaml_ng::from_str(
            "title: T\ntype: Serial\nlocked: yes\nowner: { name: Ada Moreau, email: ada@show.example }\n\
             funding: [{ url: support/, label: Help us }, { url: \"https://tips.example/t\" }]\n\
             people: { Ada: { href: \"https://ada.example\", img: content/ada.png } }\n",
        )
        .unwrap();
        let mut c = catalog();
        c.site.feed = settings.feed;
        c.site.links = settings
            .links
            .resolved("Support the show", Some("https://show.example/sub/"))
            .0;
        c.episodes[0].season = Some(3);
        c.episodes[0].soundbites = vec![crate::core::fields::Soundbite {
            start: 73.5,
            duration: 60.0,
            title: Some("Why <ads> pay".into()),
        }];
        let xml = render(&c, "https://show.example/sub/", &|_| None);
        let channel =
            rss::Channel::read_from(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        let ext = channel.extensions();
        let guid = podcast_guid("https://show.example/sub/feed.xml");
        assert_eq!(
            podcast_tags(ext, "guid"),
            [(guid.as_str(), BTreeMap::new())]
        );
        assert_eq!(
            podcast_tags(ext, "locked"),
            [("yes", BTreeMap::from([("owner", "ada@show.example")]))]
        );
        assert_eq!(
            podcast_tags(ext, "funding"),
            [
                (
                    "Help us",
                    BTreeMap::from([("url", "https://show.example/sub/support/")])
                ),
                (
                    "Support the show",
                    BTreeMap::from([("url", "https://tips.example/t")])
                ),
            ]
        );
        let itunes = channel.itunes_ext().unwrap();
        assert_eq!(itunes.r#type(), Some("serial"));
        let owner = itunes.owner().unwrap();
        assert_eq!(owner.name(), Some("Ada Moreau"));
        assert_eq!(owner.email(), Some("ada@show.example"));
        let two = &channel.items()[0];
        let item = two.extensions();
        assert_eq!(podcast_tags(item, "season"), [("3", BTreeMap::new())]);
        assert_eq!(podcast_tags(item, "episode"), [("2", BTreeMap::new())]);
        assert_eq!(
            podcast_tags(item, "soundbite"),
            [(
                "Why <ads> pay",
                BTreeMap::from([("startTime", "73.5"), ("duration", "60")])
            )]
        );
        assert_eq!(
            podcast_tags(item, "person"),
            [
                (
                    "Ada",
                    BTreeMap::from([
                        ("role", "host"),
                        ("href", "https://ada.example"),
                        ("img", "https://show.example/sub/content/ada.png"),
                    ])
                ),
                ("Noor", BTreeMap::from([("role", "guest")])),
            ]
        );
    }

    #[test]
    fn can_write_an_unlocked_episodic_show_by_default() {
        let xml = feed();
        let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
        let ext = channel.extensions();
        assert_eq!(podcast_tags(ext, "locked"), [("no", BTreeMap::new())]);
        assert!(podcast_tags(ext, "funding").is_empty());
        assert_eq!(channel.itunes_ext().unwrap().r#type(), Some("episodic"));
        assert!(channel.itunes_ext().unwrap().owner().is_none());
        assert_eq!(channel.itunes_ext().unwrap().explicit(), Some("false"));
        let explicit: Site = serde_yaml_ng::from_str("title: T\nexplicit: yes\n").unwrap();
        let c = Catalog {
            site: explicit,
            ..catalog()
        };
        let xml = render(&c, "https://show.example/", &|_| None);
        let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
        assert_eq!(channel.itunes_ext().unwrap().explicit(), Some("true"));
        // A show that moved keeps the guid it had.
        let mut c = catalog();
        c.site.feed.guid = Some("9b024349-ccf0-5f69-a609-6b82873eab3c".into());
        let xml = render(&c, "https://elsewhere.example/", &|_| None);
        let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
        assert_eq!(
            podcast_tags(channel.extensions(), "guid"),
            [("9b024349-ccf0-5f69-a609-6b82873eab3c", BTreeMap::new())]
        );
    }

    #[test]
    fn errors_if_locked_is_not_yes_or_no() {
        let bad: Result<Site, _> = serde_yaml_ng::from_str("title: T\nlocked: maybe\n");
        assert!(bad.is_err());
    }

    #[test]
    fn can_be_read_by_a_feed_parser() {
        let xml = feed();
        let channel =
            rss::Channel::read_from(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        assert_eq!(channel.title(), "Tabs & Spaces");
        assert_eq!(channel.description(), "A <podcast>");
        assert_eq!(channel.link(), "https://show.example/sub/");
        let itunes = channel.itunes_ext().unwrap();
        assert_eq!(
            itunes.image(),
            Some("https://show.example/sub/content/artwork.svg")
        );
        assert_eq!(itunes.author(), Some("Ada"));
        // News posts are not items.
        let items = channel.items();
        assert_eq!(items.len(), 2);
        let one = &items[1];
        assert_eq!(one.title(), Some("one & <friends> 🎙"));
        assert_eq!(
            one.guid().unwrap().value(),
            "https://show.example/sub/episodes/one/"
        );
        assert!(one.guid().unwrap().is_permalink());
        assert_eq!(one.pub_date(), Some("Mon, 28 Sep 2015 12:00:00 +0000"));
        let enclosure = one.enclosure().unwrap();
        assert_eq!(
            enclosure.url(),
            "https://show.example/sub/content/audio/ep-1.mp3"
        );
        assert_eq!(enclosure.length(), "1234");
        assert_eq!(enclosure.mime_type(), "audio/mpeg");
        let ext = one.itunes_ext().unwrap();
        assert_eq!(ext.duration(), Some("3723"));
        assert_eq!(ext.episode(), Some("1"));
        // The notes survive CDATA, `]]>` included.
        assert_eq!(
            one.description(),
            Some("<p title=\"]]>\">Notes of one: Q&amp;A, a &lt; b and emoji 🎧</p>")
        );
        assert_eq!(cdata("x]]>y"), "<![CDATA[x]]]]><![CDATA[>y]]>");
        let podcast = &one.extensions()["podcast"];
        assert_eq!(podcast["person"].len(), 2);
        // Inline chapters: the file the indexer writes for them.
        assert_eq!(
            podcast["chapters"][0].attrs()["url"],
            "https://show.example/sub/chapters/one.json"
        );
        assert_eq!(
            podcast["chapters"][0].attrs()["type"],
            "application/json+chapters"
        );
        // A chapters file of the episode's own.
        assert_eq!(
            items[0].extensions()["podcast"]["chapters"][0].attrs()["url"],
            "https://show.example/sub/content/chapters/a.json"
        );
    }

    #[test]
    fn can_make_every_address_in_the_notes_absolute() {
        let base = "https://show.example/sub";
        let page = "https://show.example/sub/episodes/one/";
        for (notes, feed) in [
            (
                r#"<a href="episodes/two/?t=6">0:06</a>"#,
                r#"<a href="https://show.example/sub/episodes/two/?t=6" rel="noopener noreferrer">0:06</a>"#,
            ),
            (
                r#"<img src="content/images/map.png" alt="Map">"#,
                r#"<img src="https://show.example/sub/content/images/map.png" alt="Map">"#,
            ),
            (
                r##"<a href="#links">#</a>"##,
                r##"<a href="https://show.example/sub/episodes/one/#links" rel="noopener noreferrer">#</a>"##,
            ),
            // Root-relative: the host's root, as on the site's own page.
            (
                r#"<a href="/about/">About</a>"#,
                r#"<a href="https://show.example/about/" rel="noopener noreferrer">About</a>"#,
            ),
            (
                r#"<a href="../up">Up</a>"#,
                r#"<a href="https://show.example/up" rel="noopener noreferrer">Up</a>"#,
            ),
            (
                r#"<a href="https://else.example/x" rel="noopener noreferrer">x</a>"#,
                r#"<a href="https://else.example/x" rel="noopener noreferrer">x</a>"#,
            ),
            (
                r#"<a href="mailto:a@show.example" rel="noopener noreferrer">mail</a>"#,
                r#"<a href="mailto:a@show.example" rel="noopener noreferrer">mail</a>"#,
            ),
            (
                r#"<a href="tel:+4612345" rel="noopener noreferrer">call</a>"#,
                r#"<a href="tel:+4612345" rel="noopener noreferrer">call</a>"#,
            ),
            (
                r#"<img src="//cdn.example/a.png" alt="">"#,
                r#"<img src="https://cdn.example/a.png" alt="">"#,
            ),
        ] {
            assert_eq!(absolute_notes(notes, base, page), feed, "{notes}");
        }
    }

    #[test]
    fn can_name_apples_categories_as_settings_write_them() {
        for (setting, want) in [
            ("Technology", Some(("Technology", None))),
            ("news > tech news", Some(("News", Some("Tech News")))),
            (
                "Society & Culture/Documentary",
                Some(("Society & Culture", Some("Documentary"))),
            ),
            ("Tech News", Some(("News", Some("Tech News")))),
            ("Baking", None),
            ("Arts > Tech News", None),
        ] {
            assert_eq!(apple_category(setting), want, "{setting}");
        }
        let mut c = catalog();
        c.site.category = Some("News > Tech News".into());
        let xml = render(&c, "https://show.example/", &|_| None);
        assert!(xml.contains(r#"<itunes:category text="News"><itunes:category text="Tech News"/></itunes:category>"#), "{xml}");
        c.site.category = Some("Technology > Software How-To".into());
        let xml = render(&c, "https://show.example/", &|_| None);
        assert!(
            xml.contains("<itunes:category text=\"Technology\"/>"),
            "{xml}"
        );
        // No category: none is made up.
        c.site.category = None;
        assert!(!render(&c, "https://show.example/", &|_| None).contains("itunes:category"));
    }

    #[test]
    fn errors_if_a_directory_would_refuse_the_show() {
        let mut site = catalog().site;
        let said = |site: &Site| directory_problems(site).join("\n");
        for says in ["no `category`", "no `owner"] {
            assert!(said(&site).contains(says), "{says}: {}", said(&site));
        }
        site.category = Some("Baking".into());
        site.description = " ".into();
        assert!(
            said(&site).contains("category `Baking` is none of"),
            "{}",
            said(&site)
        );
        assert!(said(&site).contains("no `description`"), "{}", said(&site));
        site.category = Some("Arts > Food".into());
        site.description = "Bread.".into();
        site.feed.owner = Some(crate::core::show::Owner {
            name: "Ebba".into(),
            email: "e@x.example".into(),
        });
        assert_eq!(directory_problems(&site), Vec::<String>::new());
    }

    #[test]
    fn can_keep_the_description_to_what_apple_takes() {
        let mut c = catalog();
        c.episodes[0].excerpt = "A short excerpt & more.".into();
        let long = format!("<p>{}</p>", "word ".repeat(1000));
        let xml = render(&c, "https://show.example/", &|slug| {
            Some(if slug == "two" {
                long.clone()
            } else {
                "<p>Short.</p>".into()
            })
        });
        let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
        let (two, one) = (&channel.items()[0], &channel.items()[1]);
        assert_eq!(
            two.description(),
            Some("<p>A short excerpt &amp; more.</p>")
        );
        assert_eq!(two.content(), Some(long.as_str()));
        assert_eq!(
            (one.description(), one.content()),
            (Some("<p>Short.</p>"), Some("<p>Short.</p>"))
        );
    }

    #[test]
    fn can_list_an_episode_without_a_number() {
        let mut c = catalog();
        let mut trailer = c.episodes[0].clone();
        trailer.slug = "trailer".into();
        trailer.title = "Coming soon".into();
        trailer.number = None;
        trailer.episode_type = Some("trailer".into());
        c.episodes.push(trailer);
        let xml = render(&c, "https://show.example/", &|_| None);
        let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
        let titles: Vec<_> = channel.items().iter().filter_map(|i| i.title()).collect();
        // The news post (no number, no audio) is still not an item.
        assert_eq!(titles.len(), 3, "{titles:?}");
        let item = channel.items().last().unwrap();
        assert_eq!(item.title(), Some("Coming soon"));
        assert!(item.enclosure().is_some());
        let ext = item.itunes_ext().unwrap();
        assert_eq!(ext.episode(), None);
        assert_eq!(ext.episode_type(), Some("trailer"));
    }

    #[test]
    fn can_name_every_transcript() {
        use crate::core::transcript::TranscriptLink;
        let mut c = catalog();
        c.site.language = "fr".into();
        let one = c.episodes.iter_mut().find(|e| e.slug == "one").unwrap();
        one.transcripts = vec![
            TranscriptLink {
                url: "content/t/one.vtt".into(),
                ..TranscriptLink::default()
            },
            TranscriptLink {
                url: "https://cdn.example/one.srt".into(),
                mime: Some("application/x-subrip".into()),
                language: Some("en".into()),
                rel: Some("captions".into()),
            },
            // No type to tell: left out.
            TranscriptLink {
                url: "https://cdn.example/one".into(),
                ..TranscriptLink::default()
            },
            // What the indexer publishes from the local file.
            TranscriptLink {
                url: "transcripts/one.json".into(),
                mime: Some("application/json".into()),
                ..TranscriptLink::default()
            },
        ];
        let xml = render(&c, "https://show.example/sub/", &|_| None);
        let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
        let item = channel
            .items()
            .iter()
            .find(|i| i.title() == Some("one & <friends> 🎙"))
            .unwrap();
        let tags: Vec<Vec<(&str, &str)>> = item.extensions()["podcast"]["transcript"]
            .iter()
            .map(|t| {
                let mut a: Vec<(&str, &str)> = t
                    .attrs()
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                a.sort();
                a
            })
            .collect();
        assert_eq!(
            tags,
            [
                vec![
                    ("language", "fr"),
                    ("type", "text/vtt"),
                    ("url", "https://show.example/sub/content/t/one.vtt")
                ],
                vec![
                    ("language", "en"),
                    ("rel", "captions"),
                    ("type", "application/x-subrip"),
                    ("url", "https://cdn.example/one.srt")
                ],
                vec![
                    ("language", "fr"),
                    ("type", "application/json"),
                    ("url", "https://show.example/sub/transcripts/one.json")
                ],
            ]
        );
    }

    #[test]
    fn errors_if_control_characters_reach_the_xml() {
        let mut c = catalog();
        c.episodes[0].title = "bad\u{1}title\u{FFFF}".into();
        let xml = render(&c, "https://x.example", &|_| Some("a\u{0}b\u{FFFE}".into()));
        for c in ['\u{0}', '\u{1}', '\u{FFFE}', '\u{FFFF}'] {
            assert!(!xml.contains(c), "{c:?}");
        }
        assert!(rss::Channel::read_from(xml.as_bytes()).is_ok());
    }
}
