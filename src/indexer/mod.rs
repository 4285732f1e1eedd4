//! The native indexer: a content folder in, a catalog index out.
//!
//! Like mdBook's pipeline it runs in three steps, each its own function:
//!
//! 1. [`load`]: find the site settings, every episode file and every other
//!    file of the content folder, and read the episodes.
//! 2. [`process`]: parse each episode with `core` (front matter, slug, date,
//!    excerpt), collect every problem with its path and line, then render
//!    each episode's notes (Liquid, Markdown, sanitizing, URLs).
//! 3. [`render`]: write `index.json`, one `notes/{slug}.html` per episode
//!    (fetched only when that episode is opened), a
//!    `chapters/{slug}.json` for each episode whose chapters the feed could
//!    not otherwise name, and the media the site uses.
//!
//! 4. [`prerender`], run after Trunk has written the app's shell: the
//!    static pages, for crawlers, link previews and reading without
//!    JavaScript (see `core::prerender`). The search engine indexes the
//!    episode pages after that (`scripts/search-index`).
//!
//! By default any problem fails the whole run before anything is written, so
//! a broken archive never deploys half an index. With `keep_going`, broken
//! files are reported and left out instead.

use crate::core::catalog::{
    chapters_file_url, notes_url, transcript_file_url, Catalog, EpisodeSummary, Site, CHAPTERS_DIR,
    CONTENT_DIR, FEED_FILE, NOTES_DIR, NOTES_MARKER, TRANSCRIPTS_DIR,
};
use crate::core::chapters::{parse_json as parse_chapters, to_json_file as chapters_json};
use crate::core::date::Zones;
use crate::core::episode::{parse, parse_site, resolve_media, Context, Parsed, Problem};
use crate::core::feed;
use crate::core::fields::{Field, FieldMap};
use crate::core::frontmatter::Format;
use crate::core::generator::{self, Detected, Generator};
use crate::core::notes::{
    local_file, post_name, published_notes, render_episode, Archive, EpisodeNotes, SourceLink,
};
use crate::core::source::{repository_base, Sources, SOURCES_FILE};
use crate::core::transcript::{self, to_json_file, TranscriptLink};
use crate::core::url;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

mod check;
mod prerender;
pub use check::check;
pub use prerender::{prerender, MANIFEST_FILE, SHELL_FILE};

/// Where to read from and write to.
#[derive(Debug, Clone)]
pub struct Options {
    /// A folder of episode files, or a Jekyll site root with `_posts/`.
    pub content: PathBuf,
    /// Site settings; defaults to `site.yaml` in the content folder.
    pub site: Option<PathBuf>,
    /// The built site's folder.
    pub out: PathBuf,
    /// Leave broken episode files out instead of failing.
    pub keep_going: bool,
    /// Publish `draft: true` episodes too.
    pub drafts: bool,
    /// Publish episodes dated in the future too.
    pub future: bool,
    /// "Now", in seconds since the Unix epoch, for future dates; `None`
    /// is the system clock.
    pub now: Option<i64>,
}

impl Options {
    /// Reads `content` and writes into `out`, with the defaults: stop at
    /// the first broken file, leave drafts and future episodes out.
    pub fn new(content: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Options {
        Options {
            content: content.into(),
            site: None,
            out: out.into(),
            keep_going: false,
            drafts: false,
            future: false,
            now: None,
        }
    }
}

/// One problem in one file, printed as `path:line: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.reason)
    }
}

/// What a successful run did.
#[derive(Debug)]
pub struct Report {
    pub catalog: Catalog,
    pub warnings: Vec<Diagnostic>,
    /// With `keep_going`: the problems of the files that were left out.
    pub skipped: Vec<Diagnostic>,
    pub index_bytes: usize,
    pub published_files: usize,
    pub summary: Summary,
}

/// What the build understood of the archive, for its last lines and for
/// `--check`.
#[derive(Debug, Default)]
pub struct Summary {
    pub generator: Generator,
    /// The generator's configuration file, when one was read.
    pub config: Option<String>,
    /// The folder the episodes were read from, relative to the root.
    pub episodes_dir: String,
    pub files: usize,
    /// Markdown files that are not episodes (`_index.md`, other pages).
    pub not_episodes: usize,
    pub drafts: usize,
    pub future: usize,
    /// For each field, the keys that fed it and how many episodes each.
    pub sources: BTreeMap<Field, BTreeMap<String, usize>>,
    pub without_audio: usize,
    /// Numbered posts with no audio: what `--check` suggests
    /// a mapping for.
    pub numbered_without_audio: usize,
    pub without_number: usize,
    /// Posts with neither a number nor audio: news, not episodes.
    pub news: usize,
    /// Dates read from file names rather than front matter.
    pub dated_by_file_name: usize,
}

/// A failed run: every problem found, in path order.
#[derive(Debug)]
pub struct Failure {
    pub errors: Vec<Diagnostic>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            writeln!(f, "{e}")?;
        }
        write!(
            f,
            "{} problem(s) in {} file(s); nothing was written",
            self.errors.len(),
            count_files(&self.errors)
        )
    }
}

/// How many distinct files a list of diagnostics names.
pub fn count_files(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .map(|e| &e.path)
        .collect::<BTreeSet<_>>()
        .len()
}

/// An episode file read from disk.
pub struct SourceFile {
    /// Relative to the content folder, with `/` separators.
    pub relative: String,
    pub path: PathBuf,
    pub text: Result<String, Diagnostic>,
}

/// Everything [`load`] found.
pub struct Loaded {
    pub site: Result<Site, Diagnostic>,
    /// What the site generator's own configuration says.
    pub detected: Detected,
    pub root: PathBuf,
    /// True for a plain folder of episodes, false for a generator's site
    /// root: a plain folder is published whole, a site only as far as the
    /// episodes use it.
    pub publish_all: bool,
    pub episodes: Vec<SourceFile>,
    /// Every other file of the content folder, relative, `/`-separated.
    pub files: HashSet<String>,
    /// The folder the episodes were read from, relative to the root.
    pub episodes_dir: String,
    /// Markdown files in that folder that are not episodes (`_index.md`).
    pub not_episodes: usize,
    /// Settings that could not be read but did not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Where the root is in its git repository's files: `content/`, or
    /// empty at the top (or outside any repository).
    pub in_repository: String,
}

/// Runs the three steps.
pub fn run(options: &Options) -> Result<Report, Failure> {
    let loaded = load(options).map_err(|e| Failure { errors: vec![e] })?;
    let processed = process(&loaded, options)?;
    let (index_bytes, published_files) =
        render(&processed, &loaded, &options.out).map_err(|e| Failure { errors: vec![e] })?;
    Ok(Report {
        catalog: processed.catalog,
        warnings: processed.warnings,
        skipped: processed.skipped,
        index_bytes,
        published_files,
        summary: processed.summary,
    })
}

/// Reads what the site generator's configuration in `root` says, and
/// where its episodes are. A configuration that cannot be read is a
/// warning: `site.yaml` can still say everything.
fn detect(root: &Path, warnings: &mut Vec<Diagnostic>) -> Detected {
    let read = |relative: &str| std::fs::read_to_string(root.join(relative)).ok();
    let mut warn = |file: &str, e: String| {
        warnings.push(Diagnostic {
            path: root.join(file),
            line: 0,
            reason: format!("cannot read the site generator's settings: {e}"),
        })
    };
    let hugo_configs = [
        ("hugo.toml", Format::Toml),
        ("hugo.yaml", Format::Yaml),
        ("hugo.yml", Format::Yaml),
        ("hugo.json", Format::Json),
        ("config.toml", Format::Toml),
        ("config.yaml", Format::Yaml),
        ("config.yml", Format::Yaml),
        ("config.json", Format::Json),
    ];
    for (file, format) in hugo_configs {
        let generic = file.starts_with("config");
        if generic && !root.join("content").is_dir() {
            continue;
        }
        if let Some(text) = read(file) {
            if file == "config.toml" {
                if let Ok(d) = generator::zola(&text) {
                    return Detected {
                        config: Some(file.into()),
                        ..d
                    };
                }
            }
            match generator::hugo(&text, format) {
                Ok(d) => {
                    return Detected {
                        config: Some(file.into()),
                        ..d
                    }
                }
                Err(e) => warn(file, e),
            }
        }
    }
    if let Some(text) = read("_config.yml").or_else(|| read("_config.yaml")) {
        match generator::jekyll(&text) {
            Ok(d) => {
                return Detected {
                    config: Some("_config.yml".into()),
                    ..d
                }
            }
            Err(e) => warn("_config.yml", e),
        }
    }
    if root.join("_posts").is_dir() {
        return Detected {
            generator: Generator::Jekyll,
            episode_dirs: vec!["_posts".into()],
            ..Detected::default()
        };
    }
    for base in ["", "src/"] {
        let data = format!("{base}_data/podcast.json");
        if let Some(text) = read(&data) {
            let mut d = match generator::eleventy(&text) {
                Ok(d) => d,
                Err(e) => {
                    warn(&data, e);
                    continue;
                }
            };
            d.config = Some(data);
            d.episode_dirs = d
                .episode_dirs
                .iter()
                .map(|dir| format!("{base}{dir}"))
                .collect();
            for file in [
                format!("{base}_data/episodeData.json"),
                format!("{base}cachedEpisodeData.json"),
                "cachedEpisodeData.json".into(),
            ] {
                if let Some(text) = read(&file) {
                    match generator::audio_files(&text) {
                        Ok(files) => d.audio_files.extend(files),
                        Err(e) => warn(&file, e),
                    }
                }
            }
            return d;
        }
    }
    for file in [
        "astro.config.mjs",
        "astro.config.ts",
        "astro.config.js",
        "astro.config.mts",
    ] {
        if let Some(text) = read(file) {
            return Detected {
                config: Some(file.into()),
                ..generator::astro(&text)
            };
        }
    }
    if root.join("src/content").is_dir() {
        return Detected {
            generator: Generator::Astro,
            episode_dirs: generator::astro_dirs(),
            ..Detected::default()
        };
    }
    Detected::default()
}

/// The site settings: the generator's, with `site.yaml` over them. With
/// neither a settings file nor a generator's title, the site is named
/// after its folder, with a warning.
fn settings(
    root: &Path,
    site_path: &Path,
    explicit: bool,
    detected: &Detected,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Site, Diagnostic> {
    let mut base = serde_yaml_ng::Mapping::new();
    let mut set = |key: &str, value: &Option<String>| {
        if let Some(v) = value {
            base.insert(key.into(), v.clone().into());
        }
    };
    set("title", &detected.title);
    set("description", &detected.description);
    if let Some(url) = detected.url.as_deref().filter(|u| !is_web_address(u)) {
        warnings.push(Diagnostic {
            path: root.join(detected.config.as_deref().unwrap_or("")),
            line: 0,
            reason: format!("the site's address {url:?} is not an http(s) address: write `url:` in site.yaml for the feed and link previews"),
        });
    }
    set("url", &detected.url.clone().filter(|u| is_web_address(u)));
    set("language", &detected.language);
    set("author", &detected.author);
    set("category", &detected.category);
    set("artwork", &detected.artwork);
    set("audio_base", &detected.audio_base);
    set("time_zone", &detected.time_zone);
    set("repository", &detected.repository);
    let fail = |line: usize, reason: String| Diagnostic {
        path: site_path.to_path_buf(),
        line,
        reason,
    };
    match std::fs::read_to_string(site_path) {
        Ok(text) => {
            // Checked alone first, so its errors name its own lines.
            parse_site_lenient(&text).map_err(|p| fail(p.line, p.reason))?;
            let own: serde_yaml_ng::Value =
                serde_yaml_ng::from_str(text.trim_start_matches('\u{feff}'))
                    .map_err(|e| fail(1, e.to_string()))?;
            if let serde_yaml_ng::Value::Mapping(own) = own {
                base.extend(own);
            }
        }
        Err(e) if explicit || detected.title.is_none() && !base.contains_key("title") => {
            if explicit {
                return Err(fail(0, format!("cannot read site settings: {e}")));
            }
            let name = root
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "Podcast".into());
            warnings.push(fail(
                0,
                format!("no site settings and no site generator's title: the site is titled {name:?}; write `title:` in site.yaml"),
            ));
            base.insert("title".into(), name.into());
        }
        Err(_) => {}
    }
    let merged = serde_yaml_ng::to_string(&base).expect("a mapping serializes");
    parse_site(&merged).map_err(|p| fail(0, p.reason))
}

/// [`parse_site`], except that a missing `title` is allowed: the
/// generator's configuration may give it. serde reports a missing field
/// only once everything else has been read, so nothing else is hidden.
fn parse_site_lenient(text: &str) -> Result<(), Problem> {
    match parse_site(text) {
        Err(p) if p.reason.contains("missing field `title`") => Ok(()),
        other => other.map(|_| ()),
    }
}

/// An absolute `http(s)://` address, as feeds and link previews need.
fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Step 1: find the settings, every episode file and every other file,
/// and read the episodes.
pub fn load(options: &Options) -> Result<Loaded, Diagnostic> {
    let root = &options.content;
    if !root.is_dir() {
        return Err(Diagnostic {
            path: root.clone(),
            line: 0,
            reason: "the content folder does not exist".into(),
        });
    }
    let mut warnings = Vec::new();
    let detected = detect(root, &mut warnings);
    let site_path = options
        .site
        .clone()
        .unwrap_or_else(|| root.join("site.yaml"));
    let site = settings(
        root,
        &site_path,
        options.site.is_some(),
        &detected,
        &mut warnings,
    );

    let episodes_dir = detected
        .episode_dirs
        .iter()
        .find(|d| root.join(d).is_dir())
        .cloned()
        .or_else(|| {
            (matches!(detected.generator, Generator::Hugo | Generator::Zola)
                && root.join("content").is_dir())
            .then(|| "content".into())
        })
        .unwrap_or_default();
    // A folder the generator names but that holds no Markdown (a Hugo
    // `content/` of images, say) is not where the episodes are.
    let has_markdown = |dir: &Path| {
        let mut found = Vec::new();
        walk(dir, &mut found).is_ok() && found.iter().any(|p| is_markdown(p))
    };
    let episodes_dir = if !episodes_dir.is_empty() && !has_markdown(&root.join(&episodes_dir)) {
        warnings.push(Diagnostic {
            path: root.join(&episodes_dir),
            line: 0,
            reason: format!(
                "{} keeps its episodes here, but this folder has no Markdown file: reading the whole folder instead",
                detected.generator.name()
            ),
        });
        String::new()
    } else {
        episodes_dir
    };
    let posts = root.join(&episodes_dir);
    let mut found = Vec::new();
    walk(root, &mut found).map_err(|e| Diagnostic {
        path: root.clone(),
        line: 0,
        reason: e.to_string(),
    })?;
    found.sort();

    let mut episodes = Vec::new();
    let mut files = HashSet::new();
    let mut not_episodes = 0;
    for path in found {
        let relative = relative_path(root, &path);
        if path == site_path || relative == "site.yaml" {
            continue;
        }
        if is_markdown(&path) && path.starts_with(&posts) {
            // Hugo's section pages (`_index.md`) and Astro's excluded
            // files (`_draft.md`) are not episodes.
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // A Hugo page bundle's `ep-1/index.md` is an episode (named
            // after its folder); an `index.md` beside the episodes is the
            // section's own page.
            let section_page = crate::core::slug::strip_markdown_extension(&name)
                .eq_ignore_ascii_case("index")
                && path.parent() == Some(posts.as_path());
            if name.starts_with('_') || section_page {
                not_episodes += 1;
                continue;
            }
            let text = read_text(&path);
            episodes.push(SourceFile {
                relative,
                path,
                text,
            });
        } else {
            if let Some(kind) = unread_page(&path).filter(|_| path.starts_with(&posts)) {
                warnings.push(Diagnostic {
                    path: path.clone(),
                    line: 0,
                    reason: format!(
                        "not read: {kind}; episodes are Markdown files (.{})",
                        crate::core::slug::MARKDOWN_EXTENSIONS.join(", .")
                    ),
                });
            }
            files.insert(relative);
        }
    }
    Ok(Loaded {
        site,
        publish_all: detected.generator == Generator::Plain,
        detected,
        root: root.clone(),
        episodes,
        files,
        episodes_dir,
        not_episodes,
        warnings,
        in_repository: folder_in_repository(root),
    })
}

/// Where `root` is inside the git work tree that holds it (the nearest
/// folder above with a `.git`, a folder or a worktree's file), as a
/// `/`-separated path ending in `/`; empty at the top or outside one.
fn folder_in_repository(root: &Path) -> String {
    let Ok(root) = root.canonicalize() else {
        return String::new();
    };
    root.ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(|top| relative_path(top, &root))
        .filter(|path| !path.is_empty())
        .map_or_else(String::new, |path| format!("{path}/"))
}

fn relative_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .expect("walk stays inside the root")
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn is_markdown(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| crate::core::slug::is_markdown_name(&n.to_string_lossy()))
        && !path.file_name().is_some_and(|n| {
            crate::core::slug::strip_markdown_extension(&n.to_string_lossy())
                .eq_ignore_ascii_case("README")
        })
}

/// What a page among the episodes is when it is in a format generators
/// render but this viewer does not read: said for each, so that no episode
/// goes missing without a word.
fn unread_page(path: &Path) -> Option<&'static str> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    // An HTML file is a post only with front matter: layouts, pages and
    // transcripts are not.
    let front_matter = || {
        let mut head = [0u8; 3];
        std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok_and(|()| &head == b"---")
    };
    Some(match extension.as_str() {
        "mdx" => "MDX (Markdown with JSX), which needs its site's components",
        "html" | "htm" if front_matter() => {
            "an HTML post (as jekyll-import writes WordPress posts)"
        }
        "adoc" | "asciidoc" | "rst" | "org" | "pandoc" | "textile" => {
            "a markup language other than Markdown"
        }
        _ => return None,
    })
}

/// Folders that are never content: Jekyll's output and caches, tooling.
const SKIPPED_DIRS: &[&str] = &["_site", "node_modules", "vendor", "target", "dist"];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || SKIPPED_DIRS.contains(&name.as_ref()) {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic {
        path: path.into(),
        line: 0,
        reason: format!("cannot read: {e}"),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        Diagnostic {
            path: path.into(),
            line,
            reason: "not valid UTF-8 text".into(),
        }
    })
}

/// The processed archive, ready to write.
pub struct Processed {
    pub catalog: Catalog,
    /// How the episodes were read, and from which files.
    pub sources: Sources,
    /// Each episode's published notes, by final slug.
    pub notes: Vec<NotesFile>,
    /// The transcripts read from the content folder, as the Podcasting 2.0
    /// JSON the site publishes, by final slug.
    pub transcripts: Vec<(String, String)>,
    /// Files of the content folder the site uses (notes, audio, artwork).
    pub used_files: BTreeSet<String>,
    pub warnings: Vec<Diagnostic>,
    pub skipped: Vec<Diagnostic>,
    pub summary: Summary,
}

/// One episode's `notes/{slug}.html`.
#[derive(Default)]
pub struct NotesFile {
    /// The episode's final slug.
    pub slug: String,
    /// Its notes, as the feed has them too.
    pub html: String,
    /// What follows them in the file only (see `core::notes::source_link`).
    pub source_link: String,
}

impl NotesFile {
    /// The file's text: the marker line, the notes, the link.
    pub fn text(&self) -> String {
        format!(
            "{NOTES_MARKER}\n{}",
            published_notes(&self.html, &self.source_link)
        )
    }
}

/// The system clock, in seconds since the Unix epoch.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Step 2: parse every episode, collecting every problem; render the notes.
pub fn process(loaded: &Loaded, options: &Options) -> Result<Processed, Failure> {
    let keep_going = options.keep_going;
    let mut errors = Vec::new();
    let site = match &loaded.site {
        Ok(site) => site.clone(),
        Err(e) => {
            errors.push(e.clone());
            // Keep going with placeholder settings so every episode's own
            // problems are reported in the same run.
            Site::default()
        }
    };
    let fields = FieldMap::from_settings(&site.fields).unwrap_or_default();
    // An unknown zone would make every time unreadable: warn, and read
    // times without an offset as UTC.
    let mut zone_warning = None;
    let zones = Zones::default();
    let time_zone = site.time_zone.as_deref().filter(|zone| {
        let known = zones.get(zone).is_some();
        if !known {
            zone_warning = Some(Diagnostic {
                path: PathBuf::from("site.yaml"),
                line: 0,
                reason: format!("time zone {zone:?} is not an IANA time zone name (such as Europe/Paris): times without an offset are read as UTC"),
            });
        }
        known
    });
    let origin = site.assets_base.clone().or_else(|| site.url.clone());
    let ctx = Context {
        site: &site,
        fields: &fields,
        audio_base: site.audio_base.as_deref(),
        origin: origin.as_deref(),
        files: &loaded.files,
        time_zone,
        zones: &zones,
    };
    let now = options.now.unwrap_or_else(now);
    let mut summary = Summary {
        generator: loaded.detected.generator,
        config: loaded.detected.config.clone(),
        episodes_dir: loaded.episodes_dir.clone(),
        files: loaded.episodes.len(),
        not_episodes: loaded.not_episodes,
        ..Summary::default()
    };
    let progress = Progress::new(loaded.episodes.len());
    let mut parsed = Vec::with_capacity(loaded.episodes.len());
    let mut skipped = Vec::new();
    let mut warnings = loaded.warnings.clone();
    warnings.extend(zone_warning);
    // Each file is read on its own, on every core; what is gathered from
    // them is gathered in file order, so the output is the same as one
    // core's (a test compares them).
    let done = AtomicUsize::new(0);
    let read: Vec<_> = loaded
        .episodes
        .par_iter()
        .map(|file| {
            progress.tick(done.fetch_add(1, Ordering::Relaxed) + 1);
            file.text.as_ref().map(|text| {
                parse(&file.relative, text, &ctx).and_then(|p| read_local_chapters(p, loaded))
            })
        })
        .collect();
    for (file, read) in loaded.episodes.iter().zip(read) {
        let problems = match read {
            Ok(read) => match read {
                Ok(mut p) => {
                    warnings.extend(p.warnings.drain(..).map(|w| Diagnostic {
                        path: file.path.clone(),
                        line: w.line,
                        reason: w.reason,
                    }));
                    let future = p.episode.published().timestamp() > now;
                    if p.draft && !options.drafts {
                        summary.drafts += 1;
                    } else if future && !options.future {
                        summary.future += 1;
                    } else {
                        add_audio_file(&mut p, &loaded.detected);
                        if let Some(reason) = crate::core::episode::missing_audio(&p.episode) {
                            warnings.push(Diagnostic {
                                path: file.path.clone(),
                                line: 1,
                                reason,
                            });
                        }
                        parsed.push((file, p));
                    }
                    continue;
                }
                Err(problems) => problems
                    .into_iter()
                    .map(|p| Diagnostic {
                        path: file.path.clone(),
                        line: p.line,
                        reason: p.reason,
                    })
                    .collect(),
            },
            Err(d) => vec![d.clone()],
        };
        if keep_going {
            skipped.extend(problems);
        } else {
            errors.extend(problems);
        }
    }
    if !errors.is_empty() {
        return Err(Failure { errors });
    }
    for (_, p) in &parsed {
        for (field, key) in &p.sources {
            *summary
                .sources
                .entry(*field)
                .or_default()
                .entry(key.clone())
                .or_default() += 1;
        }
        summary.without_audio += usize::from(p.episode.audio.is_none());
        summary.numbered_without_audio +=
            usize::from(p.episode.audio.is_none() && p.episode.number.is_some());
        summary.without_number += usize::from(p.episode.number.is_none());
        summary.news += usize::from(p.episode.is_news());
        summary.dated_by_file_name += usize::from(!p.sources.contains_key(&Field::Date));
    }

    let mut episodes: Vec<EpisodeSummary> = parsed.iter().map(|(_, p)| p.episode.clone()).collect();
    let paths: Vec<&Path> = parsed.iter().map(|(f, _)| f.path.as_path()).collect();
    warnings.extend(dedupe_slugs(&mut episodes, &paths));
    warnings.extend(shared_identities(&episodes, &paths));

    let repository = site.repository.as_deref().and_then(|value| {
        repository_base(value, &loaded.in_repository)
            .map_err(|reason| {
                warnings.push(Diagnostic {
                    path: PathBuf::from("site.yaml"),
                    line: 0,
                    reason,
                })
            })
            .ok()
    });
    let sources = Sources {
        assets_base: site.assets_base.clone(),
        audio_base: site.audio_base.clone(),
        time_zone: time_zone.map(str::to_string),
        // The site's, and those the published episodes' dates name.
        published: true,
        zones: zones.data_of(
            time_zone
                .map(str::to_string)
                .into_iter()
                .chain(parsed.iter().filter_map(|(_, p)| p.annotated_zone())),
        ),
        fields: site.fields.clone(),
        // Set once the files the site publishes are known, below.
        files: Vec::new(),
        episodes: parsed
            .iter()
            .zip(&episodes)
            .map(|((f, _), e)| (e.slug.clone(), f.relative.clone()))
            .collect(),
    };
    let posts: HashMap<String, String> = parsed
        .iter()
        .zip(&episodes)
        .map(|((f, _), e)| (post_name(&f.relative), e.slug.clone()))
        .collect();
    let archive = Archive {
        posts: &posts,
        files: &loaded.files,
        assets_base: site.assets_base.as_deref(),
        source: SourceLink::of(repository.as_deref(), site.publish_sources),
        language: &site.language,
    };
    // Each episode's notes and transcript are rendered on every core, then
    // gathered in the episodes' order.
    let rendered: Vec<EpisodeFiles> = parsed
        .par_iter()
        .zip(episodes.par_iter_mut())
        .map(|((file, p), e)| {
            let mut out = EpisodeFiles::default();
            let EpisodeNotes {
                notes: rendered,
                excerpt,
                source_link,
            } = render_episode(p, e, &file.relative, &archive);
            if let Some(excerpt) = excerpt {
                e.excerpt = excerpt;
            }
            // The enclosure's length, which RSS requires, from the file
            // the site publishes when the front matter does not say it.
            if e.size.is_none() {
                e.size = e
                    .audio
                    .as_deref()
                    .and_then(local_file)
                    .and_then(|f| std::fs::metadata(loaded.root.join(f)).ok())
                    .map(|m| m.len());
            }
            out.warnings
                .extend(rendered.warnings.into_iter().map(|w| Diagnostic {
                    path: file.path.clone(),
                    line: w.line,
                    reason: w.message,
                }));
            out.used_files.extend(rendered.files_used);
            out.notes = NotesFile {
                slug: e.slug.clone(),
                html: rendered.html,
                source_link,
            };
            out.transcript =
                read_local_transcript(e, loaded, &mut out.used_files, &mut out.warnings)
                    .map(|parsed| to_json_file(&parsed.transcript));
            out
        })
        .collect();
    let mut used_files = BTreeSet::new();
    let mut notes = Vec::with_capacity(parsed.len());
    let mut transcripts = Vec::new();
    for (files, e) in rendered.into_iter().zip(&episodes) {
        warnings.extend(files.warnings);
        used_files.extend(files.used_files);
        notes.push(files.notes);
        transcripts.extend(files.transcript.map(|t| (e.slug.clone(), t)));
    }

    if !crate::core::i18n::is_language_tag(&site.language) && loaded.site.is_ok() {
        warnings.push(Diagnostic {
            path: PathBuf::from("site.yaml"),
            line: 0,
            reason: format!(
                "language `{}` is not a language code such as `en` or `en-US` (BCP 47): podcast directories refuse the feed's <language>",
                site.language
            ),
        });
    } else if !crate::core::i18n::is_known(&site.language) && loaded.site.is_ok() {
        warnings.push(Diagnostic {
            path: PathBuf::from("site.yaml"),
            line: 0,
            reason: format!(
                "language `{}` has no interface table: the interface is in English, dates in the language's own format",
                site.language
            ),
        });
    }
    if site.url.is_none() && loaded.site.is_ok() {
        warnings.push(Diagnostic {
            path: PathBuf::from("site.yaml"),
            line: 0,
            reason: "no `url` in the site settings: the RSS feed needs the site's address, so feed.xml is not written".into(),
        });
    }
    // The show's artwork, by the episodes' own rule: a file of the content
    // folder, else on the (old) site's address.
    let artwork = site
        .artwork
        .as_deref()
        .map(|a| resolve_media(a, &ctx, "", None));
    // The links as listeners read them: apps by name, funding in words.
    let (links, left_out) = site.links.resolved(
        crate::core::i18n::strings(&site.language).support,
        site.url.as_deref(),
    );
    warnings.extend(left_out.into_iter().map(|reason| Diagnostic {
        path: PathBuf::from("site.yaml"),
        line: 0,
        reason,
    }));
    // People's pictures (`podcast:person img`), by the same rule: a file
    // of the content folder is published with the site.
    let mut people = site.feed.people.clone();
    for person in people.values_mut() {
        if let Some(img) = person.img.as_mut() {
            *img = resolve_media(img, &ctx, "", None);
            used_files.extend(local_file(img));
        }
    }
    let site = Site {
        artwork,
        links,
        sources: Some(SOURCES_FILE.to_string()),
        feed: crate::core::show::FeedSettings {
            people,
            ..site.feed.clone()
        },
        ..site
    };
    used_files.extend(site.artwork.as_deref().and_then(local_file));
    if site.url.is_some() && loaded.site.is_ok() {
        // Only where there is a feed: its directories are who ask.
        let size = site
            .artwork
            .as_deref()
            .and_then(local_file)
            .and_then(|f| imagesize::size(loaded.root.join(f)).ok())
            .map(|s| (s.width as u32, s.height as u32));
        let problems = feed::artwork_problem(site.artwork.as_deref(), size)
            .into_iter()
            .chain(feed::directory_problems(&site));
        warnings.extend(problems.map(|reason| Diagnostic {
            path: PathBuf::from("site.yaml"),
            line: 0,
            reason,
        }));
    }
    let total = episodes.len();
    let mut catalog = Catalog {
        site,
        episodes,
        parts: Vec::new(),
        total,
        filters: Default::default(),
    };
    catalog.sort();
    // After the files to publish are listed: a routed local file reads as
    // remote.
    warnings.extend(
        crate::core::analytics::apply(&mut catalog)
            .into_iter()
            .map(|reason| Diagnostic {
                path: PathBuf::from("site.yaml"),
                line: 0,
                reason,
            }),
    );
    // Only the files the site publishes: the others' names stay private
    // (drafts, other sections). Published notes link to no other file.
    let sources = Sources {
        files: if loaded.publish_all {
            let all: BTreeSet<&String> = loaded.files.iter().collect();
            all.into_iter().cloned().collect()
        } else {
            used_files.iter().cloned().collect()
        },
        ..sources
    };
    catalog.site.repository = repository;
    if !catalog.site.publish_sources {
        catalog.site.sources = None;
    }
    Ok(Processed {
        catalog,
        sources,
        notes,
        transcripts,
        used_files,
        warnings,
        skipped,
        summary,
    })
}

/// What rendering one episode gives: its notes and published transcript,
/// the content files they use, and their problems.
#[derive(Default)]
struct EpisodeFiles {
    notes: NotesFile,
    transcript: Option<String>,
    used_files: BTreeSet<String>,
    warnings: Vec<Diagnostic>,
}

/// An episode that names no audio file gets the one the generator
/// measured for its number (eleventy-plugin-podcaster's episode data),
/// under the generator's audio address.
fn add_audio_file(p: &mut Parsed, detected: &Detected) {
    let e = &mut p.episode;
    let (None, Some(number), Some(base)) = (&e.audio, e.number, detected.audio_base.as_deref())
    else {
        return;
    };
    let Some((name, data)) = generator::match_audio_file(&detected.audio_files, e.season, number)
    else {
        return;
    };
    e.audio = Some(url::encode(&url::join(
        &url::as_folder(base),
        &url::encode_path(name),
    )));
    e.size = e.size.or(data.size);
    e.duration = e.duration.or(data.duration.map(|d| d.round() as u32));
    p.sources.insert(
        Field::Audio,
        format!(
            "{} (by number)",
            detected.config.as_deref().unwrap_or("episode data")
        ),
    );
}

/// Two episodes with one number, one audio file or one `guid` are usually
/// a copy left behind or a typo (and apps take a repeated guid for the
/// episode they have): both stay, with a warning naming both files.
fn shared_identities(episodes: &[EpisodeSummary], paths: &[&Path]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    // The first file of each value; a later one is warned about.
    let mut seen: HashMap<(&str, String), usize> = HashMap::new();
    for (i, e) in episodes.iter().enumerate() {
        let number = e.number.map(|n| {
            let season = e.season.map_or(String::new(), |s| format!("S{s} "));
            ("episode number", format!("{season}{n}"))
        });
        let audio = e.audio.clone().map(|a| ("audio", a));
        // Apps take a repeated guid for the episode they already have.
        let guid = e.guid.clone().map(|g| ("guid", g.trim().to_string()));
        for (what, value) in number.into_iter().chain(audio).chain(guid) {
            match seen.get(&(what, value.clone())) {
                Some(&first) => warnings.push(Diagnostic {
                    path: paths[i].to_path_buf(),
                    line: 1,
                    reason: format!(
                        "{what} {value} is also the {what} of {}",
                        paths[first].display()
                    ),
                }),
                None => {
                    seen.insert((what, value), i);
                }
            }
        }
    }
    warnings
}

/// Reads a `chapters_url` that names a file of the content folder into the
/// episode's chapters, so the player has them without another request.
fn read_local_chapters<'a>(mut p: Parsed<'a>, loaded: &Loaded) -> Result<Parsed<'a>, Vec<Problem>> {
    let Some(local) = p.episode.chapters_url.as_deref().and_then(local_file) else {
        return Ok(p);
    };
    let problem = |reason: String| vec![Problem::new(1, reason)];
    if !loaded.files.contains(&local) {
        return Err(problem(format!(
            "chapters_url: {local} is not in the content folder"
        )));
    }
    let text = std::fs::read_to_string(loaded.root.join(&local))
        .map_err(|e| problem(format!("chapters_url: cannot read {local}: {e}")))?;
    p.episode.chapters =
        parse_chapters(&text).map_err(|e| problem(format!("chapters_url: {local}: {e}")))?;
    p.episode.chapters_url = None;
    Ok(p)
}

/// Publishes the transcripts of the content folder that `e` names, and
/// reads the best of them (a timed format before text and HTML): `e` then
/// offers it, and, when it is timed, names the Podcasting 2.0 JSON the
/// site publishes from it among its transcripts. A transcript missing from
/// the content folder is left out of the feed; one that cannot be read is
/// reported at its own file and line, and the page goes without it.
fn read_local_transcript(
    e: &mut EpisodeSummary,
    loaded: &Loaded,
    used_files: &mut BTreeSet<String>,
    warnings: &mut Vec<Diagnostic>,
) -> Option<transcript::Parsed> {
    let warn = |path: PathBuf, line: usize, reason: String| Diagnostic {
        path,
        line,
        reason: format!("transcript of `{}`: {reason}", e.slug),
    };
    let mut missing = Vec::new();
    e.transcripts.retain(|t| match local_file(&t.url) {
        Some(local) if loaded.files.contains(&local) => {
            used_files.insert(local);
            true
        }
        Some(local) => {
            missing.push(local);
            false
        }
        None => true,
    });
    for local in missing {
        warnings.push(warn(
            loaded.root.join(&local),
            0,
            format!("{local} is not in the content folder; it is left out"),
        ));
    }
    // A timed format before text or HTML.
    let rank = |k: transcript::Kind| matches!(k, transcript::Kind::Text | transcript::Kind::Html);
    let Some((link, local, kind)) = e
        .transcripts
        .iter()
        .filter_map(|t| Some((t.clone(), local_file(&t.url)?, t.kind()?)))
        .min_by_key(|(_, _, kind)| rank(*kind))
    else {
        // Only on another host: the browser reads it when it is opened.
        if let Some((url, kind)) = e
            .transcripts
            .iter()
            .filter_map(|t| Some((t.url.clone(), t.kind()?)))
            .min_by_key(|(_, kind)| rank(*kind))
        {
            e.transcript = Some(url);
            e.transcript_type = Some(kind.mime().into());
        }
        return None;
    };
    let path = loaded.root.join(&local);
    let read = std::fs::read(&path)
        .map_err(|err| (0, err.to_string()))
        .and_then(|bytes| transcript::parse(&bytes, kind, e.duration.map(f64::from)));
    match read {
        Ok(parsed) => {
            e.transcript = Some(link.url.clone());
            if parsed.transcript.timed {
                e.transcripts.push(TranscriptLink {
                    url: transcript_file_url(&e.slug),
                    mime: Some(transcript::Kind::Json.mime().into()),
                    language: link.language,
                    rel: None,
                });
            }
            warnings.extend(
                parsed
                    .warnings
                    .iter()
                    .map(|(line, reason)| warn(path.clone(), *line, reason.clone())),
            );
            Some(parsed)
        }
        Err((line, reason)) => {
            warnings.push(warn(
                path,
                line,
                format!("{reason}; the page goes without it"),
            ));
            None
        }
    }
}

/// Two files with one slug would make one of them unreachable. Both stay:
/// the earliest-dated keeps the slug, so publishing a new episode never
/// renames an older one; the next gets `-2`, the third `-3`, with a
/// warning.
fn dedupe_slugs(episodes: &mut [EpisodeSummary], paths: &[&Path]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut order: Vec<usize> = (0..episodes.len()).collect();
    let published = |i: usize| episodes[i].published().timestamp();
    order.sort_by(|&a, &b| published(a).cmp(&published(b)).then(paths[a].cmp(paths[b])));
    let mut taken: HashSet<String> = episodes.iter().map(|e| e.slug.clone()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for i in order {
        let slug = episodes[i].slug.clone();
        if seen.insert(slug.clone()) {
            continue;
        }
        let mut n = 2;
        let mut candidate = format!("{slug}-{n}");
        while taken.contains(&candidate) {
            n += 1;
            candidate = format!("{slug}-{n}");
        }
        taken.insert(candidate.clone());
        warnings.push(Diagnostic {
            path: paths[i].to_path_buf(),
            line: 1,
            reason: format!("slug `{slug}` is already taken by another file; this one is served as `{candidate}`"),
        });
        episodes[i].slug = candidate;
    }
    warnings
}

/// Step 3: write the index, the notes and the media.
pub fn render(
    processed: &Processed,
    loaded: &Loaded,
    out: &Path,
) -> Result<(usize, usize), Diagnostic> {
    let fail = |path: &Path, e: std::io::Error| Diagnostic {
        path: path.into(),
        line: 0,
        reason: e.to_string(),
    };
    std::fs::create_dir_all(out.join(NOTES_DIR)).map_err(|e| fail(out, e))?;
    let mut index_bytes = 0;
    for (name, json) in processed.catalog.to_files() {
        let path = out.join(&name);
        std::fs::write(&path, &json).map_err(|e| fail(&path, e))?;
        index_bytes += json.len();
    }
    for file in &processed.notes {
        let path = out.join(notes_url(&file.slug));
        std::fs::write(&path, file.text()).map_err(|e| fail(&path, e))?;
    }
    // Each published episode's own Markdown, for notes rendered in the
    // browser (`core::source`); drafts and future episodes are not among
    // them. Not at all when the site turns it off.
    let publish_sources = processed.catalog.site.sources.is_some();
    if publish_sources {
        let sources_path = out.join(SOURCES_FILE);
        let sources = serde_json::to_string(&processed.sources).expect("plain data serializes");
        std::fs::write(&sources_path, sources).map_err(|e| fail(&sources_path, e))?;
    }
    // Chapters from front matter (or a local file, read into them) get a
    // file of their own, which the feed names for podcast apps.
    let chaptered: Vec<&EpisodeSummary> = processed
        .catalog
        .episodes
        .iter()
        .filter(|e| e.needs_chapters_file())
        .collect();
    if !chaptered.is_empty() {
        let dir = out.join(CHAPTERS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| fail(&dir, e))?;
    }
    for e in chaptered {
        let path = out.join(chapters_file_url(&e.slug));
        std::fs::write(&path, chapters_json(&e.chapters)).map_err(|e| fail(&path, e))?;
    }
    if !processed.transcripts.is_empty() {
        let dir = out.join(TRANSCRIPTS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| fail(&dir, e))?;
    }
    for (slug, json) in &processed.transcripts {
        let path = out.join(transcript_file_url(slug));
        std::fs::write(&path, json).map_err(|e| fail(&path, e))?;
    }
    if let Some(base) = processed.catalog.site.url.as_deref() {
        // Made absolute on every core: it is the sanitizer's work again.
        let notes: HashMap<&str, String> = processed
            .notes
            .par_iter()
            .map(|file| {
                let page = feed::episode_address(base, &file.slug);
                (
                    file.slug.as_str(),
                    feed::absolute_notes(&file.html, base, &page),
                )
            })
            .collect();
        let xml = feed::render(&processed.catalog, base, &|slug| notes.get(slug).cloned());
        let feed_path = out.join(FEED_FILE);
        std::fs::write(&feed_path, xml).map_err(|e| fail(&feed_path, e))?;
    }

    let mut everything: BTreeSet<&String> = if loaded.publish_all {
        loaded.files.iter().collect()
    } else {
        processed.used_files.iter().collect()
    };
    if publish_sources {
        everything.extend(processed.sources.episodes.iter().map(|(_, path)| path));
    }
    let content_out = out.join(CONTENT_DIR);
    for relative in &everything {
        let from = loaded.root.join(relative);
        let to = content_out.join(relative);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
        }
        std::fs::copy(&from, &to).map_err(|e| fail(&from, e))?;
    }
    Ok((index_bytes, everything.len()))
}

/// A one-line progress count on stderr, only for folders big enough to wait on.
struct Progress {
    total: usize,
    step: usize,
}

impl Progress {
    const THRESHOLD: usize = 500;

    fn new(total: usize) -> Self {
        Progress {
            total,
            step: (total / 20).max(1),
        }
    }

    fn tick(&self, done: usize) {
        if self.total >= Self::THRESHOLD && (done.is_multiple_of(self.step) || done == self.total) {
            eprint!("\rindexing {done}/{} files", self.total);
            if done == self.total {
                eprintln!();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_name_posts_and_local_files() {
        assert_eq!(
            post_name("_posts/2013/2013-01-16-sponsoring.md"),
            "2013-01-16-sponsoring"
        );
        assert_eq!(
            post_name("072 - Accessibility.markdown"),
            "072 - Accessibility"
        );
        assert_eq!(
            local_file("content/audio/Ep%205.mp3").as_deref(),
            Some("audio/Ep 5.mp3")
        );
        assert_eq!(local_file("https://cdn/x.mp3"), None);
        assert_eq!(local_file("/content/x.mp3"), None);
    }
}
