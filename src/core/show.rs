//! What the feed says of the show beyond its title, description and
//! artwork: site settings that only the feed reads (see `core::feed`).
//! Apart from `catalog`, whose `Site` carries them, so neither the feed nor
//! the catalog depends on the other for them.

use serde::Deserialize;
use std::collections::BTreeMap;

/// What the feed says of the show beyond the site's title, description and
/// artwork; read from the same settings file, at its top level:
///
/// ```yaml
/// guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810   # a show that moved keeps its own
/// type: serial                                 # or episodic, the default
/// locked: true                                 # or yes; no by default
/// explicit: yes                                # the show's; no by default
/// owner: { name: Ada Moreau, email: ada@show.example }
/// people: { Ada Moreau: { href: https://ada.example, img: https://ada.example/me.png } }
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct FeedSettings {
    /// The show's [`podcast:guid`]; else [`super::feed::podcast_guid`] of the feed's
    /// address.
    ///
    /// [`podcast:guid`]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/guid.md
    #[serde(default, alias = "podcast_guid")]
    pub guid: Option<String>,
    /// iTunes' show type: `episodic` (newest first) or `serial` (in order).
    #[serde(default, rename = "type", alias = "show_type", alias = "itunes_type")]
    pub show_type: Option<String>,
    /// Whether other platforms may not import the feed ([`podcast:locked`]).
    ///
    /// [`podcast:locked`]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/locked.md
    #[serde(default)]
    pub locked: Option<Flag>,
    /// Whether the show as a whole has explicit content (`itunes:explicit`;
    /// an episode's own `explicit` says it of that episode).
    #[serde(default)]
    pub explicit: Option<Flag>,
    /// Who answers for the feed (`itunes:owner`, and `podcast:locked`'s
    /// `owner`).
    #[serde(default)]
    pub owner: Option<Owner>,
    /// Links for the people the episodes name, by name ([`podcast:person`]'s
    /// `href` and `img`).
    ///
    /// [`podcast:person`]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/person.md
    #[serde(default)]
    pub people: BTreeMap<String, PersonLinks>,
}

/// A yes or no, as YAML authors write it: `true`, `yes`, `no`…
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Flag {
    Bool(bool),
    #[serde(deserialize_with = "yes_or_no")]
    Word(bool),
}

impl Flag {
    pub fn is_set(self) -> bool {
        match self {
            Flag::Bool(b) | Flag::Word(b) => b,
        }
    }
}

fn yes_or_no<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let word = String::deserialize(d)?;
    match word.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "on" => Ok(true),
        "no" | "false" | "off" => Ok(false),
        _ => Err(serde::de::Error::custom(format!(
            "{word:?} is not yes or no"
        ))),
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Owner {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct PersonLinks {
    #[serde(default)]
    pub href: Option<String>,
    #[serde(default)]
    pub img: Option<String>,
}
