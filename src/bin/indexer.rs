//! `indexer --content DIR --out DIR [--site FILE] [--keep-going]`: builds the
//! catalog index. Trunk runs it before every build; see `scripts/index-hook`.
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

const USAGE: &str =
    "usage: indexer --content DIR --out DIR [--site FILE] [--keep-going]\n       indexer --prerender DIR [--csp]";

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
    let options = match parse_args(args.into_iter()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("indexer: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
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
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut content, mut out, mut site, mut keep_going) = (None, None, None, false);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--content" => content = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--site" => site = Some(PathBuf::from(value()?)),
            "--keep-going" => keep_going = true,
            "-h" | "--help" => return Err("help".into()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Options {
        content: content.ok_or("--content is required")?,
        out: out.ok_or("--out is required")?,
        site,
        keep_going,
    })
}
