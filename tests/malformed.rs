//! Malformed episode files, as archives really contain them: every one is
//! reported with its path, its line and a reason that says what to fix, and
//! none makes the indexer panic or hang.
//!
//! The corpus lives in `tests/malformed/`, one file per case; files too big
//! to commit (a 100 KB title, a 5 MB body, a runaway `[[[[…`) are generated
//! here. Each file's outcome is in one of the tables below, and
//! [`every_corpus_file_has_an_expected_outcome`] keeps the folder and the
//! tables in step.
//!
//! Decisions the tables record:
//! - A title over 500 characters (the 100 KB one) is an error, not cut
//!   short: it is a paste gone wrong, and no listing could show it.
//! - A 5 MB body is indexed; it must just not take long.
//! - A UTF-8 byte-order mark is dropped and CRLF line endings are read as
//!   line ends; line numbers in such files are the editor's.
//! - A file with front matter and no notes is a valid episode.
//! - A NUL byte is refused in front matter (YAML forbids control
//!   characters) but let through in the notes, where Markdown turns it
//!   into U+FFFD.
//! - A repeated key is an error when the viewer reads that field, and
//!   ignored like the field itself otherwise (`layout` twice).
//! - A "billion laughs" of aliases is refused by the YAML reader's
//!   repetition limit, in any field: front matter is read whole, since
//!   any key may be the one the site's `fields:` names.
//! - `[`/`{` nesting deeper than 128 is refused before parsing, because
//!   the YAML scanner's time grows with the square of that depth.
#![cfg(not(target_arch = "wasm32"))]

use podcast_viewer::core::catalog::Catalog;
use podcast_viewer::indexer::{load, process, Diagnostic, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

/// What the indexer must make of one file.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Indexed, as an episode with this title.
    Indexed { title: &'static str },
    /// Left out, with a problem at this line whose reason contains this.
    Error { line: usize, reason: &'static str },
}

use Expect::{Error, Indexed};

/// Far more than any case needs in a debug build; a hang runs into it
/// instead of stalling the test run.
const TIMEOUT: Duration = Duration::from_secs(120);

const YAML_SYNTAX: &[(&str, Expect)] = &[
    (
        "yaml-unclosed-double-quote.md",
        Error {
            line: 3,
            reason: "end of stream at line 5, in the quoted string opened on this line",
        },
    ),
    (
        "yaml-unclosed-single-quote.md",
        Error {
            line: 4,
            reason: "end of stream at line 6, in the quoted string opened on this line",
        },
    ),
    (
        "yaml-unclosed-bracket.md",
        Error {
            line: 4,
            reason: "in the `[` list opened on this line",
        },
    ),
    (
        "yaml-unclosed-brace.md",
        Error {
            line: 4,
            reason: "in the `{` mapping opened on this line",
        },
    ),
    (
        "yaml-bad-indentation.md",
        Error {
            line: 4,
            reason: "check the indentation",
        },
    ),
    (
        "yaml-colon-in-value.md",
        Error {
            line: 2,
            reason: "quote a value that contains `: `",
        },
    ),
    (
        "yaml-missing-space-after-colon.md",
        Error {
            line: 2,
            reason: "is a space missing after a `:`?",
        },
    ),
    (
        "yaml-tab-indentation.md",
        Error {
            line: 5,
            reason: "indented with a tab",
        },
    ),
    (
        "yaml-bad-escape.md",
        Error {
            line: 4,
            reason: "in double quotes `\\` starts an escape",
        },
    ),
    (
        "yaml-undefined-alias.md",
        Error {
            line: 2,
            reason: "unknown anchor",
        },
    ),
    (
        "yaml-unknown-tag.md",
        Error {
            line: 2,
            reason: "title: a YAML `!tag` is not supported",
        },
    ),
    (
        "front-matter-list.md",
        Error {
            line: 2,
            reason: "must be a YAML mapping of `key: value` lines (found sequence)",
        },
    ),
    (
        "front-matter-scalar.md",
        Error {
            line: 2,
            reason: "must be a YAML mapping of `key: value` lines (found string",
        },
    ),
];

const DUPLICATE_KEYS: &[(&str, Expect)] = &[
    (
        "duplicate-title.md",
        Error {
            line: 5,
            reason: "duplicate field `title`",
        },
    ),
    (
        "duplicate-date.md",
        Error {
            line: 4,
            reason: "duplicate field `date`",
        },
    ),
    (
        "duplicate-ignored-key.md",
        Indexed {
            title: "Twice the layout",
        },
    ),
];

const WRONG_TYPES: &[(&str, Expect)] = &[
    (
        "title-mapping.md",
        Error {
            line: 3,
            reason: "title: expected text, found a mapping",
        },
    ),
    (
        "title-list.md",
        Error {
            line: 3,
            reason: "title: expected text, found a list",
        },
    ),
    (
        "date-list.md",
        Error {
            line: 3,
            reason: "date: expected text, found a list",
        },
    ),
    (
        "episode-words.md",
        Error {
            line: 4,
            reason: "episode: expected a whole number, got \"twelve\"",
        },
    ),
    (
        "episode-fraction.md",
        Error {
            line: 4,
            reason: "episode: expected a whole number, got 12.5",
        },
    ),
    (
        "number-too-large.md",
        Error {
            line: 4,
            reason: "`number` 99999999999 is too large",
        },
    ),
    (
        "duration-nonsense.md",
        Error {
            line: 5,
            reason: "`duration` \"about an hour\" is not a duration",
        },
    ),
    (
        "duration-bad-minutes.md",
        Error {
            line: 4,
            reason: "`duration` \"1:90:00\" is not a duration",
        },
    ),
    (
        "team-number.md",
        Error {
            line: 4,
            reason: "team: expected names, found a number",
        },
    ),
    (
        "chapter-bad-start.md",
        Error {
            line: 4,
            reason: "chapter 2 has start \"later\", which is not a time",
        },
    ),
    (
        "chapters-not-a-list.md",
        Error {
            line: 4,
            reason: "chapters: expected a list of chapters, found text",
        },
    ),
];

const MISSING_PARTS: &[(&str, Expect)] = &[
    (
        "empty.md",
        Error {
            line: 1,
            reason: "the file is empty",
        },
    ),
    (
        "body-only.md",
        Error {
            line: 1,
            reason: "no front matter: the file must start with a `---` line",
        },
    ),
    (
        "front-matter-only.md",
        Indexed {
            title: "Nothing to say",
        },
    ),
    (
        "empty-front-matter.md",
        Error {
            line: 2,
            reason: "empty front matter: `title` is required",
        },
    ),
    (
        "comment-only-front-matter.md",
        Error {
            line: 2,
            reason: "missing `title`",
        },
    ),
    (
        "unterminated.md",
        Error {
            line: 1,
            reason: "never closed",
        },
    ),
    (
        "missing-title.md",
        Error {
            line: 2,
            reason: "missing `title`",
        },
    ),
    (
        "null-title.md",
        Error {
            line: 2,
            reason: "missing `title`",
        },
    ),
    (
        "missing-date.md",
        Error {
            line: 1,
            reason: "no date: name the file YYYY-MM-DD-slug.md or set `date:`",
        },
    ),
    (
        "unparseable-date.md",
        Error {
            line: 3,
            reason: "`date` \"next Tuesday\" is not a date",
        },
    ),
    (
        "impossible-date.md",
        Error {
            line: 3,
            reason: "`date` \"2021-02-29\" is not a date",
        },
    ),
    (
        "2020-02-30-bad-file-name-date.md",
        Error {
            line: 1,
            reason: "2020-02-30, which is not a valid date",
        },
    ),
];

const ENCODINGS: &[(&str, Expect)] = &[
    (
        "invalid-utf8.md",
        Error {
            line: 2,
            reason: "not valid UTF-8",
        },
    ),
    (
        "nul-in-front-matter.md",
        Error {
            line: 3,
            reason: "control characters are not allowed (U+0000 at column 13)",
        },
    ),
    (
        "nul-in-body.md",
        Indexed {
            title: "A NUL in the notes",
        },
    ),
    (
        "bom.md",
        Indexed {
            title: "Saved with a BOM",
        },
    ),
    (
        "bom-bad-episode.md",
        Error {
            line: 4,
            reason: "expected a whole number, got \"eleven\"",
        },
    ),
    (
        "crlf.md",
        Indexed {
            title: "Saved on Windows",
        },
    ),
    (
        "crlf-bad-duration.md",
        Error {
            line: 5,
            reason: "`duration` \"forever\" is not a duration",
        },
    ),
    (
        "crlf-bad-yaml.md",
        Error {
            line: 4,
            reason: "at line 5, in the `[` list opened on this line",
        },
    ),
    (
        "cr-only.md",
        Error {
            line: 1,
            reason: "CR only (classic Mac)",
        },
    ),
];

const HOSTILE: &[(&str, Expect)] = &[
    (
        "billion-laughs.md",
        Error {
            line: 2,
            reason: "repetition limit exceeded",
        },
    ),
    (
        "billion-laughs-in-guests.md",
        Error {
            line: 2,
            reason: "repetition limit exceeded",
        },
    ),
    (
        "deeply-nested.md",
        Error {
            line: 4,
            reason: "nest more than 128 levels deep",
        },
    ),
    (
        "nesting-behind-quoted-brackets.md",
        Error {
            line: 4,
            reason: "nest more than 128 levels deep",
        },
    ),
    (
        "brackets-in-quotes-and-comments.md",
        Indexed {
            title: "Brackets in quotes and comments",
        },
    ),
    (
        "deeply-nested-blocks.md",
        Error {
            line: 132,
            reason: "recursion limit exceeded",
        },
    ),
];

/// Cases too big, or too binary, to commit: a name, its bytes, its outcome.
type Generated = (&'static str, fn() -> Vec<u8>, Expect);

const GENERATED: &[Generated] = &[
    (
        "huge-title.md",
        huge_title,
        Error {
            line: 2,
            reason: "characters long; the limit is 500",
        },
    ),
    (
        "huge-body.md",
        huge_body,
        Indexed {
            title: "Five megabytes of notes",
        },
    ),
    (
        "huge-body-one-line.md",
        huge_body_one_line,
        Indexed {
            title: "One very long line",
        },
    ),
    (
        "runaway-nesting.md",
        runaway_nesting,
        Error {
            line: 4,
            reason: "nest more than 128 levels deep",
        },
    ),
    (
        "truncated-utf8.md",
        truncated_utf8,
        Error {
            line: 6,
            reason: "not valid UTF-8",
        },
    ),
];

/// 100 KB of title on one line.
fn huge_title() -> Vec<u8> {
    let title = "A title pasted far too many times ".repeat(3_000);
    format!("---\ntitle: {title}\ndate: 2020-01-01\n---\nNotes.\n").into_bytes()
}

/// 5 MB of ordinary notes: headings, timestamps, links, lists, code.
fn huge_body() -> Vec<u8> {
    let mut s = String::from(
        "---\ntitle: Five megabytes of notes\ndate: 2020-01-01\nepisode: 50\nduration: 1:00:00\n---\n",
    );
    let segment = "## Segment\n\nAt 12:34 we talk about *Rust*, [a link](https://example.com/a) and `code`.\n\n- one\n- two\n\n";
    while s.len() < 5 << 20 {
        s.push_str(segment);
    }
    s.into_bytes()
}

/// 5 MB of notes without a single line break.
fn huge_body_one_line() -> Vec<u8> {
    let mut s = String::from("---\ntitle: One very long line\ndate: 2020-01-01\n---\n");
    while s.len() < 5 << 20 {
        s.push_str("word [bracket] *star* <tag> ");
    }
    s.into_bytes()
}

/// 400 KB of `[`: over a minute of scanning before nesting was capped.
fn runaway_nesting() -> Vec<u8> {
    let depth = 200_000;
    format!(
        "---\ntitle: Runaway\ndate: 2020-01-01\nextra: {}{}\n---\nNotes.\n",
        "[".repeat(depth),
        "]".repeat(depth)
    )
    .into_bytes()
}

/// A file cut in the middle of a two-byte character.
fn truncated_utf8() -> Vec<u8> {
    b"---\ntitle: Cut short\ndate: 2020-01-01\n---\nNotes.\nCaf\xc3".to_vec()
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed")
}

/// Every committed case, with its outcome.
fn corpus() -> Vec<(&'static str, Expect)> {
    [
        YAML_SYNTAX,
        DUPLICATE_KEYS,
        WRONG_TYPES,
        MISSING_PARTS,
        ENCODINGS,
        HOSTILE,
    ]
    .concat()
}

/// Every case, committed or generated: name, bytes, outcome.
fn all_cases() -> Vec<(&'static str, Vec<u8>, Expect)> {
    let dir = corpus_dir();
    let mut cases: Vec<_> = corpus()
        .into_iter()
        .map(|(name, expect)| (name, std::fs::read(dir.join(name)).unwrap(), expect))
        .collect();
    cases.extend(
        GENERATED
            .iter()
            .map(|&(name, make, expect)| (name, make(), expect)),
    );
    cases
}

/// A scratch folder under the target directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("malformed-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const SITE: &[u8] = b"title: Malformed show\n";

/// What the indexer's load and parse steps make of a folder, with
/// `--keep-going`: the titles indexed and the files left out. A panic or a
/// hang is reported as an error.
fn index_folder(content: &Path) -> Result<(Vec<String>, Vec<Diagnostic>), String> {
    let options = Options {
        keep_going: true,
        ..Options::new(content, content.join("never-written"))
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = load(&options)
            .map_err(|d| d.to_string())
            .and_then(|loaded| process(&loaded, &options).map_err(|f| f.to_string()))
            .map(|p| {
                let titles = p.catalog.episodes.iter().map(|e| e.title.clone());
                (titles.collect(), p.skipped)
            });
        let _ = tx.send(result);
    });
    match rx.recv_timeout(TIMEOUT) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("no answer in {TIMEOUT:?}")),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the indexer panicked".into()),
    }
}

/// Runs each case alone in a folder and checks its outcome; collects every
/// mismatch so that one run names them all.
fn check(group: &str, cases: &[(&str, Vec<u8>, Expect)]) {
    let mut failures = Vec::new();
    for (name, bytes, expect) in cases {
        let dir = Scratch::new(&format!("{group}-{}", name.trim_end_matches(".md")));
        dir.write("site.yaml", SITE);
        let path = dir.write(name, bytes);
        let got = index_folder(&dir.0);
        let ok = match (&got, expect) {
            (Ok((titles, skipped)), Indexed { title }) => {
                skipped.is_empty() && titles.len() == 1 && titles[0] == *title
            }
            (Ok((titles, skipped)), Error { line, reason }) => {
                titles.is_empty()
                    && !skipped.is_empty()
                    && skipped.iter().all(|d| d.path == path && d.line >= 1)
                    && skipped
                        .iter()
                        .any(|d| d.line == *line && d.reason.contains(reason))
            }
            (Err(_), _) => false,
        };
        if !ok {
            failures.push(format!("{name}: want {expect:?}, got {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn committed(table: &[(&'static str, Expect)]) -> Vec<(&'static str, Vec<u8>, Expect)> {
    let dir = corpus_dir();
    table
        .iter()
        .map(|&(name, expect)| (name, std::fs::read(dir.join(name)).unwrap(), expect))
        .collect()
}

#[test]
fn every_corpus_file_has_an_expected_outcome() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let in_tables: BTreeSet<String> = corpus().iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, in_tables);
    assert_eq!(in_tables.len(), corpus().len(), "a file is listed twice");
    assert!(in_tables.len() + GENERATED.len() >= 30);
    // A checkout that rewrote line endings would test nothing here.
    for name in ["crlf.md", "crlf-bad-duration.md", "crlf-bad-yaml.md"] {
        let bytes = std::fs::read(corpus_dir().join(name)).unwrap();
        assert!(
            bytes.windows(2).filter(|w| w == b"\r\n").count() >= 5,
            "{name} must keep its CRLF line endings"
        );
    }
    let cr_only = std::fs::read(corpus_dir().join("cr-only.md")).unwrap();
    assert!(cr_only.contains(&b'\r') && !cr_only.contains(&b'\n'));
    assert!(std::fs::read(corpus_dir().join("bom.md"))
        .unwrap()
        .starts_with("\u{feff}".as_bytes()));
}

#[test]
fn errors_if_yaml_is_malformed() {
    check("yaml", &committed(YAML_SYNTAX));
}

#[test]
fn errors_if_a_read_field_is_repeated() {
    check("duplicate", &committed(DUPLICATE_KEYS));
}

#[test]
fn errors_if_fields_have_the_wrong_type() {
    check("types", &committed(WRONG_TYPES));
}

#[test]
fn errors_if_required_parts_are_missing() {
    check("missing", &committed(MISSING_PARTS));
}

#[test]
fn can_read_boms_and_crlf_but_not_bad_bytes() {
    check("encodings", &committed(ENCODINGS));
}

#[test]
fn can_survive_alias_bombs_and_deep_nesting() {
    check("hostile", &committed(HOSTILE));
}

#[test]
fn can_handle_huge_and_truncated_files_quickly() {
    let cases: Vec<_> = GENERATED
        .iter()
        .map(|&(name, make, expect)| (name, make(), expect))
        .collect();
    check("generated", &cases);
}

/// The whole corpus in one folder beside a good episode, through the real
/// binary: every broken file is named, the rest is published.
#[test]
fn can_keep_going_past_every_malformed_file() {
    let dir = Scratch::new("all");
    dir.write("site.yaml", SITE);
    dir.write(
        "2020-06-01-good-episode.md",
        b"---\ntitle: The good one\nepisode: 1\n---\nFine notes.\n",
    );
    let cases = all_cases();
    for (name, bytes, _) in &cases {
        dir.write(name, bytes);
    }
    let out = Scratch::new("all-out");
    let o = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .arg("--content")
        .arg(&dir.0)
        .arg("--out")
        .arg(&out.0)
        .arg("--keep-going")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let mut broken = 0;
    for (name, _, expect) in &cases {
        let prefix = format!("skipped: {}:", dir.0.join(name).display());
        match expect {
            Error { line, reason } => {
                broken += 1;
                let want = format!("{prefix}{line}: ");
                assert!(
                    err.lines()
                        .any(|l| l.starts_with(&want) && l.contains(reason)),
                    "want {want}…{reason} in:\n{err}"
                );
            }
            Indexed { .. } => assert!(!err.contains(&prefix), "{name}:\n{err}"),
        }
    }
    assert!(
        err.contains(&format!("{broken} broken file(s) left out")),
        "{err}"
    );

    let catalog: Catalog =
        serde_json::from_str(&std::fs::read_to_string(out.0.join("index.json")).unwrap()).unwrap();
    let titles: BTreeSet<&str> = catalog.episodes.iter().map(|e| e.title.as_str()).collect();
    let mut want: BTreeSet<&str> = cases
        .iter()
        .filter_map(|(_, _, e)| match e {
            Indexed { title } => Some(*title),
            Error { .. } => None,
        })
        .collect();
    want.insert("The good one");
    assert_eq!(titles, want);
}

/// Without `--keep-going` the same folder fails whole, and says so.
#[test]
fn errors_stop_the_build_without_keep_going() {
    let dir = Scratch::new("strict");
    dir.write("site.yaml", SITE);
    dir.write(
        "2020-06-01-good-episode.md",
        b"---\ntitle: The good one\n---\nFine.\n",
    );
    let broken: Vec<_> = corpus()
        .into_iter()
        .filter(|(_, e)| matches!(e, Error { .. }))
        .collect();
    for (name, _) in &broken {
        dir.write(name, &std::fs::read(corpus_dir().join(name)).unwrap());
    }
    let out = Scratch::new("strict-out");
    let o = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .arg("--content")
        .arg(&dir.0)
        .arg("--out")
        .arg(&out.0)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("in {} file(s); nothing was written", broken.len())),
        "{err}"
    );
    assert!(!out.0.join("index.json").exists());
}
