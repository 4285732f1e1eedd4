//! The native indexer: a content folder in, a catalog index out.
//!
//! Like mdBook's pipeline it runs in three steps, each its own function:
//!
//! 1. [`load`]: find the site settings and every episode file, read them.
//! 2. [`process`]: parse each file with `core` (front matter, slug, date,
//!    excerpt), collect every problem with its path and line, then render
//!    each episode's notes to sanitized HTML.
//! 3. [`render`]: write `index.json`, one `notes/{slug}.html` per episode
//!    (fetched only when that episode is opened), and the media files.
//!
//! Any problem fails the whole run before anything is written, so a broken
//! archive never deploys half an index.

use crate::core::catalog::{
    notes_url, Catalog, EpisodeSummary, Site, CONTENT_DIR, INDEX_FILE, NOTES_MARKER,
};
use crate::core::episode::{parse, parse_site, resolve_in_content};
use crate::core::markdown;
use crate::core::sanitize::sanitize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where to read from and write to.
#[derive(Debug, Clone)]
pub struct Options {
    /// A folder of episode files, or a Jekyll site root with `_posts/`.
    pub content: PathBuf,
    /// Site settings; defaults to `site.yaml` in the content folder.
    pub site: Option<PathBuf>,
    /// The built site's folder.
    pub out: PathBuf,
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
    pub index_bytes: usize,
    pub copied_files: usize,
}

/// The processed archive, ready to write.
pub struct Processed {
    pub catalog: Catalog,
    /// Each episode's rendered, sanitized notes, by final slug.
    pub notes: Vec<(String, String)>,
    pub warnings: Vec<Diagnostic>,
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
        let files = self
            .errors
            .iter()
            .map(|e| &e.path)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        write!(
            f,
            "{} problem(s) in {} file(s); nothing was written",
            self.errors.len(),
            files
        )
    }
}

/// A file read from disk: its path relative to the episodes folder (with
/// `/` separators) and its text, or the reason it could not be read.
pub struct SourceFile {
    pub relative: String,
    pub path: PathBuf,
    pub text: Result<String, Diagnostic>,
}

/// Everything [`load`] found.
pub struct Loaded {
    pub site: Result<Site, Diagnostic>,
    pub episodes_root: PathBuf,
    pub files: Vec<SourceFile>,
    /// Media and other files to publish beside the notes.
    pub assets: Vec<(PathBuf, String)>,
}

/// Runs the three steps, reporting progress on stderr for large folders.
pub fn run(options: &Options) -> Result<Report, Failure> {
    let loaded = load(options).map_err(|e| Failure { errors: vec![e] })?;
    let processed = process(&loaded)?;
    let (index_bytes, copied_files) =
        render(&processed, &loaded, &options.out).map_err(|e| Failure { errors: vec![e] })?;
    Ok(Report {
        catalog: processed.catalog,
        warnings: processed.warnings,
        index_bytes,
        copied_files,
    })
}

/// Step 1: find and read every file.
pub fn load(options: &Options) -> Result<Loaded, Diagnostic> {
    let content = &options.content;
    if !content.is_dir() {
        return Err(Diagnostic {
            path: content.clone(),
            line: 0,
            reason: "the content folder does not exist".into(),
        });
    }
    let site_path = options
        .site
        .clone()
        .unwrap_or_else(|| content.join("site.yaml"));
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

    let posts = content.join("_posts");
    let episodes_root = if posts.is_dir() {
        posts
    } else {
        content.clone()
    };
    let mut found = Vec::new();
    walk(&episodes_root, &mut found).map_err(|e| Diagnostic {
        path: episodes_root.clone(),
        line: 0,
        reason: e.to_string(),
    })?;
    found.sort();

    let mut files = Vec::new();
    let mut assets = Vec::new();
    for path in found {
        let relative = path
            .strip_prefix(&episodes_root)
            .expect("walk stays inside the root")
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if path == site_path {
            continue;
        }
        if !is_episode_file(&path) {
            assets.push((path, relative));
            continue;
        }
        let text = read_text(&path);
        files.push(SourceFile {
            relative,
            path,
            text,
        });
    }
    Ok(Loaded {
        site,
        episodes_root,
        files,
        assets,
    })
}

fn is_episode_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    ) && !path
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        // Hidden files and Jekyll's own `_site` output are never content.
        if name.to_string_lossy().starts_with('.') || name == "_site" {
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

/// Step 2: parse every file, collecting every problem; render the notes.
pub fn process(loaded: &Loaded) -> Result<Processed, Failure> {
    let mut errors = Vec::new();
    let site = match &loaded.site {
        Ok(site) => site.clone(),
        Err(e) => {
            errors.push(e.clone());
            // Keep going with placeholder settings so every episode's own
            // problems are reported in the same run.
            Site {
                title: String::new(),
                description: String::new(),
                language: "en".into(),
                author: String::new(),
                artwork: None,
                audio_url: None,
            }
        }
    };
    let site = Site {
        artwork: site.artwork.as_deref().map(resolve_in_content),
        ..site
    };
    let total = loaded.files.len();
    let progress = Progress::new(total);
    let mut parsed = Vec::with_capacity(total);
    for (i, file) in loaded.files.iter().enumerate() {
        progress.tick(i + 1);
        let text = match &file.text {
            Ok(t) => t,
            Err(d) => {
                errors.push(d.clone());
                continue;
            }
        };
        match parse(&file.relative, text, &site) {
            Ok(p) => parsed.push((file, p)),
            Err(problems) => errors.extend(problems.into_iter().map(|p| Diagnostic {
                path: file.path.clone(),
                line: p.line,
                reason: p.reason,
            })),
        }
    }
    if !errors.is_empty() {
        return Err(Failure { errors });
    }
    let mut episodes: Vec<EpisodeSummary> = parsed.iter().map(|(_, p)| p.episode.clone()).collect();
    let paths: Vec<&Path> = parsed.iter().map(|(f, _)| f.path.as_path()).collect();
    let warnings = dedupe_slugs(&mut episodes, &paths);
    let notes = parsed
        .iter()
        .zip(&episodes)
        .map(|((_, p), e)| {
            (
                e.slug.clone(),
                format!("{NOTES_MARKER}\n{}", sanitize(&markdown::render(p.body))),
            )
        })
        .collect();
    let mut catalog = Catalog { site, episodes };
    catalog.sort();
    Ok(Processed {
        catalog,
        notes,
        warnings,
    })
}

/// Two files with one slug would make one of them unreachable. Both stay:
/// in path order, the second gets `-2`, the third `-3`, with a warning.
fn dedupe_slugs(episodes: &mut [EpisodeSummary], paths: &[&Path]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut order: Vec<usize> = (0..episodes.len()).collect();
    order.sort_by(|&a, &b| paths[a].cmp(paths[b]));
    let taken: std::collections::HashSet<String> =
        episodes.iter().map(|e| e.slug.clone()).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for i in order {
        let slug = episodes[i].slug.clone();
        let count = seen.entry(slug.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let mut n = *count;
            let mut candidate = format!("{slug}-{n}");
            while taken.contains(&candidate) {
                n += 1;
                candidate = format!("{slug}-{n}");
            }
            warnings.push(Diagnostic {
                path: paths[i].to_path_buf(),
                line: 1,
                reason: format!("slug `{slug}` is already taken by another file; this one is served as `{candidate}`"),
            });
            episodes[i].slug = candidate;
        }
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
    let content_out = out.join(CONTENT_DIR);
    std::fs::create_dir_all(out.join(crate::core::catalog::NOTES_DIR)).map_err(|e| fail(out, e))?;
    let json = serde_json::to_string(&processed.catalog).expect("the catalog always serializes");
    let index_path = out.join(INDEX_FILE);
    std::fs::write(&index_path, &json).map_err(|e| fail(&index_path, e))?;
    for (slug, html) in &processed.notes {
        let path = out.join(notes_url(slug));
        std::fs::write(&path, html).map_err(|e| fail(&path, e))?;
    }

    let mut copied = 0;
    for (from, relative) in &loaded.assets {
        let to = content_out.join(relative);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
        }
        std::fs::copy(from, &to).map_err(|e| fail(from, e))?;
        copied += 1;
    }
    Ok((json.len(), copied))
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
        if self.total >= Self::THRESHOLD && (done % self.step == 0 || done == self.total) {
            eprint!("\rindexing {done}/{} files", self.total);
            if done == self.total {
                eprintln!();
            }
        }
    }
}
