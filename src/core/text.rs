//! Text folding shared by slugs (and, later, search): case and accents.

/// Folds one character to lowercase ASCII where a Latin letter with a
/// diacritic has an obvious base letter (`É` → `e`, `ß` → `ss`).
///
/// A hand-written table rather than a Unicode normalization crate: those
/// carry tables of tens of kilobytes into the wasm, while podcast titles and
/// file names only need the Latin range.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă'
        | 'Ă' | 'ą' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'Ď' | 'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě'
        | 'Ě' => "e",
        'ğ' | 'Ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' | 'į' | 'Į' | 'ı' | 'İ' => {
            "i"
        }
        'ł' | 'Ł' | 'ľ' | 'Ľ' | 'ĺ' | 'Ĺ' | 'ļ' => "l",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'Ō' | 'ő'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'Ŕ' | 'ř' | 'Ř' => "r",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' | 'ș' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'Ť' | 'ţ' | 'Ţ' | 'ț' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' | 'ų'
        | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "z",
        // Typographic apostrophes join words ("qu’est") like the ASCII one.
        '\u{2019}' | '\u{2018}' => "'",
        // Greek and Cyrillic capitals, by their fixed offsets: the full
        // Unicode case tables would cost the wasm ~10 KB for the rest.
        'Α'..='Ρ' | 'Σ'..='Ω' | 'А'..='Я' => {
            out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c));
            return;
        }
        'Ѐ'..='Џ' => {
            out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c));
            return;
        }
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

/// Lowercases `s` and strips Latin diacritics.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Each distinct word of `words` with how often it occurs, sorted by word.
/// Sorts `&str`: one sort instance, shared by every caller in the wasm.
pub fn tally(mut words: Vec<&str>) -> Vec<(String, usize)> {
    words.sort_unstable();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for w in words {
        match counts.last_mut() {
            Some((last, n)) if last == w => *n += 1,
            _ => counts.push((w.to_string(), 1)),
        }
    }
    counts
}

/// Collapses every run of whitespace to one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts `s` to at most `max` characters at a word boundary, adding `…`.
pub fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let head = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_fold_french_accents_and_case() {
        for (input, want) in [
            ("Développeur", "developpeur"),
            ("École", "ecole"),
            ("Œuvre à Noël", "oeuvre a noel"),
            ("Straße", "strasse"),
            ("qu’est-ce", "qu'est-ce"),
            ("plain ascii", "plain ascii"),
            ("ТЕКСТ Ёлка", "текст ёлка"),
            ("ΑΘΗΝΑ", "αθηνα"),
            ("日本語", "日本語"),
        ] {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn can_truncate_on_a_word_boundary() {
        assert_eq!(truncate_words("short", 10), "short");
        assert_eq!(truncate_words("one two three four five", 12), "one two…");
        // A single very long word is cut mid-word rather than dropped.
        assert_eq!(truncate_words("abcdefghijkl", 5), "abcde…");
    }
}
