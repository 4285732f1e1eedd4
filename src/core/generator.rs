//! What a site generator's own configuration says about a podcast: its
//! title, address, language, where the audio lives, and where the
//! episodes are. Pure: the indexer reads the files, this reads the text.
//!
//! - Hugo: `hugo.toml` / `config.toml` / `config.yaml` / `hugo.json`
//!   (`baseURL`, `title`, `languageCode`, `params`, with castanet's
//!   `params.media_prefix`), keys case-insensitive as
//!   [Hugo reads them](https://gohugo.io/configuration/introduction/);
//! - Jekyll: `_config.yml` (`title`, `url`, `baseurl`, `lang`,
//!   [`collections`](https://jekyllrb.com/docs/collections/), jekyll-octopod's
//!   `download_url`);
//! - Eleventy with [eleventy-plugin-podcaster](https://github.com/nathan-bottomley/eleventy-plugin-podcaster):
//!   `_data/podcast.json` (`episodeUrlBase`, `siteUrl`…) and its episode
//!   data file (audio file name → size and duration);
//! - Astro: `astro.config.*`'s `site`.

use super::fields::{self, lookup};
use super::frontmatter::{parse_tree, Format};
use super::json::Json;
use std::collections::BTreeMap;

/// The generators whose conventions are understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Generator {
    /// A plain folder of episode files.
    #[default]
    Plain,
    Jekyll,
    Hugo,
    Eleventy,
    Astro,
    Zola,
    Hexo,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Plain => "a plain folder",
            Generator::Jekyll => "Jekyll",
            Generator::Hugo => "Hugo",
            Generator::Eleventy => "Eleventy",
            Generator::Astro => "Astro",
            Generator::Zola => "Zola",
            Generator::Hexo => "Hexo",
        }
    }
}

/// One audio file the generator measured: eleventy-plugin-podcaster's
/// `{"SBB 1, Breakaway.mp3": {"size": 66044375, "duration": 4102.3}}`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AudioFile {
    /// Bytes.
    pub size: Option<u64>,
    /// Seconds.
    pub duration: Option<f64>,
}

/// What a generator's configuration gives the site settings. Each value
/// is a default: `site.yaml` overrides it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Detected {
    pub generator: Generator,
    /// The configuration file read, relative to the site root.
    pub config: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub author: Option<String>,
    pub category: Option<String>,
    pub artwork: Option<String>,
    /// What relative audio values are relative to.
    pub audio_base: Option<String>,
    /// The zone of times written without an offset (Hugo's `timeZone`,
    /// Jekyll's `timezone`).
    pub time_zone: Option<String>,
    /// Where the site's files are kept (Jekyll's `repository: owner/name`,
    /// which jekyll-github-metadata reads).
    pub repository: Option<String>,
    /// Folders that hold the episodes, relative to the site root, most
    /// likely first.
    pub episode_dirs: Vec<String>,
    /// Audio files by name, for episodes that name none.
    pub audio_files: BTreeMap<String, AudioFile>,
}

fn text_at(tree: &Json, key: &str) -> Option<String> {
    lookup(tree, key)
        .first()
        .and_then(|v| fields::text(v).ok().flatten())
}

fn texts_at(tree: &Json, key: &str) -> Vec<String> {
    match lookup(tree, key).first() {
        Some(Json::Arr(items)) => items
            .iter()
            .filter_map(|v| fields::text(v).ok().flatten())
            .collect(),
        Some(v) => fields::text(v).ok().flatten().into_iter().collect(),
        None => Vec::new(),
    }
}

/// A category and its subcategory from two keys, as `feed::apple_category`
/// reads them: `TV & Film > TV Reviews`.
fn category(tree: &Json, top: &str, sub: &str) -> Option<String> {
    let top = text_at(tree, top)?;
    Some(match text_at(tree, sub) {
        Some(sub) => format!("{top} > {sub}"),
        None => top,
    })
}

/// Reads a Hugo configuration file.
pub fn hugo(text: &str, format: Format) -> Result<Detected, String> {
    let tree = parse_tree(text, format, 1).map_err(|p| format!("line {}: {}", p.line, p.reason))?;
    // A `config.toml` of another tool may sit beside a `content/` folder.
    let hugo_keys = [
        "baseURL",
        "theme",
        "module",
        "languageCode",
        "params",
        "markup",
        "permalinks",
    ];
    if !hugo_keys.iter().any(|k| !lookup(&tree, k).is_empty()) {
        return Err("it has none of Hugo's keys (`baseURL`, `theme`, `params`…), so it is not read as Hugo's".into());
    }
    let mut dirs: Vec<String> = texts_at(&tree, "params.mainSections")
        .into_iter()
        .map(|s| format!("content/{s}"))
        .collect();
    dirs.extend(
        ["episode", "episodes", "podcast", "podcasts", "shows"]
            .iter()
            .map(|s| format!("content/{s}")),
    );
    Ok(Detected {
        generator: Generator::Hugo,
        title: text_at(&tree, "title"),
        description: text_at(&tree, "params.description")
            .or_else(|| text_at(&tree, "params.feed.itunes_summary")),
        url: text_at(&tree, "baseURL"),
        language: text_at(&tree, "languageCode")
            .or_else(|| text_at(&tree, "defaultContentLanguage")),
        author: text_at(&tree, "params.feed.itunes_author")
            .or_else(|| text_at(&tree, "params.author"))
            .or_else(|| text_at(&tree, "author.name")),
        category: category(
            &tree,
            "params.feed.itunes_top_category",
            "params.feed.itunes_first_sub_category",
        ),
        artwork: text_at(&tree, "params.feed.itunes_image"),
        audio_base: text_at(&tree, "params.media_prefix"),
        time_zone: text_at(&tree, "timeZone"),
        episode_dirs: dirs,
        ..Detected::default()
    })
}

/// Reads a Zola `config.toml` ([its keys](https://www.getzola.org/documentation/getting-started/configuration/)):
/// `base_url`, which Zola requires and Hugo spells `baseURL`, tells it
/// apart. Its sections are folders of `content/`, and an author's own
/// settings sit under `[extra]`.
pub fn zola(text: &str) -> Result<Detected, String> {
    let tree =
        parse_tree(text, Format::Toml, 1).map_err(|p| format!("line {}: {}", p.line, p.reason))?;
    let url =
        text_at(&tree, "base_url").ok_or("it has no `base_url`, so it is not read as Zola's")?;
    Ok(Detected {
        generator: Generator::Zola,
        title: text_at(&tree, "title"),
        description: text_at(&tree, "description"),
        url: Some(url),
        language: text_at(&tree, "default_language"),
        author: text_at(&tree, "author").or_else(|| text_at(&tree, "extra.author")),
        category: text_at(&tree, "extra.category"),
        artwork: text_at(&tree, "extra.artwork").or_else(|| text_at(&tree, "extra.image")),
        audio_base: text_at(&tree, "extra.media_prefix"),
        episode_dirs: ["episode", "episodes", "podcast", "podcasts", "shows"]
            .iter()
            .map(|s| format!("content/{s}"))
            .collect(),
        ..Detected::default()
    })
}

/// Reads a Jekyll `_config.yml`.
pub fn jekyll(text: &str) -> Result<Detected, String> {
    let tree =
        parse_tree(text, Format::Yaml, 1).map_err(|p| format!("line {}: {}", p.line, p.reason))?;
    let url = text_at(&tree, "url").map(|u| {
        let base = text_at(&tree, "baseurl").unwrap_or_default();
        let base = base.trim_matches('/');
        if base.is_empty() {
            u
        } else {
            format!("{}/{base}/", u.trim_end_matches('/'))
        }
    });
    // Collections with episode-like names come before `_posts`.
    let mut dirs = Vec::new();
    let collections: Vec<String> = match lookup(&tree, "collections").first() {
        Some(Json::Obj(entries)) => entries.iter().map(|(k, _)| k.clone()).collect(),
        Some(Json::Arr(items)) => items
            .iter()
            .filter_map(|i| fields::text(i).ok().flatten())
            .collect(),
        _ => Vec::new(),
    };
    for name in &collections {
        let lower = name.to_ascii_lowercase();
        if ["episode", "podcast", "show", "cast"]
            .iter()
            .any(|w| lower.contains(w))
        {
            dirs.push(format!("_{name}"));
        }
    }
    dirs.push("_posts".into());
    // Hexo writes a `_config.yml` too, with keys Jekyll has not, and keeps
    // its posts under its `source_dir`.
    let hexo = ["new_post_name", "public_dir", "source_dir"]
        .iter()
        .any(|k| !lookup(&tree, k).is_empty());
    if hexo {
        let source = text_at(&tree, "source_dir").unwrap_or_else(|| "source".into());
        dirs = vec![format!("{}/_posts", source.trim_end_matches('/'))];
    }
    let author = lookup(&tree, "author").first().and_then(|a| match a {
        Json::Obj(_) => text_at(a, "name"),
        other => fields::text(other).ok().flatten(),
    });
    Ok(Detected {
        generator: if hexo {
            Generator::Hexo
        } else {
            Generator::Jekyll
        },
        title: text_at(&tree, "title"),
        description: text_at(&tree, "description"),
        url,
        language: text_at(&tree, "lang").or_else(|| text_at(&tree, "language")),
        author,
        audio_base: text_at(&tree, "download_url")
            .or_else(|| text_at(&tree, "podcast.media_prefix")),
        episode_dirs: dirs,
        time_zone: text_at(&tree, "timezone"),
        repository: text_at(&tree, "repository"),
        ..Detected::default()
    })
}

/// Reads eleventy-plugin-podcaster's `_data/podcast.json`.
pub fn eleventy(text: &str) -> Result<Detected, String> {
    let tree =
        parse_tree(text, Format::Json, 1).map_err(|p| format!("line {}: {}", p.line, p.reason))?;
    let url = text_at(&tree, "siteUrl").or_else(|| text_at(&tree, "url"));
    Ok(Detected {
        generator: Generator::Eleventy,
        title: text_at(&tree, "title"),
        description: text_at(&tree, "description"),
        language: text_at(&tree, "language"),
        author: text_at(&tree, "author").or_else(|| text_at(&tree, "owner.name")),
        category: category(&tree, "category", "subcategory"),
        artwork: text_at(&tree, "imagePath"),
        audio_base: text_at(&tree, "episodeUrlBase"),
        url,
        episode_dirs: ["episode-posts", "episodePosts", "episodes", "posts"]
            .iter()
            .map(|d| d.to_string())
            .collect(),
        ..Detected::default()
    })
}

/// Reads an episode data file: audio file names to their size and
/// duration.
pub fn audio_files(text: &str) -> Result<BTreeMap<String, AudioFile>, String> {
    let tree =
        parse_tree(text, Format::Json, 1).map_err(|p| format!("line {}: {}", p.line, p.reason))?;
    let Json::Obj(entries) = tree else {
        return Ok(BTreeMap::new());
    };
    Ok(entries
        .into_iter()
        .filter(|(name, _)| super::url::audio_rank(name).is_some())
        .map(|(name, v)| {
            let size = lookup(&v, "size")
                .first()
                .and_then(|s| match fields::size(s) {
                    fields::Reading::Value(n) => Some(n),
                    _ => None,
                });
            let duration = match lookup(&v, "duration").first() {
                Some(Json::Num(n)) => Some(*n),
                _ => None,
            };
            (name, AudioFile { size, duration })
        })
        .collect())
}

/// Reads the `site` of an Astro configuration (`astro.config.mjs`), the
/// one setting it holds that the viewer needs.
pub fn astro(text: &str) -> Detected {
    // The key `site`, wherever the object's layout puts it (one line or
    // several), but not the end of another name (`website`, `x.site`).
    let url = text.match_indices("site").find_map(|(i, key)| {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '.')) {
            return None;
        }
        let rest = text[i + key.len()..]
            .trim_start()
            .strip_prefix(':')?
            .trim_start();
        let quote = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '"' | '`'))?;
        rest[1..].split(quote).next().map(str::to_string)
    });
    Detected {
        generator: Generator::Astro,
        url,
        episode_dirs: astro_dirs(),
        ..Detected::default()
    }
}

/// Where Astro content collections of episodes live.
pub fn astro_dirs() -> Vec<String> {
    ["podcast", "episodes", "episode", "podcasts", "shows"]
        .iter()
        .map(|d| format!("src/content/{d}"))
        .collect()
}

/// The audio file of episode `number` (in `season`), as
/// eleventy-plugin-podcaster matches them: a file whose name has
/// `S{season}E{number}`, or, without a season, the number as a word of its
/// own (`SBB 12, Title.mp3`).
pub fn match_audio_file(
    files: &BTreeMap<String, AudioFile>,
    season: Option<u32>,
    number: i32,
) -> Option<(&str, AudioFile)> {
    let numbers_in = |name: &str| -> Vec<u64> {
        name.split(|c: char| !c.is_ascii_digit())
            .filter(|w| !w.is_empty())
            .filter_map(|w| w.parse().ok())
            .collect()
    };
    files.iter().find_map(|(name, data)| {
        let lower = name.to_ascii_lowercase();
        let hit = match season {
            Some(s) => {
                let tag = format!("s{s}e{number}");
                lower
                    .replace(" e", "e")
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == tag)
            }
            None => numbers_in(name).first() == Some(&(number as u64)),
        };
        hit.then_some((name.as_str(), *data))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_read_a_hugo_config_in_toml() {
        let d = hugo(
            "BaseURL = \"https://show.example/\"\nlanguageCode = \"en-us\"\ntitle = \"Show\"\n[params]\nmainSections = [\"episode\"]\nmedia_prefix = \"https://media.example/show/\"\ndescription = \"About\"\n",
            Format::Toml,
        )
        .unwrap();
        assert_eq!(d.url.as_deref(), Some("https://show.example/"));
        assert_eq!(d.title.as_deref(), Some("Show"));
        assert_eq!(d.language.as_deref(), Some("en-us"));
        assert_eq!(d.audio_base.as_deref(), Some("https://media.example/show/"));
        assert_eq!(d.description.as_deref(), Some("About"));
        assert_eq!(d.episode_dirs[0], "content/episode");
    }

    #[test]
    fn can_read_a_zola_config() {
        let d = zola("base_url = \"https://crumb.example\"\ntitle = \"Crumb\"\ndescription = \"Bread\"\ndefault_language = \"sv\"\n[extra]\nauthor = \"Ebba\"\n").unwrap();
        assert_eq!(d.generator, Generator::Zola);
        assert_eq!(d.url.as_deref(), Some("https://crumb.example"));
        assert_eq!(d.title.as_deref(), Some("Crumb"));
        assert_eq!(d.description.as_deref(), Some("Bread"));
        assert_eq!(d.language.as_deref(), Some("sv"));
        assert_eq!(d.author.as_deref(), Some("Ebba"));
        assert_eq!(d.episode_dirs[1], "content/episodes");
        // Hugo's own config is not Zola's.
        assert!(zola("baseURL = \"https://show.example/\"\n").is_err());
    }

    #[test]
    fn errors_if_a_config_is_not_hugos() {
        let e = hugo("upload_to = \"s3://bucket\"\n", Format::Toml).unwrap_err();
        assert!(e.contains("not read as Hugo's"), "{e}");
    }

    #[test]
    fn can_read_a_hugo_config_in_yaml() {
        let d = hugo(
            "baseurl: https://show.example\ntitle: Show\nparams:\n  media_prefix: /audio/\n",
            Format::Yaml,
        )
        .unwrap();
        assert_eq!(d.url.as_deref(), Some("https://show.example"));
        assert_eq!(d.audio_base.as_deref(), Some("/audio/"));
    }

    #[test]
    fn can_read_a_jekyll_config() {
        let d = jekyll("title: Show\nurl: https://show.example\nbaseurl: /podcast\nlang: fr\nauthor:\n  name: Ada\ncollections:\n  episodes:\n    output: true\n  staff: {}\ndownload_url: https://media.example/\n").unwrap();
        assert_eq!(d.url.as_deref(), Some("https://show.example/podcast/"));
        assert_eq!(d.language.as_deref(), Some("fr"));
        assert_eq!(d.author.as_deref(), Some("Ada"));
        assert_eq!(d.episode_dirs, ["_episodes", "_posts"]);
        assert_eq!(d.audio_base.as_deref(), Some("https://media.example/"));
        for (url, base, want) in [
            (
                "https://show.example",
                "podcast",
                "https://show.example/podcast/",
            ),
            ("https://show.example/", "", "https://show.example/"),
            ("https://show.example", "/", "https://show.example"),
        ] {
            let d = jekyll(&format!("url: {url}\nbaseurl: '{base}'\n")).unwrap();
            assert_eq!(d.url.as_deref(), Some(want), "{url} + {base}");
        }
    }

    #[test]
    fn can_read_a_category_with_its_subcategory() {
        let d = hugo("baseURL = \"https://s.example/\"\n[params.feed]\nitunes_top_category = \"Technology\"\nitunes_first_sub_category = \"Tech News\"\n", Format::Toml).unwrap();
        assert_eq!(d.category.as_deref(), Some("Technology > Tech News"));
        let d = eleventy(r#"{"title": "T", "category": "TV & Film", "subcategory": "TV Reviews"}"#)
            .unwrap();
        assert_eq!(d.category.as_deref(), Some("TV & Film > TV Reviews"));
        let d = eleventy(r#"{"title": "T", "category": "History"}"#).unwrap();
        assert_eq!(d.category.as_deref(), Some("History"));
    }

    #[test]
    fn can_tell_hexo_from_jekyll() {
        let d = jekyll("title: Show\nurl: https://show.example\nnew_post_name: :title.md\nsource_dir: source\ntimezone: Europe/Stockholm\n").unwrap();
        assert_eq!(d.generator, Generator::Hexo);
        assert_eq!(d.episode_dirs, ["source/_posts"]);
        assert_eq!(d.time_zone.as_deref(), Some("Europe/Stockholm"));
        let d = jekyll("title: Show\npublic_dir: public\n").unwrap();
        assert_eq!(d.episode_dirs, ["source/_posts"]);
    }

    #[test]
    fn can_read_eleventy_podcaster_data() {
        let d = eleventy(r#"{"title": "Show", "episodeUrlBase": "https://cdn.example/show/", "language": "en", "siteUrl": "https://show.example"}"#).unwrap();
        assert_eq!(d.audio_base.as_deref(), Some("https://cdn.example/show/"));
        assert_eq!(d.url.as_deref(), Some("https://show.example"));
        let files = audio_files(r#"{"SHW 1, First.mp3": {"size": 100, "duration": 61.5}, "SHW 12, Twelfth.mp3": {"size": 200}, "S2E3 Other.mp3": {"size": 5}, "notes.txt": {}}"#).unwrap();
        assert_eq!(files.len(), 3);
        assert_eq!(
            match_audio_file(&files, None, 12).map(|(n, f)| (n, f.size)),
            Some(("SHW 12, Twelfth.mp3", Some(200)))
        );
        assert_eq!(
            match_audio_file(&files, None, 1).map(|(n, f)| (n, f.duration)),
            Some(("SHW 1, First.mp3", Some(61.5)))
        );
        assert_eq!(
            match_audio_file(&files, Some(2), 3).map(|(n, _)| n),
            Some("S2E3 Other.mp3")
        );
        assert_eq!(match_audio_file(&files, None, 7), None);
    }

    #[test]
    fn can_read_an_astro_site_address() {
        for config in [
            "export default defineConfig({\n  site: 'https://show.example',\n  integrations: [],\n});\n",
            "export default defineConfig({ site: \"https://show.example\", trailingSlash: 'always' });\n",
            "const website = 'https://no.example';\nexport default defineConfig({website, site:`https://show.example`})\n",
        ] {
            assert_eq!(astro(config).url.as_deref(), Some("https://show.example"), "{config}");
        }
    }
}
