//! Every string the interface shows, in one table per language.
//!
//! The site's `language` setting picks the table; unknown languages fall back
//! to English. Dates and numbers are formatted by the browser for the same
//! language, so only words live here.

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
    pub all_episodes: &'static str,
    pub episode: &'static str,
    pub news: &'static str,
    pub download: &'static str,
    pub watch_on_youtube: &'static str,
    pub older: &'static str,
    pub newer: &'static str,
    pub with: &'static str,
    pub guests: &'static str,
    pub audio_error: &'static str,
    pub episode_count: &'static str,
    pub skip_to_content: &'static str,
    pub crashed: &'static str,
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
    all_episodes: "All episodes",
    episode: "Episode",
    news: "News",
    download: "Download",
    watch_on_youtube: "Watch on YouTube",
    older: "Older",
    newer: "Newer",
    with: "With",
    guests: "Guests:",
    audio_error: "The audio file could not be played.",
    episode_count: "episodes",
    skip_to_content: "Skip to content",
    crashed: "Something went wrong. Reload the page to continue.",
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
    all_episodes: "Tous les épisodes",
    episode: "Épisode",
    news: "Actualité",
    download: "Télécharger",
    watch_on_youtube: "Voir sur YouTube",
    older: "Plus ancien",
    newer: "Plus récent",
    with: "Avec",
    guests: "Invités :",
    audio_error: "Impossible de lire le fichier audio.",
    episode_count: "épisodes",
    skip_to_content: "Aller au contenu",
    crashed: "Une erreur est survenue. Rechargez la page pour continuer.",
};

/// The table for a BCP 47 language tag (`fr`, `fr-CA`, `en-GB`…).
pub fn strings(language: &str) -> &'static Strings {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "fr" => &FR,
        _ => &EN,
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
}
