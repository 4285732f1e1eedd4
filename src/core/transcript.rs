//! Transcripts: timed cues with their speakers, as listeners read them.
//!
//! Authors give transcripts as WebVTT, SRT, [Podcasting 2.0 JSON] or plain
//! text and HTML ([`parse`]). The indexer publishes each local one as one
//! Podcasting 2.0 JSON file, which podcast apps read from the feed's
//! `<podcast:transcript>` and the browser reads with [`from_json`]: one
//! format for both, and no subtitle parser in the app's wasm. A transcript
//! only on another host is read in the browser, with the same [`parse`],
//! by the transcript module.
//!
//! [Podcasting 2.0 JSON]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md#json

use super::html::escape;
use super::json::Json;
use super::text::fold;

/// What the page shows of a transcript only on another host when it is
/// not drawn (before the app, or when the host refuses the browser): a
/// paragraph with the [`download_link`].
pub fn remote_link(url: &str, label: &str) -> String {
    format!("<p>{}</p>", download_link(url, label))
}

/// The link to the author's own transcript file, as the page offers it.
pub fn download_link(url: &str, label: &str) -> String {
    format!(
        r#"<a class="transcript-download" href="{}" download="">{}</a>"#,
        escape(url),
        escape(label)
    )
}

mod parse;
#[cfg(not(target_arch = "wasm32"))]
pub use parse::to_json_file;
pub use parse::{parse, read_text, Kind, Parsed};

/// A transcript as the front matter names it, with the attributes of the
/// [`podcast:transcript`](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md)
/// tag.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TranscriptLink {
    /// A path in the content folder (resolved to the site's address of the
    /// file) or an absolute URL.
    pub url: String,
    /// The MIME type, when the author gives it (`text/vtt`…).
    pub mime: Option<String>,
    /// The transcript's language, when the author gives it.
    pub language: Option<String>,
    /// `captions` for a closed-captions file.
    pub rel: Option<String>,
}

/// One stretch of speech.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Seconds from the start of the audio.
    pub start: f64,
    /// Seconds from the start of the audio; not before `start`.
    pub end: f64,
    /// Who speaks, when the transcript says.
    pub speaker: Option<String>,
    /// Plain text, without markup.
    pub text: String,
}

/// A transcript: cues in time order, or, for plain text and HTML, in
/// reading order without times.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Transcript {
    pub cues: Vec<Cue>,
    /// Whether the cues carry times. A text transcript's do not (all 0).
    pub timed: bool,
}

/// Reads a Podcasting 2.0 JSON transcript (`{"segments": [{startTime,
/// endTime, speaker?, body}]}`, times in seconds).
///
/// # Errors
/// A message naming the segment at fault.
pub fn from_json(j: &Json) -> Result<Transcript, String> {
    let f = j.fields("the transcript")?;
    let segments = f.list("segments")?;
    let cues = super::json::each(segments, "segment", cue_from_json)?;
    Ok(Transcript::new(cues))
}

/// Reads one segment of a Podcasting 2.0 JSON transcript; the browser
/// reads them a slice at a time.
///
/// # Errors
/// A message naming the field at fault.
pub fn cue_from_json(j: &Json) -> Result<Cue, String> {
    let s = j.fields("it")?;
    let start = s.opt_number("startTime")?.unwrap_or(0.0).max(0.0);
    Ok(Cue {
        start,
        end: s.opt_number("endTime")?.unwrap_or(start).max(start),
        speaker: s.opt_text("speaker")?.filter(|v| !v.trim().is_empty()),
        text: s.text_or_empty("body")?,
    })
}

impl Transcript {
    /// The transcript of `cues`: timed when any cue ends after 0 (a text
    /// transcript's all start and end at 0).
    pub fn new(cues: Vec<Cue>) -> Transcript {
        let timed = cues.iter().any(|c| c.end > 0.0);
        Transcript { cues, timed }
    }
}

/// The cues as paragraphs, each a range of cue indices: a new paragraph
/// where the speaker changes, and, within one speaker's long turn (or a
/// transcript without speakers), after a sentence once it has
/// [`PARAGRAPH_CUES`] cues, and in any case at twice that (automatic
/// captions have no punctuation). An untimed transcript's cues are the
/// author's own paragraphs.
pub fn paragraphs(t: &Transcript) -> Vec<std::ops::Range<usize>> {
    let cues = &t.cues;
    if !t.timed {
        return (0..cues.len()).map(|i| i..i + 1).collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=cues.len() {
        let len = i - start;
        let ends = i == cues.len()
            || cues[i].speaker != cues[i - 1].speaker
            || len >= 2 * PARAGRAPH_CUES
            || (len >= PARAGRAPH_CUES
                && cues[i - 1].text.trim_end().ends_with(['.', '?', '!', '…']));
        if ends && i > start {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// The markup of the paragraphs `parts` (see [`paragraphs`]): each with
/// its speaker and time, each cue a span the page finds by its number
/// (`id="cue-12" data-cue="12"`). The static page and the app draw the
/// same markup: the build for readers without scripts and for search
/// engines, the app a chunk at a time, marking the cue playing and the
/// matches of a find by attributes (`aria-current`, `data-match`).
pub fn to_html(t: &Transcript, parts: &[std::ops::Range<usize>]) -> String {
    use super::html::escape;
    let mut out = String::new();
    for p in parts {
        let Some(first) = t.cues.get(p.start) else {
            continue;
        };
        out.push_str("<p class=\"t-para\">");
        if first.speaker.is_some() || t.timed {
            out.push_str("<span class=\"t-meta\">");
            if let Some(s) = &first.speaker {
                out.push_str(&format!("<strong>{}</strong>", escape(s)));
            }
            if t.timed {
                out.push_str(&format!(
                    "<span class=\"t-time\">{}</span>",
                    super::duration::format_clock(first.start as u32)
                ));
            }
            out.push_str("</span>");
        }
        for i in p.clone() {
            if let Some(c) = t.cues.get(i) {
                // One cue takes Tab; the arrow keys go from cue to cue.
                let tab = if i == 0 { 0 } else { -1 };
                out.push_str(&format!(
                    "<span class=\"cue\" id=\"cue-{i}\" data-cue=\"{i}\" tabindex=\"{tab}\">{}</span> ",
                    escape(&c.text)
                ));
            }
        }
        out.push_str("</p>");
    }
    out
}

/// How many cues a paragraph holds before a sentence end may close it.
pub const PARAGRAPH_CUES: usize = 6;

/// The cue playing at `t` seconds: the last one started, if any. Cues are
/// in time order, so this is a binary search (a 3-hour transcript has
/// thousands of cues, and this runs on every time update).
pub fn current(cues: &[Cue], t: f64) -> Option<usize> {
    cues.partition_point(|c| c.start <= t).checked_sub(1)
}

/// The cues whose text holds every word of `query`, ignoring case and
/// accents, in order.
pub fn find(cues: &[Cue], query: &str) -> Vec<usize> {
    let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
    if words.is_empty() {
        return Vec::new();
    }
    cues.iter()
        .enumerate()
        .filter(|(_, c)| {
            let text = fold(&c.text);
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn cue(start: f64, speaker: Option<&str>, text: &str) -> Cue {
        Cue {
            start,
            end: start + 1.0,
            speaker: speaker.map(String::from),
            text: text.into(),
        }
    }

    #[test]
    fn can_read_podcasting_2_json() {
        let j = Json::parse(
            r#"{"version":"1.0.0","segments":[
                {"speaker":"Ada","startTime":0,"endTime":1.5,"body":"Hello."},
                {"startTime":1.5,"endTime":3,"body":"Hi!"},
                {"speaker":" ","startTime":3,"body":"Bye."}]}"#,
        )
        .unwrap();
        let t = from_json(&j).unwrap();
        assert!(t.timed);
        assert_eq!(
            t.cues,
            [
                Cue {
                    start: 0.0,
                    end: 1.5,
                    speaker: Some("Ada".into()),
                    text: "Hello.".into()
                },
                Cue {
                    start: 1.5,
                    end: 3.0,
                    speaker: None,
                    text: "Hi!".into()
                },
                Cue {
                    start: 3.0,
                    end: 3.0,
                    speaker: None,
                    text: "Bye.".into()
                },
            ]
        );
    }

    #[test]
    fn errors_if_a_segment_is_not_an_object() {
        let j = Json::parse(r#"{"segments":[{"body":"a"}, 3]}"#).unwrap();
        assert_eq!(
            from_json(&j).unwrap_err(),
            "segment 2: it should be an object, not a number"
        );
        let j = Json::parse(r#"{"segments":[{"body":"a","startTime":"soon"}]}"#).unwrap();
        assert!(from_json(&j).unwrap_err().contains("startTime"));
    }

    #[test]
    fn can_group_cues_into_paragraphs_by_speaker() {
        let a = Some("Ada");
        let b = Some("Ben");
        let cues = [
            cue(0.0, a, "One"),
            cue(1.0, a, "two."),
            cue(2.0, b, "Three"),
            cue(3.0, a, "four"),
            cue(4.0, a, "five"),
        ];
        let t = |cues: &[Cue]| Transcript {
            cues: cues.to_vec(),
            timed: true,
        };
        assert_eq!(paragraphs(&t(&cues)), [0..2, 2..3, 3..5]);
        assert!(paragraphs(&t(&[])).is_empty());
        // Text transcripts come in the author's paragraphs.
        let text = Transcript {
            cues: cues.to_vec(),
            timed: false,
        };
        assert_eq!(paragraphs(&text).len(), 5);
    }

    #[test]
    fn can_break_a_long_turn_after_a_sentence() {
        let mut t = Transcript {
            cues: (0..30).map(|i| cue(i as f64, None, "word")).collect(),
            timed: true,
        };
        // No sentence ends: paragraphs of twice the usual length.
        assert_eq!(paragraphs(&t), [0..12, 12..24, 24..30]);
        t.cues.truncate(8);
        t.cues[6].text = "end.".into();
        assert_eq!(paragraphs(&t), [0..7, 7..8]);
        // A sentence end before the paragraph is long enough does not
        // break it.
        t.cues[2].text = "early.".into();
        assert_eq!(paragraphs(&t), [0..7, 7..8]);
    }

    #[test]
    fn can_write_paragraphs_as_markup_escaped() {
        let t = Transcript {
            cues: vec![
                cue(62.0, Some("Ada <3"), "1 < 2"),
                cue(63.0, Some("Ada <3"), "ok"),
                cue(64.0, None, "Bye"),
            ],
            timed: true,
        };
        let parts = paragraphs(&t);
        assert_eq!(
            to_html(&t, &parts[..1]),
            "<p class=\"t-para\"><span class=\"t-meta\"><strong>Ada &lt;3</strong><span class=\"t-time\">1:02</span></span>\
             <span class=\"cue\" id=\"cue-0\" data-cue=\"0\" tabindex=\"0\">1 &lt; 2</span> \
             <span class=\"cue\" id=\"cue-1\" data-cue=\"1\" tabindex=\"-1\">ok</span> </p>"
        );
        let untimed = Transcript { timed: false, ..t };
        assert!(
            to_html(&untimed, &parts[1..]).starts_with("<p class=\"t-para\"><span class=\"cue\"")
        );
    }

    #[test]
    fn can_tell_the_current_cue() {
        let cues = [
            cue(0.0, None, "a"),
            cue(2.0, None, "b"),
            cue(5.0, None, "c"),
        ];
        for (t, want) in [
            (-1.0, None),
            (0.0, Some(0)),
            (1.9, Some(0)),
            (2.0, Some(1)),
            (4.0, Some(1)),
            (99.0, Some(2)),
        ] {
            assert_eq!(current(&cues, t), want, "{t}");
        }
        assert_eq!(current(&[], 3.0), None);
    }

    #[test]
    fn can_find_words_in_cues_without_case_or_accents() {
        let cues = [
            cue(0.0, None, "Le café est prêt."),
            cue(1.0, None, "Un autre CAFE ?"),
            cue(2.0, None, "Du thé."),
        ];
        assert_eq!(find(&cues, "cafe"), [0, 1]);
        assert_eq!(find(&cues, "Café prêt"), [0]);
        assert_eq!(find(&cues, "thé"), [2]);
        assert!(find(&cues, "  ").is_empty());
        assert!(find(&cues, "chocolat").is_empty());
    }
}
