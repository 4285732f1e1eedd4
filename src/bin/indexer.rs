//! `indexer --content DIR --out DIR [--site FILE] [--keep-going]`: builds the
//! catalog index. Trunk runs it before every build; see `scripts/index-hook`.
//!
//! `indexer --check --content DIR`: says what it understood of an archive
//! (generator, fields, what is missing) and writes nothing.
//!
//! `indexer --prerender DIR [--csp]`: writes the static pages into a built
//! site, from its index and the app's shell, with the Content Security
//! Policy when asked. Trunk runs it after every build; see
//! `scripts/post-build`.
//!
//! Exit status: 0 when every file was indexed, 1 when files are broken
//! (nothing is written), 2 on bad arguments, and 3 when `--keep-going` left
//! broken files out of an otherwise complete site.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
use podcast_viewer::indexer::{run, Options};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: indexer --content DIR --out DIR [--site FILE] [--keep-going] [--drafts] [--future]\n       indexer --check --content DIR [--site FILE]\n       indexer --prerender DIR [--csp]";

/// The exit status of a build that left broken files out.
const SKIPPED: u8 = 3;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir, rest @ ..] = args.as_slice() {
        if flag == "--prerender" {
            let csp = match rest {
                [] => false,
                [c] if c == "--csp" => true,
                _ => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            };
            return match podcast_viewer::indexer::prerender(std::path::Path::new(dir), csp) {
                Ok(pages) => {
                    eprintln!("prerendered {pages} page(s) into {dir}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            };
        }
    }
    let (options, check) = match parse_args(args.into_iter()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("indexer: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if check {
        return match podcast_viewer::indexer::check(&options) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(failure) => {
                eprintln!("{failure}");
                ExitCode::FAILURE
            }
        };
    }
    match run(&options) {
        Ok(report) => {
            for w in &report.warnings {
                eprintln!("warning: {w}");
            }
            for s in &report.skipped {
                eprintln!("skipped: {s}");
            }
            eprintln!(
                "indexed {} episode file(s) from {} into {} ({} bytes of index, {} file(s) published)",
                report.catalog.episodes.len(),
                options.content.display(),
                options.out.display(),
                report.index_bytes,
                report.published_files,
            );
            let s = &report.summary;
            if s.drafts + s.future + s.not_episodes > 0 {
                eprintln!(
                    "left out: {} draft(s) (--drafts includes them), {} dated in the future (--future includes them), {} page(s) that are not episodes",
                    s.drafts, s.future, s.not_episodes
                );
            }
            if report.skipped.is_empty() {
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "{} broken file(s) left out (--keep-going)",
                    podcast_viewer::indexer::count_files(&report.skipped)
                );
                ExitCode::from(SKIPPED)
            }
        }
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<(Options, bool), String> {
    let (mut content, mut out, mut site) = (None, None, None);
    let (mut keep_going, mut drafts, mut future, mut check) = (false, false, false, false);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--content" => content = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--site" => site = Some(PathBuf::from(value()?)),
            "--keep-going" => keep_going = true,
            "--drafts" => drafts = true,
            "--future" => future = true,
            "--check" => check = true,
            "-h" | "--help" => return Err("help".into()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let content: PathBuf = content.ok_or("--content is required")?;
    let out = match (out, check) {
        (Some(out), _) => out,
        // `--check` writes nothing; the build goes to a scratch folder.
        (None, true) => std::env::temp_dir().join(format!("indexer-check-{}", std::process::id())),
        (None, false) => return Err("--out is required".into()),
    };
    Ok((
        Options {
            site,
            keep_going,
            drafts,
            future,
            ..Options::new(content, out)
        },
        check,
    ))
}
