//! Front matter: splitting a Markdown file into its YAML header and its body.
//!
//! Splitting is pure string work and runs in the browser too (it fetches the
//! raw file and renders only the body). Parsing the YAML happens only in the
//! native indexer; see [`crate::core::episode::parse`].

/// A file cut at its front-matter fences. Lines are 1-based, counted in the
/// original file, so errors inside either part can name the file's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences; `None` when the file has no front matter.
    pub front_matter: Option<&'a str>,
    /// The file line where the YAML starts.
    pub front_matter_line: usize,
    /// Everything after the closing fence.
    pub body: &'a str,
    /// The file line where the body starts.
    pub body_line: usize,
}

/// Why a file cannot be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// An opening `---` with no closing one.
    Unterminated { line: usize },
}

impl std::fmt::Display for SplitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SplitError::Unterminated { .. } => {
                f.write_str("front matter opened with `---` is never closed by a `---` line")
            }
        }
    }
}

impl SplitError {
    pub fn line(&self) -> usize {
        match self {
            SplitError::Unterminated { line } => *line,
        }
    }
}

/// Splits `src` at its front-matter fences.
///
/// A file has front matter when its first line is `---`. The YAML then runs
/// to the next line that is exactly `---` (or YAML's `...`). A byte-order
/// mark, CRLF line endings and trailing spaces on the fences are accepted;
/// `---` lines further down the body are Markdown rules, not fences.
pub fn split(src: &str) -> Result<Split<'_>, SplitError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut lines = LineSpans::new(src);
    let Some((_, first_end, first)) = lines.next() else {
        return Ok(no_front_matter(src));
    };
    if !is_fence(first, false) {
        return Ok(no_front_matter(src));
    }
    let yaml_start = first_end;
    for (n, (start, end, line)) in lines.enumerate() {
        if is_fence(line, true) {
            return Ok(Split {
                front_matter: Some(&src[yaml_start..start]),
                front_matter_line: 2,
                body: &src[end..],
                body_line: n + 3,
            });
        }
    }
    Err(SplitError::Unterminated { line: 1 })
}

fn no_front_matter(src: &str) -> Split<'_> {
    Split {
        front_matter: None,
        front_matter_line: 1,
        body: src,
        body_line: 1,
    }
}

fn is_fence(line: &str, closing: bool) -> bool {
    let line = line.trim_end();
    line == "---" || (closing && line == "...")
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
                Err(SplitError::Unterminated { line: 1 }),
                "{src:?}"
            );
        }
    }
}
