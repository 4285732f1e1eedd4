//! `indexer --check`: what the indexer understood of an archive, and a
//! `site.yaml` for what it could not guess. Nothing is written: it is how
//! a podcaster sees in a minute whether an existing site comes across.

use super::{load, process, Failure, Options, Summary};
use crate::core::catalog::Site;
use crate::core::fields::Field;
use std::fmt::Write;

/// Reads the archive as a build would, broken files left out, and
/// describes it.
pub fn check(options: &Options) -> Result<String, Failure> {
    let loaded = load(options).map_err(|e| Failure { errors: vec![e] })?;
    let options = Options {
        keep_going: true,
        ..options.clone()
    };
    let processed = process(&loaded, &options)?;
    let site = loaded.site.as_ref().ok();
    Ok(describe(
        &processed.summary,
        site,
        processed.catalog.episodes.len(),
        &processed.skipped,
        &processed.warnings,
    ))
}

fn describe(
    s: &Summary,
    site: Option<&Site>,
    episodes: usize,
    broken: &[super::Diagnostic],
    warnings: &[super::Diagnostic],
) -> String {
    let mut out = String::new();
    let config = s
        .config
        .as_deref()
        .map_or(String::new(), |c| format!(" ({c})"));
    let _ = writeln!(out, "generator: {}{config}", s.generator.name());
    let dir = if s.episodes_dir.is_empty() {
        "."
    } else {
        &s.episodes_dir
    };
    let _ = writeln!(out, "episodes folder: {dir}");
    let _ = writeln!(
        out,
        "files: {} episode file(s); {episodes} published, {} problem(s) in broken files, {} draft(s), {} dated in the future, {} page(s) that are not episodes",
        s.files,
        broken.len(),
        s.drafts,
        s.future,
        s.not_episodes
    );
    if let Some(site) = site {
        let _ = writeln!(
            out,
            "site: title {:?}, address {}, language {}",
            site.title,
            site.url.as_deref().unwrap_or("(none)"),
            site.language
        );
        if let Some(base) = &site.audio_base {
            let _ = writeln!(out, "audio base: {base}");
        }
    }
    let _ = writeln!(out, "fields (key: episodes):");
    for field in Field::ALL {
        if let Some(keys) = s.sources.get(&field) {
            let keys: Vec<String> = keys.iter().map(|(k, n)| format!("{k}: {n}")).collect();
            let _ = writeln!(out, "  {:<13}{}", field.name(), keys.join(", "));
        }
    }
    let _ = writeln!(
        out,
        "missing: {} without audio ({} of them numbered), {} without a number, {} news posts (neither), {} dated by their file name",
        s.without_audio, s.numbered_without_audio, s.without_number, s.news, s.dated_by_file_name
    );
    // What keeps a file out of the site comes first: the build would stop
    // at it.
    for (what, list) in [("problems", broken), ("warnings", warnings)] {
        let _ = writeln!(out, "{what}: {}", list.len());
        for d in list.iter().take(10) {
            let _ = writeln!(out, "  {d}");
        }
    }
    let mut suggested = Vec::new();
    if site.is_none_or(|s| s.url.is_none()) {
        suggested.push(
            "url: https://your-show.example/   # the site's address: the feed needs it".to_string(),
        );
    }
    if s.numbered_without_audio > 0 {
        suggested.push(
            "audio_url: \"https://media.example/{episode}.mp3\"   # or name the key that holds it:"
                .into(),
        );
        suggested.push("fields:\n  audio: the_key_that_holds_the_audio".into());
    }
    if suggested.is_empty() {
        let _ = writeln!(out, "suggested site.yaml: nothing to add");
    } else {
        let _ = writeln!(out, "suggested site.yaml:");
        for line in suggested {
            for l in line.lines() {
                let _ = writeln!(out, "  {l}");
            }
        }
    }
    out
}
