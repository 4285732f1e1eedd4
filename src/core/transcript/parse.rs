//! Reading transcripts as authors give them, and writing the one file the
//! site publishes. The indexer reads a local transcript with [`parse`];
//! the transcript module reads a remote one with the same function, in
//! the browser (the app's own module never links it).
//!
//! WebVTT and SRT are read by the `subcue` crate; this module reads the
//! speakers out of them (`<v Ada>` voices, or a `Ada:` before the text
//! that recurs) and checks what podcast apps rely on: times in order,
//! inside the episode.

use super::{Cue, Transcript};
use subcue::text::Span;

/// The formats a transcript comes in, by the MIME types of the
/// [`podcast:transcript`](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md)
/// tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Vtt,
    Srt,
    Json,
    Text,
    Html,
}

impl Kind {
    /// The kind a MIME type names (`text/vtt`, `application/x-subrip`…).
    pub fn from_type(mime: &str) -> Option<Kind> {
        let mime = mime.split(';').next().unwrap_or("").trim();
        Some(match mime.to_ascii_lowercase().as_str() {
            "text/vtt" => Kind::Vtt,
            "application/x-subrip" | "application/srt" | "text/srt" | "application/x-srt" => {
                Kind::Srt
            }
            "application/json" => Kind::Json,
            "text/plain" => Kind::Text,
            "text/html" => Kind::Html,
            _ => return None,
        })
    }

    /// The kind a file name's extension names.
    pub fn from_path(path: &str) -> Option<Kind> {
        let name = path.split(['?', '#']).next().unwrap_or(path);
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "vtt" | "webvtt" => Kind::Vtt,
            "srt" => Kind::Srt,
            "json" => Kind::Json,
            "txt" | "text" => Kind::Text,
            "html" | "htm" => Kind::Html,
            _ => return None,
        })
    }

    /// The MIME type the feed gives this kind.
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Vtt => "text/vtt",
            Kind::Srt => "application/x-subrip",
            Kind::Json => "application/json",
            Kind::Text => "text/plain",
            Kind::Html => "text/html",
        }
    }
}

impl super::TranscriptLink {
    /// The format the link names: its `type`, else its file name.
    pub fn kind(&self) -> Option<Kind> {
        self.mime
            .as_deref()
            .and_then(Kind::from_type)
            .or_else(|| Kind::from_path(&self.url))
    }
}

/// A transcript read, with what is doubtful in it: a line of the file (1
/// for the file as a whole) and the reason. The transcript is published
/// either way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub transcript: Transcript,
    pub warnings: Vec<(usize, String)>,
}

/// Reads a transcript of `kind`; `duration` (seconds) is the episode's,
/// when known, to report cues past its end.
///
/// # Errors
/// The line at fault and why, when nothing can be read: bytes that are
/// not UTF-8, a WebVTT file without its `WEBVTT` line, a broken JSON file,
/// a file without a single cue.
pub fn parse(bytes: &[u8], kind: Kind, duration: Option<f64>) -> Result<Parsed, (usize, String)> {
    let mut warnings = Vec::new();
    let (mut cues, lines, timed) = match kind {
        Kind::Vtt | Kind::Srt => subtitles(bytes, kind, &mut warnings)?,
        Kind::Json => json_cues(bytes)?,
        Kind::Text | Kind::Html => {
            let text = utf8(bytes)?;
            let text = if kind == Kind::Html {
                html_to_text(text)
            } else {
                text.to_string()
            };
            let (cues, lines) = text_cues(&text);
            (cues, lines, false)
        }
    };
    if cues.iter().all(|c| c.text.trim().is_empty()) {
        return Err((1, "the transcript has no text".into()));
    }
    if kind != Kind::Vtt {
        name_speakers_from_prefixes(&mut cues);
    }
    if timed {
        check_times(&mut cues, &lines, duration, &mut warnings);
    }
    Ok(Parsed {
        transcript: Transcript { cues, timed },
        warnings,
    })
}

fn utf8(bytes: &[u8]) -> Result<&str, (usize, String)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (line, "the transcript is not UTF-8 text".to_string())
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

type Read = (Vec<Cue>, Vec<usize>, bool);

/// WebVTT and SRT through `subcue`, with each cue's line (its timing
/// line) for the checks' messages.
fn subtitles(
    bytes: &[u8],
    kind: Kind,
    warnings: &mut Vec<(usize, String)>,
) -> Result<Read, (usize, String)> {
    let (parsed, dialect) = match kind {
        Kind::Vtt => (subcue::parse_vtt(bytes), subcue::Format::Vtt),
        _ => (subcue::parse_srt(bytes), subcue::Format::Srt),
    };
    let subs = parsed.map_err(|e| match e {
        subcue::Error::InvalidUtf8 { offset } => {
            let line = 1 + bytes[..offset.min(bytes.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            (line, "the transcript is not UTF-8 text".to_string())
        }
        e => (error_line(&e), e.to_string()),
    })?;
    let timing_lines = timing_lines(&String::from_utf8_lossy(bytes));
    let line_of = |cue: usize| timing_lines.get(cue).copied().unwrap_or(1);
    for w in &subs.warnings {
        if let subcue::Warning::EndBeforeStart { cue } = w {
            warnings.push((
                line_of(cue.saturating_sub(1)),
                "the cue ends before it starts; it is read as ending where it starts".into(),
            ));
        }
    }
    let mut cues = Vec::with_capacity(subs.cues.len());
    let mut lines = Vec::with_capacity(subs.cues.len());
    for (i, c) in subs.cues.iter().enumerate() {
        let turns = match kind {
            Kind::Vtt => voice_turns(&c.text),
            _ => vec![c.text.as_str()],
        };
        let mut parts: Vec<(Option<String>, String)> = turns
            .into_iter()
            .map(|turn| {
                let text = subcue::text::parse(turn, dialect);
                let mut plain = String::new();
                flatten(&text.spans, &mut plain);
                let speaker = text.voice.as_deref().map(voice_name);
                (
                    speaker.filter(|v| !v.is_empty()),
                    crate::core::text::collapse_whitespace(&plain),
                )
            })
            .filter(|(_, text)| !text.is_empty())
            .collect();
        if parts.is_empty() {
            parts.push((None, String::new()));
        }
        // A dialogue in one cue: each turn gets a share of its time, by
        // its length, so the cue playing follows who speaks.
        let start = c.start.0.max(0) as f64 / 1000.0;
        let end = (c.end.0.max(0) as f64 / 1000.0).max(start);
        let total: usize = parts.iter().map(|(_, t)| t.chars().count()).sum();
        let (mut at, mut said) = (start, 0);
        let last = parts.len() - 1;
        for (k, (speaker, text)) in parts.into_iter().enumerate() {
            said += text.chars().count();
            let stop = match k == last {
                true => end,
                false => start + (end - start) * said as f64 / total.max(1) as f64,
            };
            cues.push(Cue {
                start: at,
                end: stop,
                speaker,
                text,
            });
            lines.push(line_of(i));
            at = stop;
        }
    }
    Ok((cues, lines, true))
}

/// A WebVTT cue's text cut before each voice tag (`<v Ada>`, `<v.loud
/// Sam>`): one cue may hold a dialogue, and subcue keeps only its first
/// voice.
fn voice_turns(raw: &str) -> Vec<&str> {
    let mut cuts: Vec<usize> = raw
        .match_indices("<v")
        .filter(|(i, _)| matches!(raw[i + 2..].chars().next(), Some(' ' | '\t' | '.' | '>')))
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .collect();
    cuts.push(raw.len());
    let mut from = 0;
    cuts.into_iter()
        .map(|to| {
            let turn = &raw[from..to];
            from = to;
            turn
        })
        .collect()
}

/// The line of each cue's timing, as subcue finds cues: a line that starts
/// with a time and holds `-->`, outside `NOTE`, `STYLE` and `REGION` blocks.
/// Lines end at `\n`, `\r\n` or a lone `\r`.
fn timing_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_block = false;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            in_block = false;
        } else if ["NOTE", "STYLE", "REGION"]
            .iter()
            .any(|b| line.starts_with(b))
        {
            in_block = true;
        } else if !in_block
            && line.contains("-->")
            && line.starts_with(|c: char| c.is_ascii_digit())
        {
            out.push(i + 1);
        }
    }
    out
}

fn error_line(e: &subcue::Error) -> usize {
    use subcue::Error as E;
    match e {
        E::TimeOutOfRange { line }
        | E::NegativeTime { line }
        | E::InvalidTimestamp { line }
        | E::MissingArrow { line }
        | E::MissingHeader { line, .. }
        | E::NotAss { line } => *line,
        _ => 1,
    }
}

/// `<v.loud Ada Lovelace>` names `Ada Lovelace`: the classes go.
fn voice_name(voice: &str) -> String {
    let voice = html_escape::decode_html_entities(voice.trim());
    let voice = voice.as_ref();
    match voice.strip_prefix('.') {
        Some(rest) => rest
            .split_once(' ')
            .map_or("", |(_, name)| name)
            .trim()
            .to_string(),
        None => voice.to_string(),
    }
}

fn flatten(spans: &[Span], out: &mut String) {
    for s in spans {
        match s {
            // WebVTT writes `&` and `<` as `&amp;` and `&lt;`; subcue keeps
            // them as written.
            Span::Text(t) => out.push_str(&html_escape::decode_html_entities(t)),
            Span::LineBreak => out.push(' '),
            Span::Bold(c)
            | Span::Italic(c)
            | Span::Underline(c)
            | Span::Strike(c)
            | Span::Color(_, c) => flatten(c, out),
            Span::Raw(_) => {}
        }
    }
}

/// Paragraphs of plain text (blank lines between them), untimed.
fn text_cues(text: &str) -> (Vec<Cue>, Vec<usize>) {
    let mut cues = Vec::new();
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut first_line = 0;
    for (i, line) in text.lines().chain(std::iter::once("")).enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                cues.push(Cue {
                    start: 0.0,
                    end: 0.0,
                    speaker: None,
                    text: crate::core::text::collapse_whitespace(&current),
                });
                lines.push(first_line);
                current.clear();
            }
            continue;
        }
        if current.is_empty() {
            first_line = i + 1;
        }
        current.push_str(line);
        current.push(' ');
    }
    (cues, lines)
}

/// HTML as paragraphs of text: block ends become blank lines, other tags
/// go without a trace, comments and the contents of `head`, `script` and
/// `style` go, entities are decoded.
fn html_to_text(html: &str) -> String {
    const BLOCKS: [&str; 13] = [
        "p",
        "br",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "blockquote",
    ];
    const HIDDEN: [&str; 4] = ["head", "script", "style", "template"];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = rest[1..close].to_ascii_lowercase();
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        rest = &rest[close + 1..];
        if !closing && HIDDEN.contains(&name.as_str()) {
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&end).map_or("", |at| {
                let after = &rest[at..];
                after.find('>').map_or("", |gt| &after[gt + 1..])
            });
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
    }
    out.push_str(rest);
    html_escape::decode_html_entities(&out).into_owned()
}

/// `Ada: Hello` names Ada as the speaker when the file keeps to that habit:
/// some name opens at least two cues (one `Note:` could be a line that
/// merely has a colon). Then a prefix names a speaker when it recurs too, or
/// when it looks like a name: each word capitalized (`Léa Fontaine`, not
/// `The answer is simple`). Never with digits before the colon without
/// recurring (`10:30` is a time), and always with a space after it
/// (`https://` is a link). A cue without a prefix is the same speaker
/// going on, in time order.
fn name_speakers_from_prefixes(cues: &mut [Cue]) {
    if cues.iter().any(|c| c.speaker.is_some()) {
        return;
    }
    let prefix = |text: &str| -> Option<(String, usize)> {
        let (name, rest) = text.split_once(':')?;
        let name = name.trim();
        (!name.is_empty()
            && name.split_whitespace().count() <= 4
            && name.chars().count() <= 40
            && rest.starts_with(char::is_whitespace)
            && !name.contains(|c: char| "([\"/".contains(c))
            && name.chars().next().is_some_and(char::is_alphabetic))
        .then(|| (name.to_string(), text.len() - rest.len()))
    };
    let names: Vec<String> = cues
        .iter()
        .filter_map(|c| prefix(&c.text).map(|p| p.0))
        .collect();
    let recurs = |name: &str| names.iter().filter(|n| *n == name).count() >= 2;
    if !names.iter().any(|n| recurs(n)) {
        return;
    }
    let looks_like_a_name = |name: &str| {
        !name.contains(|c: char| c.is_ascii_digit())
            && name
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
    };
    let mut order: Vec<usize> = (0..cues.len()).collect();
    order.sort_by(|&a, &b| cues[a].start.total_cmp(&cues[b].start));
    let mut speaker: Option<String> = None;
    let mut seen = false;
    for i in order {
        let c = &mut cues[i];
        if let Some((name, at)) = prefix(&c.text).filter(|(n, _)| recurs(n) || looks_like_a_name(n))
        {
            c.text = c.text[at..].trim().to_string();
            speaker = Some(name);
            seen = true;
        }
        if seen {
            c.speaker.clone_from(&speaker);
        }
    }
}

/// Puts cues in time order and reports what apps would stumble on.
fn check_times(
    cues: &mut Vec<Cue>,
    lines: &[usize],
    duration: Option<f64>,
    warnings: &mut Vec<(usize, String)>,
) {
    let mut order: Vec<usize> = (0..cues.len()).collect();
    if let Some(i) = (1..cues.len()).find(|&i| cues[i].start < cues[i - 1].start) {
        warnings.push((
            lines[i],
            format!(
                "this cue starts at {} but the one before at {}: the cues are put in time order",
                clock(cues[i].start),
                clock(cues[i - 1].start)
            ),
        ));
        order.sort_by(|&a, &b| cues[a].start.total_cmp(&cues[b].start));
    }
    if let Some(end) = duration.filter(|d| *d > 0.0) {
        if let Some(i) = (0..cues.len()).find(|&i| cues[i].start > end + 1.0) {
            let past = cues.iter().filter(|c| c.start > end + 1.0).count();
            warnings.push((
                lines[i],
                format!(
                    "this cue starts at {}, after the episode's end ({}); {past} cue(s) start past it",
                    clock(cues[i].start),
                    clock(end)
                ),
            ));
        }
    }
    let sorted: Vec<Cue> = order.into_iter().map(|i| cues[i].clone()).collect();
    *cues = sorted;
}

/// `1:02:03` or `2:03`, for messages.
fn clock(seconds: f64) -> String {
    crate::core::duration::format_clock(seconds as u32)
}

/// [`parse`] for the browser's transcript reader: the text of a file on
/// another host, without its duration or warnings.
///
/// # Errors
/// The line and reason the text is not a transcript of `kind`.
pub fn read_text(text: &str, kind: Kind) -> Result<Transcript, String> {
    parse(text.as_bytes(), kind, None)
        .map(|p| p.transcript)
        .map_err(|(line, reason)| format!("line {line}: {reason}"))
}

/// A Podcasting 2.0 JSON transcript's cues.
#[cfg(not(target_arch = "wasm32"))]
fn json_cues(bytes: &[u8]) -> Result<Read, (usize, String)> {
    let text = utf8(bytes)?;
    let json = crate::core::json::Json::parse(text)
        .map_err(|e| (1, format!("not a Podcasting 2.0 JSON transcript: {e}")))?;
    let t = super::from_json(&json).map_err(|e| (1, e))?;
    let lines = vec![1; t.cues.len()];
    Ok((t.cues, lines, t.timed))
}

/// In the browser, JSON is the browser's to parse (`JSON.parse`, then
/// [`super::from_json`]): a JSON parser here would only add to the wasm.
#[cfg(target_arch = "wasm32")]
fn json_cues(_: &[u8]) -> Result<Read, (usize, String)> {
    Err((
        1,
        "a JSON transcript is read with the browser's JSON.parse".into(),
    ))
}

/// Writes the transcript as the site publishes it: a Podcasting 2.0 JSON
/// file (`{"version": "1.0.0", "segments": [...]}`), which podcast apps
/// read from the feed and the browser reads with [`super::from_json`].
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json_file(t: &Transcript) -> String {
    use serde::Serialize;
    #[derive(Serialize)]
    struct File<'a> {
        version: &'static str,
        segments: Vec<Segment<'a>>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Segment<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<&'a str>,
        start_time: f64,
        end_time: f64,
        body: &'a str,
    }
    // Milliseconds are as fine as any format carries.
    let ms = |s: f64| (s * 1000.0).round() / 1000.0;
    let file = File {
        version: "1.0.0",
        segments: t
            .cues
            .iter()
            .map(|c| Segment {
                speaker: c.speaker.as_deref(),
                start_time: ms(c.start),
                end_time: ms(c.end),
                body: &c.text,
            })
            .collect(),
    };
    serde_json::to_string(&file).expect("a transcript serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, kind: Kind) -> Parsed {
        parse(text.as_bytes(), kind, None).unwrap()
    }

    fn said(p: &Parsed) -> Vec<(f64, Option<&str>, &str)> {
        p.transcript
            .cues
            .iter()
            .map(|c| (c.start, c.speaker.as_deref(), c.text.as_str()))
            .collect()
    }

    #[test]
    fn can_read_webvtt_with_voices() {
        let p = read(
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v Ada Moreau>Hello, <i>world</i>.\n\n\
             00:02.500 --> 00:04.000\n<v.loud Sam>Hi\nthere!\n\nNOTE a note --> not a cue\n\n\
             00:00:04.000 --> 00:00:05.000\nNo voice.\n",
            Kind::Vtt,
        );
        assert!(p.transcript.timed);
        assert_eq!(
            said(&p),
            [
                (0.0, Some("Ada Moreau"), "Hello, world."),
                (2.5, Some("Sam"), "Hi there!"),
                (4.0, None, "No voice."),
            ]
        );
        assert_eq!(p.transcript.cues[0].end, 2.5);
    }

    #[test]
    fn can_read_a_dialogue_in_one_webvtt_cue_as_turns() {
        // Each voice gets a share of the cue's four seconds by its length.
        let p = read(
            "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Ada>Hello there.</v> <v.loud Sam>Yes.\n\n\
             00:04.000 --> 00:05.000\n<v Ada>Good <b>night</b>.\n",
            Kind::Vtt,
        );
        assert_eq!(
            said(&p),
            [
                (0.0, Some("Ada"), "Hello there."),
                (3.0, Some("Sam"), "Yes."),
                (4.0, Some("Ada"), "Good night."),
            ]
        );
        let ends: Vec<f64> = p.transcript.cues.iter().map(|c| c.end).collect();
        assert_eq!(ends, [3.0, 4.0, 5.0]);
    }

    #[test]
    fn can_read_srt_with_speaker_prefixes() {
        let p = read(
            "1\r\n00:00:01,000 --> 00:00:02,000\r\nAda: Hello.\r\n\r\n\
             2\r\n00:00:02,000 --> 00:00:03,000\r\nAnd welcome.\r\n\r\n\
             3\r\n00:00:03,000 --> 00:00:04,000\r\nSam: Thanks: glad to be here.\r\n\r\n\
             4\r\n00:00:04,000 --> 00:00:05,000\r\nAda: <b>Great</b>.\r\n",
            Kind::Srt,
        );
        assert_eq!(
            said(&p),
            [
                (1.0, Some("Ada"), "Hello."),
                (2.0, Some("Ada"), "And welcome."),
                (3.0, Some("Sam"), "Thanks: glad to be here."),
                (4.0, Some("Ada"), "Great."),
            ]
        );
    }

    #[test]
    fn can_decode_webvtt_escapes_in_text_and_voices() {
        let p = read(
            "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Tom &amp; Jerry>Salt &amp; pepper &lt;3\n",
            Kind::Vtt,
        );
        assert_eq!(said(&p), [(1.0, Some("Tom & Jerry"), "Salt & pepper <3")]);
    }

    #[test]
    fn times_and_sentences_with_colons_are_not_speakers() {
        let p = read(
            "1\n00:00:01,000 --> 00:00:02,000\nAda: Hello.\n\n\
             2\n00:00:02,000 --> 00:00:03,000\nMeet at 10:30 tomorrow.\n\n\
             3\n00:00:03,000 --> 00:00:04,000\nThe answer is simple: no.\n\n\
             4\n00:00:04,000 --> 00:00:05,000\nAda: Bye.\n",
            Kind::Srt,
        );
        assert_eq!(
            said(&p),
            [
                (1.0, Some("Ada"), "Hello."),
                (2.0, Some("Ada"), "Meet at 10:30 tomorrow."),
                (3.0, Some("Ada"), "The answer is simple: no."),
                (4.0, Some("Ada"), "Bye.")
            ]
        );
    }

    #[test]
    fn warnings_name_the_timing_line_past_notes_and_in_cr_files() {
        let vtt =
            "WEBVTT\r\rNOTE a --> b\r\r00:05.000 --> 00:06.000\rB\r\r00:01.000 --> 00:02.000\rA\r";
        let p = parse(vtt.as_bytes(), Kind::Vtt, None).unwrap();
        assert_eq!(p.warnings.iter().map(|w| w.0).collect::<Vec<_>>(), [8]);
    }

    #[test]
    fn a_colon_once_is_not_a_speaker() {
        let p = read(
            "1\n00:00:01,000 --> 00:00:02,000\nNote: this is a cue.\n\n\
             2\n00:00:02,000 --> 00:00:03,000\nhttps://example.com is a link\n",
            Kind::Srt,
        );
        assert_eq!(
            said(&p),
            [
                (1.0, None, "Note: this is a cue."),
                (2.0, None, "https://example.com is a link")
            ]
        );
    }

    #[test]
    fn can_read_a_bom_and_crlf() {
        let p = read(
            "\u{feff}WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n",
            Kind::Vtt,
        );
        assert_eq!(said(&p), [(1.0, None, "Hi")]);
        let p = read(
            "\u{feff}{\"segments\":[{\"startTime\":1,\"endTime\":2,\"body\":\"Hi\"}]}",
            Kind::Json,
        );
        assert_eq!(said(&p), [(1.0, None, "Hi")]);
    }

    #[test]
    fn can_put_unsorted_cues_in_order_and_say_where() {
        let p = read(
            "WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n\n00:03.000 --> 00:09.000\nC\n",
            Kind::Vtt,
        );
        assert_eq!(
            said(&p),
            [(1.0, None, "A"), (3.0, None, "C"), (5.0, None, "B")]
        );
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].0, 6, "{:?}", p.warnings);
        assert!(p.warnings[0].1.contains("time order"));
    }

    #[test]
    fn overlapping_cues_are_kept_as_they_are() {
        let p = read(
            "WEBVTT\n\n00:01.000 --> 00:05.000\n<v Ada>A\n\n00:02.000 --> 00:03.000\n<v Sam>B\n",
            Kind::Vtt,
        );
        assert_eq!(said(&p), [(1.0, Some("Ada"), "A"), (2.0, Some("Sam"), "B")]);
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn can_report_cues_past_the_end_and_cues_ending_before_they_start() {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\n00:09.000 --> 00:08.000\nB\n\n01:00.000 --> 01:01.000\nC\n";
        let p = parse(vtt.as_bytes(), Kind::Vtt, Some(30.0)).unwrap();
        assert_eq!(p.transcript.cues.len(), 3, "nothing is dropped");
        assert_eq!(p.transcript.cues[1].end, 9.0);
        let lines: Vec<usize> = p.warnings.iter().map(|w| w.0).collect();
        assert_eq!(lines, [6, 9], "{:?}", p.warnings);
        assert!(
            p.warnings[1].1.contains("after the episode's end (0:30)"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn errors_if_the_file_cannot_be_read() {
        for (bytes, kind, line, says) in [
            (&b""[..], Kind::Vtt, 1, "WebVTT"),
            (&b"WEBVTT\n\n"[..], Kind::Vtt, 1, "no text"),
            (&b"hello\n"[..], Kind::Vtt, 1, "WebVTT"),
            (
                &b"1\n00:00:01,000 --> xx\nHi\n"[..],
                Kind::Srt,
                2,
                "timestamp",
            ),
            (
                &b"WEBVTT\n\n00:01.000 --> 00:02.000\nA \xff\n"[..],
                Kind::Vtt,
                4,
                "UTF-8",
            ),
            (&b"   \n\n"[..], Kind::Text, 1, "no text"),
            (&b"{\"segments\": 3}"[..], Kind::Json, 1, "list"),
            (&b"{oops"[..], Kind::Json, 1, "JSON"),
        ] {
            let (got_line, why) = parse(bytes, kind, None).unwrap_err();
            assert!(why.contains(says), "{kind:?} {bytes:?}: {why}");
            assert_eq!(got_line, line, "{kind:?} {bytes:?}: {why}");
        }
    }

    #[test]
    fn can_read_text_and_html_as_untimed_paragraphs() {
        let p = read(
            "Ada: Hello there.\nStill Ada.\n\nSam: Hi.\n\nAda: Bye.\n",
            Kind::Text,
        );
        assert!(!p.transcript.timed);
        assert_eq!(
            said(&p),
            [
                (0.0, Some("Ada"), "Hello there. Still Ada."),
                (0.0, Some("Sam"), "Hi."),
                (0.0, Some("Ada"), "Bye.")
            ]
        );
        let p = read(
            "<h2>Transcript</h2><p>One &amp; <b>two</b></p><p>Three<br>four</p>",
            Kind::Html,
        );
        assert_eq!(
            said(&p),
            [
                (0.0, None, "Transcript"),
                (0.0, None, "One & two"),
                (0.0, None, "Three"),
                (0.0, None, "four")
            ]
        );
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn can_write_what_the_browser_reads_back() {
        use super::super::from_json;
        use crate::core::json::Json;
        let p = read(
            "WEBVTT\n\n00:00.000 --> 00:01.250\n<v Ada>Hello \"you\".\n\n00:01.250 --> 00:02.000\nBye.\n",
            Kind::Vtt,
        );
        let file = to_json_file(&p.transcript);
        assert!(
            file.starts_with(
                r#"{"version":"1.0.0","segments":[{"speaker":"Ada","startTime":0.0,"endTime":1.25,"#
            ),
            "{file}"
        );
        let back = from_json(&Json::parse(&file).unwrap()).unwrap();
        assert_eq!(back, p.transcript);
    }

    #[test]
    fn can_name_kinds_by_type_and_by_file_name() {
        assert_eq!(Kind::from_type("text/vtt; charset=utf-8"), Some(Kind::Vtt));
        assert_eq!(Kind::from_type("application/x-subrip"), Some(Kind::Srt));
        assert_eq!(Kind::from_type("application/srt"), Some(Kind::Srt));
        assert_eq!(Kind::from_type("audio/mpeg"), None);
        assert_eq!(Kind::from_path("t/ep12.SRT"), Some(Kind::Srt));
        assert_eq!(Kind::from_path("https://h/t.vtt?x=1"), Some(Kind::Vtt));
        assert_eq!(Kind::from_path("t/ep12"), None);
        for k in [Kind::Vtt, Kind::Srt, Kind::Json, Kind::Text, Kind::Html] {
            assert_eq!(Kind::from_type(k.mime()), Some(k));
        }
    }
}
