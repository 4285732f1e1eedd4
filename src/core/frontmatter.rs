//! Front matter: splitting a Markdown file into its header and its body,
//! and reading the header into a value tree.
//!
//! Three formats, as [Hugo documents them](https://gohugo.io/content-management/front-matter/):
//! YAML between `---` lines (Jekyll, Eleventy, Astro and most Hugo sites),
//! TOML between `+++` lines, and a JSON object at the very start of the file.
//! Splitting is pure string work; parsing the header happens only in the
//! native indexer ([`parse_tree`]).

/// The language of a file's front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

impl Format {
    /// How the format is named in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }
}

/// A file cut at its front-matter fences. Lines are 1-based, counted in the
/// original file, so errors inside either part can name the file's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The header's text (for JSON, the whole object, braces included);
    /// `None` when the file has no front matter.
    pub front_matter: Option<&'a str>,
    pub format: Format,
    /// The file line where the header's text starts.
    pub front_matter_line: usize,
    /// Everything after the closing fence.
    pub body: &'a str,
    /// The file line where the body starts.
    pub body_line: usize,
}

/// Why a file cannot be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// An opening fence with no closing one.
    Unterminated { line: usize, format: Format },
}

impl std::fmt::Display for SplitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SplitError::Unterminated {
                format: Format::Yaml,
                ..
            } => f.write_str("front matter opened with `---` is never closed by a `---` line"),
            SplitError::Unterminated {
                format: Format::Toml,
                ..
            } => f.write_str("front matter opened with `+++` is never closed by a `+++` line"),
            SplitError::Unterminated {
                format: Format::Json,
                ..
            } => f.write_str("JSON front matter opened with `{` is never closed by its `}`"),
        }
    }
}

impl SplitError {
    pub fn line(&self) -> usize {
        match self {
            SplitError::Unterminated { line, .. } => *line,
        }
    }
}

/// Splits `src` at its front-matter fences.
///
/// - `---` on the first line: YAML, up to the next line that is exactly
///   `---` (or YAML's `...`);
/// - `+++` on the first line: TOML, up to the next `+++` line;
/// - `{` first: a JSON object, up to its matching `}`.
///
/// A byte-order mark, CRLF line endings and trailing spaces on the fences
/// are accepted; `---` lines further down the body are Markdown rules.
pub fn split(src: &str) -> Result<Split<'_>, SplitError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    if src.starts_with('{') {
        return split_json(src);
    }
    let mut lines = LineSpans::new(src);
    let Some((_, first_end, first)) = lines.next() else {
        return Ok(no_front_matter(src));
    };
    let format = match first.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return Ok(no_front_matter(src)),
    };
    for (n, (start, end, line)) in lines.enumerate() {
        let line = line.trim_end();
        let closes = match format {
            Format::Yaml => line == "---" || line == "...",
            _ => line == "+++",
        };
        if closes {
            return Ok(Split {
                front_matter: Some(&src[first_end..start]),
                format,
                front_matter_line: 2,
                body: &src[end..],
                body_line: n + 3,
            });
        }
    }
    Err(SplitError::Unterminated { line: 1, format })
}

/// A JSON object from the first byte to its matching brace, strings and
/// their escapes skipped; the body starts on the next line.
fn split_json(src: &str) -> Result<Split<'_>, SplitError> {
    let b = src.as_bytes();
    let (mut depth, mut i, mut in_string) = (0usize, 0, false);
    while i < b.len() {
        match (in_string, b[i]) {
            (true, b'\\') => i += 1,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'{') => depth += 1,
            (false, b'}') => {
                depth -= 1;
                if depth == 0 {
                    let object = &src[..=i];
                    let rest = &src[i + 1..];
                    // The rest of the closing line belongs to the header.
                    let body_start = rest.find('\n').map_or(rest.len(), |n| n + 1);
                    return Ok(Split {
                        front_matter: Some(object),
                        format: Format::Json,
                        front_matter_line: 1,
                        body: &rest[body_start..],
                        body_line: object.matches('\n').count() + 2,
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err(SplitError::Unterminated {
        line: 1,
        format: Format::Json,
    })
}

fn no_front_matter(src: &str) -> Split<'_> {
    Split {
        front_matter: None,
        format: Format::Yaml,
        front_matter_line: 1,
        body: src,
        body_line: 1,
    }
}

/// Iterates over `(start, end_after_newline, line_without_newline)`.
struct LineSpans<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> LineSpans<'a> {
    fn new(src: &'a str) -> Self {
        LineSpans { src, pos: 0 }
    }
}

impl<'a> Iterator for LineSpans<'a> {
    type Item = (usize, usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.src.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.src[start..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, self.pos, line.strip_suffix('\r').unwrap_or(line)))
    }
}

/// Something wrong with one file, at a 1-based line of that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub reason: String,
}

impl Problem {
    pub fn new(line: usize, reason: impl Into<String>) -> Self {
        Problem {
            line,
            reason: reason.into(),
        }
    }
}

#[cfg(pipeline)]
pub use native::{key_line, key_lines, parse_tree};

#[cfg(pipeline)]
mod native;

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(src: &str) -> (Option<&str>, &str, usize) {
        let s = split(src).unwrap();
        (s.front_matter, s.body, s.body_line)
    }

    #[test]
    fn can_split_front_matter() {
        let cases: &[(&str, &str, Option<&str>, &str, usize)] = &[
            (
                "plain",
                "---\ntitle: A\n---\nBody\n",
                Some("title: A\n"),
                "Body\n",
                4,
            ),
            (
                "no trailing newline",
                "---\ntitle: A\n---",
                Some("title: A\n"),
                "",
                4,
            ),
            (
                "no body newline",
                "---\ntitle: A\n---\nBody",
                Some("title: A\n"),
                "Body",
                4,
            ),
            (
                "rule in body",
                "---\ntitle: A\n---\nOne\n\n---\n\nTwo\n",
                Some("title: A\n"),
                "One\n\n---\n\nTwo\n",
                4,
            ),
            (
                "crlf",
                "---\r\ntitle: A\r\n---\r\nBody\r\n",
                Some("title: A\r\n"),
                "Body\r\n",
                4,
            ),
            (
                "bom",
                "\u{feff}---\ntitle: A\n---\nBody\n",
                Some("title: A\n"),
                "Body\n",
                4,
            ),
            (
                "empty front matter",
                "---\n---\nBody\n",
                Some(""),
                "Body\n",
                3,
            ),
            (
                "fence with trailing spaces",
                "---  \ntitle: A\n---   \nBody",
                Some("title: A\n"),
                "Body",
                4,
            ),
            (
                "yaml document end",
                "---\ntitle: A\n...\nBody",
                Some("title: A\n"),
                "Body",
                4,
            ),
            (
                "no front matter",
                "# Just notes\n",
                None,
                "# Just notes\n",
                1,
            ),
            ("empty file", "", None, "", 1),
            (
                "dashes not first",
                "\n---\ntitle: A\n---\n",
                None,
                "\n---\ntitle: A\n---\n",
                1,
            ),
            (
                "four dashes",
                "----\ntitle: A\n---\n",
                None,
                "----\ntitle: A\n---\n",
                1,
            ),
        ];
        for (name, src, fm, body, body_line) in cases {
            assert_eq!(parts(src), (*fm, *body, *body_line), "{name}");
        }
    }

    #[test]
    fn errors_if_front_matter_is_unterminated() {
        for src in [
            "---\ntitle: A\nBody\n",
            "---",
            "---\n",
            "\u{feff}---\r\ntitle: A\r\n",
        ] {
            assert_eq!(
                split(src),
                Err(SplitError::Unterminated {
                    line: 1,
                    format: Format::Yaml
                }),
                "{src:?}"
            );
        }
    }
}
