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
//!    (fetched only when that episode is opened), the search index
//!    `search.json` with one `notes/{slug}.txt` per episode for search
//!    snippets (fetched only when the listener searches), a
//!    `chapters/{slug}.json` for each episode whose chapters the feed could
//!    not otherwise name, and the media the site uses.
//!
//! 4. [`prerender`], run after Trunk has written the app's shell: the
//!    static pages, for crawlers, link previews and reading without
//!    JavaScript (see `core::prerender`).
//!
//! By default any problem fails the whole run before anything is written, so
//! a broken archive never deploys half an index. With `keep_going`, broken
//! files are reported and left out instead.

use crate::core::catalog::{
    chapters_file_url, notes_url, percent_decode, text_url, Catalog, EpisodeSummary, Site,
    CHAPTERS_DIR, CONTENT_DIR, NOTES_DIR, NOTES_MARKER, SEARCH_FILE,
};
use crate::core::chapters::{parse_json as parse_chapters, to_json_file as chapters_json};
use crate::core::episode::{parse, parse_site, resolve_in_content, Parsed, Problem};
use crate::core::feed;
use crate::core::liquid;
use crate::core::markdown::plain_text;
use crate::core::markdown::Timestamps;
use crate::core::notes::{render_notes, NotesContext};
use crate::core::search::{Document, SearchIndex};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

mod prerender;
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
    pub root: PathBuf,
    /// True for a plain folder of episodes, false for a Jekyll site root:
    /// a plain folder is published whole, a Jekyll site only as far as the
    /// episodes use it.
    pub publish_all: bool,
    pub episodes: Vec<SourceFile>,
    /// Every other file of the content folder, relative, `/`-separated.
    pub files: HashSet<String>,
}

/// Runs the three steps.
pub fn run(options: &Options) -> Result<Report, Failure> {
    let loaded = load(options).map_err(|e| Failure { errors: vec![e] })?;
    let processed = process(&loaded, options.keep_going)?;
    let (index_bytes, published_files) =
        render(&processed, &loaded, &options.out).map_err(|e| Failure { errors: vec![e] })?;
    Ok(Report {
        catalog: processed.catalog,
        warnings: processed.warnings,
        skipped: processed.skipped,
        index_bytes,
        published_files,
    })
}

/// Step 1: find every file and read the episodes.
pub fn load(options: &Options) -> Result<Loaded, Diagnostic> {
    let root = &options.content;
    if !root.is_dir() {
        return Err(Diagnostic {
            path: root.clone(),
            line: 0,
            reason: "the content folder does not exist".into(),
        });
    }
    let site_path = options
        .site
        .clone()
        .unwrap_or_else(|| root.join("site.yaml"));
    let site = std::fs::read_to_string(&site_path)
        .map_err(|e| Diagnostic {
            path: site_path.clone(),
            line: 0,
            reason: format!("cannot read site settings: {e}"),
        })
        .and_then(|text| {
            parse_site(&text).map_err(|p| Diagnostic {
                path: site_path.clone(),
                line: p.line,
                reason: p.reason,
            })
        });

    // A Jekyll site keeps its posts in `_posts` (recursively); a plain folder
    // is all episodes.
    let posts = root.join("_posts");
    let jekyll = posts.is_dir();
    let mut found = Vec::new();
    walk(root, &mut found).map_err(|e| Diagnostic {
        path: root.clone(),
        line: 0,
        reason: e.to_string(),
    })?;
    found.sort();

    let mut episodes = Vec::new();
    let mut files = HashSet::new();
    for path in found {
        let relative = relative_path(root, &path);
        if path == site_path || relative == "site.yaml" {
            continue;
        }
        let is_episode = is_markdown(&path) && (!jekyll || path.starts_with(&posts));
        if is_episode {
            let text = read_text(&path);
            episodes.push(SourceFile {
                relative,
                path,
                text,
            });
        } else {
            files.insert(relative);
        }
    }
    Ok(Loaded {
        site,
        root: root.clone(),
        publish_all: !jekyll,
        episodes,
        files,
    })
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
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    ) && !path
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
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
    /// Each episode's published notes, by final slug.
    pub notes: Vec<(String, String)>,
    /// Each episode's notes as plain text, by final slug.
    pub texts: Vec<(String, String)>,
    pub search: SearchIndex,
    /// Files of the content folder the site uses (notes, audio, artwork).
    pub used_files: BTreeSet<String>,
    pub warnings: Vec<Diagnostic>,
    pub skipped: Vec<Diagnostic>,
}

/// Step 2: parse every episode, collecting every problem; render the notes.
pub fn process(loaded: &Loaded, keep_going: bool) -> Result<Processed, Failure> {
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
    let progress = Progress::new(loaded.episodes.len());
    let mut parsed = Vec::with_capacity(loaded.episodes.len());
    let mut skipped = Vec::new();
    for (i, file) in loaded.episodes.iter().enumerate() {
        progress.tick(i + 1);
        let problems = match &file.text {
            Ok(text) => match parse(&file.relative, text, &site)
                .and_then(|p| read_local_chapters(p, loaded))
            {
                Ok(p) => {
                    parsed.push((file, p));
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

    let mut episodes: Vec<EpisodeSummary> = parsed.iter().map(|(_, p)| p.episode.clone()).collect();
    let paths: Vec<&Path> = parsed.iter().map(|(f, _)| f.path.as_path()).collect();
    let mut warnings = dedupe_slugs(&mut episodes, &paths);

    let posts: HashMap<String, String> = parsed
        .iter()
        .zip(&episodes)
        .map(|((f, _), e)| (post_name(&f.relative), e.slug.clone()))
        .collect();
    let mut used_files = BTreeSet::new();
    let mut notes = Vec::with_capacity(parsed.len());
    let mut texts: HashMap<String, String> = HashMap::with_capacity(parsed.len());
    for ((file, p), e) in parsed.iter().zip(&episodes) {
        let post_dir = file.relative.rsplit_once('/').map_or("", |(dir, _)| dir);
        let ctx = NotesContext {
            posts: &posts,
            files: &loaded.files,
            assets_base: site.assets_base.as_deref(),
            post_dir,
            timestamps: e.number.map(|_| Timestamps {
                slug: &e.slug,
                max_seconds: e.duration,
            }),
        };
        let rendered = render_notes(p.body, &ctx);
        warnings.extend(rendered.warnings.into_iter().map(|w| Diagnostic {
            path: file.path.clone(),
            line: p.body_line + w.line - 1,
            reason: w.message,
        }));
        used_files.extend(rendered.files_used);
        if let Some(local) = e.audio.as_deref().and_then(local_file) {
            if loaded.files.contains(&local) {
                used_files.insert(local);
            } else {
                warnings.push(Diagnostic {
                    path: file.path.clone(),
                    line: 1,
                    reason: format!("audio file {local} is not in the content folder"),
                });
            }
        }
        notes.push((e.slug.clone(), format!("{NOTES_MARKER}\n{}", rendered.html)));
        texts.insert(
            e.slug.clone(),
            plain_text(&liquid::expand(p.body, &|_| None).0),
        );
    }

    if site.url.is_none() && loaded.site.is_ok() {
        warnings.push(Diagnostic {
            path: PathBuf::from("site.yaml"),
            line: 0,
            reason: "no `url` in the site settings: the RSS feed needs the site's address, so feed.xml is not written".into(),
        });
    }
    let site = Site {
        artwork: site.artwork.as_deref().map(resolve_in_content),
        ..site
    };
    used_files.extend(site.artwork.as_deref().and_then(local_file));
    let total = episodes.len();
    let mut catalog = Catalog {
        site,
        episodes,
        parts: Vec::new(),
        total,
    };
    catalog.sort();
    // Search documents in listing order: a hit's number is its position.
    let people: Vec<Vec<String>> = catalog
        .episodes
        .iter()
        .map(|e| e.people().cloned().collect())
        .collect();
    let documents: Vec<Document> = catalog
        .episodes
        .iter()
        .zip(&people)
        .map(|(e, people)| Document {
            title: &e.title,
            people,
            notes: &texts[&e.slug],
        })
        .collect();
    let search = SearchIndex::build(&documents);
    let texts = catalog
        .episodes
        .iter()
        .map(|e| (e.slug.clone(), texts[&e.slug].clone()))
        .collect();
    Ok(Processed {
        catalog,
        notes,
        texts,
        search,
        used_files,
        warnings,
        skipped,
    })
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

/// The Jekyll post name `post_url` uses: the file stem, without folders.
fn post_name(relative: &str) -> String {
    let file = relative.rsplit('/').next().unwrap_or(relative);
    file.strip_suffix(".md")
        .or_else(|| file.strip_suffix(".markdown"))
        .unwrap_or(file)
        .to_string()
}

/// The content-folder file a `content/…` URL names, decoded.
fn local_file(url: &str) -> Option<String> {
    percent_decode(url.strip_prefix(CONTENT_DIR)?.strip_prefix('/')?)
}

/// Two files with one slug would make one of them unreachable. Both stay:
/// in path order, the second gets `-2`, the third `-3`, with a warning.
fn dedupe_slugs(episodes: &mut [EpisodeSummary], paths: &[&Path]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut order: Vec<usize> = (0..episodes.len()).collect();
    order.sort_by(|&a, &b| paths[a].cmp(paths[b]));
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
    for (slug, html) in &processed.notes {
        let path = out.join(notes_url(slug));
        std::fs::write(&path, html).map_err(|e| fail(&path, e))?;
    }
    for (slug, text) in &processed.texts {
        let path = out.join(text_url(slug));
        std::fs::write(&path, text).map_err(|e| fail(&path, e))?;
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
    if let Some(base) = processed.catalog.site.url.as_deref() {
        let notes: HashMap<&str, &str> = processed
            .notes
            .iter()
            .map(|(slug, html)| (slug.as_str(), html.as_str()))
            .collect();
        let xml = feed::render(&processed.catalog, base, &|slug| {
            notes.get(slug).map(|html| {
                html.trim_start_matches(NOTES_MARKER)
                    .trim_start()
                    .to_string()
            })
        });
        let feed_path = out.join(FEED_FILE);
        std::fs::write(&feed_path, xml).map_err(|e| fail(&feed_path, e))?;
    }
    let search_path = out.join(SEARCH_FILE);
    std::fs::write(&search_path, processed.search.to_json()).map_err(|e| fail(&search_path, e))?;

    let everything: BTreeSet<&String> = if loaded.publish_all {
        loaded.files.iter().collect()
    } else {
        processed.used_files.iter().collect()
    };
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

/// The RSS feed's file name inside the built site.
pub const FEED_FILE: &str = "feed.xml";

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
