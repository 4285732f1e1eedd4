//! Reading a front-matter header into a [`Json`] tree, whatever its
//! format, with errors at the file's own lines.

use super::{Format, Problem};
use crate::core::json::Json;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Parses a header split off by [`super::split`]. `first_line` is the file
/// line where `text` starts. Keys are kept in file order, repeats included,
/// so a repeated key is an error only for a field the viewer reads.
pub fn parse_tree(text: &str, format: Format, first_line: usize) -> Result<Json, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::new(
            first_line,
            "empty front matter: `title` is required",
        ));
    }
    let tree = match format {
        Format::Yaml => {
            if let Some(at) = flow_too_deep(text, MAX_FLOW_DEPTH) {
                return Err(Problem::new(
                    first_line + at,
                    format!("invalid front matter: `[` and `{{` nest more than {MAX_FLOW_DEPTH} levels deep"),
                ));
            }
            serde_yaml_ng::from_str::<Tree>(text).map_err(|e| yaml_problem(&e, text, first_line))?
        }
        Format::Toml => toml::from_str::<Tree>(text).map_err(|e| {
            let at = e
                .span()
                .map_or(0, |s| text[..s.start.min(text.len())].matches('\n').count());
            Problem::new(
                first_line + at,
                format!("invalid TOML front matter: {}", e.message()),
            )
        })?,
        Format::Json => serde_json::from_str::<Tree>(text).map_err(|e| {
            Problem::new(
                first_line + e.line().saturating_sub(1),
                format!(
                    "invalid JSON front matter: {}",
                    cut_location(&e.to_string()).0
                ),
            )
        })?,
    };
    match tree.0 {
        Json::Obj(_) => Ok(tree.0),
        // YAML with only comments.
        Json::Null => Ok(Json::Obj(Vec::new())),
        other => Err(Problem::new(
            first_line,
            format!(
                "front matter must be a {} mapping of `key: value` lines (found {})",
                format.name(),
                match other {
                    Json::Arr(_) => "sequence".to_string(),
                    Json::Str(s) if s.contains(':') =>
                        format!("string {s:?}; is a space missing after a `:`?"),
                    Json::Str(s) => format!("string {s:?}"),
                    _ => "a single value".to_string(),
                }
            ),
        )),
    }
}

/// The file line of `key` in a header (the last part of a dotted key
/// `episode.size`), matched case-insensitively as keys are; `first_line`
/// when it cannot be found.
pub fn key_line(text: &str, format: Format, key: &str, first_line: usize) -> usize {
    key_lines(text, format, key, first_line)
        .first()
        .copied()
        .unwrap_or(first_line)
}

/// Every file line where `key` is written, in order.
pub fn key_lines(text: &str, format: Format, key: &str, first_line: usize) -> Vec<usize> {
    let key = key.rsplit('.').next().unwrap_or(key);
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start().trim_start_matches("- ");
            let l = match format {
                Format::Json => l.strip_prefix('"').unwrap_or(l),
                _ => l.trim_start_matches(['"', '\'']),
            };
            l.get(..key.len())
                .is_some_and(|k| k.eq_ignore_ascii_case(key))
                && l[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with([':', '='])
        })
        .map(|(i, _)| first_line + i)
        .collect()
}

/// The value tree every format deserializes into.
struct Tree(Json);

impl<'de> de::Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor).map(Tree)
    }
}

/// The key under which the `toml` crate hands over a date-time.
const TOML_DATETIME: &str = "$__toml_private_datetime";

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Json;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Num(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(Tree(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = Vec::new();
        while let Some(Key(k)) = map.next_key()? {
            let Tree(v) = map.next_value()?;
            if k == TOML_DATETIME {
                return Ok(v);
            }
            fields.push((k, v));
        }
        Ok(Json::Obj(fields))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Json, A::Error> {
        // serde_yaml_ng hands a `!tagged` value over as an enum.
        Err(de::Error::custom("a YAML `!tag` is not supported here"))
    }
}

/// A mapping key as text: YAML allows `2019: …` and `true: …` too.
struct Key(String);

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(TreeVisitor)? {
            Json::Str(s) => Ok(Key(s)),
            Json::Num(n) => Ok(Key(n.to_string())),
            Json::Bool(b) => Ok(Key(b.to_string())),
            Json::Null => Ok(Key(String::new())),
            _ => Err(de::Error::custom(
                "a key must be text, not a list or mapping",
            )),
        }
    }
}

/// Deeper `[`/`{` nesting is refused before parsing: the YAML scanner's
/// time grows with the square of it, so a runaway `[[[[…` stalls the
/// build for minutes. serde_yaml_ng stops at 128 levels in the fields
/// it reads anyway.
const MAX_FLOW_DEPTH: usize = 128;

/// The 0-based line where `[`/`{` nesting first passes `limit`. Quoted
/// strings and comments are skipped, so brackets in them cannot hide
/// real nesting (nor add to it).
fn flow_too_deep(yaml: &str, limit: usize) -> Option<usize> {
    let b = yaml.as_bytes();
    let (mut depth, mut line, mut i) = (0usize, 0, 0);
    while i < b.len() {
        let starts_token = i == 0 || b" \t\r\n[{,:".contains(&b[i - 1]);
        match b[i] {
            b'\n' => line += 1,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'#' if starts_token => {
                while i + 1 < b.len() && b[i + 1] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') if starts_token => {
                i += 1;
                while i < b.len() {
                    match b[i] {
                        // `''` is a quote inside a single-quoted string.
                        b'\'' if q == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 1,
                        c if c == q => break,
                        b'\\' if q == b'"' => i += 1,
                        _ => {}
                    }
                    if b.get(i) == Some(&b'\n') {
                        line += 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `… at line L column C` as the text before it and `L`.
fn cut_location(s: &str) -> (&str, Option<usize>) {
    match s.find(" at line ") {
        Some(i) => (
            &s[..i],
            s[i + 9..].split(' ').next().and_then(|n| n.parse().ok()),
        ),
        None => (s, None),
    }
}

/// Turns a YAML error into a problem at the file's line, with the
/// parser's own " at line X column Y" moved out of the reason.
fn yaml_problem(e: &serde_yaml_ng::Error, yaml: &str, first_line: usize) -> Problem {
    let msg = e.to_string();
    let (head, context) = match msg.split_once(", while ") {
        Some((head, context)) => (head, Some(context)),
        None => (msg.as_str(), None),
    };
    let (problem, _) = cut_location(head);
    // 0-based, within the YAML.
    let mut at = e.location().map_or(0, |l| l.line().saturating_sub(1));
    let mut reason = problem.to_string();

    // The YAML reader (control characters, a NUL…) gives a byte offset
    // rather than a line.
    if let Some((text, offset)) = problem.split_once(" at position ") {
        if let Some(before) = offset.parse().ok().and_then(|o: usize| yaml.get(..o)) {
            at = before.matches('\n').count();
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            reason = match yaml[before.len()..].chars().next() {
                Some(c) => format!("{text} (U+{:04X} at column {column})", u32::from(c)),
                None => text.to_string(),
            };
        }
    }
    // libyaml's own message for a tab is "found character that cannot
    // start any token", which does not say which character.
    if yaml
        .lines()
        .nth(at)
        .is_some_and(|l| l[..l.len() - l.trim_start().len()].contains('\t'))
    {
        reason.push_str(" (this line is indented with a tab; YAML allows only spaces)");
    }
    // An unclosed quote or bracket is noticed only where the parser
    // gives up, often at the closing `---`; the line to fix is where it
    // was opened.
    let opener = context.map(cut_location).and_then(|(what, line)| {
        let what = match what {
            "scanning a quoted scalar" | "parsing a quoted scalar" => "quoted string",
            "parsing a flow sequence" => "`[` list",
            "parsing a flow mapping" => "`{` mapping",
            _ => return None,
        };
        Some((what, line?.checked_sub(1)?))
    });
    if let Some((what, opened)) = opener {
        if opened != at {
            reason = format!("{reason} at line {}", first_line + at);
        }
        reason = format!("{reason}, in the {what} opened on this line");
        at = opened;
        // Windows paths in double quotes: `"C:\Users"` reads `\U` as
        // the start of an escape.
        if problem.contains("escape") || problem.contains("hexadecimal") {
            reason.push_str(
                " (in double quotes `\\` starts an escape: write `\\\\` or use single quotes)",
            );
        }
    }
    // A plain value that holds `: ` (`title: Rust: the book`) reads as
    // a nested key.
    let glued = at
        .checked_sub(1)
        .and_then(|i| yaml.lines().nth(i))
        .and_then(|l| l.split_once(':'))
        .is_some_and(|(k, v)| {
            !k.is_empty()
                && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                && v.starts_with(|c: char| !c.is_whitespace())
        });
    if problem == "mapping values are not allowed in this context" && glued {
        at -= 1;
        reason = format!("{reason} (is a space missing after a `:`?)");
    } else if problem == "mapping values are not allowed in this context" {
        reason.push_str(" (quote a value that contains `: `, or check the indentation)");
    }

    let reason = match reason.strip_prefix("invalid type: ") {
        // Errors in a field start with the field's name: this is the
        // whole front matter.
        Some(found) => {
            let found = found.split(", expected").next().unwrap_or(found);
            let hint = if found.starts_with("string") && found.contains(':') {
                "; is a space missing after a `:`?"
            } else {
                ""
            };
            format!(
                "front matter must be a YAML mapping of `key: value` lines (found {found}{hint})"
            )
        }
        // serde_yaml_ng hands a `!tagged` value over as an enum.
        None => format!(
            "invalid front matter: {}",
            reason.replace("invalid type: enum", "a YAML `!tag` is not supported here")
        ),
    };
    Problem::new(first_line + at, reason)
}
