//! Chapters: named start times within an episode.

use super::json::Json;
use serde::{Deserialize, Serialize};

/// A chapter start, in seconds, and its title. Serialized as a compact
/// `[start, "title"]` pair in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter(pub u32, pub String);

impl Chapter {
    pub fn start(&self) -> u32 {
        self.0
    }
    pub fn title(&self) -> &str {
        &self.1
    }
}

impl Chapter {
    /// Reads the index's `[start, "title"]` pair.
    pub fn from_json(j: &Json) -> Result<Chapter, String> {
        match j.items("a chapter")? {
            [start, title] => Ok(Chapter(
                start.whole("its start", u32::MAX.into())? as u32,
                title.text("its title")?,
            )),
            _ => Err("a chapter should be a [start, title] pair".into()),
        }
    }
}

/// Reads a Podcasting 2.0 JSON chapters file
/// (`{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}`).
/// Chapters marked `"toc": false` are not listed; the result is sorted.
pub fn from_json(file: &Json) -> Result<Vec<Chapter>, String> {
    let read = |file: &Json| -> Result<Vec<Chapter>, String> {
        let entries = file
            .fields("the file")?
            .required_field("chapters")?
            .items("chapters")?;
        let mut chapters = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            let at = |e: String| format!("chapter {}: {e}", i + 1);
            let f = e.fields("it").map_err(at)?;
            let start = f
                .opt_number("startTime")
                .and_then(|s| s.ok_or_else(|| "startTime is missing".to_string()))
                .map_err(at)?;
            let toc = f.opt_bool("toc").map_err(at)?.unwrap_or(true);
            if toc && start.is_finite() && start >= 0.0 {
                let title = f.text_or_empty("title").map_err(at)?;
                chapters.push(Chapter(start as u32, title.trim().to_string()));
            }
        }
        Ok(chapters)
    };
    let mut chapters =
        read(file).map_err(|e| format!("not a Podcasting 2.0 chapters file: {e}"))?;
    super::order::sort_by(&mut chapters, |a, b| {
        a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1))
    });
    Ok(chapters)
}

/// Parses a chapters file's text: the indexer reads local chapter files.
pub fn parse_json(text: &str) -> Result<Vec<Chapter>, String> {
    let file = Json::parse(text).map_err(|e| format!("not a Podcasting 2.0 chapters file: {e}"))?;
    from_json(&file)
}

/// Writes a Podcasting 2.0 JSON chapters file, the inverse of
/// [`parse_json`]: podcast apps read chapters from such a file named in the
/// feed, so the indexer writes one for chapters given in front matter.
/// Only the indexer calls it; the browser reads chapters from the index.
pub fn to_json_file(chapters: &[Chapter]) -> String {
    // Structs rather than `json!`, to keep the spec's key order
    // (`version` first), which readers do not need but people do.
    #[derive(Serialize)]
    struct File<'a> {
        version: &'static str,
        chapters: Vec<Entry<'a>>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Entry<'a> {
        start_time: u32,
        title: &'a str,
    }
    let file = File {
        version: "1.2.0",
        chapters: chapters
            .iter()
            .map(|c| Entry {
                start_time: c.start(),
                title: c.title(),
            })
            .collect(),
    };
    serde_json::to_string(&file).expect("chapters serialize")
}

/// The index of the chapter playing at `t` seconds.
pub fn current(chapters: &[Chapter], t: f64) -> Option<usize> {
    chapters.iter().rposition(|c| f64::from(c.start()) <= t)
}

/// Where "previous chapter" goes from `t`: the start of the current chapter,
/// or of the one before when within its first 3 seconds (as players do).
pub fn previous_start(chapters: &[Chapter], t: f64) -> Option<u32> {
    let i = current(chapters, t)?;
    let start = chapters[i].start();
    if t - f64::from(start) < 3.0 {
        i.checked_sub(1).map(|j| chapters[j].start()).or(Some(0))
    } else {
        Some(start)
    }
}

/// Where "next chapter" goes from `t`.
pub fn next_start(chapters: &[Chapter], t: f64) -> Option<u32> {
    chapters
        .iter()
        .map(Chapter::start)
        .find(|&s| f64::from(s) > t + 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Vec<Chapter> {
        vec![
            Chapter(0, "Intro".into()),
            Chapter(60, "News".into()),
            Chapter(300, "Mail".into()),
        ]
    }

    #[test]
    fn can_parse_podcasting_2_chapters() {
        let json = r#"{"version":"1.2.0","chapters":[
            {"startTime":300.5,"title":"Mail"},
            {"startTime":0,"title":" Intro "},
            {"startTime":60,"title":"News","img":"x.png"},
            {"startTime":90,"title":"Hidden","toc":false}]}"#;
        assert_eq!(
            parse_json(json).unwrap(),
            [
                Chapter(0, "Intro".into()),
                Chapter(60, "News".into()),
                Chapter(300, "Mail".into())
            ]
        );
    }

    #[test]
    fn can_write_a_chapters_file_that_reads_back() {
        for chapters in [
            demo(),
            vec![],
            vec![
                Chapter(0, "Quotes \" and \\ and </script>".into()),
                Chapter(4_000_000, "Émission «spéciale» 🎙".into()),
            ],
        ] {
            let json = to_json_file(&chapters);
            assert_eq!(parse_json(&json).unwrap(), chapters, "{json}");
        }
        assert_eq!(
            to_json_file(&demo()[..1]),
            r#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro"}]}"#
        );
    }

    #[test]
    fn errors_if_chapters_file_is_not_json_chapters() {
        for bad in [
            "",
            "[]",
            r#"{"chapters": [{"title": "no start"}]}"#,
            "{not json",
        ] {
            assert!(parse_json(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn can_find_the_current_previous_and_next_chapter() {
        let c = demo();
        assert_eq!(current(&c, 0.0), Some(0));
        assert_eq!(current(&c, 59.9), Some(0));
        assert_eq!(current(&c, 60.0), Some(1));
        assert_eq!(current(&c, 1000.0), Some(2));
        assert_eq!(current(&[], 10.0), None);
        assert_eq!(previous_start(&c, 70.0), Some(60));
        assert_eq!(previous_start(&c, 61.0), Some(0));
        assert_eq!(previous_start(&c, 1.0), Some(0));
        assert_eq!(next_start(&c, 10.0), Some(60));
        assert_eq!(next_start(&c, 59.8), Some(300));
        assert_eq!(next_start(&c, 300.0), None);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"[[0,"Intro"],[60,"News"],[300,"Mail"]]"#);
    }
}
