//! Step 4, after Trunk has built the app: the static pages.
//!
//! Reads back what steps 1–3 published (the index and each episode's
//! notes) and the app's shell, then writes, through `core::prerender`:
//! `index.html` (the listing), `episodes/index.html` (the archive), one
//! `episodes/{slug}/index.html` per episode, `404.html`, `robots.txt`, and
//! `sitemap.xml` when the site's address is known.

use super::Diagnostic;
use crate::core::catalog::{notes_url, Catalog, EpisodeSummary, INDEX_FILE, NOTES_MARKER};
use crate::core::csp;
use crate::core::json::Json;
use crate::core::prerender::{
    archive_page, episode_file, episode_page, listing_page, manifest, not_found_page, robots,
    sitemap, Icon, Shell, EPISODES_DIR,
};
use std::path::Path;

/// The app's shell as Trunk wrote it. The build keeps a copy because
/// `index.html` itself becomes the static listing, and so that another
/// archive can be staged into the same app (the tests do).
pub const SHELL_FILE: &str = "shell.html";

/// The web app manifest, linked from the app's `index.html`.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// The manifest's icons: the show's artwork at its own size, else the
/// app's icon. Browsers scale them; a vector image fits every size.
fn icons(dir: &Path, catalog: &Catalog) -> Vec<Icon> {
    let artwork = catalog
        .site
        .artwork
        .as_deref()
        .filter(|a| !a.contains("://"))
        .and_then(|a| Some((a, crate::core::catalog::percent_decode(a)?)));
    let app_icon = || {
        std::fs::read_dir(dir).ok()?.flatten().find_map(|f| {
            let name = f.file_name().into_string().ok()?;
            (name.starts_with("icon-") && name.ends_with(".svg")).then_some(name)
        })
    };
    let icon = match artwork {
        Some((src, file)) if file.ends_with(".svg") => Some(Icon {
            src: src.to_string(),
            sizes: "any".into(),
            mime: "image/svg+xml",
        }),
        Some((src, file)) => imagesize::size(dir.join(&file)).ok().map(|size| Icon {
            src: src.to_string(),
            sizes: format!("{}x{}", size.width, size.height),
            mime: if file.ends_with(".png") {
                "image/png"
            } else {
                "image/jpeg"
            },
        }),
        None => None,
    };
    icon.or_else(|| {
        app_icon().map(|src| Icon {
            src,
            sizes: "any".into(),
            mime: "image/svg+xml",
        })
    })
    .into_iter()
    .collect()
}

/// The other sites the app fetches from: audio hosts (saving for offline
/// downloads the file) and remote chapter files.
fn fetched_origins(catalog: &Catalog) -> Vec<String> {
    let urls = catalog
        .episodes
        .iter()
        .flat_map(|e| [e.audio.as_deref(), e.chapters_url.as_deref()])
        .chain([catalog.site.audio_url.as_deref()])
        .flatten();
    let mut origins: Vec<String> = urls.filter_map(origin).map(str::to_string).collect();
    origins.sort_unstable();
    origins.dedup();
    origins
}

/// `https://host:port` of an absolute http(s) URL.
fn origin(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let end = url.len() - rest.len() + rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(&url[..end]).filter(|o| !o.ends_with("//"))
}

/// Netlify's file of response headers.
pub const HEADERS_FILE: &str = "_headers";

/// Writes the static pages into the built site `dir`; returns how many.
/// With `csp`, every page carries the Content Security Policy, and so does
/// a `_headers` file (see [`crate::core::csp`]). Development builds go
/// without: Trunk's live-reload script is not one the policy knows.
pub fn prerender(dir: &Path, csp: bool) -> Result<usize, Diagnostic> {
    let fail = |path: &Path, reason: String| Diagnostic {
        path: path.into(),
        line: 0,
        reason,
    };
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| fail(&path, e.to_string()))
    };
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(parent, e.to_string()))?;
        }
        std::fs::write(&path, text).map_err(|e| fail(&path, e.to_string()))
    };
    let mut shell_html = read(SHELL_FILE)?;
    // Read with the browser's decoders, so every build checks them against
    // what the indexer wrote.
    let json = |name: &str| Json::parse(&read(name)?).map_err(|e| fail(&dir.join(name), e));
    let mut catalog =
        Catalog::from_json(&json(INDEX_FILE)?).map_err(|e| fail(&dir.join(INDEX_FILE), e))?;
    catalog.expand();
    while let Some(part) = catalog.parts.first().cloned() {
        let episodes =
            EpisodeSummary::list_from_json(&json(&part)?).map_err(|e| fail(&dir.join(&part), e))?;
        catalog.add_part(episodes);
    }
    if csp {
        let policy = csp::policy(&shell_html, &fetched_origins(&catalog));
        shell_html = csp::with_meta(&shell_html, &policy);
        write(HEADERS_FILE, &csp::headers_file(&policy))?;
    }
    let shell = Shell::parse(&shell_html).map_err(|e| fail(&dir.join(SHELL_FILE), e))?;

    for (i, e) in catalog.episodes.iter().enumerate() {
        // Notes are missing only when a file was left out on purpose.
        let notes = read(&notes_url(&e.slug)).ok();
        let notes = notes
            .as_deref()
            .map(|n| n.strip_prefix(NOTES_MARKER).unwrap_or(n).trim_start());
        write(
            &episode_file(&e.slug),
            &episode_page(&shell, &catalog, i, notes),
        )?;
    }
    // The shell stays the app without content (the service worker's page
    // for addresses it has not cached), in the site's language.
    write(SHELL_FILE, &shell.empty(&catalog.site.language))?;
    write("index.html", &listing_page(&shell, &catalog))?;
    write(
        &format!("{EPISODES_DIR}/index.html"),
        &archive_page(&shell, &catalog),
    )?;
    write("404.html", &not_found_page(&shell, &catalog.site))?;
    write("robots.txt", &robots(catalog.site.url.as_deref()))?;
    if let Some(base) = catalog.site.url.as_deref() {
        write("sitemap.xml", &sitemap(&catalog, base))?;
    }
    write(
        MANIFEST_FILE,
        &manifest(&catalog.site, &icons(dir, &catalog)),
    )?;
    Ok(catalog.episodes.len() + 4)
}

#[cfg(test)]
mod tests {
    use super::origin;

    #[test]
    fn can_find_the_origin_of_a_url() {
        for (url, want) in [
            ("https://cdn.example/a/b.mp3", Some("https://cdn.example")),
            ("http://h:8080?x", Some("http://h:8080")),
            ("https://h", Some("https://h")),
            ("content/a.mp3", None),
            ("https:///x", None),
            ("ftp://h/x", None),
        ] {
            assert_eq!(origin(url), want, "{url}");
        }
    }
}
