//! Static pages: everything of a page that is not a view. The views
//! themselves are the app's components, rendered by the build (`ui::ssr`)
//! into the app's mount point, which the browser then hydrates.
//!
//! The pipeline, run by the indexer after Trunk has written the app's shell:
//! 1. [`Shell::parse`] splits the shell (`index.html` as Trunk wrote it) at
//!    its `<title>` and around the app's mount point;
//! 2. [`episode_page`], [`listing_page`], [`archive_page`],
//!    [`not_found_page`] and [`preview_page`] fill it: head tags (description, canonical URL,
//!    OpenGraph, Twitter, JSON-LD) and the rendered app, with the route it
//!    was rendered for;
//! 3. [`sitemap`], [`robots`] and [`manifest`] describe the site for
//!    crawlers and for installing.

use super::catalog::{Catalog, EpisodeSummary, Site, FEED_FILE};
use super::embed;
use super::html::escape;
use super::i18n::strings;
use super::route::{Route, ROUTE_ATTRIBUTE};
use super::search::{
    FILTER_PERSON, FILTER_SEASON, FILTER_YEAR, META_DATE, META_NUMBER, META_SLUG, META_TIME,
    SORT_DATE,
};
use super::transcript::{paragraphs, Transcript};
use super::url::absolute;
use std::fmt::Write;

/// The app's shell, cut where the static pages put their own parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Shell {
    /// From the start to `<title>`, with `<html lang>` still to set.
    head: String,
    /// The shell's own `<title>` element.
    title: String,
    /// From after `</title>` to the app's mount point.
    middle: String,
    /// The mount point's opening tag, up to its `>`.
    mount: String,
    /// The mount point's content in the shell (a loading message).
    boot: String,
    /// From the mount point's `</div>` to the end.
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
        let open_end = html[app..]
            .find('>')
            .map(|i| app + i + 1)
            .ok_or("the app's index.html has an unclosed <div id=\"app\">")?;
        // The shell's mount point holds a message and no other `<div>`.
        let close = html[open_end..]
            .find("</div>")
            .map(|i| open_end + i)
            .ok_or("the app's <div id=\"app\"> is not closed")?;
        Ok(Shell {
            head: html[..title_start].to_string(),
            title: html[title_start..title_end].to_string(),
            middle: html[title_end..app].to_string(),
            mount: html[app..open_end - 1].to_string(),
            boot: html[open_end..close].to_string(),
            tail: html[close..].to_string(),
        })
    }

    /// The shell as it was, in `language`.
    pub fn empty(&self, language: &str) -> String {
        format!(
            "{}{}{}{}>{}{}",
            with_lang(&self.head, language),
            self.title,
            self.middle,
            self.mount,
            self.boot,
            self.tail
        )
    }

    /// The whole page: the shell with this head, in `language`, the app as
    /// rendered for `route` in its mount point, and `after` just after it
    /// (outside what the app hydrates).
    fn page(&self, language: &str, head: &str, route: &Route, app: &str, after: &str) -> String {
        let mut out = String::with_capacity(self.head.len() + head.len() + app.len() + 4096);
        out.push_str(&with_lang(&self.head, language));
        out.push_str(head);
        out.push_str(&self.middle);
        let _ = write!(
            out,
            r#"{} {ROUTE_ATTRIBUTE}="{}">{app}"#,
            self.mount,
            escape(&route.path())
        );
        let (close, rest) = self.tail.split_at("</div>".len());
        out.push_str(close);
        out.push_str(after);
        out.push_str(rest);
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
    /// The page's oEmbed description, relative to the site's base (see
    /// [`super::embed`]).
    oembed: Option<String>,
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
        if let Some(oembed) = &meta.oembed {
            let _ = write!(
                h,
                r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
                escape(&absolute(base, oembed)),
                escape(&meta.title)
            );
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

/// The page of one episode, with `app` the app rendered for it.
pub fn episode_page(shell: &Shell, catalog: &Catalog, index: usize, app: &str) -> String {
    let site = &catalog.site;
    let e = &catalog.episodes[index];
    let route = Route::Episode {
        slug: e.slug.clone(),
    };
    let path = route.path();
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
        oembed: e.audio.is_some().then(|| embed::oembed_path(&e.slug)),
    };
    shell.page(
        &site.language,
        &head(site, &meta),
        &route,
        app,
        &search_marks(e),
    )
}

/// The embed page's own style: one row, in the reader's colour scheme.
const EMBED_CSS: &str = ":root{color-scheme:light dark;font-family:system-ui,sans-serif;--accent:#1f4e8c}\
@media (prefers-color-scheme:dark){:root{--accent:#8fb8ff}}\
body{margin:0}\
.embed{display:flex;gap:12px;align-items:center;box-sizing:border-box;height:152px;padding:12px;background:Canvas;color:CanvasText;border:1px solid GrayText;border-radius:12px}\
.art{width:126px;height:126px;border-radius:8px;object-fit:cover;flex:none}\
.info{display:flex;flex-direction:column;gap:6px;min-width:0;flex:1}\
.title{margin:0;font-size:1em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.title a{color:inherit}\
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
.show{font-size:.85em}\
audio{width:100%}\
.controls{display:flex;gap:8px;align-items:center}.controls[hidden]{display:none}\
.seek{flex:1;min-width:0;accent-color:var(--accent)}.time{font-variant-numeric:tabular-nums;font-size:.85em}\
button{min-width:44px;min-height:44px;border-radius:999px;border:2px solid var(--accent);background:var(--accent);color:Canvas;font:inherit;cursor:pointer}\
.speed{background:transparent;color:inherit}\
@media (max-width:380px){.art{display:none}}";

/// The embeddable player of episode `e` (see [`super::embed`]), at
/// `episodes/{slug}/embed/`: the artwork, the title linking to the episode
/// page, and the browser's own audio controls, which `embed.js` (at the
/// site's root) swaps for one row of play, seek, time and speed. It loads
/// nothing of the app. `None` for an episode without audio.
pub fn embed_page(site: &Site, e: &EpisodeSummary) -> Option<String> {
    let audio = e.audio.as_deref()?;
    let t = strings(&site.language);
    // Site-relative addresses, from the page's folder three levels down.
    let up = |u: &str| match super::url::is_absolute(u) || u.starts_with('/') {
        true => u.to_string(),
        false => format!("../../../{u}"),
    };
    let artwork = e.image.as_deref().or(site.artwork.as_deref()).map(up);
    let art = artwork.as_deref().map_or(String::new(), |a| {
        format!(
            r#"<img class="art" src="{}" alt="" width="126" height="126">"#,
            escape(a)
        )
    });
    // The tab's icon, else none: browsers would ask the host's root.
    let icon = escape(artwork.as_deref().unwrap_or("data:,"));
    let duration = e.duration.unwrap_or(0);
    let canonical = site.url.as_deref().map_or(String::new(), |base| {
        let page = Route::Episode {
            slug: e.slug.clone(),
        }
        .path();
        format!(
            r#"<link rel="canonical" href="{}">"#,
            escape(&absolute(base, &page))
        )
    });
    Some(format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta http-equiv="Content-Security-Policy" content="{policy}"><title>{title}</title><link rel="icon" href="{icon}">{canonical}<style>{EMBED_CSS}</style></head><body><main class="embed">{art}<div class="info"><h1 class="title"><a href="../" target="_blank" rel="noopener">{title}</a></h1><span class="show">{show}</span><audio src="{audio}" preload="none" controls></audio><div class="controls" hidden data-play="{play}" data-pause="{pause}"><button type="button" class="play" aria-label="{play}">▶</button><input class="seek" type="range" min="0" max="{duration}" step="1" value="0" aria-label="{seek}"><span class="time">0:00 / {total}</span><button type="button" class="speed"><span class="vh">{speed} </span><span class="rate">1×</span></button></div></div></main><script type="module" src="../../../embed.js"></script></body></html>"#,
        lang = escape(&site.language),
        title = escape(&e.title),
        show = escape(&site.title),
        audio = escape(&up(audio)),
        play = escape(t.play),
        pause = escape(t.pause),
        seek = escape(t.seek),
        speed = escape(t.speed),
        total = super::duration::format_clock(duration),
        policy = super::csp::EMBED_POLICY,
    ))
}

/// The [oEmbed](https://oembed.com/#section2.3) description of episode
/// `e`'s embed page (type `rich`), for a site at `base`; `thumbnail` is an
/// image of the show and its size in pixels (square). `None` for an
/// episode without audio.
pub fn oembed(
    site: &Site,
    e: &EpisodeSummary,
    base: &str,
    thumbnail: Option<(&str, u32)>,
) -> Option<String> {
    e.audio.as_ref()?;
    let src = absolute(base, &embed::page_path(&e.slug));
    let author = match site.author.trim() {
        "" => &site.title,
        author => author,
    };
    let mut o = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": site.title,
        "provider_url": absolute(base, ""),
        "title": e.title,
        "author_name": author,
        "html": embed::iframe(&src, &e.title),
        "width": embed::WIDTH,
        "height": embed::HEIGHT,
    });
    if let Some((url, size)) = thumbnail {
        o["thumbnail_url"] = absolute(base, url).into();
        o["thumbnail_width"] = size.into();
        o["thumbnail_height"] = size.into();
    }
    Some(o.to_string())
}

/// What the search engine files an episode page under, and sorts it by:
/// [filters](https://pagefind.app/docs/filtering/) ([`search_filters`]),
/// [metadata](https://pagefind.app/docs/metadata/) (slug, number, date)
/// and the [sort key](https://pagefind.app/docs/sorts/) (date). Hidden: it
/// is for the index, not for readers.
fn search_marks(e: &EpisodeSummary) -> String {
    let date = e.date.to_string();
    let mut m = format!(
        r#"<div hidden data-pagefind-meta="{META_SLUG}:{}" data-pagefind-sort="{SORT_DATE}:{date}">"#,
        escape(&e.slug)
    );
    let mut tag = |kind: &str, name: &str, value: &str| {
        let _ = write!(
            m,
            r#"<span data-pagefind-{kind}="{name}">{}</span>"#,
            escape(value)
        );
    };
    for (name, value) in search_filters(e) {
        tag("filter", name, &value);
    }
    if let Some(n) = e.number {
        tag("meta", META_NUMBER, &n.to_string());
    }
    tag("meta", META_DATE, &date);
    m.push_str("</div>");
    m
}

/// The search filters an episode is filed under, as `(name, value)`: its
/// year, each person, its season. Its page and its transcript's
/// paragraphs (see `indexer::prerender`) carry the same.
pub fn search_filters(e: &EpisodeSummary) -> Vec<(&'static str, String)> {
    let mut filters = vec![(FILTER_YEAR, e.date.year.to_string())];
    filters.extend(e.people().map(|p| (FILTER_PERSON, p.clone())));
    if let Some(season) = e.season {
        filters.push((FILTER_SEASON, season.to_string()));
    }
    filters
}

/// The search records of an episode's transcript, a paragraph each (see
/// [`super::search::TRANSCRIPT_RECORDS`]): its address opens the episode
/// at the paragraph (`?t=` in whole seconds; none for a transcript
/// without times), its content is the speaker and the words, and it is
/// filed under the episode's title, slug and filters. `language` is the
/// site's (a BCP 47 tag; Pagefind stems by its primary subtag).
pub fn transcript_records(
    e: &EpisodeSummary,
    t: &Transcript,
    language: &str,
) -> Vec<serde_json::Value> {
    let language = language
        .split(['-', '_'])
        .next()
        .filter(|l| !l.is_empty())
        .unwrap_or("en")
        .to_ascii_lowercase();
    let mut filters = serde_json::Map::new();
    for (name, value) in search_filters(e) {
        let values = filters.entry(name).or_insert_with(|| serde_json::json!([]));
        if let Some(list) = values.as_array_mut() {
            list.push(value.into());
        }
    }
    let page = Route::Episode {
        slug: e.slug.clone(),
    }
    .path();
    // A transcript without times is one record: its paragraphs would all
    // open the same address.
    let parts = if t.timed {
        paragraphs(t)
    } else {
        std::iter::once(0..t.cues.len()).collect()
    };
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            let cues = &t.cues[p];
            let start = cues.first().map_or(0, |c| c.start.max(0.0) as u32);
            let said: Vec<&str> = cues.iter().map(|c| c.text.as_str()).collect();
            let said = said.join(" ");
            // The speaker is a word of the record, set off as a reader of
            // its excerpt expects: `Léa Fontaine: And a button…`.
            let content = match cues.iter().find_map(|c| c.speaker.as_deref()) {
                Some(speaker) => format!("{speaker}: {said}"),
                None => said,
            };
            let url = match t.timed {
                true => format!("{page}?{}", super::timestamp::t_query(start)),
                false => page.clone(),
            };
            let mut meta = serde_json::json!({ "title": e.title, META_SLUG: e.slug });
            if t.timed {
                meta[META_TIME] = start.to_string().into();
            }
            serde_json::json!({
                "url": url,
                "content": content,
                "language": language,
                "meta": meta,
                "filters": filters,
            })
        })
        .collect()
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
        s["webFeed"] = absolute(base, FEED_FILE).into();
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

/// The listing, with `app` the app rendered for it.
pub fn listing_page(shell: &Shell, catalog: &Catalog, app: &str) -> String {
    let site = &catalog.site;
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
        oembed: None,
    };
    shell.page(&site.language, &head(site, &meta), &Route::Listing, app, "")
}

/// The archive of every episode, with `app` the app rendered for it.
pub fn archive_page(shell: &Shell, catalog: &Catalog, app: &str) -> String {
    let site = &catalog.site;
    let t = strings(&site.language);
    let meta = Meta {
        title: page_title(t.all_episodes, &site.title),
        description: &site.description,
        path: Route::Archive.path(),
        kind: "website",
        image: site.artwork.as_deref(),
        audio: None,
        json_ld: None,
        noindex: false,
        oembed: None,
    };
    shell.page(&site.language, &head(site, &meta), &Route::Archive, app, "")
}

/// The page static hosts send for a missing address (`404.html`), with
/// `app` the app rendered for it.
pub fn not_found_page(shell: &Shell, site: &Site, app: &str) -> String {
    let t = strings(&site.language);
    unlisted_page(shell, site, app, t.not_found_title, &Route::NotFound, "")
}

/// The authors' preview page (`preview/`), with `app` the app rendered for
/// it (the site's frame): the preview module's tool is drawn into a box
/// after the app's mount point, by the page's own script (`preview-page.js`,
/// see `core::source`). Never indexed by search engines.
pub fn preview_page(shell: &Shell, site: &Site, app: &str) -> String {
    unlisted_page(
        shell,
        site,
        app,
        "Episode preview",
        &Route::Preview,
        r#"<div id="viewer-preview" class="preview"></div><script type="module" src="preview-page.js"></script>"#,
    )
}

/// A page of the site titled `title` at `route` that search engines are
/// asked to leave out, with `after` written after the app's mount point.
fn unlisted_page(
    shell: &Shell,
    site: &Site,
    app: &str,
    title: &str,
    route: &Route,
    after: &str,
) -> String {
    let meta = Meta {
        title: page_title(title, &site.title),
        description: "",
        path: route.path(),
        kind: "website",
        image: None,
        audio: None,
        json_ld: None,
        noindex: true,
        oembed: None,
    };
    shell.page(&site.language, &head(site, &meta), route, app, after)
}

/// `sitemap.xml`: the listing, the archive and every episode, with the
/// episode's date as its last change.
pub fn sitemap(catalog: &Catalog, base: &str) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let newest = catalog.episodes.first().map(|e| e.date);
    for (path, date) in [(String::new(), newest), (Route::Archive.path(), newest)]
        .into_iter()
        .chain(catalog.episodes.iter().map(|e| {
            let route = Route::Episode {
                slug: e.slug.clone(),
            };
            (route.path(), Some(e.date))
        }))
    {
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
    use crate::core::catalog::EpisodeSummary;
    use crate::core::chapters::Chapter;
    use crate::core::date::Date;

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
            filters: Default::default(),
        }
    }

    #[test]
    fn can_write_an_embed_page_that_loads_nothing_of_the_app() {
        let c = catalog();
        let page = embed_page(&c.site, &c.episodes[0]).unwrap();
        for want in [
            r#"<html lang="fr">"#,
            r#"<audio src="../../../content/audio/ep-2.mp3" preload="none" controls>"#,
            r#"<img class="art" src="../../../content/art.png""#,
            r#"<h1 class="title"><a href="../" target="_blank" rel="noopener">Rust &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a></h1>"#,
            r#"<span class="time">0:00 / 1:02:03</span>"#,
            r#"<script type="module" src="../../../embed.js"></script>"#,
            r#"<link rel="canonical" href="https://example.org/show/episodes/ep-2/">"#,
        ] {
            assert!(page.contains(want), "{want}\n{page}");
        }
        assert!(!page.contains("app-"), "{page}");
        assert!(!page.contains("<script>"), "{page}");
        let mut news = c.episodes[1].clone();
        news.audio = None;
        assert_eq!(embed_page(&c.site, &news), None);
    }

    #[test]
    fn can_describe_an_embed_for_oembed() {
        let c = catalog();
        let base = "https://example.org/show/";
        let o: serde_json::Value = serde_json::from_str(
            &oembed(&c.site, &c.episodes[1], base, Some(("icon-512.png", 512))).unwrap(),
        )
        .unwrap();
        assert_eq!(o["version"], "1.0");
        assert_eq!(o["type"], "rich");
        assert_eq!(o["title"], "First");
        assert_eq!(o["provider_name"], "Tabs & Spaces");
        assert_eq!(o["author_name"], "Tabs & Spaces");
        assert_eq!(o["width"], embed::WIDTH);
        assert_eq!(o["height"], embed::HEIGHT);
        assert_eq!(o["thumbnail_url"], "https://example.org/show/icon-512.png");
        assert_eq!(o["thumbnail_height"], 512);
        assert_eq!(
            o["html"],
            embed::iframe("https://example.org/show/episodes/ep-1/embed/", "First")
        );
        // The episode page names it for discovery.
        let shell = Shell::parse(SHELL).unwrap();
        let page = episode_page(&shell, &c, 1, "<p>The app</p>");
        assert!(
            page.contains(r#"<link rel="alternate" type="application/json+oembed" href="https://example.org/show/episodes/ep-1/oembed.json""#),
            "{page}"
        );
    }

    #[test]
    fn can_file_a_transcript_for_search_a_paragraph_at_a_time() {
        use crate::core::transcript::Cue;
        let cue = |start: f64, speaker: &str, text: &str| Cue {
            start,
            end: start + 2.0,
            speaker: Some(speaker.into()),
            text: text.into(),
        };
        let c = catalog();
        let e = &c.episodes[1];
        let timed = Transcript::new(vec![
            cue(0.0, "Ada", "Hello."),
            cue(2.5, "Ada", "Welcome."),
            cue(95.9, "Sam", "A train."),
        ]);
        let records = transcript_records(e, &timed, "fr-CA");
        assert_eq!(records.len(), 2, "a paragraph per speaker's turn");
        assert_eq!(records[0]["url"], "episodes/ep-1/?t=0");
        assert_eq!(records[0]["content"], "Ada: Hello. Welcome.");
        assert_eq!(records[1]["url"], "episodes/ep-1/?t=95");
        assert_eq!(records[1]["meta"]["t"], "95");
        assert_eq!(records[1]["meta"]["slug"], "ep-1");
        assert_eq!(records[1]["meta"]["title"], "First");
        assert_eq!(records[1]["language"], "fr");
        assert_eq!(
            records[1]["filters"],
            serde_json::json!({"year": ["2024"], "person": ["Ada Lovelace", "Grace & Co"]})
        );
        // Without times, the whole text is one record at the page itself.
        let mut untimed = timed.clone();
        untimed.timed = false;
        let records = transcript_records(e, &untimed, "");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0]["url"], "episodes/ep-1/");
        assert_eq!(records[0]["language"], "en");
        assert!(records[0]["content"]
            .as_str()
            .unwrap()
            .ends_with("A train."));
    }

    #[test]
    fn can_cut_a_minified_or_pretty_shell() {
        let shell = Shell::parse(SHELL).unwrap();
        assert!(shell.head.ends_with("<meta charset=utf-8>"));
        assert!(shell.middle.starts_with("<base href=/show/>"));
        assert_eq!(shell.mount, "<div id=app");
        assert_eq!(shell.boot, "<noscript><p class=boot>JS</p></noscript>");
        assert!(shell.tail.starts_with("</div><script"));
        assert_eq!(shell.empty("en"), SHELL.replace("lang=en", "lang=\"en\""));
        let pretty = "<html lang=\"en\">\n<head><title>X</title></head>\n<body><div id=\"app\">\n</div></body></html>";
        let shell = Shell::parse(pretty).unwrap();
        assert_eq!(shell.mount, "<div id=\"app\"");
        assert!(shell.tail.starts_with("</div></body>"));
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
            ("<html><title>x</title><div id=app>", "not closed"),
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
        let page = episode_page(&Shell::parse(SHELL).unwrap(), &c, 0, "<p>The app</p>");
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
            // The app, in place of the shell's loading message.
            r#"<div id=app data-route="episodes/ep-2/"><p>The app</p></div><div hidden data-pagefind-meta="slug:ep-2""#,
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
    fn episode_pages_file_themselves_for_the_search_engine() {
        let mut c = catalog();
        c.episodes[0].season = Some(3);
        let page = episode_page(&Shell::parse(SHELL).unwrap(), &c, 0, "x");
        let date = c.episodes[0].date.to_string();
        for want in [
            format!(r#"data-pagefind-meta="slug:ep-2" data-pagefind-sort="date:{date}""#),
            r#"<span data-pagefind-filter="year">2024</span>"#.to_string(),
            r#"<span data-pagefind-filter="person">Ada Lovelace</span>"#.to_string(),
            r#"<span data-pagefind-filter="person">Grace &amp; Co</span>"#.to_string(),
            r#"<span data-pagefind-filter="season">3</span>"#.to_string(),
            r#"<span data-pagefind-meta="number">2</span>"#.to_string(),
            format!(r#"<span data-pagefind-meta="date">{date}</span>"#),
        ] {
            assert!(page.contains(&want), "missing {want}\n{page}");
        }
        // Outside the app's mount point, which hydration owns.
        let marks = page.find("data-pagefind-meta").unwrap();
        assert!(page.find(r#"<div id=app"#).unwrap() < marks);
        assert!(page[..marks].ends_with("</div><div hidden "), "{page}");
        // Only episode pages are filed.
        assert!(!listing_page(&Shell::parse(SHELL).unwrap(), &c, "x").contains("pagefind"));
    }

    #[test]
    fn can_omit_absolute_addresses_without_a_site_url() {
        let mut c = catalog();
        c.site.url = None;
        let page = episode_page(&Shell::parse(SHELL).unwrap(), &c, 1, "");
        assert!(!page.contains("canonical"));
        assert!(!page.contains("og:image"));
        assert!(page.contains(r#"<meta property="og:title" content="First · Tabs &amp; Spaces">"#));
    }

    #[test]
    fn pages_name_the_route_their_app_was_rendered_for() {
        let shell = Shell::parse(SHELL).unwrap();
        let c = catalog();
        for (page, route) in [
            (listing_page(&shell, &c, "x"), "./"),
            (archive_page(&shell, &c, "x"), "episodes/"),
            (not_found_page(&shell, &c.site, "x"), "404.html"),
        ] {
            assert!(
                page.contains(&format!(r#"<div id=app data-route="{route}">x</div>"#)),
                "{page}"
            );
            assert!(!page.contains("class=boot"), "{page}");
        }
        let listing = listing_page(&shell, &c, "");
        assert!(listing.contains(r#""@type":"PodcastSeries""#));
        assert!(listing.contains("<title>Tabs &amp; Spaces</title>"));
        let archive = archive_page(&shell, &c, "");
        assert!(
            archive.contains("<title>Tous les épisodes · Tabs &amp; Spaces</title>"),
            "{archive}"
        );
    }

    #[test]
    fn not_found_is_not_indexed() {
        let page = not_found_page(&Shell::parse(SHELL).unwrap(), &catalog().site, "");
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
    fn can_format_durations_and_descriptions() {
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
