//! Every string the interface shows, in one table per language.
//!
//! The site's `language` setting picks the table; unknown languages fall back
//! to English. Dates are formatted by the browser's `Intl` for the same
//! language (and by [`super::prerender::long_date`] for the static pages).
//! Counts and file sizes are formatted here, so the static pages and the app
//! write them alike: `10,000 episodes, 1.5 MB` and `10 000 épisodes, 1,5 Mo`.

/// The words of the interface in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    pub loading_episodes: &'static str,
    pub loading_notes: &'static str,
    pub episodes_error: &'static str,
    pub notes_error: &'static str,
    pub retry: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub offline: &'static str,
    pub save_offline: &'static str,
    pub saving_offline: &'static str,
    pub saved_offline: &'static str,
    pub remove_offline: &'static str,
    pub save_failed: &'static str,
    pub all_episodes: &'static str,
    /// The name of the navigation back to the listing.
    pub breadcrumb: &'static str,
    /// The name of the previous and next episode links.
    pub pager: &'static str,
    pub episode: &'static str,
    pub news: &'static str,
    pub download: &'static str,
    pub watch_on_youtube: &'static str,
    pub older: &'static str,
    pub newer: &'static str,
    pub with: &'static str,
    pub guests: &'static str,
    pub episode_count: &'static str,
    /// Between the units and the tenths.
    pub decimal: &'static str,
    /// Between groups of three digits.
    pub thousands: &'static str,
    /// Bytes, kilobytes, megabytes, gigabytes.
    pub byte_units: [&'static str; 4],
    pub skip_to_content: &'static str,
    pub crashed: &'static str,
    pub subscribe: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub year: &'static str,
    pub all_years: &'static str,
    pub person: &'static str,
    pub everyone: &'static str,
    pub clear_filters: &'static str,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub searching: &'static str,
    pub search_error: &'static str,
    pub show_more: &'static str,
    pub results_one: &'static str,
    pub episodes_of_person: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub play_episode: &'static str,
    pub resume_at: &'static str,
    pub start_at: &'static str,
    pub skip_back: &'static str,
    pub skip_forward: &'static str,
    pub seek: &'static str,
    pub speed: &'static str,
    pub volume: &'static str,
    pub mute: &'static str,
    pub unmute: &'static str,
    pub previous_chapter: &'static str,
    pub next_chapter: &'static str,
    pub chapters: &'static str,
    pub played: &'static str,
    pub in_progress: &'static str,
    pub mark_played: &'static str,
    pub mark_unplayed: &'static str,
    pub continue_listening: &'static str,
    pub copy_link_at: &'static str,
    pub link_copied: &'static str,
    pub now_playing: &'static str,
    pub player: &'static str,
    pub audio_network_error: &'static str,
    pub audio_decode_error: &'static str,
    pub audio_stalled: &'static str,
    pub shortcuts: &'static str,
    pub close: &'static str,
    pub key_play_pause: &'static str,
    pub key_seek_small: &'static str,
    pub key_seek_big: &'static str,
    pub key_speed: &'static str,
    pub key_mute: &'static str,
    pub key_jump: &'static str,
    pub key_help: &'static str,
    pub of: &'static str,
    pub hour: &'static str,
    pub hours: &'static str,
    pub minute: &'static str,
    pub minutes: &'static str,
    pub second: &'static str,
    pub seconds: &'static str,
}

pub const EN: Strings = Strings {
    loading_episodes: "Loading episodes…",
    loading_notes: "Loading show notes…",
    episodes_error: "The episodes could not be loaded",
    notes_error: "The show notes could not be loaded",
    retry: "Try again",
    not_found_title: "Page not found",
    not_found_body:
        "There is no page at this address. It may have moved, or the link may be mistyped.",
    back_home: "Back to all episodes",
    offline: "Offline: showing what this device has saved",
    save_offline: "Save for offline",
    saving_offline: "Saving for offline…",
    saved_offline: "Available offline",
    remove_offline: "Remove download",
    save_failed: "Could not save this episode",
    all_episodes: "All episodes",
    breadcrumb: "Breadcrumb",
    pager: "Newer and older episodes",
    episode: "Episode",
    news: "News",
    download: "Download",
    watch_on_youtube: "Watch on YouTube",
    older: "Older",
    newer: "Newer",
    with: "With",
    guests: "Guests:",
    episode_count: "episodes",
    decimal: ".",
    thousands: ",",
    byte_units: ["B", "KB", "MB", "GB"],
    skip_to_content: "Skip to content",
    crashed: "Something went wrong. Reload the page to continue.",
    subscribe: "Subscribe (RSS)",
    search_label: "Search episodes",
    search_placeholder: "Titles, notes, people…",
    year: "Year",
    all_years: "All years",
    person: "Person",
    everyone: "Everyone",
    clear_filters: "Clear search and filters",
    no_results: "No episode matches this search.",
    no_results_hint: "Try fewer or shorter words, or clear the filters.",
    searching: "Searching…",
    search_error: "The search could not be loaded",
    show_more: "Show more episodes",
    results_one: "1 episode",
    episodes_of_person: "Episodes with",
    play: "Play",
    pause: "Pause",
    play_episode: "Play episode",
    resume_at: "Resume at",
    start_at: "Start at",
    skip_back: "Back 15 seconds",
    skip_forward: "Forward 30 seconds",
    seek: "Position",
    speed: "Playback speed",
    volume: "Volume",
    mute: "Mute",
    unmute: "Unmute",
    previous_chapter: "Previous chapter",
    next_chapter: "Next chapter",
    chapters: "Chapters",
    played: "Played",
    in_progress: "In progress",
    mark_played: "Mark as played",
    mark_unplayed: "Mark as unplayed",
    continue_listening: "Continue listening",
    copy_link_at: "Copy link at",
    link_copied: "Link copied",
    now_playing: "Now playing",
    player: "Audio player",
    audio_network_error:
        "The audio file could not be loaded: it is missing or the network is down.",
    audio_decode_error: "The audio file is damaged or in a format this browser cannot play.",
    audio_stalled: "The audio stopped loading. Check your connection.",
    shortcuts: "Keyboard shortcuts",
    close: "Close",
    key_play_pause: "Play or pause",
    key_seek_small: "Back or forward 5 seconds",
    key_seek_big: "Back 15 or forward 30 seconds",
    key_speed: "Slower or faster",
    key_mute: "Mute or unmute",
    key_jump: "Jump to 0% … 90% of the episode",
    key_help: "Show this list",
    of: "of",
    hour: "hour",
    hours: "hours",
    minute: "minute",
    minutes: "minutes",
    second: "second",
    seconds: "seconds",
};

pub const FR: Strings = Strings {
    loading_episodes: "Chargement des épisodes…",
    loading_notes: "Chargement des notes…",
    episodes_error: "Impossible de charger les épisodes",
    notes_error: "Impossible de charger les notes de l’épisode",
    retry: "Réessayer",
    not_found_title: "Page introuvable",
    not_found_body: "Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien est mal saisi.",
    back_home: "Retour à tous les épisodes",
    offline: "Hors ligne : seul ce qui est enregistré sur cet appareil est disponible",
    save_offline: "Enregistrer hors ligne",
    saving_offline: "Enregistrement hors ligne…",
    saved_offline: "Disponible hors ligne",
    remove_offline: "Supprimer le téléchargement",
    save_failed: "Impossible d’enregistrer cet épisode",
    all_episodes: "Tous les épisodes",
    breadcrumb: "Fil d’Ariane",
    pager: "Épisodes plus récents et plus anciens",
    episode: "Épisode",
    news: "Actualité",
    download: "Télécharger",
    watch_on_youtube: "Voir sur YouTube",
    older: "Plus ancien",
    newer: "Plus récent",
    with: "Avec",
    guests: "Invités :",
    episode_count: "épisodes",
    decimal: ",",
    // A narrow no-break space, as French typography groups digits.
    thousands: "\u{202f}",
    byte_units: ["o", "ko", "Mo", "Go"],
    skip_to_content: "Aller au contenu",
    crashed: "Une erreur est survenue. Rechargez la page pour continuer.",
    subscribe: "S’abonner (RSS)",
    search_label: "Rechercher dans les épisodes",
    search_placeholder: "Titres, notes, personnes…",
    year: "Année",
    all_years: "Toutes les années",
    person: "Personne",
    everyone: "Tout le monde",
    clear_filters: "Effacer la recherche et les filtres",
    no_results: "Aucun épisode ne correspond à cette recherche.",
    no_results_hint: "Essayez moins de mots, des mots plus courts, ou effacez les filtres.",
    searching: "Recherche…",
    search_error: "Impossible de charger la recherche",
    show_more: "Afficher plus d’épisodes",
    results_one: "1 épisode",
    episodes_of_person: "Épisodes avec",
    play: "Lecture",
    pause: "Pause",
    play_episode: "Écouter l’épisode",
    resume_at: "Reprendre à",
    start_at: "Démarrer à",
    skip_back: "Reculer de 15 secondes",
    skip_forward: "Avancer de 30 secondes",
    seek: "Position",
    speed: "Vitesse de lecture",
    volume: "Volume",
    mute: "Couper le son",
    unmute: "Rétablir le son",
    previous_chapter: "Chapitre précédent",
    next_chapter: "Chapitre suivant",
    chapters: "Chapitres",
    played: "Écouté",
    in_progress: "En cours",
    mark_played: "Marquer comme écouté",
    mark_unplayed: "Marquer comme non écouté",
    continue_listening: "Reprendre l’écoute",
    copy_link_at: "Copier le lien à",
    link_copied: "Lien copié",
    now_playing: "En cours de lecture",
    player: "Lecteur audio",
    audio_network_error: "Impossible de charger le fichier audio : il est introuvable ou le réseau est coupé.",
    audio_decode_error: "Le fichier audio est endommagé ou dans un format que ce navigateur ne sait pas lire.",
    audio_stalled: "Le chargement de l’audio s’est interrompu. Vérifiez votre connexion.",
    shortcuts: "Raccourcis clavier",
    close: "Fermer",
    key_play_pause: "Lecture ou pause",
    key_seek_small: "Reculer ou avancer de 5 secondes",
    key_seek_big: "Reculer de 15 ou avancer de 30 secondes",
    key_speed: "Plus lent ou plus rapide",
    key_mute: "Couper ou rétablir le son",
    key_jump: "Aller à 0 % … 90 % de l’épisode",
    key_help: "Afficher cette liste",
    of: "sur",
    hour: "heure",
    hours: "heures",
    minute: "minute",
    minutes: "minutes",
    second: "seconde",
    seconds: "secondes",
};

impl Strings {
    /// A whole number with its thousands grouped: `12,345`, `12 345`.
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + 8);
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.thousands);
            }
            out.push(d);
        }
        out
    }

    /// How many episodes: `1 episode`, `1,234 episodes`.
    pub fn episodes(&self, n: usize) -> String {
        match n {
            1 => self.results_one.to_string(),
            n => format!("{} {}", self.number(n as u64), self.episode_count),
        }
    }

    /// A file size in decimal units, with tenths from a megabyte on:
    /// `640 KB`, `1.5 MB`, `1,5 Mo`. Integer arithmetic: float formatting
    /// would cost the wasm ~10 KB.
    pub fn bytes(&self, bytes: u64) -> String {
        let [b, kb, mb, gb] = self.byte_units;
        let tenths = |t: u64, unit: &str| {
            format!("{}{}{} {unit}", self.number(t / 10), self.decimal, t % 10)
        };
        // The unit is chosen after rounding: 999,999 bytes are `1.0 MB`,
        // not `1,000 KB`.
        let (k, m) = ((bytes + 500) / 1_000, (bytes + 50_000) / 100_000);
        if bytes < 1_000 {
            format!("{bytes} {b}")
        } else if k < 1_000 {
            format!("{} {kb}", self.number(k))
        } else if m < 10_000 {
            tenths(m, mb)
        } else {
            tenths((bytes + 50_000_000) / 100_000_000, gb)
        }
    }
}

/// The table for a BCP 47 language tag (`fr`, `fr-CA`, `en-GB`…).
pub fn strings(language: &str) -> &'static Strings {
    match known(language) {
        Some(Known::Fr) => &FR,
        _ => &EN,
    }
}

/// The languages with a table here.
#[derive(Clone, Copy)]
enum Known {
    En,
    Fr,
}

/// Which table a tag names, if any (an empty tag is English). Without
/// allocating: it runs for every card the listing draws.
fn known(language: &str) -> Option<Known> {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    if primary.is_empty() || primary.eq_ignore_ascii_case("en") {
        Some(Known::En)
    } else if primary.eq_ignore_ascii_case("fr") {
        Some(Known::Fr)
    } else {
        None
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A date in the long style of `Intl.DateTimeFormat` (`August 1, 2024`,
/// `1 août 2024`) for the languages with a table here; `None` for others,
/// which the browser's `Intl` formats. Formatting these two here keeps the
/// static pages and the app alike, and spares the app `Intl`'s first use,
/// which loads locale data in one long task (30 to 50 ms on a slow phone).
pub fn long_date(d: super::date::Date, language: &str) -> Option<String> {
    let month = usize::from(d.month.clamp(1, 12) - 1);
    Some(match known(language)? {
        Known::Fr => format!("{} {} {}", d.day, MONTHS_FR[month], d.year),
        Known::En => format!("{} {}, {}", MONTHS_EN[month], d.day, d.year),
    })
}

/// Whether [`long_date`] formats dates in `language`.
pub fn formats_dates(language: &str) -> bool {
    known(language).is_some()
}

/// A length as a screen reader should say it: `12 minutes 34 seconds`.
pub fn spoken_duration(seconds: f64, t: &Strings) -> String {
    let total = if seconds.is_finite() && seconds > 0.0 {
        seconds as u64
    } else {
        0
    };
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(unit(h, t.hour, t.hours));
    }
    if m > 0 {
        parts.push(unit(m, t.minute, t.minutes));
    }
    if s > 0 || parts.is_empty() {
        parts.push(unit(s, t.second, t.seconds));
    }
    parts.join(" ")
}

/// The seek slider's `aria-valuetext`: `12 minutes 34 seconds of 1 hour 5 minutes`.
pub fn spoken_position(position: f64, length: f64, t: &Strings) -> String {
    if length > 0.0 {
        format!(
            "{} {} {}",
            spoken_duration(position, t),
            t.of,
            spoken_duration(length, t)
        )
    } else {
        spoken_duration(position, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_pick_a_table_by_language_tag() {
        assert_eq!(strings("fr"), &FR);
        assert_eq!(strings("fr-CA"), &FR);
        assert_eq!(strings("FR_fr"), &FR);
        assert_eq!(strings("en-GB"), &EN);
        assert_eq!(strings("de"), &EN);
        assert_eq!(strings(""), &EN);
    }

    #[test]
    fn can_speak_positions() {
        assert_eq!(
            spoken_position(754.0, 3900.0, &EN),
            "12 minutes 34 seconds of 1 hour 5 minutes"
        );
        assert_eq!(
            spoken_position(61.0, 3601.0, &EN),
            "1 minute 1 second of 1 hour 1 second"
        );
        assert_eq!(spoken_position(0.0, 0.0, &EN), "0 seconds");
        assert_eq!(spoken_position(7200.0, f64::NAN, &FR), "2 heures");
        assert_eq!(
            spoken_position(90.5, 600.0, &FR),
            "1 minute 30 secondes sur 10 minutes"
        );
    }

    #[test]
    fn can_format_numbers_and_sizes_for_the_language() {
        for (lang, n, want) in [
            ("en", 0, "0"),
            ("en", 999, "999"),
            ("en", 1_000, "1,000"),
            ("en", 1_234_567, "1,234,567"),
            ("fr", 10_000, "10\u{202f}000"),
        ] {
            assert_eq!(strings(lang).number(n), want, "{lang} {n}");
        }
        for (lang, n, want) in [
            ("en", 1, "1 episode"),
            ("en", 10_000, "10,000 episodes"),
            ("fr", 0, "0 épisodes"),
            ("fr", 359, "359 épisodes"),
        ] {
            assert_eq!(strings(lang).episodes(n), want, "{lang} {n}");
        }
        for (lang, n, want) in [
            ("en", 56_249_169, "56.2 MB"),
            ("en", 31_200, "31 KB"),
            ("en", 999, "999 B"),
            ("en", 1_500, "2 KB"),
            ("en", 999_499, "999 KB"),
            ("en", 999_949, "1.0 MB"),
            ("en", 999_960_000, "1.0 GB"),
            ("en", 999_940_000, "999.9 MB"),
            ("en", 1_000_000, "1.0 MB"),
            ("en", 1_049_999, "1.0 MB"),
            ("en", 2_345_678_901, "2.3 GB"),
            ("fr", 1_500_000, "1,5 Mo"),
            ("fr", 640_000, "640 ko"),
            ("fr", 12, "12 o"),
        ] {
            assert_eq!(strings(lang).bytes(n), want, "{lang} {n}");
        }
    }

    #[test]
    fn can_write_long_dates_in_english_and_french_only() {
        let d = crate::core::date::Date::new(2024, 8, 1).unwrap();
        for (lang, want) in [
            ("en", Some("August 1, 2024")),
            ("en-GB", Some("August 1, 2024")),
            ("", Some("August 1, 2024")),
            ("fr-CA", Some("1 août 2024")),
            ("de", None),
        ] {
            assert_eq!(long_date(d, lang).as_deref(), want, "{lang}");
        }
    }
}
