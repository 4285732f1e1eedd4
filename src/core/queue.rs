//! The listener's queue ("Up next"): the episodes to play after the
//! current one, in order. Pure logic: the queue module
//! (`ui::queue_view`) keeps it in the browser's storage and draws it; the
//! app only asks it for the next episode (`ui::player::queue`).
//!
//! One edit, [`Edit::Put`], adds, plays next and moves, so "Play next" on
//! a queued episode moves it to the front.

use super::json::Json;

/// How many episodes the queue holds; a full queue takes no new one.
pub const MAX_QUEUED: usize = 500;

/// The stored value's shape (see [`Queue::to_json`]).
const VERSION: f64 = 1.0;

/// A queued episode: its slug, and its title to show without the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub slug: String,
    pub title: String,
}

/// One change the listener makes to the queue.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Puts an episode at a place (from 0; past the end is the end): a
    /// queued one moves there.
    Put(Entry, usize),
    Remove(String),
    Clear,
}

/// The queue, the next to play first. Each slug appears once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Queue(pub Vec<Entry>);

impl Queue {
    /// Applies `edit`. Removing a slug not in the queue changes nothing.
    pub fn edit(&mut self, edit: Edit) {
        let q = &mut self.0;
        match edit {
            Edit::Put(entry, at) => {
                q.retain(|e| e.slug != entry.slug);
                if q.len() < MAX_QUEUED {
                    q.insert(at.min(q.len()), entry);
                }
            }
            Edit::Remove(slug) => q.retain(|e| e.slug != slug),
            Edit::Clear => q.clear(),
        }
    }

    pub fn position(&self, slug: &str) -> Option<usize> {
        self.0.iter().position(|e| e.slug == slug)
    }

    /// The stored value: `{"v": 1, "queue": [[slug, title], …]}`.
    pub fn to_json(&self) -> Json {
        let entries = self
            .0
            .iter()
            .map(|e| Json::Arr(vec![Json::Str(e.slug.clone()), Json::Str(e.title.clone())]))
            .collect();
        Json::Obj(vec![
            ("v".into(), Json::Num(VERSION)),
            ("queue".into(), Json::Arr(entries)),
        ])
    }

    /// Reads what [`Queue::to_json`] stored; anything unreadable, or of a
    /// later version, is an empty queue rather than a broken player.
    pub fn from_json(j: Option<&Json>) -> Queue {
        let read = |j: &Json| -> Result<Queue, String> {
            let f = j.fields("the queue")?;
            if f.opt_number("v")? != Some(VERSION) {
                return Err("another version".into());
            }
            let entries = f.list("queue")?.iter().map(|e| match e.items("an entry")? {
                [slug, title] => Ok(Entry {
                    slug: slug.text("slug")?,
                    title: title.text("title")?,
                }),
                _ => Err("an entry should be a [slug, title] pair".to_string()),
            });
            entries.collect::<Result<_, _>>().map(Queue)
        };
        j.and_then(|j| read(j).ok()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str) -> Entry {
        Entry {
            slug: slug.into(),
            title: format!("Title of {slug}"),
        }
    }

    fn queue(slugs: &[&str]) -> Queue {
        Queue(slugs.iter().map(|s| entry(s)).collect())
    }

    #[test]
    fn can_edit_the_queue() {
        let put = |s: &str, at| Edit::Put(entry(s), at);
        let end = usize::MAX;
        for (start, edit, want) in [
            (&[][..], put("a", end), &["a"][..]),
            (&["a", "b"], put("c", end), &["a", "b", "c"]),
            (&["a", "b"], put("a", end), &["b", "a"]),
            (&["a", "b"], put("c", 0), &["c", "a", "b"]),
            (&["a", "b"], put("b", 0), &["b", "a"]),
            (&["a", "b", "c"], put("a", 2), &["b", "c", "a"]),
            (&["a", "b", "c"], put("b", 9), &["a", "c", "b"]),
            (&["a", "b"], put("x", 1), &["a", "x", "b"]),
            (&["a", "b", "c"], Edit::Remove("b".into()), &["a", "c"]),
            (&["a", "b"], Edit::Remove("x".into()), &["a", "b"]),
            (&["a", "b"], Edit::Clear, &[]),
        ] {
            let mut q = queue(start);
            q.edit(edit.clone());
            assert_eq!(q, queue(want), "{start:?} {edit:?}");
        }
    }

    #[test]
    fn can_keep_the_queue_bounded() {
        let mut q = Queue::default();
        for i in 0..MAX_QUEUED + 3 {
            q.edit(Edit::Put(entry(&format!("e{i}")), usize::MAX));
        }
        assert_eq!(q.0.len(), MAX_QUEUED);
        let last = format!("e{}", MAX_QUEUED - 1);
        assert_eq!(q.position(&last), Some(MAX_QUEUED - 1));
        assert_eq!(q.position(&format!("e{MAX_QUEUED}")), None, "full: no more");
        q.edit(Edit::Put(entry("e3"), 0));
        assert_eq!(
            (q.0.len(), q.position("e3")),
            (MAX_QUEUED, Some(0)),
            "full: moves"
        );
    }

    #[test]
    fn can_round_trip_and_survive_bad_storage() {
        let load = |text: &str| Queue::from_json(Json::parse(text).ok().as_ref());
        let q = queue(&["a", "b"]);
        assert_eq!(load(&q.to_json().to_text()), q);
        let stored = q.to_json();
        assert_eq!(stored.get("v"), Some(&Json::Num(1.0)));
        assert_eq!(
            stored.get("queue").cloned(),
            Json::parse(r#"[["a","Title of a"],["b","Title of b"]]"#).ok()
        );
        for bad in [
            "",
            "[]",
            r#"{"queue":[["a","A"]]}"#,
            r#"{"v":2,"queue":[["a","A"]]}"#,
            r#"{"v":1,"queue":[["a"]]}"#,
            r#"{"v":1,"queue":[["a",3]]}"#,
            r#"{"v":1,"queue":"a"}"#,
        ] {
            assert_eq!(load(bad), Queue::default(), "{bad}");
        }
        assert_eq!(Queue::from_json(None), Queue::default());
    }
}
