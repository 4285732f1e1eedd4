//! Addresses: the one place that decides what a URL written in an archive
//! points at, and how it is written out.
//!
//! Archives write URLs every way: absolute, protocol-relative
//! (`//cdn.example/x.mp3`), root-relative (`/audio/x.mp3`), relative to a
//! media prefix, with raw spaces and accents or already percent-encoded.
//! Pages and feeds need them absolute (where a base is known) and encoded
//! exactly once ([RFC 3986 §2.1](https://www.rfc-editor.org/rfc/rfc3986#section-2.1)).

/// Whether `url` carries its own scheme (`https:`, `mailto:`) or host
/// (`//cdn.example/x`), so that no base applies to it.
pub fn is_absolute(url: &str) -> bool {
    url.starts_with("//") || scheme(url).is_some()
}

/// The scheme of `url` (`https`), when it has one.
pub fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut bytes = scheme.bytes();
    (bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b)))
    .then_some(scheme)
}

/// Whether `scheme` (as [`scheme`] gives it) is the web's: `http` or
/// `https`, in any case.
pub fn is_web_scheme(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// `https://host` of an absolute URL, without a trailing slash.
fn origin(url: &str) -> Option<&str> {
    let scheme = scheme(url)?;
    let rest = url[scheme.len() + 1..].strip_prefix("//")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(&url[..scheme.len() + 3 + host_end])
}

/// Resolves `reference` against `base`, as a browser resolves a link
/// ([RFC 3986 §5.2](https://www.rfc-editor.org/rfc/rfc3986#section-5.2),
/// without dot-segment removal beyond a leading `./`):
///
/// - an absolute reference is kept;
/// - `//host/x` takes the base's scheme (`https` when the base has none);
/// - `/x` goes under the base's origin;
/// - `x` goes under the base's directory: everything up to its last `/`.
///   A base meant as a folder must end in `/` (see [`as_folder`]).
pub fn join(base: &str, reference: &str) -> String {
    let reference = reference.trim();
    if scheme(reference).is_some() {
        return reference.to_string();
    }
    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{}://{rest}", scheme(base).unwrap_or("https"));
    }
    if let Some(path) = reference.strip_prefix('/') {
        let root = origin(base).unwrap_or(base.trim_end_matches('/'));
        return format!("{root}/{path}");
    }
    let dir = match base.rfind('/') {
        // Not the `//` of the scheme itself.
        Some(i) if origin(base).is_none_or(|o| i >= o.len()) => &base[..=i],
        _ => return format!("{}/{}", base, reference.trim_start_matches("./")),
    };
    format!("{dir}{}", reference.trim_start_matches("./"))
}

/// `base` with a trailing `/`, so that [`join`] puts references inside it:
/// settings such as `audio_base: https://cdn.example/show` name a folder.
pub fn as_folder(base: &str) -> String {
    let base = base.trim();
    if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// An address for a page or feed: `url` as it is when absolute, else under
/// the site's public address `site` (a folder, with or without its `/`).
/// Protocol-relative URLs take the site's scheme; the result is encoded
/// once (an episode slug may be `纯中文`).
pub fn absolute(site: &str, url: &str) -> String {
    encode(&if scheme(url).is_some() {
        url.to_string()
    } else if url.starts_with("//") {
        join(site, url)
    } else {
        // Site-relative, whether written `/x` or `x`: the app lives at the
        // site's address, which may be a sub-path.
        format!("{}{}", as_folder(site), url.trim_start_matches('/'))
    })
}

/// Percent-encodes what may not appear raw in a URL (spaces, non-ASCII,
/// `"<>\^`{|}`), once: `%20` already there stays `%20`, and a `%` that
/// starts no escape becomes `%25`. Reserved characters (`/?#&=:`) are kept,
/// so a whole URL can be passed.
pub fn encode(url: &str) -> String {
    let b = url.trim().as_bytes();
    let mut out = String::with_capacity(b.len());
    let hex = |c: Option<&u8>| c.is_some_and(u8::is_ascii_hexdigit);
    for (i, &c) in b.iter().enumerate() {
        let keep = c.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=:@/?#[]".contains(&c)
            || (c == b'%' && hex(b.get(i + 1)) && hex(b.get(i + 2)));
        if keep {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

/// Percent-encodes one value put into a URL template (`{title}`), so that
/// its `/`, `?` and `#` cannot change the URL's shape.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-encodes each segment of a relative path so that file names with
/// spaces, `#`, `?` or non-ASCII characters fetch the right file.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in segment.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A query string (`q=rust+async&who=L%C3%A9a`, without `?`) as its
/// decoded pairs, as `URLSearchParams` reads it
/// ([URL § application/x-www-form-urlencoded](https://url.spec.whatwg.org/#urlencoded-parsing)).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| percent_decode_lossy(&s.replace('+', " "));
            (decode(k), decode(v))
        })
        .collect()
}

/// Encodes query pairs as `URLSearchParams` does (space as `+`), leaving
/// out empty values; the inverse of [`query_pairs`].
pub fn query_string<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    let mut out = String::new();
    for (k, v) in pairs {
        if v.as_ref().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('&');
        }
        form_encode(&mut out, k.as_ref());
        out.push('=');
        form_encode(&mut out, v.as_ref());
    }
    out
}

fn form_encode(out: &mut String, s: &str) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
}

/// Decodes `%XX` escapes (others are kept as written); `None` when the
/// bytes are not UTF-8. The inverse of [`encode_path`].
pub fn percent_decode(s: &str) -> Option<String> {
    String::from_utf8(decode_bytes(s)).ok()
}

/// Like [`percent_decode`], with invalid UTF-8 replaced by U+FFFD: for text
/// an editor percent-encoded (`%7B%7B%20site.url%20%7D%7D`).
pub fn percent_decode_lossy(s: &str) -> String {
    String::from_utf8_lossy(&decode_bytes(s)).into_owned()
}

fn decode_bytes(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The extension of the file a URL names, lowercased (`mp3`), without its
/// query or fragment.
fn extension(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let file = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = file.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// Audio extensions podcast enclosures use, most widely played first: when
/// an episode names several files, the first in this list is its enclosure.
const AUDIO_EXTENSIONS: &[&str] = &[
    "mp3", "m4a", "m4b", "aac", "mp4", "ogg", "oga", "opus", "flac", "wav",
];

/// Whether `name` is an audio format's extension (`mp3`, `M4A`), as
/// jekyll-octopod keys its files by format.
pub fn is_audio_extension(name: &str) -> bool {
    AUDIO_EXTENSIONS
        .iter()
        .any(|e| e.eq_ignore_ascii_case(name))
}

/// Where `url`'s file comes in [`AUDIO_EXTENSIONS`]: lower is preferred;
/// `None` when it does not name an audio file.
pub fn audio_rank(url: &str) -> Option<usize> {
    let ext = extension(url)?;
    AUDIO_EXTENSIONS.iter().position(|e| *e == ext)
}

/// The MIME type of an enclosure, from its extension: for the formats
/// Apple Podcasts takes, the types [its feed requirements](https://podcasters.apple.com/support/823-podcast-requirements)
/// name; MP3 when unknown, as nearly every podcast is.
pub fn audio_type(url: &str) -> &'static str {
    match extension(url).as_deref() {
        Some("m4a") => "audio/x-m4a",
        Some("mp4") => "video/mp4",
        Some("m4v") => "video/x-m4v",
        Some("mov") => "video/quicktime",
        Some("m4b" | "aac") => "audio/mp4",
        Some("ogg" | "oga" | "opus") => "audio/ogg",
        Some("flac") => "audio/flac",
        Some("wav") => "audio/wav",
        _ => "audio/mpeg",
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn can_read_and_write_query_strings() {
        let pairs = query_pairs("?q=rust+async&who=L%C3%A9a%20M&year=&flag");
        assert_eq!(
            pairs,
            [
                ("q".to_string(), "rust async".to_string()),
                ("who".into(), "Léa M".into()),
                ("year".into(), String::new()),
                ("flag".into(), String::new()),
            ]
        );
        assert_eq!(
            query_string(&[("q", "rust async"), ("year", ""), ("who", "Léa & co")]),
            "q=rust+async&who=L%C3%A9a+%26+co"
        );
        let round = query_string(&query_pairs("q=a%2Bb+c&who=%E2%9C%93"));
        assert_eq!(query_pairs(&round), query_pairs("q=a%2Bb+c&who=%E2%9C%93"));
    }

    use super::*;

    #[test]
    fn can_join_references() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "https://cdn.example/show/",
                "ep 1.mp3",
                "https://cdn.example/show/ep 1.mp3",
            ),
            (
                "https://cdn.example/show/",
                "./ep1.mp3",
                "https://cdn.example/show/ep1.mp3",
            ),
            (
                "https://cdn.example/show/",
                "/audio/ep1.mp3",
                "https://cdn.example/audio/ep1.mp3",
            ),
            (
                "https://cdn.example/show/",
                "//other.example/x.mp3",
                "https://other.example/x.mp3",
            ),
            (
                "http://cdn.example/show/",
                "//other.example/x.mp3",
                "http://other.example/x.mp3",
            ),
            (
                "https://cdn.example/show/",
                "https://x.example/y.mp3",
                "https://x.example/y.mp3",
            ),
            (
                "https://cdn.example/show/page.html",
                "ep1.mp3",
                "https://cdn.example/show/ep1.mp3",
            ),
            (
                "https://cdn.example",
                "ep1.mp3",
                "https://cdn.example/ep1.mp3",
            ),
            (
                "https://cdn.example",
                "/ep1.mp3",
                "https://cdn.example/ep1.mp3",
            ),
            (
                "https://op3.dev/e,pg=1/host.example/",
                "SBB 1, A.mp3",
                "https://op3.dev/e,pg=1/host.example/SBB 1, A.mp3",
            ),
        ];
        for (base, reference, want) in cases {
            assert_eq!(join(base, reference), *want, "{base} + {reference}");
        }
    }

    #[test]
    fn can_make_site_addresses_absolute() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "https://show.example",
                "episodes/a",
                "https://show.example/episodes/a",
            ),
            (
                "https://show.example/sub/",
                "/feed.xml",
                "https://show.example/sub/feed.xml",
            ),
            (
                "https://show.example/",
                "//cdn.example/x.mp3",
                "https://cdn.example/x.mp3",
            ),
            (
                "https://show.example/",
                "https://cdn.example/x.mp3",
                "https://cdn.example/x.mp3",
            ),
        ];
        for (site, url, want) in cases {
            assert_eq!(absolute(site, url), *want, "{site} + {url}");
        }
    }

    #[test]
    fn can_encode_exactly_once() {
        let cases: &[(&str, &str)] = &[
            (
                "https://media.example.org/shows/Épisode 12 – Café.mp3",
                "https://media.example.org/shows/%C3%89pisode%2012%20%E2%80%93%20Caf%C3%A9.mp3",
            ),
            (
                "https://media.example.org/shows/Episode%2013%20final.mp3",
                "https://media.example.org/shows/Episode%2013%20final.mp3",
            ),
            (
                "https://x.example/a.mp3?b=1&c=2#t",
                "https://x.example/a.mp3?b=1&c=2#t",
            ),
            (
                "https://x.example/100% live.mp3",
                "https://x.example/100%25%20live.mp3",
            ),
            (
                "https://x.example/a\"b<c>.mp3",
                "https://x.example/a%22b%3Cc%3E.mp3",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(encode(raw), *want, "{raw}");
            assert_eq!(encode(&encode(raw)), *want, "twice: {raw}");
        }
    }

    #[test]
    fn can_encode_template_values_and_paths() {
        assert_eq!(
            encode_component("Ep 1/2: Café?"),
            "Ep%201%2F2%3A%20Caf%C3%A9%3F"
        );
        assert_eq!(encode_path("audio/Ep 5#.mp3"), "audio/Ep%205%23.mp3");
        assert_eq!(
            percent_decode("audio/Ep%205%23.mp3").as_deref(),
            Some("audio/Ep 5#.mp3")
        );
    }

    #[test]
    fn can_tell_absolute_urls() {
        for url in ["https://a/b", "//cdn/x", "mailto:a@b", "data:text/plain,x"] {
            assert!(is_absolute(url), "{url}");
        }
        for url in ["a/b.mp3", "/a.mp3", "./a.mp3", "1:2.mp3", ""] {
            assert!(!is_absolute(url), "{url}");
        }
    }

    #[test]
    fn can_rank_audio_files() {
        assert!(
            audio_rank("https://x/a.MP3?x=1").unwrap() < audio_rank("https://x/a.ogg").unwrap()
        );
        assert_eq!(audio_rank("https://x/a.html"), None);
        assert_eq!(audio_rank("https://x/"), None);
        for (url, want) in [
            ("a.m4a", "audio/x-m4a"),
            ("a.mp4", "video/mp4"),
            ("a.m4b", "audio/mp4"),
            ("a.ogg?x", "audio/ogg"),
            ("a.OPUS", "audio/ogg"),
            ("a.wav", "audio/wav"),
            ("a.mp3", "audio/mpeg"),
            ("stream", "audio/mpeg"),
        ] {
            assert_eq!(audio_type(url), want, "{url}");
        }
    }
}
