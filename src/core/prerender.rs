//! Static pages: the listing and every episode as plain HTML, for crawlers,
//! link previews and listeners without JavaScript.
//!
//! The pipeline, run by the indexer after Trunk has written the app's shell:
//! 1. [`Shell::parse`] splits the shell (`index.html` as Trunk wrote it) at
//!    its `<title>` and at the app's mount point;
//! 2. [`episode_page`], [`listing_page`], [`archive_page`] and
//!    [`not_found_page`] fill it: head tags (description, canonical URL,
//!    OpenGraph, Twitter, JSON-LD) and a `#static` body;
//! 3. [`sitemap`] and [`robots`] list the pages for crawlers.
//!
//! The body mirrors the markup the Yew pages draw, with the same classes,
//! so when the app takes over (it removes `#static` once its own view is
//! ready, see `ui::dom::take_over`) nothing moves. The notes are the very
//! file the app fetches, rendered once by [`super::notes`]: there is no
//! second Markdown renderer.

use super::catalog::{Catalog, EpisodeSummary, Site};
use super::date::Date;
use super::duration::{format_clock, format_length};
use super::html::escape;
use super::i18n::{strings, Strings};
use super::listing::{people, years};
use super::url::absolute;
use std::fmt::Write;

/// The id of the static body; the app removes it when it takes over.
pub const STATIC_ID: &str = "static";

/// How many episodes the static listing shows: the app's first page, so
/// the takeover does not change the page's height. The rest are linked
/// from the archive page.
pub const LISTING_SIZE: usize = 12;

/// The folder of the episode pages, and of the archive page.
pub const EPISODES_DIR: &str = "episodes";

/// The app's shell, cut where the static pages put their own parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Shell {
    /// From the start to `<title>`, with `<html lang>` still to set.
    head: String,
    /// The shell's own `<title>` element.
    title: String,
    /// From after `</title>` to the app's mount point.
    middle: String,
    /// The mount point and everything after it.
    tail: String,
}

impl Shell {
    /// Cuts the shell. It must have one `<title>` and a `<div id="app">`
    /// (quoted or not: Trunk minifies release builds).
    pub fn parse(html: &str) -> Result<Shell, String> {
        let title_start = html
            .find("<title>")
            .ok_or("the app's index.html has no <title>")?;
        let title_end = html[title_start..]
            .find("</title>")
            .map(|i| title_start + i + "</title>".len())
            .ok_or("the app's index.html has an unclosed <title>")?;
        let app = ["<div id=\"app\"", "<div id=app"]
            .iter()
            .find_map(|tag| html[title_end..].find(tag))
            .map(|i| title_end + i)
            .ok_or("the app's index.html has no <div id=\"app\">")?;
        Ok(Shell {
            head: html[..title_start].to_string(),
            title: html[title_start..title_end].to_string(),
            middle: html[title_end..app].to_string(),
            tail: html[app..].to_string(),
        })
    }

    /// The shell as it was, in `language`.
    pub fn empty(&self, language: &str) -> String {
        format!(
            "{}{}{}",
            with_lang(&self.head, language),
            self.title,
            self.middle
        ) + &self.tail
    }

    /// The whole page: the shell with this head and body, in `language`.
    fn page(&self, language: &str, head: &str, body: &str) -> String {
        let mut out = String::with_capacity(self.head.len() + head.len() + body.len() + 4096);
        out.push_str(&with_lang(&self.head, language));
        out.push_str(head);
        out.push_str(&self.middle);
        let _ = write!(out, r#"<div id="{STATIC_ID}">{body}</div>"#);
        out.push_str(&self.tail);
        out
    }
}

/// Sets `<html lang>`: screen readers and hyphenation need it before the
/// app runs. Tags that do not look like a language fall back to English.
fn with_lang(head: &str, language: &str) -> String {
    let valid = !language.is_empty()
        && language.len() <= 35
        && language
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    let lang = if valid { language } else { "en" };
    let Some(start) = head.find("<html") else {
        return head.to_string();
    };
    let tag_end = head[start..].find('>').map_or(head.len(), |i| start + i);
    let tag = &head[start..tag_end];
    let tag = match tag.find(" lang=") {
        Some(i) => {
            let value_start = i + " lang=".len();
            let rest = &tag[value_start..];
            let value_len = match rest.strip_prefix('"') {
                Some(quoted) => quoted.find('"').map_or(rest.len(), |j| j + 2),
                None => rest.find([' ', '/']).unwrap_or(rest.len()),
            };
            format!("{}\"{lang}\"{}", &tag[..value_start], &rest[value_len..])
        }
        None => format!("{tag} lang=\"{lang}\""),
    };
    format!("{}{tag}{}", &head[..start], &head[tag_end..])
}

/// What a page tells crawlers and link previews about itself.
struct Meta<'a> {
    title: String,
    description: &'a str,
    /// Relative to the site's base, like every link of the app.
    path: String,
    kind: &'static str,
    image: Option<&'a str>,
    audio: Option<&'a str>,
    json_ld: Option<serde_json::Value>,
    /// Pages that should not be indexed, such as "not found".
    noindex: bool,
}

fn head(site: &Site, meta: &Meta) -> String {
    let mut h = String::with_capacity(2048);
    let _ = write!(h, "<title>{}</title>", escape(&meta.title));
    let description = meta_description(meta.description);
    if !description.is_empty() {
        let _ = write!(
            h,
            r#"<meta name="description" content="{}">"#,
            escape(&description)
        );
    }
    if meta.noindex {
        h.push_str(r#"<meta name="robots" content="noindex">"#);
    }
    let property = |h: &mut String, name: &str, value: &str| {
        let _ = write!(h, r#"<meta property="{name}" content="{}">"#, escape(value));
    };
    property(&mut h, "og:type", meta.kind);
    property(&mut h, "og:site_name", &site.title);
    property(&mut h, "og:title", &meta.title);
    if !description.is_empty() {
        property(&mut h, "og:description", &description);
    }
    // Link previews need absolute addresses; without the site's `url`
    // setting there is nothing to resolve them against.
    let base = site.url.as_deref();
    if let Some(base) = base {
        let url = absolute(base, &meta.path);
        let _ = write!(h, r#"<link rel="canonical" href="{}">"#, escape(&url));
        property(&mut h, "og:url", &url);
        if let Some(image) = meta.image {
            property(&mut h, "og:image", &absolute(base, image));
        }
        if let Some(audio) = meta.audio {
            property(&mut h, "og:audio", &absolute(base, audio));
        }
    }
    if !site.language.is_empty() {
        property(&mut h, "og:locale", &site.language.replace('-', "_"));
    }
    let card = |h: &mut String, name: &str, value: &str| {
        let _ = write!(h, r#"<meta name="{name}" content="{}">"#, escape(value));
    };
    card(&mut h, "twitter:card", "summary");
    card(&mut h, "twitter:title", &meta.title);
    if !description.is_empty() {
        card(&mut h, "twitter:description", &description);
    }
    if let (Some(base), Some(image)) = (base, meta.image) {
        card(&mut h, "twitter:image", &absolute(base, image));
    }
    if let Some(ld) = &meta.json_ld {
        let _ = write!(
            h,
            r#"<script type="application/ld+json">{}</script>"#,
            json_in_script(ld)
        );
    }
    h
}

/// JSON inside `<script>`: `</script>` or `<!--` in a title must not end
/// or confuse the element, so every `<` is escaped as JSON allows.
fn json_in_script(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// Descriptions are cut near 200 characters, at a word, as search
/// engines show about that much.
fn meta_description(text: &str) -> String {
    const MAX: usize = 200;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX {
        return text;
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// A date as the app shows it, in the two languages the interface
/// speaks; ISO elsewhere (the app's browser formats those).
pub fn long_date(d: Date, language: &str) -> String {
    super::i18n::long_date(d, language).unwrap_or_else(|| d.to_string())
}

/// ISO 8601 duration, as schema.org wants it.
fn iso_duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    if h > 0 {
        let _ = write!(out, "{h}H");
    }
    if m > 0 {
        let _ = write!(out, "{m}M");
    }
    if s > 0 || seconds == 0 {
        let _ = write!(out, "{s}S");
    }
    out
}

/// The address of an episode page, relative to the site's base. The
/// trailing slash is the form static hosts serve without a redirect.
pub fn episode_path(slug: &str) -> String {
    format!("{EPISODES_DIR}/{slug}/")
}

/// The file of an episode page inside the built site.
pub fn episode_file(slug: &str) -> String {
    format!("{EPISODES_DIR}/{slug}/index.html")
}

fn site_header(site: &Site, t: &Strings) -> String {
    let artwork = site.artwork.as_deref().map_or(String::new(), |src| {
        format!(
            r#"<img class="site-artwork" src="{}" alt="" width="40" height="40">"#,
            escape(src)
        )
    });
    format!(
        r##"<header class="site-header"><a class="skip-link" href="#viewer-main">{skip}</a><a class="site-title" href="./">{artwork}<span>{title}</span></a><a class="subscribe" href="feed.xml" type="application/rss+xml">{subscribe}</a></header>"##,
        skip = escape(t.skip_to_content),
        title = escape(&site.title),
        subscribe = escape(t.subscribe),
    )
}

fn main(site: &Site, t: &Strings, content: &str) -> String {
    format!(
        r#"{}<main id="viewer-main" tabindex="-1">{content}</main>"#,
        site_header(site, t)
    )
}

fn people_links(people: &[String], t: &Strings) -> String {
    people
        .iter()
        .map(|p| {
            format!(
                r#"<a class="person" href="./?who={}" aria-label="{} {}">{}</a>"#,
                escape(&query_value(p)),
                escape(t.episodes_of_person),
                escape(p),
                escape(p)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A query-string value, encoded as `URLSearchParams` does.
fn query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

fn kicker(
    e: &EpisodeSummary,
    t: &Strings,
    language: &str,
    long: bool,
    length: Option<String>,
) -> String {
    let mut k = String::from(r#"<p class="card-kicker">"#);
    match e.number_label(t, long) {
        Some(label) => {
            let _ = write!(k, r#"<span class="badge">{}</span>"#, escape(&label));
        }
        None => {
            let _ = write!(
                k,
                r#"<span class="badge badge-news">{}</span>"#,
                escape(t.news)
            );
        }
    }
    if let Some(kind) = e.type_label(t) {
        let _ = write!(
            k,
            r#"<span class="badge badge-type">{}</span>"#,
            escape(kind)
        );
    }
    let _ = write!(
        k,
        r#"<time datetime="{}">{}</time>"#,
        e.date,
        long_date(e.date, language)
    );
    if let Some(length) = length {
        let _ = write!(k, r#"<span class="length">{length}</span>"#);
    }
    k.push_str("</p>");
    k
}

/// The static page of one episode. `notes` is the published notes HTML.
pub fn episode_page(shell: &Shell, catalog: &Catalog, index: usize, notes: Option<&str>) -> String {
    let site = &catalog.site;
    let e = &catalog.episodes[index];
    let t = strings(&site.language);
    let (older, newer) = catalog.neighbours(index);
    let mut b = String::with_capacity(notes.map_or(0, str::len) + 4096);
    let _ = write!(
        b,
        r#"<article class="episode"><nav class="breadcrumb" aria-label="{}"><a href="./">← {}</a></nav><header class="episode-header">{}{}<h1>{}</h1>"#,
        escape(t.breadcrumb),
        escape(t.all_episodes),
        e.image.as_deref().map_or(String::new(), |src| format!(
            r#"<img class="episode-art" src="{}" alt="" width="96" height="96">"#,
            escape(src)
        )),
        kicker(e, t, &site.language, true, e.duration.map(format_clock)),
        escape(&e.title)
    );
    if !e.team.is_empty() {
        let _ = write!(
            b,
            r#"<p class="team">{} {}</p>"#,
            escape(t.with),
            people_links(&e.team, t)
        );
    }
    if !e.guests.is_empty() {
        let _ = write!(
            b,
            r#"<p class="team guests">{} {}</p>"#,
            escape(t.guests),
            people_links(&e.guests, t)
        );
    }
    b.push_str("</header>");
    let youtube = e.youtube.as_deref().map_or(String::new(), |yt| {
        format!(
            r#"<a href="{}" rel="noopener" target="_blank">{}</a>"#,
            escape(yt),
            escape(t.watch_on_youtube)
        )
    });
    if let Some(audio) = &e.audio {
        // Without the app, the browser's own player; the app replaces it
        // with its play button, in a row of the same height.
        let size = e
            .size
            .map_or(String::new(), |s| format!(" ({})", t.bytes(s)));
        let _ = write!(
            b,
            r#"<div class="episode-actions"><audio class="static-audio" controls preload="none" src="{a}"></audio></div><p class="episode-links"><a href="{a}" download="">{}{size}</a>{youtube}</p>"#,
            escape(t.download),
            a = escape(audio),
        );
    } else if !youtube.is_empty() {
        let _ = write!(b, r#"<p class="episode-links">{youtube}</p>"#);
    }
    if !e.chapters.is_empty() {
        let _ = write!(
            b,
            r#"<section class="chapters" aria-label="{c}"><h2>{c}</h2><ol>"#,
            c = escape(t.chapters)
        );
        for c in &e.chapters {
            let _ = write!(
                b,
                r#"<li><a class="chapter" href="{}?t={}"><span class="chapter-time">{}</span><span class="chapter-title">{}</span></a></li>"#,
                episode_path(&e.slug),
                c.start(),
                format_clock(c.start()),
                escape(c.title())
            );
        }
        b.push_str("</ol></section>");
    }
    if let Some(notes) = notes {
        let _ = write!(b, r#"<div class="show-notes prose">{notes}</div>"#);
    }
    let _ = write!(b, r#"<nav class="pager" aria-label="{}">"#, escape(t.pager));
    for (e, label, class) in [(newer, t.newer, "newer"), (older, t.older, "older")] {
        match e {
            Some(e) => {
                let _ = write!(
                    b,
                    r#"<a class="pager-link {class}" href="{}"><span class="pager-label">{}</span><span class="pager-title">{}</span></a>"#,
                    episode_path(&e.slug),
                    escape(label),
                    escape(&e.title)
                );
            }
            None => {
                let _ = write!(b, r#"<span class="pager-link {class} empty"></span>"#);
            }
        }
    }
    b.push_str("</nav></article>");

    let path = episode_path(&e.slug);
    let series = series_json_ld(site);
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": e.title,
        "datePublished": e.date.to_string(),
        "partOfSeries": series,
    });
    if let Some(base) = site.url.as_deref() {
        ld["url"] = absolute(base, &path).into();
    }
    if !e.excerpt.is_empty() {
        ld["description"] = e.excerpt.clone().into();
    }
    if let Some(n) = e.number {
        ld["episodeNumber"] = n.into();
    }
    if let Some(d) = e.duration {
        ld["timeRequired"] = iso_duration(d).into();
    }
    if let Some(audio) = &e.audio {
        let url = site
            .url
            .as_deref()
            .map_or(audio.clone(), |b| absolute(b, audio));
        ld["associatedMedia"] = serde_json::json!({"@type": "MediaObject", "contentUrl": url});
    }
    let persons = |names: &[String]| -> serde_json::Value {
        names
            .iter()
            .map(|n| serde_json::json!({"@type": "Person", "name": n}))
            .collect()
    };
    if !e.team.is_empty() {
        ld["author"] = persons(&e.team);
    }
    if !e.guests.is_empty() {
        ld["contributor"] = persons(&e.guests);
    }
    let meta = Meta {
        title: page_title(&e.title, &site.title),
        description: &e.excerpt,
        path,
        kind: "article",
        image: e.image.as_deref().or(site.artwork.as_deref()),
        audio: e.audio.as_deref(),
        json_ld: Some(ld),
        noindex: false,
    };
    shell.page(&site.language, &head(site, &meta), &main(site, t, &b))
}

/// `<title>` as the app sets it: the page, then the show.
fn page_title(page: &str, site: &str) -> String {
    if site.is_empty() {
        page.to_string()
    } else {
        format!("{page} · {site}")
    }
}

fn series_json_ld(site: &Site) -> serde_json::Value {
    let mut s = serde_json::json!({"@type": "PodcastSeries", "name": site.title});
    if let Some(base) = site.url.as_deref() {
        s["url"] = base.into();
        s["webFeed"] = absolute(base, "feed.xml").into();
        if let Some(art) = site.artwork.as_deref() {
            s["image"] = absolute(base, art).into();
        }
    }
    if !site.description.is_empty() {
        s["description"] = site.description.clone().into();
    }
    if !site.author.is_empty() {
        s["author"] = serde_json::json!({"@type": "Person", "name": site.author});
    }
    s
}

fn card(e: &EpisodeSummary, t: &Strings, language: &str) -> String {
    let length = e
        .duration
        .map(format_length)
        .or_else(|| e.size.map(|s| t.bytes(s)));
    let mut c = format!(
        r#"<li class="episode-card{}"><article>{}<div class="card-body">{}<h2 class="card-title"><a href="{}">{}</a></h2>"#,
        if e.is_news() { " news" } else { "" },
        e.image.as_deref().map_or(String::new(), |src| format!(
            r#"<img class="card-art" src="{}" alt="" width="56" height="56" loading="lazy">"#,
            escape(src)
        )),
        kicker(e, t, language, false, length),
        episode_path(&e.slug),
        escape(&e.title)
    );
    if !e.excerpt.is_empty() {
        let _ = write!(c, r#"<p class="excerpt">{}</p>"#, escape(&e.excerpt));
    }
    c.push_str("</div>");
    // The app's play button, in the same place so nothing moves when the
    // app takes over. Before that it opens the episode page, which has a
    // player of its own: the same place as the title's link, so it is
    // hidden from screen readers and the Tab key, which have that link.
    if e.audio.is_some() {
        let _ = write!(
            c,
            r#"<a class="play-button" href="{}" tabindex="-1" aria-hidden="true" title="{}">{}</a>"#,
            episode_path(&e.slug),
            escape(t.play_episode),
            super::icons::svg(super::icons::PLAY)
        );
    }
    c.push_str("</article></li>");
    c
}

/// The listing's search box and filters, as the app's `SearchBar` draws
/// them (same elements, classes, words and options), so that the page
/// keeps its height when the app takes over. Before the app runs it is a
/// plain GET form to the listing: the app reads `?q=`, `year` and `who`
/// from the address when it starts.
fn search_form(catalog: &Catalog, t: &Strings) -> String {
    let mut f = format!(
        r#"<form class="search" role="search" action="./" method="get"><label class="visually-hidden" for="viewer-search">{label}</label><input id="viewer-search" name="q" type="search" placeholder="{placeholder}" autocomplete="off" spellcheck="false" aria-label="{label}"><div class="filters"><label><span class="visually-hidden">{year}</span><select name="year" aria-label="{year}"><option value="">{all_years}</option>"#,
        label = escape(t.search_label),
        placeholder = escape(t.search_placeholder),
        year = escape(t.year),
        all_years = escape(t.all_years),
    );
    for y in years(catalog) {
        let _ = write!(f, r#"<option value="{y}">{y}</option>"#);
    }
    let _ = write!(
        f,
        r#"</select></label><label><span class="visually-hidden">{person}</span><select name="who" aria-label="{person}"><option value="">{everyone}</option>"#,
        person = escape(t.person),
        everyone = escape(t.everyone),
    );
    for (p, n) in people(catalog) {
        let _ = write!(
            f,
            r#"<option value="{}">{} ({n})</option>"#,
            escape(&p),
            escape(&p)
        );
    }
    // Without the app, the filters need a button to send them; it shows
    // when reached with the keyboard, and takes no room otherwise.
    let _ = write!(
        f,
        r#"</select></label></div><button type="submit" class="visually-hidden focusable">{}</button></form>"#,
        escape(t.search_label)
    );
    f
}

/// The listing: the show, its search box, then its newest episodes as the
/// app's first page draws them, and a link to the archive of all of them.
pub fn listing_page(shell: &Shell, catalog: &Catalog) -> String {
    let site = &catalog.site;
    let t = strings(&site.language);
    let mut b = format!(r#"<section class="intro"><h1>{}</h1>"#, escape(&site.title));
    if !site.description.is_empty() {
        let _ = write!(
            b,
            r#"<p class="description">{}</p>"#,
            escape(&site.description)
        );
    }
    let count = t.episodes(catalog.episodes.len());
    let _ = write!(
        b,
        r#"</section>{}<p class="count">{}</p><ol class="episode-list" aria-label="{}">"#,
        search_form(catalog, t),
        escape(&count),
        escape(t.all_episodes)
    );
    for e in catalog.episodes.iter().take(LISTING_SIZE) {
        b.push_str(&card(e, t, &site.language));
    }
    b.push_str("</ol>");
    if catalog.episodes.len() > LISTING_SIZE {
        let _ = write!(
            b,
            r#"<p class="archive-link"><a class="button secondary" href="{EPISODES_DIR}/">{}</a></p>"#,
            escape(t.all_episodes)
        );
    }
    let mut ld = series_json_ld(site);
    ld["@context"] = "https://schema.org".into();
    let meta = Meta {
        title: site.title.clone(),
        description: &site.description,
        path: String::new(),
        kind: "website",
        image: site.artwork.as_deref(),
        audio: None,
        json_ld: Some(ld),
        noindex: false,
    };
    shell.page(&site.language, &head(site, &meta), &main(site, t, &b))
}

/// Every episode by year, titles only: how a reader without JavaScript
/// (or a crawler) reaches the whole archive. The app shows its listing
/// at this address.
pub fn archive_page(shell: &Shell, catalog: &Catalog) -> String {
    let site = &catalog.site;
    let t = strings(&site.language);
    let mut b = format!(
        r#"<section class="intro"><h1>{}</h1></section><div class="archive">"#,
        escape(t.all_episodes)
    );
    let mut year = None;
    for e in &catalog.episodes {
        if year != Some(e.date.year) {
            if year.is_some() {
                b.push_str("</ol>");
            }
            year = Some(e.date.year);
            let _ = write!(b, "<h2>{}</h2><ol>", e.date.year);
        }
        let _ = write!(
            b,
            r#"<li><a href="{}">{}</a> <time datetime="{}">{}</time></li>"#,
            episode_path(&e.slug),
            escape(&e.title),
            e.date,
            long_date(e.date, &site.language)
        );
    }
    if year.is_some() {
        b.push_str("</ol>");
    }
    b.push_str("</div>");
    let meta = Meta {
        title: page_title(t.all_episodes, &site.title),
        description: &site.description,
        path: format!("{EPISODES_DIR}/"),
        kind: "website",
        image: site.artwork.as_deref(),
        audio: None,
        json_ld: None,
        noindex: false,
    };
    shell.page(&site.language, &head(site, &meta), &main(site, t, &b))
}

/// The page static hosts send for a missing address (`404.html`).
pub fn not_found_page(shell: &Shell, site: &Site) -> String {
    let t = strings(&site.language);
    let b = format!(
        r#"<section class="not-found"><h1>{}</h1><p>{}</p><a class="button" href="./">{}</a></section>"#,
        escape(t.not_found_title),
        escape(t.not_found_body),
        escape(t.back_home)
    );
    let meta = Meta {
        title: page_title(t.not_found_title, &site.title),
        description: "",
        path: "404.html".into(),
        kind: "website",
        image: None,
        audio: None,
        json_ld: None,
        noindex: true,
    };
    shell.page(&site.language, &head(site, &meta), &main(site, t, &b))
}

/// `sitemap.xml`: the listing, the archive and every episode, with the
/// episode's date as its last change.
pub fn sitemap(catalog: &Catalog, base: &str) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let newest = catalog.episodes.first().map(|e| e.date);
    for (path, date) in [
        (String::new(), newest),
        (format!("{EPISODES_DIR}/"), newest),
    ]
    .into_iter()
    .chain(
        catalog
            .episodes
            .iter()
            .map(|e| (episode_path(&e.slug), Some(e.date))),
    ) {
        let _ = write!(x, "<url><loc>{}</loc>", escape(&absolute(base, &path)));
        if let Some(d) = date {
            let _ = write!(x, "<lastmod>{d}</lastmod>");
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

/// One icon of the web app manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Icon {
    /// Relative to the site's base.
    pub src: String,
    /// `512x512`, or `any` for a vector image.
    pub sizes: String,
    pub mime: &'static str,
}

/// The square PNG icons that install prompts ask for, in pixels.
pub const ICON_SIZES: [u32; 2] = [192, 512];

/// The file, at the site's root, of the icon cut at `size` pixels.
pub fn icon_file(size: u32) -> String {
    format!("icon-{size}.png")
}

/// The icon sizes a `width`×`height` artwork can fill: only those its
/// shorter side reaches, since an upscaled icon is a blurred one.
pub fn icon_sizes(width: u32, height: u32) -> Vec<u32> {
    let side = width.min(height);
    ICON_SIZES.into_iter().filter(|&s| s <= side).collect()
}

/// The largest centred square of a `width`×`height` image, as
/// `(x, y, side)`: icons are square, and a show's artwork is meant to be,
/// so what a crop loses is at most a border. An odd margin leaves its
/// extra pixel on the right or at the bottom.
pub fn centre_square(width: u32, height: u32) -> (u32, u32, u32) {
    let side = width.min(height);
    ((width - side) / 2, (height - side) / 2, side)
}

/// The manifest's icons for a raster artwork of `width`×`height` at `src`:
/// the square PNGs cut from it at `cut` sizes, then the artwork itself at
/// its own size, for a browser that wants another size.
pub fn raster_icons(
    src: &str,
    mime: &'static str,
    width: u32,
    height: u32,
    cut: &[u32],
) -> Vec<Icon> {
    cut.iter()
        .map(|&size| Icon {
            src: icon_file(size),
            sizes: format!("{size}x{size}"),
            mime: "image/png",
        })
        .chain([Icon {
            src: src.to_string(),
            sizes: format!("{width}x{height}"),
            mime,
        }])
        .collect()
}

/// The web app manifest: the show installs as an app, named after it.
pub fn manifest(site: &Site, icons: &[Icon]) -> String {
    let short: String = site.title.chars().take(12).collect();
    let icons: Vec<serde_json::Value> = icons
        .iter()
        .map(|i| serde_json::json!({"src": i.src, "sizes": i.sizes, "type": i.mime, "purpose": "any"}))
        .collect();
    let mut m = serde_json::json!({
        "name": site.title,
        "short_name": short.trim_end(),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1f4e8c",
        "icons": icons,
    });
    if !site.description.is_empty() {
        m["description"] = site.description.clone().into();
    }
    if !site.language.is_empty() {
        m["lang"] = site.language.clone().into();
    }
    serde_json::to_string_pretty(&m).expect("JSON values serialize")
}

/// `robots.txt`: everything may be crawled; the sitemap is named when
/// the site's address is known.
pub fn robots(base: Option<&str>) -> String {
    let mut r = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = base {
        let _ = write!(r, "\nSitemap: {}\n", absolute(base, "sitemap.xml"));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chapters::Chapter;

    const SHELL: &str = r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>Podcast</title><base href=/show/><link rel=stylesheet href=style-1.css></head><body><div id=app><noscript><p class=boot>JS</p></noscript></div><script type=module>import init from '/show/app-1.js';init()</script></body></html>"#;

    fn catalog() -> Catalog {
        let ep = |n: i32, day: u8, title: &str| EpisodeSummary {
            slug: format!("ep-{n}"),
            title: title.into(),
            number: Some(n),
            date: Date::new(2024, 3, day).unwrap(),
            excerpt: format!("About {title}."),
            team: vec!["Ada Lovelace".into()],
            guests: vec!["Grace & Co".into()],
            audio: Some(format!("content/audio/ep-{n}.mp3")),
            duration: Some(3723),
            author: None,
            size: None,
            youtube: None,
            chapters: vec![],
            chapters_url: None,
            ..EpisodeSummary::default()
        };
        let mut first = ep(2, 12, "Rust </script><script>alert(1)</script>");
        first.chapters = vec![Chapter(0, "Intro".into()), Chapter(95, "Main".into())];
        Catalog {
            site: Site {
                title: "Tabs & Spaces".into(),
                description: "A show.".into(),
                language: "fr".into(),
                artwork: Some("content/art.png".into()),
                url: Some("https://example.org/show/".into()),
                ..Site::default()
            },
            episodes: vec![first, ep(1, 5, "First")],
            parts: vec![],
            total: 2,
        }
    }

    #[test]
    fn can_cut_a_minified_or_pretty_shell() {
        let shell = Shell::parse(SHELL).unwrap();
        assert!(shell.head.ends_with("<meta charset=utf-8>"));
        assert!(shell.middle.starts_with("<base href=/show/>"));
        assert!(shell.tail.starts_with("<div id=app>"));
        assert_eq!(shell.empty("en"), SHELL.replace("lang=en", "lang=\"en\""));
        let pretty = "<html lang=\"en\">\n<head><title>X</title></head>\n<body><div id=\"app\"></div></body></html>";
        assert!(Shell::parse(pretty)
            .unwrap()
            .tail
            .starts_with("<div id=\"app\">"));
    }

    #[test]
    fn errors_if_the_shell_lacks_a_title_or_mount_point() {
        for (html, want) in [
            ("<html><body><div id=app></div>", "no <title>"),
            ("<html><title>x</html>", "unclosed <title>"),
            (
                "<html><title>x</title><div id=other>",
                "no <div id=\"app\">",
            ),
        ] {
            assert!(Shell::parse(html).unwrap_err().contains(want), "{html}");
        }
    }

    #[test]
    fn can_set_the_page_language() {
        for (head, lang, want) in [
            (
                "<!doctype html><html lang=en><head>",
                "fr",
                "<html lang=\"fr\">",
            ),
            (
                "<html lang=\"en\" dir=ltr>",
                "pt-BR",
                "<html lang=\"pt-BR\" dir=ltr>",
            ),
            ("<html>", "fr", "<html lang=\"fr\">"),
            ("<html lang=en>", "\"><script>", "<html lang=\"en\">"),
        ] {
            assert!(with_lang(head, lang).contains(want), "{head} {lang}");
        }
    }

    #[test]
    fn episode_pages_carry_head_tags_and_the_notes() {
        let c = catalog();
        let page = episode_page(
            &Shell::parse(SHELL).unwrap(),
            &c,
            0,
            Some("<p>Notes here</p>"),
        );
        for want in [
            "<html lang=\"fr\">",
            "<title>Rust &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; · Tabs &amp; Spaces</title>",
            r#"<meta name="description" content="About Rust"#,
            r#"<link rel="canonical" href="https://example.org/show/episodes/ep-2/">"#,
            r#"<meta property="og:type" content="article">"#,
            r#"<meta property="og:image" content="https://example.org/show/content/art.png">"#,
            r#"<meta property="og:audio" content="https://example.org/show/content/audio/ep-2.mp3">"#,
            r#"<meta name="twitter:card" content="summary">"#,
            r#""@type":"PodcastEpisode""#,
            r#""timeRequired":"PT1H2M3S""#,
            r#"<div id="static">"#,
            r#"<div class="show-notes prose"><p>Notes here</p></div>"#,
            r#"<a class="person" href="./?who=Grace+%26+Co""#,
            r#"<a class="chapter" href="episodes/ep-2/?t=95"><span class="chapter-time">1:35</span>"#,
            r#"<time datetime="2024-03-12">12 mars 2024</time>"#,
            r#"<a class="pager-link older" href="episodes/ep-1/">"#,
            r#"<span class="pager-link newer empty"></span>"#,
            "<div id=app>",
            "init()</script>",
        ] {
            assert!(page.contains(want), "missing {want}\n{page}");
        }
        // The title's `</script>` cannot end the JSON-LD block early.
        let ld_start = page.find("application/ld+json").unwrap();
        let ld = &page[ld_start..page[ld_start..].find("</script>").unwrap() + ld_start];
        assert!(
            ld.contains(r#"\u003c/script>\u003cscript>alert(1)"#),
            "{ld}"
        );
        let json = &ld[ld.find('>').unwrap() + 1..];
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(v["name"], "Rust </script><script>alert(1)</script>");
        assert_eq!(
            v["partOfSeries"]["webFeed"],
            "https://example.org/show/feed.xml"
        );
    }

    #[test]
    fn can_omit_absolute_addresses_without_a_site_url() {
        let mut c = catalog();
        c.site.url = None;
        let page = episode_page(&Shell::parse(SHELL).unwrap(), &c, 1, None);
        assert!(!page.contains("canonical"));
        assert!(!page.contains("og:image"));
        assert!(page.contains(r#"<meta property="og:title" content="First · Tabs &amp; Spaces">"#));
    }

    #[test]
    fn listing_shows_the_first_page_and_links_the_archive() {
        let mut c = catalog();
        let template = c.episodes[1].clone();
        for n in 3..=20 {
            c.episodes.push(EpisodeSummary {
                slug: format!("ep-{n}"),
                number: Some(n),
                ..template.clone()
            });
        }
        let shell = Shell::parse(SHELL).unwrap();
        let page = listing_page(&shell, &c);
        assert_eq!(
            page.matches(r#"<li class="episode-card"#).count(),
            LISTING_SIZE
        );
        assert!(page.contains(r#"href="episodes/">"#));
        assert!(page.contains(r#""@type":"PodcastSeries""#));
        assert!(page.contains("20 épisodes"), "{page}");
        // Each card with audio has the app's play button, as a link.
        let with_audio = c
            .episodes
            .iter()
            .take(LISTING_SIZE)
            .filter(|e| e.audio.is_some());
        assert!(with_audio.clone().count() > 0);
        assert_eq!(
            page.matches(r#"<a class="play-button" href="episodes/"#)
                .count(),
            with_audio.count()
        );
        let archive = archive_page(&shell, &c);
        assert_eq!(archive.matches("<li><a href=\"episodes/ep-").count(), 20);
        assert_eq!(archive.matches("<h2>2024</h2>").count(), 1);
    }

    #[test]
    fn can_render_the_apps_search_form_in_the_sites_language() {
        let shell = Shell::parse(SHELL).unwrap();
        let mut c = catalog();
        c.episodes[1].date = Date::new(2023, 1, 5).unwrap();
        c.episodes[1].team.push("Zoé".into());
        let page = listing_page(&shell, &c);
        // Between the intro and the count, where the app draws it.
        let form = &page[page.find("<form").unwrap()..page.find("</form>").unwrap()];
        assert!(
            page.find("</section><form").is_some() && page.contains("</form><p class=\"count\">")
        );
        for want in [
            r#"<form class="search" role="search" action="./" method="get">"#,
            r#"<label class="visually-hidden" for="viewer-search">Rechercher dans les épisodes</label>"#,
            r#"<input id="viewer-search" name="q" type="search" placeholder="Titres, notes, personnes…" autocomplete="off" spellcheck="false" aria-label="Rechercher dans les épisodes">"#,
            r#"<div class="filters"><label><span class="visually-hidden">Année</span><select name="year" aria-label="Année">"#,
            r#"<option value="">Toutes les années</option><option value="2024">2024</option><option value="2023">2023</option></select>"#,
            r#"<select name="who" aria-label="Personne"><option value="">Tout le monde</option>"#,
            // The most frequent first, as the app lists them.
            r#"<option value="Ada Lovelace">Ada Lovelace (2)</option><option value="Grace &amp; Co">Grace &amp; Co (2)</option><option value="Zoé">Zoé (1)</option>"#,
        ] {
            assert!(form.contains(want), "missing {want}\n{form}");
        }
        c.site.language = "en".into();
        let page = listing_page(&shell, &c);
        for want in [
            r#"placeholder="Titles, notes, people…""#,
            r#"<option value="">All years</option>"#,
            r#"<option value="">Everyone</option>"#,
        ] {
            assert!(page.contains(want), "missing {want}");
        }
    }

    #[test]
    fn not_found_is_not_indexed() {
        let page = not_found_page(&Shell::parse(SHELL).unwrap(), &catalog().site);
        assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
    }

    #[test]
    fn can_list_pages_for_crawlers() {
        let c = catalog();
        let xml = sitemap(&c, "https://example.org/show/");
        assert!(xml.contains(
            "<url><loc>https://example.org/show/</loc><lastmod>2024-03-12</lastmod></url>"
        ));
        assert!(xml.contains(
            "<loc>https://example.org/show/episodes/ep-1/</loc><lastmod>2024-03-05</lastmod>"
        ));
        assert_eq!(xml.matches("<url>").count(), 4);
        assert_eq!(
            robots(Some("https://example.org/show/")),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/show/sitemap.xml\n"
        );
        assert!(!robots(None).contains("Sitemap"));
    }

    #[test]
    fn can_describe_the_app_for_installing() {
        let icon = Icon {
            src: "content/art.png".into(),
            sizes: "1400x1400".into(),
            mime: "image/png",
        };
        let m: serde_json::Value =
            serde_json::from_str(&manifest(&catalog().site, &[icon])).unwrap();
        assert_eq!(m["name"], "Tabs & Spaces");
        assert_eq!(m["short_name"], "Tabs & Space");
        assert_eq!(m["start_url"], "./");
        assert_eq!(m["lang"], "fr");
        assert_eq!(m["icons"][0]["sizes"], "1400x1400");
    }

    #[test]
    fn can_choose_icon_sizes_without_upscaling() {
        for (width, height, want) in [
            (3000, 3000, vec![192, 512]),
            (512, 512, vec![192, 512]),
            (511, 2000, vec![192]),
            (600, 400, vec![192]),
            (192, 192, vec![192]),
            (191, 1000, vec![]),
            (0, 0, vec![]),
        ] {
            assert_eq!(icon_sizes(width, height), want, "{width}x{height}");
        }
    }

    #[test]
    fn can_find_the_centred_square() {
        for (width, height, want) in [
            (600, 400, (100, 0, 400)),
            (400, 600, (0, 100, 400)),
            (512, 512, (0, 0, 512)),
            (601, 400, (100, 0, 400)),
            (1, 0, (0, 0, 0)),
        ] {
            assert_eq!(centre_square(width, height), want, "{width}x{height}");
        }
    }

    #[test]
    fn can_list_cut_icons_before_the_artwork() {
        let icons = raster_icons("content/art%201.jpg", "image/jpeg", 600, 400, &[192]);
        let m: serde_json::Value =
            serde_json::from_str(&manifest(&catalog().site, &icons)).unwrap();
        assert_eq!(
            m["icons"],
            serde_json::json!([
                {"src": "icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
                {"src": "content/art%201.jpg", "sizes": "600x400", "type": "image/jpeg", "purpose": "any"},
            ])
        );
    }

    #[test]
    fn can_format_dates_and_durations() {
        let d = Date::new(2024, 8, 1).unwrap();
        assert_eq!(long_date(d, "fr"), "1 août 2024");
        assert_eq!(long_date(d, "en-GB"), "August 1, 2024");
        assert_eq!(long_date(d, "de"), "1. August 2024");
        assert_eq!(long_date(d, "xx"), "2024-08-01");
        assert_eq!(iso_duration(3723), "PT1H2M3S");
        assert_eq!(iso_duration(600), "PT10M");
        assert_eq!(iso_duration(0), "PT0S");
        let long = "word ".repeat(100);
        let cut = meta_description(&long);
        assert!(
            cut.chars().count() <= 201 && cut.ends_with("word…"),
            "{cut}"
        );
    }
}
