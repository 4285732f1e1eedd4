//! Escaping text for HTML and XML: one rule for the static pages, the
//! feed and the notes' templates.

/// Escapes text for element content and attribute values, in HTML and
/// XML alike. Characters XML 1.0 forbids are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document at all (its
/// [`Char`](https://www.w3.org/TR/xml/#charsets) production): not the C0
/// controls but tab and line ends, and not U+FFFE or U+FFFF. One such
/// character anywhere in the notes makes a feed unreadable to every app.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}
