//! The catalog index: the one small JSON file the listing is drawn from.
//!
//! The indexer writes it at build time; the browser reads it with the same
//! types. Fields that are usually absent are skipped to keep it small.

use super::chapters::Chapter;
use super::date::{Date, Published, Time};
#[cfg(pipeline)]
use super::fields::Keys;
use super::fields::Soundbite;
use super::i18n::Strings;
use super::json::{each, Json, Reader};
use super::slug::slugify;
use super::text::tally;
use super::transcript::TranscriptLink;
use super::url;
pub use super::url::{encode_path, percent_decode};
use serde::{Deserialize, Serialize};
#[cfg(pipeline)]
use std::collections::BTreeMap;

/// Where the indexer copies the content folder inside the built site, and so
/// the prefix of every relative URL into it.
pub const CONTENT_DIR: &str = "content";

/// The file name of the index inside the built site.
pub const INDEX_FILE: &str = "index.json";
/// The podcast feed, beside the index (see `core::feed`).
pub const FEED_FILE: &str = "feed.xml";

/// Where the rendered notes of each episode are published.
pub const NOTES_DIR: &str = "notes";

/// Where the indexer writes a Podcasting 2.0 chapters file for each episode
/// whose chapters are inline in its front matter: the feed can only point
/// podcast apps at a file, never carry the chapters itself.
pub const CHAPTERS_DIR: &str = "chapters";

/// Where the transcript of each episode that has one is published, as
/// Podcasting 2.0 JSON.
pub const TRANSCRIPTS_DIR: &str = "transcripts";

/// The first line of every published notes file. A host that answers a
/// missing file with its SPA fallback page sends something else, which the
/// app then treats as missing rather than showing the page inside itself.
pub const NOTES_MARKER: &str = "<!-- notes -->";

/// The URL of an episode's rendered notes, relative to the site root.
/// Slugs are URL-safe by construction, so no encoding is needed.
pub fn notes_url(slug: &str) -> String {
    format!("{NOTES_DIR}/{slug}.html")
}

/// The URL of the chapters file the indexer writes for an episode with
/// inline chapters, relative to the site root.
pub fn chapters_file_url(slug: &str) -> String {
    format!("{CHAPTERS_DIR}/{slug}.json")
}

/// The URL of the transcript the indexer publishes for an episode (see
/// [`super::transcript`]), relative to the site root.
pub fn transcript_file_url(slug: &str) -> String {
    format!("{TRANSCRIPTS_DIR}/{slug}.json")
}

/// Site settings, from `site.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// A BCP 47 tag such as `fr` or `en-GB` (`en_GB` is read as that);
    /// dates are formatted for it.
    #[serde(default = "default_language", deserialize_with = "language_tag")]
    pub language: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artwork: Option<String>,
    /// The site's public address (`https://show.example/`), for the RSS
    /// feed and the static pages, which need absolute links. The app does
    /// not read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where listeners follow and support the show (see
    /// [`super::links`]).
    #[serde(flatten)]
    pub links: super::links::ShowLinks,
    /// The iTunes category of the feed. Used by the indexer only.
    #[serde(default, skip_serializing)]
    pub category: Option<String>,
    /// A template such as `https://host/Ep-{episode}.mp3`, for episodes whose
    /// front matter names no audio file. The index keeps it in place of
    /// every URL it would produce; see [`Catalog::compact`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_url: Option<String>,
    /// Where root-relative links in notes (`/images/x.png`) point when the
    /// content folder does not have the file: the old site's own address.
    /// Used by the indexer only.
    #[serde(default, skip_serializing)]
    pub assets_base: Option<String>,
    /// What a relative audio value in front matter is relative to: the
    /// media host's folder (`https://media.example/show/`). Used by the
    /// indexer only.
    #[serde(default, skip_serializing)]
    pub audio_base: Option<String>,
    /// The IANA time zone of front-matter times written without an offset
    /// (`Europe/Paris`); UTC without one. Used by the indexer only.
    #[serde(default, skip_serializing)]
    pub time_zone: Option<String>,
    /// A measurement service's redirect put before every audio address
    /// (`https://op3.dev/e/`), see [`super::analytics`]. The index holds
    /// the addresses already routed. Used by the indexer only.
    #[serde(default, skip_serializing)]
    #[cfg(not(target_arch = "wasm32"))]
    pub analytics_prefix: Option<String>,
    /// Which front-matter keys hold which field, where an archive's names
    /// are not among the defaults (see [`super::fields`]). Used by the
    /// indexer only.
    #[serde(default, skip_serializing)]
    #[cfg(pipeline)]
    pub fields: BTreeMap<String, Keys>,
    /// What the feed says of the show besides (its guid, type, owner,
    /// funding, people's links), from the same settings. Used by the
    /// indexer only.
    #[serde(flatten, skip_serializing)]
    #[cfg(not(target_arch = "wasm32"))]
    pub feed: super::show::FeedSettings,
    /// The site's [`super::source::Sources`] file, which the build names
    /// here; read by the Markdown module only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg(pipeline)]
    pub sources: Option<String>,
    /// Whether the build publishes each episode's Markdown file as it is
    /// (HTML comments and every front-matter key included) and
    /// [`super::source::Sources`], so that notes missing from the build
    /// and authors' previews are rendered in the browser. On unless the
    /// settings say `publish_sources: false`. Used by the indexer only.
    #[serde(default = "yes", skip_serializing)]
    #[cfg(pipeline)]
    pub publish_sources: bool,
    /// Where the episode files are in the site's repository: each
    /// episode's notes then end with an "Edit this page" link to its file
    /// there. The settings write it as [`super::source::repository_base`]
    /// reads it; the index holds the address each file's path follows,
    /// for the Markdown module. The app does not read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg(pipeline)]
    pub repository: Option<String>,
}

#[cfg(pipeline)]
fn yes() -> bool {
    true
}

fn language_tag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d).map(|raw| super::i18n::language_tag(&raw))
}

fn default_language() -> String {
    "en".to_string()
}

impl Default for Site {
    /// No settings at all: an untitled site in English.
    fn default() -> Self {
        Site {
            title: String::new(),
            description: String::new(),
            language: default_language(),
            author: String::new(),
            artwork: None,
            url: None,
            links: Default::default(),
            category: None,
            audio_url: None,
            assets_base: None,
            audio_base: None,
            time_zone: None,
            #[cfg(not(target_arch = "wasm32"))]
            analytics_prefix: None,
            #[cfg(pipeline)]
            fields: BTreeMap::new(),
            #[cfg(not(target_arch = "wasm32"))]
            feed: Default::default(),
            #[cfg(pipeline)]
            sources: None,
            #[cfg(pipeline)]
            publish_sources: true,
            #[cfg(pipeline)]
            repository: None,
        }
    }
}

/// One entry of the listing: everything shown before the notes are opened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EpisodeSummary {
    /// Left out of the index when it is the title's own slug.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub slug: String,
    pub title: String,
    /// `None` for news posts and for episodes without a number (trailers,
    /// many a bonus, shows that never number theirs).
    /// Zero and negative numbers exist (`#00`, a `#-1` prequel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season: Option<u32>,
    /// `trailer` or `bonus` (iTunes' `episodeType`); `None` for a full
    /// episode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode_type: Option<String>,
    /// The author's calendar date.
    pub date: Date,
    /// The time of day, when the front matter gives one. Not in the index:
    /// the feed and the build's ordering use it, the listing shows days.
    #[serde(skip)]
    pub time: Option<Time>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
    /// Not in the index: the listing does not show it.
    #[serde(default, skip_serializing)]
    pub author: Option<String>,
    /// Hosts and regular team members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<String>,
    /// An absolute URL, or a path relative to the site root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<String>,
    /// The audio file's size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// The audio's length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub youtube: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chapters: Vec<Chapter>,
    /// A remote Podcasting 2.0 chapters file, fetched when the episode plays.
    /// Local files are read into `chapters` at build time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapters_url: Option<String>,
    /// Chapters marked `toc: false`: in the feed's chapters file, not
    /// listed. Not in the index.
    #[serde(skip)]
    pub hidden_chapters: Vec<Chapter>,
    /// The episode's own artwork: an absolute URL or a path from the site
    /// root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The feed's `guid` when the front matter sets one, kept exactly.
    /// Not in the index.
    #[serde(skip)]
    pub guid: Option<String>,
    /// iTunes' per-episode `explicit`. Not in the index.
    #[serde(skip)]
    pub explicit: Option<bool>,
    /// The author's transcript file (its site address), when the indexer
    /// read it and published it as Podcasting 2.0 JSON at
    /// [`transcript_file_url`]; the episode page offers this file for
    /// download. Or, for a transcript only on another host, its URL (see
    /// [`EpisodeSummary::transcript_type`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<String>,
    /// The MIME type of a transcript only on another host (`text/vtt`…):
    /// the build could not read it, so the browser fetches `transcript`
    /// itself and reads it with the indexer's parser. `None` for a
    /// transcript the site publishes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript_type: Option<String>,
    /// Every transcript the front matter names, for the feed's
    /// `<podcast:transcript>` tags. Not in the index.
    #[serde(skip)]
    pub transcripts: Vec<TranscriptLink>,
    /// Stretches of the episode to preview, for the feed's
    /// `<podcast:soundbite>` tags. Not in the index.
    #[serde(skip)]
    pub soundbites: Vec<Soundbite>,
}

impl EpisodeSummary {
    /// Whether the site publishes this episode's transcript
    /// ([`transcript_file_url`]), and so its text is on the page and in
    /// the search.
    pub fn publishes_transcript(&self) -> bool {
        self.transcript.is_some() && self.transcript_type.is_none()
    }

    /// Whether this post is news rather than an episode: it has neither a
    /// number nor audio. A trailer or a bonus with audio and no number is
    /// an episode, in the feed and with a player.
    pub fn is_news(&self) -> bool {
        self.number.is_none() && self.audio.is_none()
    }

    /// Whether the indexer writes this episode's chapters to a file of its
    /// own (see [`chapters_file_url`]): it has chapters, and no file of
    /// its own to name instead.
    pub fn needs_chapters_file(&self) -> bool {
        self.chapters_url.is_none() && !self.chapters.is_empty()
    }

    /// The chapters file the feed names, relative or absolute: the
    /// episode's own `chapters_url`, else the file written from its chapters.
    pub fn chapters_file(&self) -> Option<String> {
        self.chapters_url.clone().or_else(|| {
            self.needs_chapters_file()
                .then(|| chapters_file_url(&self.slug))
        })
    }

    /// The episode's number as a badge shows it: `#12` on a card, `Season 2,
    /// Episode 12` on its page (`long`); `None` for news posts.
    pub fn number_label(&self, t: &Strings, long: bool) -> Option<String> {
        let n = self.number?;
        Some(match (long, self.season) {
            (false, _) => format!("#{n}"),
            (true, Some(season)) => format!("{} {season}, {} {n}", t.season, t.episode),
            (true, None) => format!("{} {n}", t.episode),
        })
    }

    /// `Trailer` or `Bonus`, in the site's language; `None` for a full
    /// episode.
    pub fn type_label(&self, t: &Strings) -> Option<&'static str> {
        match self.episode_type.as_deref() {
            Some("trailer") => Some(t.trailer),
            Some("bonus") => Some(t.bonus),
            _ => None,
        }
    }

    /// When the episode was published: its date, with its time when the
    /// front matter gives one.
    pub fn published(&self) -> Published {
        Published {
            date: self.date,
            time: self.time,
        }
    }

    /// Everyone named on the episode: team, then guests.
    pub fn people(&self) -> impl Iterator<Item = &String> {
        self.team.iter().chain(&self.guests)
    }
}

/// The whole index: site settings and every episode, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub site: Site,
    pub episodes: Vec<EpisodeSummary>,
    /// Index files still to load, for archives larger than [`PART_SIZE`]:
    /// the listing draws from the first part at once, and each further part
    /// is parsed in its own short task.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    /// How many episodes there are in all parts.
    #[serde(default)]
    pub total: usize,
    /// The listing's filters over every part, written into the index's
    /// head: the listing's first view, and the page the build drew for it,
    /// offer them all before any further part is loaded.
    #[serde(default, skip_serializing_if = "Filters::is_empty")]
    pub filters: Filters,
}

/// The years that have episodes, newest first, and everyone named as team
/// or guest with their number of episodes, the most frequent first; and
/// whether any episode has a transcript, which offers searching them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Filters {
    pub years: Vec<i32>,
    pub people: Vec<(String, usize)>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub transcripts: bool,
}

impl Filters {
    /// The filters over `episodes`. The indexer writes them into the
    /// index's head, so the browser never sorts or counts them itself.
    pub fn of(episodes: &[EpisodeSummary]) -> Filters {
        let mut years: Vec<i32> = episodes.iter().map(|e| e.date.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let mut people = tally(
            episodes
                .iter()
                .flat_map(EpisodeSummary::people)
                .map(String::as_str)
                .collect(),
        );
        people.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let transcripts = episodes.iter().any(EpisodeSummary::publishes_transcript);
        Filters {
            years,
            people,
            transcripts,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.years.is_empty() && self.people.is_empty()
    }

    fn from_json(j: &Json) -> Result<Filters, String> {
        let f = j.fields("filters")?;
        let years = f
            .list("years")?
            .iter()
            .map(|y| Ok(y.integer("a year")? as i32))
            .collect::<Result<_, String>>()?;
        let people = f
            .list("people")?
            .iter()
            .map(|p| match p.items("a person")? {
                [name, n] => Ok((name.text("a name")?, n.whole("a count", MAX_SIZE)? as usize)),
                _ => Err("a person should be [name, count]".to_string()),
            })
            .collect::<Result<_, String>>()?;
        Ok(Filters {
            years,
            people,
            transcripts: f.opt_bool("transcripts")?.unwrap_or(false),
        })
    }
}

/// Episodes per index file. A part parses in a few milliseconds in the
/// browser, well under the 50 ms that makes a page feel stuck.
pub const PART_SIZE: usize = 1000;

impl Catalog {
    /// Sorts newest first; on the same day the higher number comes first, so
    /// the order never depends on the file system.
    pub fn sort(&mut self) {
        self.episodes.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then(b.published().timestamp().cmp(&a.published().timestamp()))
                .then(b.number.cmp(&a.number))
                .then(a.slug.cmp(&b.slug))
        });
    }

    /// Drops what the index can rebuild, to keep the one file every
    /// listener downloads small: slugs that are the title's own slug, and
    /// audio URLs that the site's template gives.
    pub fn compact(&mut self) {
        let template = self.site.audio_url.clone();
        for e in &mut self.episodes {
            if let Some(t) = &template {
                if e.audio.is_some() && e.audio == templated_audio(t, e) {
                    e.audio = None;
                }
            }
            if e.slug == slugify(&e.title) {
                e.slug.clear();
            }
        }
    }

    /// Rebuilds what [`Catalog::compact`] dropped, after loading the index.
    pub fn expand(&mut self) {
        let mut episodes = std::mem::take(&mut self.episodes);
        self.expand_part(&mut episodes);
        self.episodes = episodes;
        if self.total < self.episodes.len() {
            self.total = self.episodes.len();
        }
    }

    fn expand_part(&self, part: &mut [EpisodeSummary]) {
        let template = self.site.audio_url.as_deref();
        for e in part {
            if e.slug.is_empty() {
                e.slug = slugify(&e.title);
            }
            if let (None, Some(t)) = (&e.audio, template) {
                e.audio = templated_audio(t, e);
            }
        }
    }

    /// Adds the next part of the index, loaded from `parts[0]`.
    pub fn add_part(&mut self, mut part: Vec<EpisodeSummary>) {
        self.expand_part(&mut part);
        self.episodes.append(&mut part);
        if !self.parts.is_empty() {
            self.parts.remove(0);
        }
    }

    /// Whether every part of the index is loaded.
    pub fn is_complete(&self) -> bool {
        self.parts.is_empty()
    }

    /// The index files to publish, compacted: `index.json` with the site,
    /// the newest episodes and the names of the other parts, then the parts.
    pub fn to_files(&self) -> Vec<(String, String)> {
        let mut head = self.clone();
        head.compact();
        let rest = head.episodes.split_off(head.episodes.len().min(PART_SIZE));
        let parts: Vec<&[EpisodeSummary]> = rest.chunks(PART_SIZE).collect();
        head.parts = (1..=parts.len())
            .map(|i| format!("index-{i}.json"))
            .collect();
        head.total = self.episodes.len();
        head.filters = Filters::of(&self.episodes);
        let mut json = serde_json::to_value(&head).expect("the catalog serializes");
        // The browser carries no words: the site's come with the listing
        // (see `i18n::register`).
        json["strings"] = super::i18n::table_for_index(&self.site.language).to_json();
        let mut files = vec![(INDEX_FILE.to_string(), json.to_string())];
        for (name, part) in head.parts.iter().zip(parts) {
            files.push((
                name.clone(),
                serde_json::to_string(part).expect("episodes serialize"),
            ));
        }
        files
    }

    /// The position of an episode in the listing.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.episodes.iter().position(|e| e.slug == slug)
    }

    /// The neighbours of episode `i`: (older, newer).
    pub fn neighbours(&self, i: usize) -> (Option<&EpisodeSummary>, Option<&EpisodeSummary>) {
        let older = self.episodes.get(i + 1);
        let newer = i.checked_sub(1).and_then(|j| self.episodes.get(j));
        (older, newer)
    }
}

/// The largest file size a JSON number holds exactly.
const MAX_SIZE: u64 = (1 << 53) - 1;

impl Site {
    /// Reads the site as the index stores it (see [`super::json`]).
    pub fn from_json(j: &Json) -> Result<Site, String> {
        let f = Reader::new(j, "the site")?;
        let site = Site {
            title: f.text("title"),
            description: f.text_or_empty("description"),
            language: f.opt_text("language").unwrap_or_else(default_language),
            author: f.text_or_empty("author"),
            artwork: f.opt_text("artwork"),
            url: f.opt_text("url"),
            links: f.with(super::links::ShowLinks::from_json),
            category: None,
            audio_url: f.opt_text("audio_url"),
            assets_base: None,
            audio_base: None,
            time_zone: None,
            #[cfg(not(target_arch = "wasm32"))]
            analytics_prefix: None,
            #[cfg(pipeline)]
            fields: BTreeMap::new(),
            #[cfg(not(target_arch = "wasm32"))]
            feed: Default::default(),
            #[cfg(pipeline)]
            sources: f.opt_text("sources"),
            #[cfg(pipeline)]
            publish_sources: true,
            #[cfg(pipeline)]
            repository: f.opt_text("repository"),
        };
        f.done(site)
    }
}

impl EpisodeSummary {
    /// Reads one listing entry as the index stores it.
    pub fn from_json(j: &Json) -> Result<EpisodeSummary, String> {
        let f = Reader::new(j, "an episode")?;
        let date = f.with(|f| {
            let date = f.text("date")?;
            Date::parse_ymd(&date)
                .ok_or_else(|| format!("date \"{date}\" is not a YYYY-MM-DD date"))
        });
        let episode = EpisodeSummary {
            slug: f.text_or_empty("slug"),
            title: f.text("title"),
            number: f.opt_integer("number").map(|n| n as i32),
            season: f.opt_whole("season", u32::MAX.into()).map(|n| n as u32),
            episode_type: f.opt_text("episode_type"),
            time: None,
            date,
            excerpt: f.text_or_empty("excerpt"),
            author: None,
            team: f.texts("team"),
            guests: f.texts("guests"),
            audio: f.opt_text("audio"),
            size: f.opt_whole("size", MAX_SIZE),
            duration: f.opt_whole("duration", u32::MAX.into()).map(|n| n as u32),
            youtube: f.opt_text("youtube"),
            chapters: f.with(|f| each(f.list("chapters")?, "chapter", Chapter::from_json)),
            chapters_url: f.opt_text("chapters_url"),
            hidden_chapters: Vec::new(),
            image: f.opt_text("image"),
            guid: None,
            transcript: f.opt_text("transcript"),
            transcript_type: f.opt_text("transcript_type"),
            transcripts: Vec::new(),
            soundbites: Vec::new(),
            explicit: None,
        };
        f.done(episode)
    }

    /// Reads a further part of the index: a list of entries.
    pub fn list_from_json(j: &Json) -> Result<Vec<EpisodeSummary>, String> {
        each(
            j.items("the index part")?,
            "entry",
            EpisodeSummary::from_json,
        )
    }
}

impl Catalog {
    /// Reads the head of the index. What [`Catalog::compact`] dropped is
    /// not rebuilt here; see [`Catalog::expand`].
    pub fn from_json(j: &Json) -> Result<Catalog, String> {
        let mut catalog = Catalog::head_from_json(j)?;
        let episodes = j.fields("the index")?.required_field("episodes")?;
        catalog.episodes = EpisodeSummary::list_from_json(episodes)?;
        Ok(catalog)
    }

    /// Reads everything but the episodes, which the browser decodes a few
    /// hundred per task. The interface words of the site's language, when
    /// the index carries them, are registered for `i18n::strings`.
    pub fn head_from_json(j: &Json) -> Result<Catalog, String> {
        let f = j.fields("the index")?;
        let site = Site::from_json(f.required_field("site")?)?;
        if let Some(table) = j.get("strings") {
            super::i18n::register(&site.language, super::i18n::Strings::from_json(table)?);
        }
        Ok(Catalog {
            site,
            episodes: Vec::new(),
            parts: f.texts("parts")?,
            total: f.opt_whole("total", MAX_SIZE)?.unwrap_or(0) as usize,
            filters: match j.get("filters") {
                Some(filters) => Filters::from_json(filters)?,
                None => Filters::default(),
            },
        })
    }
}

/// The address, relative to the site root, where the build publishes the
/// content file at `path` (see `core::source`).
pub fn source_url(path: &str) -> String {
    format!("{CONTENT_DIR}/{}", encode_path(path))
}

/// The audio URL template of the site settings (`audio_url`) is how the
/// index leaves out every URL it can rebuild; these are its rules, shared
/// by the indexer and the browser.
/// Fills an `audio_url` template: `{episode}`, `{season}`, `{slug}` and
/// `{title}`, each percent-encoded so that no value can change the URL's
/// shape. `None` for news posts (no number) when the template wants one.
pub fn fill_template(template: &str, e: &EpisodeSummary) -> Option<String> {
    let needs = |name: &str| template.contains(name);
    if needs("{episode}") && e.number.is_none() || needs("{season}") && e.season.is_none() {
        return None;
    }
    let mut out = template.to_string();
    for (name, value) in [
        ("{episode}", e.number.map(|n| n.to_string())),
        ("{season}", e.season.map(|n| n.to_string())),
        ("{slug}", Some(e.slug.clone())),
        ("{title}", Some(e.title.clone())),
    ] {
        if let Some(value) = value {
            out = out.replace(name, &url::encode_component(&value));
        }
    }
    Some(out)
}

/// The audio URL a template gives an episode, as the index rebuilds it
/// (see `Catalog::expand`).
pub fn templated_audio(template: &str, e: &EpisodeSummary) -> Option<String> {
    e.number?;
    fill_template(template, e).map(|u| resolve_in_content(&u))
}

/// Relative URLs in front matter and settings name files of the content
/// folder; absolute and root-relative ones are left alone (encoded once).
pub fn resolve_in_content(address: &str) -> String {
    let address = address.trim();
    if url::is_absolute(address) || address.starts_with('/') {
        url::encode(address)
    } else {
        let path = url::percent_decode(address).unwrap_or_else(|| address.to_string());
        format!(
            "{CONTENT_DIR}/{}",
            url::encode_path(path.trim_start_matches("./"))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep(slug: &str, date: &str, number: Option<i32>) -> EpisodeSummary {
        EpisodeSummary {
            slug: slug.into(),
            title: slug.into(),
            number,
            date: Date::parse_ymd(date).unwrap(),
            excerpt: String::new(),
            author: None,
            team: vec![],
            guests: vec![],
            audio: None,
            size: None,
            duration: None,
            youtube: None,
            chapters: vec![],
            chapters_url: None,
            ..EpisodeSummary::default()
        }
    }

    #[test]
    fn can_label_numbers_seasons_and_types() {
        let t = crate::core::i18n::strings("en");
        let mut e = EpisodeSummary {
            number: Some(12),
            ..EpisodeSummary::default()
        };
        assert_eq!(e.number_label(t, false).as_deref(), Some("#12"));
        assert_eq!(e.number_label(t, true).as_deref(), Some("Episode 12"));
        assert_eq!(e.type_label(t), None);
        e.season = Some(2);
        e.episode_type = Some("trailer".into());
        assert_eq!(
            e.number_label(t, true).as_deref(),
            Some("Season 2, Episode 12")
        );
        assert_eq!(e.type_label(t), Some("Trailer"));
        let fr = crate::core::i18n::strings("fr");
        assert_eq!(
            e.number_label(fr, true).as_deref(),
            Some("Saison 2, Épisode 12")
        );
        e.number = None;
        assert_eq!(e.number_label(t, true), None);
    }

    #[test]
    fn can_sort_newest_first_with_stable_ties() {
        let mut c = Catalog {
            site: Site {
                title: "T".into(),
                ..Site::default()
            },
            parts: vec![],
            total: 0,
            filters: Default::default(),
            episodes: vec![
                ep("old", "2019-01-01", Some(1)),
                ep("news", "2021-05-05", None),
                ep("ep3", "2021-05-05", Some(3)),
                ep("new", "2022-01-01", Some(4)),
            ],
        };
        c.sort();
        let order: Vec<_> = c.episodes.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(order, ["new", "ep3", "news", "old"]);
        assert_eq!(c.neighbours(0).0.map(|e| e.slug.as_str()), Some("ep3"));
        assert_eq!(c.neighbours(0).1, None);
        assert_eq!(c.neighbours(3).0, None);
    }

    #[test]
    fn can_compact_and_expand_template_audio() {
        let mut c = Catalog {
            site: Site {
                title: "T".into(),
                audio_url: Some("https://h/Ep-{episode}.mp3".into()),
                ..Site::default()
            },
            episodes: vec![
                ep("a", "2020-01-01", Some(1)),
                ep("b", "2020-01-02", Some(2)),
                ep("news", "2020-01-03", None),
            ],
            parts: vec![],
            total: 3,
            filters: Default::default(),
        };
        c.episodes[0].audio = Some("https://h/Ep-1.mp3".into());
        c.episodes[0].title = "A".into();
        c.episodes[0].slug = "a".into();
        c.episodes[1].title = "Not the slug".into();
        c.episodes[1].audio = Some("https://elsewhere/own.mp3".into());
        let full = c.clone();
        c.compact();
        assert_eq!(c.episodes[0].audio, None);
        assert_eq!(c.episodes[0].slug, "", "the title gives it");
        assert_eq!(
            c.episodes[1].slug, "b",
            "kept: the title gives another slug"
        );
        assert_eq!(
            c.episodes[1].audio.as_deref(),
            Some("https://elsewhere/own.mp3")
        );
        let json = serde_json::to_string(&c).unwrap();
        let mut back = Catalog::from_json(&Json::parse(&json).unwrap()).unwrap();
        back.expand();
        assert_eq!(back, full);
    }

    #[test]
    fn can_split_large_indexes_into_parts_and_join_them() {
        let mut c = Catalog {
            site: Site {
                title: "T".into(),
                audio_url: Some("https://h/{episode}.mp3".into()),
                ..Site::default()
            },
            episodes: (0..2500)
                .map(|i| ep(&format!("e{i}"), "2020-01-01", Some(i)))
                .collect(),
            parts: vec![],
            total: 0,
            filters: Default::default(),
        };
        for e in &mut c.episodes {
            e.audio = Some(format!("https://h/{}.mp3", e.number.unwrap()));
        }
        let files = c.to_files();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["index.json", "index-1.json", "index-2.json"]);
        let read = |text: &str| Json::parse(text).unwrap();
        let mut back = Catalog::from_json(&read(&files[0].1)).unwrap();
        back.expand();
        assert_eq!(
            (back.episodes.len(), back.total, back.is_complete()),
            (PART_SIZE, 2500, false)
        );
        for (_, json) in &files[1..] {
            back.add_part(EpisodeSummary::list_from_json(&read(json)).unwrap());
        }
        assert!(back.is_complete());
        assert_eq!(back.episodes, c.episodes);

        // A small archive is one file, and its head carries the filters
        // too: the browser never computes them.
        c.episodes.truncate(10);
        let files = c.to_files();
        assert_eq!(files.len(), 1);
        let head = Catalog::from_json(&read(&files[0].1)).unwrap();
        assert_eq!(head.filters, Filters::of(&c.episodes));
        assert_eq!(head.filters.years, [2020]);
    }

    #[test]
    fn can_decode_what_was_encoded() {
        for path in [
            "content/072 - Accessibility.md",
            "content/épisode #1?.md",
            "plain",
        ] {
            assert_eq!(percent_decode(&encode_path(path)).as_deref(), Some(path));
        }
        assert_eq!(percent_decode("100%").as_deref(), Some("100%"));
        assert_eq!(percent_decode("%ff"), None);
    }

    #[test]
    fn can_encode_paths() {
        assert_eq!(
            encode_path("content/072 - Accessibility.md"),
            "content/072%20-%20Accessibility.md"
        );
        assert_eq!(encode_path("content/a#b?c.md"), "content/a%23b%3Fc.md");
        assert_eq!(encode_path("content/épisode.md"), "content/%C3%A9pisode.md");
        assert_eq!(
            encode_path("content/2015-09-28-lcc.md"),
            "content/2015-09-28-lcc.md"
        );
    }

    #[test]
    fn can_name_the_chapters_file_the_feed_points_to() {
        let inline = vec![Chapter(0, "Intro".into())];
        for (chapters, url, want_file, want) in [
            (vec![], None, false, None),
            (inline.clone(), None, true, Some("chapters/ep.json")),
            (
                inline,
                Some("https://h/c.json"),
                false,
                Some("https://h/c.json"),
            ),
            (
                vec![],
                Some("https://h/c.json"),
                false,
                Some("https://h/c.json"),
            ),
        ] {
            let mut e = ep("ep", "2020-01-01", Some(1));
            e.chapters = chapters;
            e.chapters_url = url.map(String::from);
            assert_eq!(e.needs_chapters_file(), want_file, "{url:?}");
            assert_eq!(e.chapters_file().as_deref(), want, "{url:?}");
        }
    }

    #[test]
    fn index_skips_absent_fields() {
        let json = serde_json::to_string(&ep("x", "2020-01-01", None)).unwrap();
        assert_eq!(json, r#"{"slug":"x","title":"x","date":"2020-01-01"}"#);
    }

    /// Every field the indexer writes, read back by the browser's decoder.
    #[test]
    fn can_read_every_field_the_indexer_writes() {
        let mut e = ep("full", "2024-02-29", Some(7));
        e.title = "Full «é» \"q\"".into();
        e.excerpt = "Ex".into();
        e.team = vec!["A".into(), "B".into()];
        e.guests = vec!["G".into()];
        e.audio = Some("a.mp3".into());
        e.size = Some(123_456_789_012);
        e.duration = Some(3600);
        e.youtube = Some("abc".into());
        e.chapters = vec![Chapter(0, "Intro".into()), Chapter(90, "Main".into())];
        e.chapters_url = Some("c.json".into());
        let c = Catalog {
            site: Site {
                title: "Show".into(),
                description: "D".into(),
                language: "fr".into(),
                author: "Au".into(),
                artwork: Some("art.png".into()),
                url: Some("https://show.example/".into()),
                audio_url: Some("https://h/{episode}.mp3".into()),
                ..Site::default()
            },
            episodes: vec![e, ep("news", "2024-01-01", None)],
            parts: vec!["index-1.json".into()],
            total: 1002,
            filters: Default::default(),
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(Catalog::from_json(&Json::parse(&json).unwrap()), Ok(c));
    }

    #[test]
    fn errors_if_the_index_is_not_an_index() {
        for (json, reason) in [
            ("[]", "the index should be an object, not a list"),
            (r#"{"episodes": []}"#, "site is missing"),
            (r#"{"site": {"title": "T"}}"#, "episodes is missing"),
            (r#"{"site": {}, "episodes": []}"#, "title is missing"),
            (
                r#"{"site": {"title": "T"}, "episodes": [{"title": "a", "date": "2020-01-01"}, {"title": "b"}]}"#,
                "entry 2: date is missing",
            ),
            (
                r#"{"site": {"title": "T"}, "episodes": [{"title": "a", "date": "2020-13-01"}]}"#,
                "entry 1: date \"2020-13-01\" is not a YYYY-MM-DD date",
            ),
            (
                r#"{"site": {"title": "T"}, "episodes": [{"title": "a", "date": "2020-01-01", "number": "3"}]}"#,
                "entry 1: number should be a number, not text",
            ),
            (
                r#"{"site": {"title": "T"}, "episodes": [{"title": "a", "date": "2020-01-01", "chapters": [[1]]}]}"#,
                "entry 1: chapter 1: a chapter should be a [start, title] pair",
            ),
        ] {
            let got = Catalog::from_json(&Json::parse(json).unwrap());
            assert_eq!(got, Err(reason.to_string()), "{json}");
        }
    }
}
