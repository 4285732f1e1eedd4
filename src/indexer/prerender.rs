//! Step 4, after Trunk has built the app: the static pages.
//!
//! Reads back what steps 1–3 published (the index and each episode's
//! notes) and the app's shell, then writes, through `core::prerender`:
//! `index.html` (the listing), `episodes/index.html` (the archive), one
//! `episodes/{slug}/index.html` per episode, `404.html`, `robots.txt`,
//! `sitemap.xml` when the site's address is known, and the web app
//! manifest with its icons (`icon-192.png`, `icon-512.png` when the
//! artwork is a raster image big enough).

use super::Diagnostic;
use crate::core::catalog::{
    notes_url, transcript_file_url, Catalog, EpisodeSummary, INDEX_FILE, NOTES_MARKER,
};
use crate::core::csp;
use crate::core::embed;
use crate::core::i18n::strings;
use crate::core::json::Json;
use crate::core::prerender::{
    archive_page, centre_square, embed_page, episode_page, icon_file, icon_sizes, listing_page,
    manifest, not_found_page, oembed, preview_page, raster_icons, robots, sitemap,
    transcript_records, Icon, Shell, ICON_SIZES,
};
use crate::core::route::Route;
use crate::core::search::TRANSCRIPT_RECORDS;
use crate::core::transcript;
use crate::ui::components::built_transcript;
use crate::ui::ssr::Renderer;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use std::path::Path;

/// The app's shell as Trunk wrote it. The build keeps a copy because
/// `index.html` itself becomes the static listing, and so that another
/// archive can be staged into the same app (the tests do).
pub const SHELL_FILE: &str = "shell.html";

/// The web app manifest, linked from the app's `index.html`.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// The manifest's icons. A raster artwork gives the square PNGs install
/// prompts ask for (see [`cut_icons`]), then itself at its own size; a
/// vector artwork fits every size; without an artwork, the app's icon.
fn icons(dir: &Path, catalog: &Catalog) -> Result<Vec<Icon>, Diagnostic> {
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
    let icons = match artwork {
        Some((src, file)) if file.ends_with(".svg") => vec![Icon {
            src: src.to_string(),
            sizes: "any".into(),
            mime: "image/svg+xml",
        }],
        Some((src, file)) => match imagesize::size(dir.join(&file)) {
            Ok(size) => {
                let (width, height) = (size.width as u32, size.height as u32);
                let mime = if file.ends_with(".png") {
                    "image/png"
                } else {
                    "image/jpeg"
                };
                let cut = if icon_sizes(width, height).is_empty() {
                    Vec::new()
                } else {
                    cut_icons(&dir.join(&file), dir)?
                };
                raster_icons(src, mime, width, height, &cut)
            }
            Err(_) => Vec::new(),
        },
        None => Vec::new(),
    };
    if !icons.is_empty() {
        return Ok(icons);
    }
    Ok(app_icon()
        .map(|src| Icon {
            src,
            sizes: "any".into(),
            mime: "image/svg+xml",
        })
        .into_iter()
        .collect())
}

/// Writes the square icons of the artwork at `path` into `dir`, centre-
/// cropped and scaled down to each size it can fill; returns the sizes
/// written. An artwork that does not decode (not PNG or JPEG) gets a
/// warning and no icons: the manifest still lists it as it is.
fn cut_icons(path: &Path, dir: &Path) -> Result<Vec<u32>, Diagnostic> {
    let decode = || -> image::ImageResult<DynamicImage> {
        let mut decoder = ImageReader::open(path)?
            .with_guessed_format()?
            .into_decoder()?;
        // A photo's EXIF rotation is what the listener sees elsewhere.
        let orientation = decoder.orientation()?;
        let mut artwork = DynamicImage::from_decoder(decoder)?;
        artwork.apply_orientation(orientation);
        Ok(artwork)
    };
    let artwork = match decode() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "warning: {}: no install icons cut from the artwork: {e}",
                path.display()
            );
            return Ok(Vec::new());
        }
    };
    let (x, y, side) = centre_square(artwork.width(), artwork.height());
    let square = artwork.crop_imm(x, y, side, side);
    let sizes = icon_sizes(side, side);
    for &size in &sizes {
        let out = dir.join(icon_file(size));
        let fail = |reason: String| Diagnostic {
            path: out.clone(),
            line: 0,
            reason,
        };
        let mut png = std::io::Cursor::new(Vec::new());
        square
            .resize_exact(size, size, FilterType::Lanczos3)
            .write_to(&mut png, ImageFormat::Png)
            .map_err(|e| fail(e.to_string()))?;
        std::fs::write(&out, png.into_inner()).map_err(|e| fail(e.to_string()))?;
    }
    Ok(sizes)
}

/// The other sites the app fetches from: audio hosts (saving for offline
/// downloads the file), remote chapter files and remote transcripts.
fn fetched_origins(catalog: &Catalog) -> Vec<String> {
    let urls = catalog
        .episodes
        .iter()
        .flat_map(|e| {
            let remote_transcript = e
                .transcript
                .as_deref()
                .filter(|_| !e.publishes_transcript());
            [
                e.audio.as_deref(),
                e.chapters_url.as_deref(),
                remote_transcript,
            ]
        })
        .chain([catalog.site.audio_url.as_deref()])
        .flatten();
    // A redirect's every hop is fetched under the policy (`analytics`).
    let mut origins: Vec<String> = urls
        .flat_map(crate::core::analytics::hops)
        .filter_map(origin)
        .collect();
    origins.sort_unstable();
    origins.dedup();
    origins
}

/// `https://host:port` of an absolute http(s) URL, lowercased. Anything
/// that is not a plain host (user info, spaces, `;`) gives `None`: it
/// would otherwise write itself into the policy.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let plain = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'));
    plain.then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
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
        shell_html =
            csp::with_meta(&shell_html, &policy).map_err(|e| fail(&dir.join(SHELL_FILE), e))?;
        write(HEADERS_FILE, &csp::headers_file(&policy))?;
    }
    let shell = Shell::parse(&shell_html).map_err(|e| fail(&dir.join(SHELL_FILE), e))?;

    let renderer = Renderer::new(catalog);
    let catalog = renderer.catalog();
    let icons = icons(dir, catalog)?;
    // The show's square picture, for oEmbed's thumbnail.
    let thumbnail = icons
        .iter()
        .find(|i| i.sizes == format!("{0}x{0}", ICON_SIZES[1]))
        .map(|i| (i.src.as_str(), ICON_SIZES[1]));
    let mut records = Vec::new();
    for (i, e) in catalog.episodes.iter().enumerate() {
        if let Some(page) = embed_page(&catalog.site, e) {
            write(&(embed::page_path(&e.slug) + "index.html"), &page)?;
        }
        if let Some(o) =
            (catalog.site.url.as_deref()).and_then(|b| oembed(&catalog.site, e, b, thumbnail))
        {
            write(&embed::oembed_path(&e.slug), &o)?;
        }
        // Notes are missing only when a file was left out on purpose.
        let notes = read(&notes_url(&e.slug)).ok();
        let notes = notes
            .as_deref()
            .map(|n| n.strip_prefix(NOTES_MARKER).unwrap_or(n).trim_start());
        // The transcript's text, collapsed, for readers without scripts.
        if e.publishes_transcript() {
            let file = transcript_file_url(&e.slug);
            let transcript = Json::parse(&read(&file)?)
                .and_then(|j| transcript::from_json(&j))
                .map_err(|err| fail(&dir.join(&file), err))?;
            let all = transcript::paragraphs(&transcript);
            built_transcript(&e.slug, transcript::to_html(&transcript, &all));
            records.extend(transcript_records(e, &transcript, &catalog.site.language));
        } else if let Some(url) = &e.transcript {
            // Only on another host: the page links to it.
            let label = strings(&catalog.site.language).download_transcript;
            built_transcript(&e.slug, transcript::remote_link(url, label));
        }
        let route = Route::Episode {
            slug: e.slug.clone(),
        };
        let app = renderer.render(route.clone().into(), notes);
        write(&route.file(), &episode_page(&shell, catalog, i, &app))?;
    }
    if !records.is_empty() {
        write(
            TRANSCRIPT_RECORDS,
            &serde_json::Value::Array(records).to_string(),
        )?;
    }
    // The shell stays the app without content (the service worker's page
    // for addresses it has not cached), in the site's language.
    write(SHELL_FILE, &shell.empty(&catalog.site.language))?;
    let app = |route: Route| renderer.render(route.into(), None);
    write(
        &Route::Listing.file(),
        &listing_page(&shell, catalog, &app(Route::Listing)),
    )?;
    write(
        &Route::Archive.file(),
        &archive_page(&shell, catalog, &app(Route::Archive)),
    )?;
    write(
        &Route::NotFound.file(),
        &not_found_page(&shell, &catalog.site, &app(Route::NotFound)),
    )?;
    write(
        &Route::Preview.file(),
        &preview_page(&shell, &catalog.site, &app(Route::Preview)),
    )?;
    write("robots.txt", &robots(catalog.site.url.as_deref()))?;
    if let Some(base) = catalog.site.url.as_deref() {
        write("sitemap.xml", &sitemap(catalog, base))?;
    }
    write(MANIFEST_FILE, &manifest(&catalog.site, &icons))?;
    Ok(catalog.episodes.len() + 5)
}

#[cfg(test)]
mod tests {
    use super::{fetched_origins, origin};
    use crate::core::catalog::{Catalog, EpisodeSummary, Site};

    #[test]
    fn can_allow_every_hop_of_a_measured_address() {
        let catalog = Catalog {
            site: Site::default(),
            episodes: vec![EpisodeSummary {
                audio: Some("https://op3.dev/e/http://cdn.example/1.mp3".into()),
                ..EpisodeSummary::default()
            }],
            parts: Vec::new(),
            total: 1,
            filters: Default::default(),
        };
        assert_eq!(
            fetched_origins(&catalog),
            ["http://cdn.example", "https://op3.dev"]
        );
    }

    #[test]
    fn can_find_the_origin_of_a_url() {
        for (url, want) in [
            ("https://cdn.example/a/b.mp3", Some("https://cdn.example")),
            ("http://h:8080?x", Some("http://h:8080")),
            ("https://h", Some("https://h")),
            ("HTTPS://CDN.Example/x", Some("https://cdn.example")),
            ("content/a.mp3", None),
            ("https:///x", None),
            ("ftp://h/x", None),
            ("https://user:pw@h/x", None),
            ("https://h; script-src *", None),
            ("https://h\nX-Header: 1", None),
        ] {
            assert_eq!(origin(url).as_deref(), want, "{url}");
        }
    }
}
