//! Every string the interface shows, in one table per language: English,
//! French, German, Spanish, Swedish, Italian, Dutch and Portuguese.
//!
//! The site's `language` setting picks the table by its primary subtag
//! (`de-AT` is German, `pt-BR` Portuguese); other languages fall back to
//! English words ([`is_known`] tells them apart). Long dates, counts and file
//! sizes are formatted here, so the static pages and the app write them
//! alike: `August 1, 2024`, `10,000 episodes` and `1.5 MB` in English;
//! `1. August 2024`, `10.000 Folgen` and `1,5 MB` in German. For a language
//! without a table, the app leaves dates to the browser's `Intl` and the
//! static pages write `2024-08-01`.

use super::json::Json;

/// Declares [`Strings`] with its writer and reader for the index, so a
/// field is named in one place. The index carries a table as a list in
/// field order: no key names to download or to match.
macro_rules! strings_table {
    ($(#[$meta:meta])* pub struct Strings { $($(#[$field_meta:meta])* pub $name:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        pub struct Strings { $($(#[$field_meta])* pub $name: $ty,)* }

        impl Strings {
            /// A table without words, to build others from.
            pub const BLANK: Strings = Strings { $($name: <$ty as Blank>::BLANK,)* };

            /// The table as the index carries it: its fields, in order.
            /// Only the indexer calls it.
            pub fn to_json(&self) -> serde_json::Value {
                serde_json::Value::Array(vec![$(serde_json::json!(self.$name),)*])
            }

            /// Reads what [`Strings::to_json`] wrote. Its text lives as long
            /// as the page: a table is read once.
            pub fn from_json(j: &Json) -> Result<Strings, String> {
                let mut reader = Reader { items: j.items("the interface strings")?.iter(), error: None };
                // Filled in place: one small call per field.
                let mut table = Strings::BLANK;
                $(Read::read_into(&mut reader, &mut table.$name);)*
                match (reader.error, reader.items.next()) {
                    (Some(e), _) => Err(e),
                    (None, Some(_)) => Err("the interface strings have more words than this app knows".into()),
                    (None, None) => Ok(table),
                }
            }
        }
    };
}

strings_table! {
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
    /// Before a season number: `Season 2`.
    pub season: &'static str,
    /// iTunes' episode types other than a full episode.
    pub trailer: &'static str,
    pub bonus: &'static str,
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
    /// Before the mended query a search showed the results of.
    pub results_for: &'static str,
    /// Before the query as typed, on the link that searches it.
    pub search_instead: &'static str,
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
    pub transcript: &'static str,
    pub loading_transcript: &'static str,
    pub transcript_error: &'static str,
    pub find_in_transcript: &'static str,
    /// The search box's option, and the heading of what it finds.
    pub search_transcripts: &'static str,
    /// The episode's embeddable player, and the note that its code is copied.
    pub embed: &'static str,
    pub embed_copied: &'static str,
    /// Before the podcast apps' links: "Listen on Spotify, Overcast…".
    pub listen_on: &'static str,
    pub copy_feed: &'static str,
    pub feed_copied: &'static str,
    /// The feed's `podcast://` link.
    pub open_in_app: &'static str,
    /// A funding link without words of its own (`podcast:funding`).
    pub support: &'static str,
    /// Before a clip's times: "Play clip 1:23–2:34".
    pub play_clip: &'static str,
    pub play_whole: &'static str,
    /// The player's clip: marks where it starts, then copies its link.
    pub start_clip: &'static str,
    pub cancel_clip: &'static str,
    /// Before a clip's times: "Copy clip 1:23–2:34".
    pub copy_clip: &'static str,
    /// The sleep timer's menu and the time left ("Sleep in 14:32").
    pub sleep_timer: &'static str,
    pub end_of_chapter: &'static str,
    pub end_of_episode: &'static str,
    pub extend_sleep: &'static str,
    pub cancel_sleep: &'static str,
    pub sleep_in: &'static str,
    /// The queue ("Up next"): the cards' and episode pages' buttons, the
    /// player bar's panel, and what screen readers hear of each change
    /// (`queue_moved` comes before the new place: "Moved to place 2/5").
    pub play_next: &'static str,
    pub add_to_queue: &'static str,
    pub up_next: &'static str,
    pub queue_empty: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub unqueue: &'static str,
    pub clear_queue: &'static str,
    pub queued: &'static str,
    pub unqueued: &'static str,
    pub queue_moved: &'static str,
    pub queue_cleared: &'static str,
    /// The queue module did not load (offline before it ever did).
    pub queue_unavailable: &'static str,
    pub in_transcripts: &'static str,
    pub previous_match: &'static str,
    pub next_match: &'static str,
    pub follow_along: &'static str,
    pub download_transcript: &'static str,
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
    /// When the audio's host ignores HTTP `Range` and a seek fell short.
    pub cannot_seek: &'static str,
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
    /// The month names, January first, as long dates write them.
    pub months: [&'static str; 12],
    /// Whether a long date puts the month before the day (`August 1, 2024`)
    /// rather than after it (`1 août 2024`); the year comes last either way.
    pub month_first: bool,
    /// What goes between the first and second, and the second and third
    /// parts of a long date: `". "` and `" "` for `1. August 2024`.
    pub date_separators: [&'static str; 2],
}
}

/// Reads the fields of one table in order, keeping the first error: one
/// small call per field, as this code ships in the app.
struct Reader<'a> {
    items: std::slice::Iter<'a, Json>,
    error: Option<String>,
}

impl<'a> Reader<'a> {
    #[inline(never)]
    fn next(&mut self) -> &'a Json {
        static MISSING: Json = Json::Null;
        self.items.next().unwrap_or_else(|| {
            self.error
                .get_or_insert_with(|| "the interface strings are missing words".into());
            &MISSING
        })
    }

    #[inline(never)]
    fn word(&mut self, j: &Json) -> &'static str {
        match j {
            Json::Str(t) => Box::leak(t.clone().into_boxed_str()),
            _ => {
                self.error
                    .get_or_insert_with(|| "the interface strings should be text".into());
                ""
            }
        }
    }
}

/// A field of [`Strings`] without words.
trait Blank {
    const BLANK: Self;
}

impl Blank for &'static str {
    const BLANK: Self = "";
}

impl<const N: usize> Blank for [&'static str; N] {
    const BLANK: Self = [""; N];
}

impl Blank for bool {
    const BLANK: Self = false;
}

/// A field of [`Strings`], read from the index into its place.
trait Read {
    fn read_into(r: &mut Reader, field: &mut Self);
}

impl Read for &'static str {
    #[inline(never)]
    fn read_into(r: &mut Reader, field: &mut Self) {
        let j = r.next();
        *field = r.word(j);
    }
}

impl<const N: usize> Read for [&'static str; N] {
    fn read_into(r: &mut Reader, words: &mut Self) {
        match r.next() {
            Json::Arr(items) if items.len() == N => {
                for (w, j) in words.iter_mut().zip(items) {
                    *w = r.word(j);
                }
            }
            _ => {
                r.error.get_or_insert_with(|| {
                    format!("the interface strings lack a list of {N} words")
                });
            }
        }
    }
}

impl Read for bool {
    fn read_into(r: &mut Reader, field: &mut Self) {
        *field = matches!(r.next(), Json::Bool(true));
    }
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
    season: "Season",
    trailer: "Trailer",
    bonus: "Bonus",
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
    results_for: "Showing results for",
    search_instead: "Search instead for",
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
    transcript: "Transcript",
    loading_transcript: "Loading the transcript…",
    transcript_error: "The transcript could not be loaded",
    find_in_transcript: "Find in the transcript",
    search_transcripts: "Search transcripts",
    embed: "Embed",
    embed_copied: "Embed code copied",
    listen_on: "Listen on",
    copy_feed: "Copy feed URL",
    feed_copied: "Feed URL copied",
    open_in_app: "Open in a podcast app",
    support: "Support the show",
    play_clip: "Play clip",
    play_whole: "Play the whole episode",
    start_clip: "Start a clip here",
    cancel_clip: "Cancel the clip",
    copy_clip: "Copy clip",
    sleep_timer: "Sleep timer",
    end_of_chapter: "End of chapter",
    end_of_episode: "End of episode",
    extend_sleep: "+5 minutes",
    cancel_sleep: "Turn off the timer",
    sleep_in: "Sleep in",
    play_next: "Play next",
    add_to_queue: "Add to queue",
    up_next: "Up next",
    queue_empty: "Nothing is queued",
    move_up: "Move up",
    move_down: "Move down",
    unqueue: "Remove from the queue",
    clear_queue: "Clear the queue",
    queued: "Added to the queue",
    unqueued: "Removed from the queue",
    queue_moved: "Moved to place",
    queue_cleared: "Queue cleared",
    queue_unavailable: "The queue could not be loaded. Try again.",
    in_transcripts: "In transcripts",
    previous_match: "Previous match",
    next_match: "Next match",
    follow_along: "Follow along",
    download_transcript: "Download the transcript",
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
    cannot_seek: "This episode’s audio server does not let players jump: it plays on from here.",
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
    months: [
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
    ],
    month_first: true,
    date_separators: [" ", ", "],
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
    season: "Saison",
    trailer: "Bande-annonce",
    bonus: "Bonus",
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
    results_for: "Résultats pour",
    search_instead: "Rechercher plutôt",
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
    transcript: "Transcription",
    loading_transcript: "Chargement de la transcription…",
    transcript_error: "La transcription n’a pas pu être chargée",
    find_in_transcript: "Chercher dans la transcription",
    search_transcripts: "Chercher dans les transcriptions",
    embed: "Intégrer",
    embed_copied: "Code d’intégration copié",
    listen_on: "Écouter sur",
    copy_feed: "Copier l’adresse du flux",
    feed_copied: "Adresse du flux copiée",
    open_in_app: "Ouvrir dans une app de podcasts",
    support: "Soutenir l’émission",
    play_clip: "Écouter l’extrait",
    play_whole: "Écouter tout l’épisode",
    start_clip: "Commencer un extrait ici",
    cancel_clip: "Annuler l’extrait",
    copy_clip: "Copier l’extrait",
    sleep_timer: "Minuteur de sommeil",
    end_of_chapter: "Fin du chapitre",
    end_of_episode: "Fin de l’épisode",
    extend_sleep: "+5 minutes",
    cancel_sleep: "Arrêter le minuteur",
    sleep_in: "Arrêt dans",
    play_next: "Lire ensuite",
    add_to_queue: "Ajouter à la file",
    up_next: "À suivre",
    queue_empty: "La file est vide",
    move_up: "Monter",
    move_down: "Descendre",
    unqueue: "Retirer de la file",
    clear_queue: "Vider la file",
    queued: "Ajouté à la file",
    unqueued: "Retiré de la file",
    queue_moved: "Déplacé en position",
    queue_cleared: "File vidée",
    queue_unavailable: "Impossible de charger la file. Réessayez.",
    in_transcripts: "Dans les transcriptions",
    previous_match: "Résultat précédent",
    next_match: "Résultat suivant",
    follow_along: "Suivre la lecture",
    download_transcript: "Télécharger la transcription",
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
    cannot_seek: "Le serveur audio de cet épisode ne permet pas de sauter : la lecture continue d’ici.",
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
    months: [
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
    ],
    month_first: false,
    date_separators: [" ", " "],
};

pub const DE: Strings = Strings {
    loading_episodes: "Folgen werden geladen…",
    loading_notes: "Shownotes werden geladen…",
    episodes_error: "Die Folgen konnten nicht geladen werden",
    notes_error: "Die Shownotes konnten nicht geladen werden",
    retry: "Erneut versuchen",
    not_found_title: "Seite nicht gefunden",
    not_found_body: "Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder der Link ist fehlerhaft.",
    back_home: "Zurück zu allen Folgen",
    offline: "Offline: Angezeigt wird, was auf diesem Gerät gespeichert ist",
    save_offline: "Offline speichern",
    saving_offline: "Wird offline gespeichert…",
    saved_offline: "Offline verfügbar",
    remove_offline: "Download entfernen",
    save_failed: "Diese Folge konnte nicht gespeichert werden",
    all_episodes: "Alle Folgen",
    breadcrumb: "Brotkrümelnavigation",
    pager: "Neuere und ältere Folgen",
    episode: "Folge",
    news: "News",
    download: "Herunterladen",
    watch_on_youtube: "Auf YouTube ansehen",
    older: "Ältere Folge",
    newer: "Neuere Folge",
    with: "Mit",
    guests: "Gäste:",
    episode_count: "Folgen",
    season: "Staffel",
    trailer: "Trailer",
    bonus: "Bonus",
    decimal: ",",
    thousands: ".",
    byte_units: ["B", "kB", "MB", "GB"],
    skip_to_content: "Zum Inhalt springen",
    crashed: "Etwas ist schiefgelaufen. Bitte die Seite neu laden, um fortzufahren.",
    subscribe: "Abonnieren (RSS)",
    search_label: "Folgen durchsuchen",
    search_placeholder: "Titel, Shownotes, Personen…",
    year: "Jahr",
    all_years: "Alle Jahre",
    person: "Person",
    everyone: "Alle",
    clear_filters: "Suche und Filter zurücksetzen",
    no_results: "Keine Folge passt zu dieser Suche.",
    no_results_hint: "Weniger oder kürzere Suchbegriffe verwenden oder die Filter zurücksetzen.",
    searching: "Suche läuft…",
    search_error: "Die Suche konnte nicht geladen werden",
    results_for: "Ergebnisse für",
    search_instead: "Stattdessen suchen nach",
    results_one: "1 Folge",
    episodes_of_person: "Folgen mit",
    play: "Abspielen",
    pause: "Pausieren",
    play_episode: "Folge abspielen",
    resume_at: "Weiterhören ab",
    start_at: "Abspielen ab",
    skip_back: "15 Sekunden zurück",
    skip_forward: "30 Sekunden vor",
    seek: "Position",
    speed: "Wiedergabegeschwindigkeit",
    volume: "Lautstärke",
    mute: "Stummschalten",
    unmute: "Ton einschalten",
    previous_chapter: "Vorheriges Kapitel",
    next_chapter: "Nächstes Kapitel",
    chapters: "Kapitel",
    transcript: "Transkript",
    loading_transcript: "Transkript wird geladen…",
    transcript_error: "Das Transkript konnte nicht geladen werden",
    find_in_transcript: "Im Transkript suchen",
    search_transcripts: "In Transkripten suchen",
    embed: "Einbetten",
    embed_copied: "Einbettungscode kopiert",
    listen_on: "Hören auf",
    copy_feed: "Feed-Adresse kopieren",
    feed_copied: "Feed-Adresse kopiert",
    open_in_app: "In einer Podcast-App öffnen",
    support: "Die Sendung unterstützen",
    play_clip: "Ausschnitt abspielen",
    play_whole: "Ganze Folge abspielen",
    start_clip: "Ausschnitt hier beginnen",
    cancel_clip: "Ausschnitt verwerfen",
    copy_clip: "Ausschnitt kopieren",
    sleep_timer: "Schlaftimer",
    end_of_chapter: "Ende des Kapitels",
    end_of_episode: "Ende der Folge",
    extend_sleep: "+5 Minuten",
    cancel_sleep: "Timer ausschalten",
    sleep_in: "Stopp in",
    play_next: "Als Nächstes abspielen",
    add_to_queue: "Zur Warteschlange hinzufügen",
    up_next: "Als Nächstes",
    queue_empty: "Die Warteschlange ist leer",
    move_up: "Nach oben",
    move_down: "Nach unten",
    unqueue: "Aus der Warteschlange entfernen",
    clear_queue: "Warteschlange leeren",
    queued: "Zur Warteschlange hinzugefügt",
    unqueued: "Aus der Warteschlange entfernt",
    queue_moved: "Verschoben auf Platz",
    queue_cleared: "Warteschlange geleert",
    queue_unavailable: "Die Warteschlange konnte nicht geladen werden. Bitte erneut versuchen.",
    in_transcripts: "In Transkripten",
    previous_match: "Vorheriger Treffer",
    next_match: "Nächster Treffer",
    follow_along: "Mitlesen",
    download_transcript: "Transkript herunterladen",
    played: "Gehört",
    in_progress: "Begonnen",
    mark_played: "Als gehört markieren",
    mark_unplayed: "Als nicht gehört markieren",
    continue_listening: "Weiterhören",
    copy_link_at: "Link kopieren ab",
    link_copied: "Link kopiert",
    now_playing: "Läuft gerade",
    player: "Audioplayer",
    audio_network_error: "Die Audiodatei konnte nicht geladen werden. Entweder fehlt sie, oder es besteht keine Netzwerkverbindung.",
    audio_decode_error: "Die Audiodatei ist beschädigt oder hat ein Format, das dieser Browser nicht abspielen kann.",
    audio_stalled: "Die Audiodatei lädt nicht weiter. Bitte die Verbindung prüfen.",
    cannot_seek: "Der Audioserver dieser Folge erlaubt kein Springen: Die Wiedergabe läuft von hier weiter.",
    shortcuts: "Tastenkürzel",
    close: "Schließen",
    key_play_pause: "Abspielen oder pausieren",
    key_seek_small: "5 Sekunden zurück oder vor",
    key_seek_big: "15 Sekunden zurück oder 30 vor",
    key_speed: "Langsamer oder schneller",
    key_mute: "Ton aus oder ein",
    key_jump: "Zu 0\u{a0}% … 90\u{a0}% der Folge springen",
    key_help: "Diese Liste anzeigen",
    of: "von",
    hour: "Stunde",
    hours: "Stunden",
    minute: "Minute",
    minutes: "Minuten",
    second: "Sekunde",
    seconds: "Sekunden",
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    month_first: false,
    date_separators: [". ", " "],
};

/// January in Austrian German (`de-AT`), as `Intl` writes it there.
const JANUARY_AT: &str = "Jänner";

pub const ES: Strings = Strings {
    loading_episodes: "Cargando episodios…",
    loading_notes: "Cargando las notas del episodio…",
    episodes_error: "No se pudieron cargar los episodios",
    notes_error: "No se pudieron cargar las notas del episodio",
    retry: "Reintentar",
    not_found_title: "Página no encontrada",
    not_found_body: "No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace esté mal escrito.",
    back_home: "Volver a todos los episodios",
    offline: "Sin conexión: se muestra lo que está guardado en este dispositivo",
    save_offline: "Guardar sin conexión",
    saving_offline: "Guardando sin conexión…",
    saved_offline: "Disponible sin conexión",
    remove_offline: "Eliminar descarga",
    save_failed: "No se pudo guardar este episodio",
    all_episodes: "Todos los episodios",
    breadcrumb: "Ruta de navegación",
    pager: "Episodios más recientes y más antiguos",
    episode: "Episodio",
    news: "Noticias",
    download: "Descargar",
    watch_on_youtube: "Ver en YouTube",
    older: "Más antiguo",
    newer: "Más reciente",
    with: "Con",
    guests: "Invitados:",
    episode_count: "episodios",
    season: "Temporada",
    trailer: "Tráiler",
    bonus: "Extra",
    decimal: ",",
    thousands: ".",
    byte_units: ["B", "kB", "MB", "GB"],
    skip_to_content: "Saltar al contenido",
    crashed: "Algo salió mal. Recarga la página para continuar.",
    subscribe: "Suscribirse (RSS)",
    search_label: "Buscar episodios",
    search_placeholder: "Títulos, notas, personas…",
    year: "Año",
    all_years: "Todos los años",
    person: "Persona",
    everyone: "Todos",
    clear_filters: "Borrar la búsqueda y los filtros",
    no_results: "Ningún episodio coincide con esta búsqueda.",
    no_results_hint: "Prueba con menos palabras o con palabras más cortas, o borra los filtros.",
    searching: "Buscando…",
    search_error: "No se pudo cargar la búsqueda",
    results_for: "Mostrando resultados de",
    search_instead: "Buscar en su lugar",
    results_one: "1 episodio",
    episodes_of_person: "Episodios con",
    play: "Reproducir",
    pause: "Pausar",
    play_episode: "Reproducir episodio",
    resume_at: "Reanudar en",
    start_at: "Empezar en",
    skip_back: "Retroceder 15 segundos",
    skip_forward: "Avanzar 30 segundos",
    seek: "Posición",
    speed: "Velocidad de reproducción",
    volume: "Volumen",
    mute: "Silenciar",
    unmute: "Activar sonido",
    previous_chapter: "Capítulo anterior",
    next_chapter: "Capítulo siguiente",
    chapters: "Capítulos",
    transcript: "Transcripción",
    loading_transcript: "Cargando la transcripción…",
    transcript_error: "No se pudo cargar la transcripción",
    find_in_transcript: "Buscar en la transcripción",
    search_transcripts: "Buscar en las transcripciones",
    embed: "Insertar",
    embed_copied: "Código para insertar copiado",
    listen_on: "Escuchar en",
    copy_feed: "Copiar la dirección del feed",
    feed_copied: "Dirección del feed copiada",
    open_in_app: "Abrir en una app de pódcasts",
    support: "Apoyar el programa",
    play_clip: "Reproducir el fragmento",
    play_whole: "Reproducir el episodio completo",
    start_clip: "Empezar un fragmento aquí",
    cancel_clip: "Cancelar el fragmento",
    copy_clip: "Copiar el fragmento",
    sleep_timer: "Temporizador",
    end_of_chapter: "Fin del capítulo",
    end_of_episode: "Fin del episodio",
    extend_sleep: "+5 minutos",
    cancel_sleep: "Apagar el temporizador",
    sleep_in: "Se detiene en",
    play_next: "Reproducir a continuación",
    add_to_queue: "Añadir a la cola",
    up_next: "A continuación",
    queue_empty: "La cola está vacía",
    move_up: "Subir",
    move_down: "Bajar",
    unqueue: "Quitar de la cola",
    clear_queue: "Vaciar la cola",
    queued: "Añadido a la cola",
    unqueued: "Quitado de la cola",
    queue_moved: "Movido a la posición",
    queue_cleared: "Cola vaciada",
    queue_unavailable: "No se pudo cargar la cola. Inténtalo de nuevo.",
    in_transcripts: "En las transcripciones",
    previous_match: "Resultado anterior",
    next_match: "Resultado siguiente",
    follow_along: "Seguir la reproducción",
    download_transcript: "Descargar la transcripción",
    played: "Escuchado",
    in_progress: "En curso",
    mark_played: "Marcar como escuchado",
    mark_unplayed: "Marcar como no escuchado",
    continue_listening: "Seguir escuchando",
    copy_link_at: "Copiar enlace desde",
    link_copied: "Enlace copiado",
    now_playing: "Reproduciendo ahora",
    player: "Reproductor de audio",
    audio_network_error: "No se pudo cargar el archivo de audio: no existe o no hay conexión a la red.",
    audio_decode_error: "El archivo de audio está dañado o tiene un formato que este navegador no puede reproducir.",
    audio_stalled: "El audio dejó de cargarse. Comprueba tu conexión.",
    cannot_seek: "El servidor de audio de este episodio no permite saltar: la reproducción sigue desde aquí.",
    shortcuts: "Atajos de teclado",
    close: "Cerrar",
    key_play_pause: "Reproducir o pausar",
    key_seek_small: "Retroceder o avanzar 5 segundos",
    key_seek_big: "Retroceder 15 o avanzar 30 segundos",
    key_speed: "Más lento o más rápido",
    key_mute: "Silenciar o activar el sonido",
    key_jump: "Ir al 0\u{a0}% … 90\u{a0}% del episodio",
    key_help: "Mostrar esta lista",
    of: "de",
    hour: "hora",
    hours: "horas",
    minute: "minuto",
    minutes: "minutos",
    second: "segundo",
    seconds: "segundos",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    month_first: false,
    date_separators: [" de ", " de "],
};

pub const SV: Strings = Strings {
    loading_episodes: "Läser in avsnitt…",
    loading_notes: "Läser in avsnittsanteckningar…",
    episodes_error: "Avsnitten kunde inte läsas in",
    notes_error: "Avsnittsanteckningarna kunde inte läsas in",
    retry: "Försök igen",
    not_found_title: "Sidan hittades inte",
    not_found_body: "Det finns ingen sida på den här adressen. Den kan ha flyttats, eller så är länken felskriven.",
    back_home: "Tillbaka till alla avsnitt",
    offline: "Offline: visar det som har sparats på den här enheten",
    save_offline: "Spara offline",
    saving_offline: "Sparar offline…",
    saved_offline: "Tillgängligt offline",
    remove_offline: "Ta bort nedladdning",
    save_failed: "Det gick inte att spara avsnittet",
    all_episodes: "Alla avsnitt",
    breadcrumb: "Länkstig",
    pager: "Nyare och äldre avsnitt",
    episode: "Avsnitt",
    news: "Nyheter",
    download: "Ladda ned",
    watch_on_youtube: "Se på YouTube",
    older: "Äldre avsnitt",
    newer: "Nyare avsnitt",
    with: "Med",
    guests: "Gäster:",
    episode_count: "avsnitt",
    season: "Säsong",
    trailer: "Trailer",
    bonus: "Bonus",
    decimal: ",",
    // A no-break space, as CLDR groups Swedish digits.
    thousands: "\u{a0}",
    byte_units: ["B", "kB", "MB", "GB"],
    skip_to_content: "Hoppa till innehållet",
    crashed: "Något gick fel. Ladda om sidan för att fortsätta.",
    subscribe: "Prenumerera (RSS)",
    search_label: "Sök bland avsnitten",
    search_placeholder: "Titlar, anteckningar, personer…",
    year: "År",
    all_years: "Alla år",
    person: "Person",
    everyone: "Alla",
    clear_filters: "Rensa sökning och filter",
    no_results: "Inga avsnitt matchar sökningen.",
    no_results_hint: "Prova färre eller kortare ord, eller rensa filtren.",
    searching: "Söker…",
    search_error: "Sökningen kunde inte läsas in",
    results_for: "Visar resultat för",
    search_instead: "Sök i stället efter",
    results_one: "1 avsnitt",
    episodes_of_person: "Avsnitt med",
    play: "Spela",
    pause: "Pausa",
    play_episode: "Spela avsnittet",
    resume_at: "Fortsätt från",
    start_at: "Spela från",
    skip_back: "Bakåt 15 sekunder",
    skip_forward: "Framåt 30 sekunder",
    seek: "Position",
    speed: "Uppspelningshastighet",
    volume: "Volym",
    mute: "Stäng av ljudet",
    unmute: "Slå på ljudet",
    previous_chapter: "Föregående kapitel",
    next_chapter: "Nästa kapitel",
    chapters: "Kapitel",
    transcript: "Transkription",
    loading_transcript: "Laddar transkriptionen…",
    transcript_error: "Transkriptionen kunde inte laddas",
    find_in_transcript: "Sök i transkriptionen",
    search_transcripts: "Sök i transkriptioner",
    embed: "Bädda in",
    embed_copied: "Inbäddningskoden har kopierats",
    listen_on: "Lyssna på",
    copy_feed: "Kopiera flödets adress",
    feed_copied: "Flödets adress har kopierats",
    open_in_app: "Öppna i en poddapp",
    support: "Stöd podden",
    play_clip: "Spela klippet",
    play_whole: "Spela hela avsnittet",
    start_clip: "Börja ett klipp här",
    cancel_clip: "Avbryt klippet",
    copy_clip: "Kopiera klippet",
    sleep_timer: "Sovtimer",
    end_of_chapter: "Kapitlets slut",
    end_of_episode: "Avsnittets slut",
    extend_sleep: "+5 minuter",
    cancel_sleep: "Stäng av timern",
    sleep_in: "Stannar om",
    play_next: "Spela härnäst",
    add_to_queue: "Lägg till i kön",
    up_next: "Härnäst",
    queue_empty: "Kön är tom",
    move_up: "Flytta upp",
    move_down: "Flytta ner",
    unqueue: "Ta bort från kön",
    clear_queue: "Töm kön",
    queued: "Tillagd i kön",
    unqueued: "Borttagen från kön",
    queue_moved: "Flyttad till plats",
    queue_cleared: "Kön tömd",
    queue_unavailable: "Kön kunde inte laddas. Försök igen.",
    in_transcripts: "I transkriptioner",
    previous_match: "Föregående träff",
    next_match: "Nästa träff",
    follow_along: "Följ med",
    download_transcript: "Ladda ner transkriptionen",
    played: "Lyssnat",
    in_progress: "Påbörjat",
    mark_played: "Markera som lyssnat",
    mark_unplayed: "Markera som ej lyssnat",
    continue_listening: "Fortsätt lyssna",
    copy_link_at: "Kopiera länk från",
    link_copied: "Länken har kopierats",
    now_playing: "Spelas nu",
    player: "Ljudspelare",
    audio_network_error: "Ljudfilen kunde inte läsas in: den saknas eller så är nätverket nere.",
    audio_decode_error: "Ljudfilen är skadad eller i ett format som den här webbläsaren inte kan spela upp.",
    audio_stalled: "Ljudet slutade läsas in. Kontrollera din anslutning.",
    cannot_seek: "Avsnittets ljudserver tillåter inte hopp: uppspelningen fortsätter härifrån.",
    shortcuts: "Kortkommandon",
    close: "Stäng",
    key_play_pause: "Spela eller pausa",
    key_seek_small: "Bakåt eller framåt 5 sekunder",
    key_seek_big: "Bakåt 15 eller framåt 30 sekunder",
    key_speed: "Långsammare eller snabbare",
    key_mute: "Stäng av eller slå på ljudet",
    key_jump: "Hoppa till 0\u{a0}% … 90\u{a0}% av avsnittet",
    key_help: "Visa den här listan",
    of: "av",
    hour: "timme",
    hours: "timmar",
    minute: "minut",
    minutes: "minuter",
    second: "sekund",
    seconds: "sekunder",
    months: [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    month_first: false,
    date_separators: [" ", " "],
};

pub const IT: Strings = Strings {
    loading_episodes: "Caricamento degli episodi…",
    loading_notes: "Caricamento delle note dell’episodio…",
    episodes_error: "Impossibile caricare gli episodi",
    notes_error: "Impossibile caricare le note dell’episodio",
    retry: "Riprova",
    not_found_title: "Pagina non trovata",
    not_found_body: "A questo indirizzo non c’è nessuna pagina. Potrebbe essere stata spostata, oppure il link contiene un errore.",
    back_home: "Torna a tutti gli episodi",
    offline: "Offline: vengono mostrati i contenuti salvati su questo dispositivo",
    save_offline: "Salva offline",
    saving_offline: "Salvataggio offline…",
    saved_offline: "Disponibile offline",
    remove_offline: "Rimuovi download",
    save_failed: "Impossibile salvare questo episodio",
    all_episodes: "Tutti gli episodi",
    breadcrumb: "Percorso di navigazione",
    pager: "Episodi più recenti e meno recenti",
    episode: "Episodio",
    news: "Notizie",
    download: "Scarica",
    watch_on_youtube: "Guarda su YouTube",
    older: "Meno recente",
    newer: "Più recente",
    with: "Con",
    guests: "Ospiti:",
    episode_count: "episodi",
    season: "Stagione",
    trailer: "Trailer",
    bonus: "Bonus",
    decimal: ",",
    thousands: ".",
    byte_units: ["B", "kB", "MB", "GB"],
    skip_to_content: "Vai al contenuto",
    crashed: "Si è verificato un errore. Ricarica la pagina per continuare.",
    subscribe: "Iscriviti (RSS)",
    search_label: "Cerca negli episodi",
    search_placeholder: "Titoli, note, persone…",
    year: "Anno",
    all_years: "Tutti gli anni",
    person: "Persona",
    everyone: "Tutti",
    clear_filters: "Cancella ricerca e filtri",
    no_results: "Nessun episodio corrisponde a questa ricerca.",
    no_results_hint: "Prova con meno parole o con parole più brevi, oppure cancella i filtri.",
    searching: "Ricerca in corso…",
    search_error: "Impossibile caricare la ricerca",
    results_for: "Risultati per",
    search_instead: "Cerca invece",
    results_one: "1 episodio",
    episodes_of_person: "Episodi con",
    play: "Riproduci",
    pause: "Pausa",
    play_episode: "Riproduci l’episodio",
    resume_at: "Riprendi da",
    start_at: "Inizia da",
    skip_back: "Indietro di 15 secondi",
    skip_forward: "Avanti di 30 secondi",
    seek: "Posizione",
    speed: "Velocità di riproduzione",
    volume: "Volume",
    mute: "Disattiva audio",
    unmute: "Riattiva audio",
    previous_chapter: "Capitolo precedente",
    next_chapter: "Capitolo successivo",
    chapters: "Capitoli",
    transcript: "Trascrizione",
    loading_transcript: "Caricamento della trascrizione…",
    transcript_error: "Impossibile caricare la trascrizione",
    find_in_transcript: "Cerca nella trascrizione",
    search_transcripts: "Cerca nelle trascrizioni",
    embed: "Incorpora",
    embed_copied: "Codice da incorporare copiato",
    listen_on: "Ascolta su",
    copy_feed: "Copia l’indirizzo del feed",
    feed_copied: "Indirizzo del feed copiato",
    open_in_app: "Apri in un’app di podcast",
    support: "Sostieni il programma",
    play_clip: "Riproduci la clip",
    play_whole: "Riproduci l’intero episodio",
    start_clip: "Inizia una clip qui",
    cancel_clip: "Annulla la clip",
    copy_clip: "Copia la clip",
    sleep_timer: "Timer di spegnimento",
    end_of_chapter: "Fine del capitolo",
    end_of_episode: "Fine dell’episodio",
    extend_sleep: "+5 minuti",
    cancel_sleep: "Disattiva il timer",
    sleep_in: "Si ferma tra",
    play_next: "Riproduci dopo",
    add_to_queue: "Aggiungi alla coda",
    up_next: "A seguire",
    queue_empty: "La coda è vuota",
    move_up: "Sposta su",
    move_down: "Sposta giù",
    unqueue: "Rimuovi dalla coda",
    clear_queue: "Svuota la coda",
    queued: "Aggiunto alla coda",
    unqueued: "Rimosso dalla coda",
    queue_moved: "Spostato alla posizione",
    queue_cleared: "Coda svuotata",
    queue_unavailable: "Impossibile caricare la coda. Riprova.",
    in_transcripts: "Nelle trascrizioni",
    previous_match: "Risultato precedente",
    next_match: "Risultato successivo",
    follow_along: "Segui la riproduzione",
    download_transcript: "Scarica la trascrizione",
    played: "Ascoltato",
    in_progress: "In corso",
    mark_played: "Segna come ascoltato",
    mark_unplayed: "Segna come non ascoltato",
    continue_listening: "Continua ad ascoltare",
    copy_link_at: "Copia link da",
    link_copied: "Link copiato",
    now_playing: "In riproduzione",
    player: "Lettore audio",
    audio_network_error: "Impossibile caricare il file audio: non esiste oppure la rete non è disponibile.",
    audio_decode_error: "Il file audio è danneggiato o in un formato che questo browser non riesce a riprodurre.",
    audio_stalled: "Il caricamento dell’audio si è interrotto. Controlla la connessione.",
    cannot_seek: "Il server audio di questo episodio non consente di saltare: la riproduzione continua da qui.",
    shortcuts: "Scorciatoie da tastiera",
    close: "Chiudi",
    key_play_pause: "Riproduci o metti in pausa",
    key_seek_small: "Indietro o avanti di 5 secondi",
    key_seek_big: "Indietro di 15 o avanti di 30 secondi",
    key_speed: "Più lento o più veloce",
    key_mute: "Disattiva o riattiva l’audio",
    key_jump: "Vai allo 0% … 90% dell’episodio",
    key_help: "Mostra questo elenco",
    of: "di",
    hour: "ora",
    hours: "ore",
    minute: "minuto",
    minutes: "minuti",
    second: "secondo",
    seconds: "secondi",
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    month_first: false,
    date_separators: [" ", " "],
};

pub const NL: Strings = Strings {
    loading_episodes: "Afleveringen laden…",
    loading_notes: "Shownotes laden…",
    episodes_error: "De afleveringen konden niet worden geladen",
    notes_error: "De shownotes konden niet worden geladen",
    retry: "Opnieuw proberen",
    not_found_title: "Pagina niet gevonden",
    not_found_body: "Er staat geen pagina op dit adres. Misschien is de pagina verplaatst, of bevat de link een typfout.",
    back_home: "Terug naar alle afleveringen",
    offline: "Offline: je ziet wat er op dit apparaat is opgeslagen",
    save_offline: "Offline opslaan",
    saving_offline: "Offline opslaan…",
    saved_offline: "Offline beschikbaar",
    remove_offline: "Download verwijderen",
    save_failed: "Deze aflevering kon niet worden opgeslagen",
    all_episodes: "Alle afleveringen",
    breadcrumb: "Kruimelpad",
    pager: "Nieuwere en oudere afleveringen",
    episode: "Aflevering",
    news: "Nieuws",
    download: "Downloaden",
    watch_on_youtube: "Bekijken op YouTube",
    older: "Oudere aflevering",
    newer: "Nieuwere aflevering",
    with: "Met",
    guests: "Gasten:",
    episode_count: "afleveringen",
    season: "Seizoen",
    trailer: "Trailer",
    bonus: "Bonus",
    decimal: ",",
    thousands: ".",
    byte_units: ["B", "kB", "MB", "GB"],
    skip_to_content: "Direct naar de inhoud",
    crashed: "Er is iets misgegaan. Laad de pagina opnieuw om verder te gaan.",
    subscribe: "Abonneren (RSS)",
    search_label: "Afleveringen doorzoeken",
    search_placeholder: "Titels, shownotes, personen…",
    year: "Jaar",
    all_years: "Alle jaren",
    person: "Persoon",
    everyone: "Iedereen",
    clear_filters: "Zoekopdracht en filters wissen",
    no_results: "Geen afleveringen gevonden voor deze zoekopdracht.",
    no_results_hint: "Probeer minder of kortere woorden, of wis de filters.",
    searching: "Zoeken…",
    search_error: "De zoekfunctie kon niet worden geladen",
    results_for: "Resultaten voor",
    search_instead: "Zoek in plaats daarvan naar",
    results_one: "1 aflevering",
    episodes_of_person: "Afleveringen met",
    play: "Afspelen",
    pause: "Pauzeren",
    play_episode: "Aflevering afspelen",
    resume_at: "Verder luisteren vanaf",
    start_at: "Afspelen vanaf",
    skip_back: "15 seconden terug",
    skip_forward: "30 seconden vooruit",
    seek: "Positie",
    speed: "Afspeelsnelheid",
    volume: "Volume",
    mute: "Dempen",
    unmute: "Dempen opheffen",
    previous_chapter: "Vorig hoofdstuk",
    next_chapter: "Volgend hoofdstuk",
    chapters: "Hoofdstukken",
    transcript: "Transcript",
    loading_transcript: "Transcript laden…",
    transcript_error: "Het transcript kon niet worden geladen",
    find_in_transcript: "Zoeken in het transcript",
    search_transcripts: "Zoeken in transcripties",
    embed: "Insluiten",
    embed_copied: "Insluitcode gekopieerd",
    listen_on: "Luister via",
    copy_feed: "Feedadres kopiëren",
    feed_copied: "Feedadres gekopieerd",
    open_in_app: "Openen in een podcastapp",
    support: "Steun de show",
    play_clip: "Fragment afspelen",
    play_whole: "De hele aflevering afspelen",
    start_clip: "Hier een fragment beginnen",
    cancel_clip: "Fragment annuleren",
    copy_clip: "Fragment kopiëren",
    sleep_timer: "Slaaptimer",
    end_of_chapter: "Einde van het hoofdstuk",
    end_of_episode: "Einde van de aflevering",
    extend_sleep: "+5 minuten",
    cancel_sleep: "Timer uitzetten",
    sleep_in: "Stopt over",
    play_next: "Hierna afspelen",
    add_to_queue: "Aan wachtrij toevoegen",
    up_next: "Hierna",
    queue_empty: "De wachtrij is leeg",
    move_up: "Omhoog",
    move_down: "Omlaag",
    unqueue: "Uit de wachtrij verwijderen",
    clear_queue: "Wachtrij wissen",
    queued: "Aan de wachtrij toegevoegd",
    unqueued: "Uit de wachtrij verwijderd",
    queue_moved: "Verplaatst naar plaats",
    queue_cleared: "Wachtrij gewist",
    queue_unavailable: "De wachtrij kon niet worden geladen. Probeer het opnieuw.",
    in_transcripts: "In transcripties",
    previous_match: "Vorige treffer",
    next_match: "Volgende treffer",
    follow_along: "Meelezen",
    download_transcript: "Transcript downloaden",
    played: "Beluisterd",
    in_progress: "Begonnen",
    mark_played: "Markeren als beluisterd",
    mark_unplayed: "Markeren als niet beluisterd",
    continue_listening: "Verder luisteren",
    copy_link_at: "Link kopiëren vanaf",
    link_copied: "Link gekopieerd",
    now_playing: "Wordt nu afgespeeld",
    player: "Audiospeler",
    audio_network_error: "Het audiobestand kon niet worden geladen: het ontbreekt of er is geen netwerkverbinding.",
    audio_decode_error: "Het audiobestand is beschadigd of heeft een indeling die deze browser niet kan afspelen.",
    audio_stalled: "Het laden van de audio is gestopt. Controleer je verbinding.",
    cannot_seek: "De audioserver van deze aflevering staat springen niet toe: het afspelen gaat hier verder.",
    shortcuts: "Sneltoetsen",
    close: "Sluiten",
    key_play_pause: "Afspelen of pauzeren",
    key_seek_small: "5 seconden terug of vooruit",
    key_seek_big: "15 seconden terug of 30 vooruit",
    key_speed: "Langzamer of sneller",
    key_mute: "Dempen of dempen opheffen",
    key_jump: "Naar 0% … 90% van de aflevering springen",
    key_help: "Deze lijst tonen",
    of: "van",
    hour: "uur",
    hours: "uur",
    minute: "minuut",
    minutes: "minuten",
    second: "seconde",
    seconds: "seconden",
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    month_first: false,
    date_separators: [" ", " "],
};

pub const PT: Strings = Strings {
    loading_episodes: "Carregando episódios…",
    loading_notes: "Carregando as notas do episódio…",
    episodes_error: "Não foi possível carregar os episódios",
    notes_error: "Não foi possível carregar as notas do episódio",
    retry: "Tentar novamente",
    not_found_title: "Página não encontrada",
    not_found_body: "Não existe nenhuma página neste endereço. Talvez ela tenha sido movida, ou o link esteja incorreto.",
    back_home: "Voltar para todos os episódios",
    offline: "Offline: mostrando o que está salvo neste dispositivo",
    save_offline: "Salvar offline",
    saving_offline: "Salvando offline…",
    saved_offline: "Disponível offline",
    remove_offline: "Remover download",
    save_failed: "Não foi possível salvar este episódio",
    all_episodes: "Todos os episódios",
    breadcrumb: "Trilha de navegação",
    pager: "Episódios mais recentes e mais antigos",
    episode: "Episódio",
    news: "Notícias",
    download: "Baixar",
    watch_on_youtube: "Ver no YouTube",
    older: "Mais antigo",
    newer: "Mais recente",
    with: "Com",
    guests: "Convidados:",
    episode_count: "episódios",
    season: "Temporada",
    trailer: "Trailer",
    bonus: "Bônus",
    decimal: ",",
    thousands: ".",
    byte_units: ["B", "kB", "MB", "GB"],
    skip_to_content: "Ir para o conteúdo",
    crashed: "Ocorreu um erro. Recarregue a página para continuar.",
    subscribe: "Assinar (RSS)",
    search_label: "Pesquisar episódios",
    search_placeholder: "Títulos, notas, pessoas…",
    year: "Ano",
    all_years: "Todos os anos",
    person: "Pessoa",
    everyone: "Todos",
    clear_filters: "Limpar pesquisa e filtros",
    no_results: "Nenhum episódio corresponde a esta pesquisa.",
    no_results_hint: "Tente usar menos palavras ou palavras mais curtas, ou limpe os filtros.",
    searching: "Pesquisando…",
    search_error: "Não foi possível carregar a pesquisa",
    results_for: "Mostrando resultados para",
    search_instead: "Pesquisar em vez disso por",
    results_one: "1 episódio",
    episodes_of_person: "Episódios com",
    play: "Reproduzir",
    pause: "Pausar",
    play_episode: "Reproduzir episódio",
    resume_at: "Continuar em",
    start_at: "Começar em",
    skip_back: "Voltar 15 segundos",
    skip_forward: "Avançar 30 segundos",
    seek: "Posição",
    speed: "Velocidade de reprodução",
    volume: "Volume",
    mute: "Silenciar",
    unmute: "Ativar som",
    previous_chapter: "Capítulo anterior",
    next_chapter: "Próximo capítulo",
    chapters: "Capítulos",
    transcript: "Transcrição",
    loading_transcript: "Carregando a transcrição…",
    transcript_error: "Não foi possível carregar a transcrição",
    find_in_transcript: "Procurar na transcrição",
    search_transcripts: "Pesquisar nas transcrições",
    embed: "Incorporar",
    embed_copied: "Código de incorporação copiado",
    listen_on: "Ouvir no",
    copy_feed: "Copiar o endereço do feed",
    feed_copied: "Endereço do feed copiado",
    open_in_app: "Abrir num app de podcasts",
    support: "Apoiar o programa",
    play_clip: "Reproduzir o excerto",
    play_whole: "Reproduzir o episódio completo",
    start_clip: "Começar um excerto aqui",
    cancel_clip: "Cancelar o excerto",
    copy_clip: "Copiar o excerto",
    sleep_timer: "Temporizador",
    end_of_chapter: "Fim do capítulo",
    end_of_episode: "Fim do episódio",
    extend_sleep: "+5 minutos",
    cancel_sleep: "Desligar o temporizador",
    sleep_in: "Para em",
    play_next: "Reproduzir a seguir",
    add_to_queue: "Adicionar à fila",
    up_next: "A seguir",
    queue_empty: "A fila está vazia",
    move_up: "Mover para cima",
    move_down: "Mover para baixo",
    unqueue: "Remover da fila",
    clear_queue: "Limpar a fila",
    queued: "Adicionado à fila",
    unqueued: "Removido da fila",
    queue_moved: "Movido para a posição",
    queue_cleared: "Fila limpa",
    queue_unavailable: "Não foi possível carregar a fila. Tente novamente.",
    in_transcripts: "Nas transcrições",
    previous_match: "Resultado anterior",
    next_match: "Próximo resultado",
    follow_along: "Acompanhar",
    download_transcript: "Baixar a transcrição",
    played: "Ouvido",
    in_progress: "Em andamento",
    mark_played: "Marcar como ouvido",
    mark_unplayed: "Marcar como não ouvido",
    continue_listening: "Continuar ouvindo",
    copy_link_at: "Copiar link a partir de",
    link_copied: "Link copiado",
    now_playing: "Tocando agora",
    player: "Reprodutor de áudio",
    audio_network_error: "Não foi possível carregar o arquivo de áudio: ele não existe ou a rede está fora do ar.",
    audio_decode_error: "O arquivo de áudio está danificado ou em um formato que este navegador não consegue reproduzir.",
    audio_stalled: "O áudio parou de carregar. Verifique a sua conexão.",
    cannot_seek: "O servidor de áudio deste episódio não permite saltar: a reprodução continua daqui.",
    shortcuts: "Atalhos de teclado",
    close: "Fechar",
    key_play_pause: "Reproduzir ou pausar",
    key_seek_small: "Voltar ou avançar 5 segundos",
    key_seek_big: "Voltar 15 ou avançar 30 segundos",
    key_speed: "Mais lento ou mais rápido",
    key_mute: "Silenciar ou ativar o som",
    key_jump: "Ir para 0% … 90% do episódio",
    key_help: "Mostrar esta lista",
    of: "de",
    hour: "hora",
    hours: "horas",
    minute: "minuto",
    minutes: "minutos",
    second: "segundo",
    seconds: "segundos",
    months: [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    month_first: false,
    date_separators: [" de ", " de "],
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

/// The table for a BCP 47 language tag (`fr`, `fr-CA`, `pt-BR`…); English
/// for a language without a table here. The browser has the table that
/// came with the index, whatever its language ([`register`]); before it
/// came, only the words of the index's own failure ([`BEFORE_INDEX`]).
pub fn strings(language: &str) -> &'static Strings {
    known(language).unwrap_or_else(unknown)
}

/// The site's table: in the browser, the one its index brought (see
/// [`register`]; before the index, the few words the browser carries);
/// natively, English. For code with no language at hand.
pub fn site_strings() -> &'static Strings {
    unknown()
}

#[cfg(not(target_arch = "wasm32"))]
fn unknown() -> &'static Strings {
    &EN
}

#[cfg(target_arch = "wasm32")]
fn unknown() -> &'static Strings {
    LOADED.get().map_or(&BEFORE_INDEX, |(_, t)| t)
}

/// The browser's words until the index brings the site's table: the app
/// draws nothing before the index is read (see `ui::start`), so what it
/// can show is the index's failure, or a crash. English, as for a language
/// without a table; the rest would cost every listener their bytes.
#[cfg(target_arch = "wasm32")]
const BEFORE_INDEX: Strings = Strings {
    episodes_error: EN.episodes_error,
    retry: EN.retry,
    crashed: EN.crashed,
    ..Strings::BLANK
};

/// The languages with a table here, by primary subtag. A language is added
/// here, in [`TABLES`] at the same place, and in its table above.
const LANGUAGES: [&str; 8] = ["en", "fr", "de", "es", "sv", "it", "nl", "pt"];

/// The tables, in the order of [`LANGUAGES`]. The browser carries none:
/// the site's own comes with its index ([`register`]), so no listener
/// downloads a language they do not read.
#[cfg(not(target_arch = "wasm32"))]
static TABLES: [&Strings; LANGUAGES.len()] = [&EN, &FR, &DE, &ES, &SV, &IT, &NL, &PT];

/// What notes rendered in the browser from the episode's Markdown say of
/// themselves (see `core::source`), in `language`; English for a
/// language without a table. Only the Markdown module carries these.
#[cfg(pipeline)]
pub fn rendered_here(language: &str) -> &'static str {
    const SAID: [&str; LANGUAGES.len()] = [
        "These notes were rendered on this device, from the episode’s Markdown file.",
        "Ces notes ont été mises en forme sur cet appareil, à partir du fichier Markdown de l’épisode.",
        "Diese Shownotes wurden auf diesem Gerät aus der Markdown-Datei der Folge erstellt.",
        "Estas notas se han generado en este dispositivo, a partir del archivo Markdown del episodio.",
        "Anteckningarna skapades på den här enheten, från avsnittets Markdown-fil.",
        "Queste note sono state generate su questo dispositivo, dal file Markdown dell’episodio.",
        "Deze shownotes zijn op dit apparaat gemaakt, uit het Markdown-bestand van de aflevering.",
        "Estas notas foram geradas neste dispositivo, a partir do ficheiro Markdown do episódio.",
    ];
    SAID[place(language).unwrap_or(0)]
}

/// What the link after an episode's notes to its file says, in
/// `language` (English for a language without a table): `[edit, view]`,
/// the first for a file in the site's repository, the second for the
/// Markdown the site publishes. Only the build and the Markdown module
/// carry these.
#[cfg(pipeline)]
pub fn source_link_text(language: &str) -> [&'static str; 2] {
    const SAID: [[&str; 2]; LANGUAGES.len()] = [
        ["Edit this page", "View source"],
        ["Modifier cette page", "Voir la source"],
        ["Diese Seite bearbeiten", "Quelltext anzeigen"],
        ["Editar esta página", "Ver el código fuente"],
        ["Redigera den här sidan", "Visa källan"],
        ["Modifica questa pagina", "Visualizza il sorgente"],
        ["Deze pagina bewerken", "Bron bekijken"],
        ["Editar esta página", "Ver o código-fonte"],
    ];
    SAID[place(language).unwrap_or(0)]
}

/// Where `language` is in [`LANGUAGES`]; an empty tag is English.
fn place(language: &str) -> Option<usize> {
    let primary = primary_subtag(language);
    if primary.is_empty() {
        return Some(0);
    }
    LANGUAGES
        .iter()
        .position(|tag| primary.eq_ignore_ascii_case(tag))
}

/// Which table a tag names, if any: one this build carries, or the one
/// that came with the index. Without allocating: it runs for every card
/// the listing draws.
fn known(language: &str) -> Option<&'static Strings> {
    let place = place(language)?;
    carried(place).or_else(|| {
        let primary = primary_subtag(language);
        LOADED
            .get()
            .filter(|(tag, _)| primary.eq_ignore_ascii_case(tag))
            .map(|(_, t)| t)
    })
}

/// The table at `place` of [`LANGUAGES`], if this build carries it.
#[cfg(not(target_arch = "wasm32"))]
fn carried(place: usize) -> Option<&'static Strings> {
    Some(TABLES[place])
}

#[cfg(target_arch = "wasm32")]
fn carried(_: usize) -> Option<&'static Strings> {
    None
}

/// The table that came with the index, and its primary language subtag.
static LOADED: std::sync::OnceLock<(String, Strings)> = std::sync::OnceLock::new();

/// Makes `table` the one for `language` (the browser calls it with the
/// table the index carries); the first registration stands.
pub fn register(language: &str, table: Strings) {
    let _ = LOADED.set((primary_subtag(language).to_ascii_lowercase(), table));
}

/// The table the index carries for the site's language: its own, else
/// English words. The browser carries no table.
pub fn table_for_index(language: &str) -> &'static Strings {
    known(language).unwrap_or(&EN)
}

/// A language as the site settings write it, in BCP 47's form
/// ([RFC 5646](https://www.rfc-editor.org/rfc/rfc5646#section-2.1)):
/// Jekyll's and many a CMS's `en_US` becomes `en-US`, as the feed's
/// `<language>`, `<html lang>` and podcast directories want it.
pub fn language_tag(raw: &str) -> String {
    raw.trim().replace('_', "-")
}

/// Whether `tag` has the shape of a BCP 47 tag: a primary language subtag
/// of two or three letters (ISO 639), then subtags of one to eight letters
/// or digits. `English` and `en US` do not.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `pt` for `pt-BR`, `de` for `de_AT`.
fn primary_subtag(language: &str) -> &str {
    language.split(['-', '_']).next().unwrap_or("")
}

/// Whether `language` has an interface table here. For the others
/// [`strings`] gives English words and [`long_date`] leaves dates to the
/// browser, so the indexer can warn: language `xx` has no interface table;
/// English words are used. An empty tag counts as English.
pub fn is_known(language: &str) -> bool {
    known(language).is_some()
}

/// A date in the long style of `Intl.DateTimeFormat` (`August 1, 2024`,
/// `1 août 2024`, `1. August 2024`, `1 de agosto de 2024`…) for the
/// languages with a table here; `None` for others, which the browser's
/// `Intl` formats. Formatting these here keeps the static pages and the app
/// alike, and spares the app `Intl`'s first use, which loads locale data in
/// one long task (30 to 50 ms on a slow phone).
pub fn long_date(d: super::date::Date, language: &str) -> Option<String> {
    let t = known(language)?;
    let month = if d.month == 1 && is_austrian_german(language) {
        JANUARY_AT
    } else {
        t.months[usize::from(d.month.clamp(1, 12) - 1)]
    };
    let [first, second] = t.date_separators;
    Some(if t.month_first {
        format!("{month}{first}{}{second}{}", d.day, d.year)
    } else {
        format!("{}{first}{month}{second}{}", d.day, d.year)
    })
}

/// `de-AT`, `de_AT`, `de-Latn-AT`…: Austria writes January `Jänner`.
fn is_austrian_german(language: &str) -> bool {
    let mut subtags = language.split(['-', '_']);
    subtags.next().is_some_and(|p| p.eq_ignore_ascii_case("de"))
        && subtags.any(|s| s.eq_ignore_ascii_case("at"))
}

/// Whether [`long_date`] formats dates in `language`, in the browser once
/// the index has brought its table: the languages with a table here.
pub fn formats_dates(language: &str) -> bool {
    place(language).is_some()
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
    fn can_read_language_tags_as_settings_write_them() {
        for (raw, tag, valid) in [
            ("fr", "fr", true),
            ("en-US", "en-US", true),
            (" en_US ", "en-US", true),
            ("zh_Hant_TW", "zh-Hant-TW", true),
            ("gsw", "gsw", true),
            ("English", "English", false),
            ("en US", "en US", false),
            ("e", "e", false),
            ("en-", "en-", false),
            ("", "", false),
        ] {
            assert_eq!(language_tag(raw), tag, "{raw:?}");
            assert_eq!(is_language_tag(&language_tag(raw)), valid, "{raw:?}");
        }
    }

    #[test]
    fn can_read_a_table_from_the_index_and_register_it() {
        let json = crate::core::json::Json::parse(&DE.to_json().to_string()).unwrap();
        let table = Strings::from_json(&json).unwrap();
        assert_eq!(table, DE);
        // A language without a table: the index brings English words for
        // it, and its dates are left to the browser. (Natively every
        // language's table is at hand; the browser's `unknown` reads the
        // registered one.)
        assert!(!is_known("eo"));
        register("eo-XX", table);
        assert!(!is_known("EO"));
        assert_eq!(strings("eo").episode, "Episode", "natively, English");
        assert_eq!(table_for_index("en-GB"), &EN);
        assert_eq!(table_for_index("eo"), &EN);
        assert_eq!(table_for_index("de"), &DE);
        for (broken, says) in [
            (r#"["x"]"#, "missing words"),
            (r#"{"episode": "x"}"#, "should be a list"),
            (r#"[1]"#, "should be text"),
        ] {
            let broken = crate::core::json::Json::parse(broken).unwrap();
            let e = Strings::from_json(&broken).unwrap_err();
            assert!(e.contains(says), "{e}");
        }
        let mut longer = DE.to_json();
        longer.as_array_mut().unwrap().push("extra".into());
        let longer = crate::core::json::Json::parse(&longer.to_string()).unwrap();
        assert!(Strings::from_json(&longer)
            .unwrap_err()
            .contains("more words"));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the tables of every language are native
    fn can_pick_a_table_by_language_tag() {
        for (lang, want) in [
            ("fr", &FR),
            ("fr-CA", &FR),
            ("FR_fr", &FR),
            ("en-GB", &EN),
            ("", &EN),
            ("de", &DE),
            ("de-AT", &DE),
            ("de_CH", &DE),
            ("es-419", &ES),
            ("sv-FI", &SV),
            ("it-CH", &IT),
            ("nl-BE", &NL),
            ("pt-BR", &PT),
            ("pt-PT", &PT),
            ("ja", &EN),
            ("dE-at", &DE),
            // A primary subtag that merely starts like a known one.
            ("des", &EN),
        ] {
            assert_eq!(strings(lang), want, "{lang}");
        }
        for (tag, table) in LANGUAGES.iter().zip(TABLES) {
            assert_eq!(strings(tag), table, "{tag}");
        }
    }

    #[test]
    fn can_tell_which_languages_have_a_table() {
        for lang in ["", "en", "fr-CA", "de-AT", "es", "sv", "it", "nl", "pt-BR"] {
            assert!(is_known(lang), "{lang}");
            assert!(formats_dates(lang), "{lang}");
        }
        for lang in ["ja", "xx", "pl-PL", "dee"] {
            assert!(!is_known(lang), "{lang}");
            assert!(!formats_dates(lang), "{lang}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the tables of every language are native
    fn every_table_is_complete_and_its_own() {
        for (i, (tag, t)) in LANGUAGES.iter().zip(TABLES).enumerate() {
            // Debug writes every field, and escapes a quote inside a
            // string, so `""` after a field name or list opener is an empty
            // string.
            let fields = format!("{t:?}");
            for empty in [": \"\"", "[\"\"", ", \"\""] {
                assert!(!fields.contains(empty), "{tag} has an empty string");
            }
            // No placeholders: the interface writes the value after the
            // words. The one brace left is the struct's own.
            let braces = fields.replace("\\u{", "").matches('{').count();
            assert_eq!(braces, 1, "{tag} has a placeholder");
            // The numbers the words name are the ones the player uses.
            assert!(t.results_one.starts_with("1 "), "{tag}");
            assert!(t.skip_back.contains("15"), "{tag}");
            assert!(t.skip_forward.contains("30"), "{tag}");
            assert!(t.key_seek_small.contains('5'), "{tag}");
            assert!(t.key_seek_big.contains("15") && t.key_seek_big.contains("30"));
            assert!(
                t.key_jump.contains('0') && t.key_jump.contains("90"),
                "{tag}"
            );
            assert!(t.months.iter().all(|m| !m.is_empty()), "{tag}");
            for (other, &u) in LANGUAGES.iter().zip(&TABLES[..i]) {
                assert_ne!(t, u, "{tag} and {other} are the same table");
            }
        }
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
            ("de", 999, "999"),
            ("de", 1_234_567, "1.234.567"),
            ("sv", 10_000, "10\u{a0}000"),
            ("sv", 1_234_567, "1\u{a0}234\u{a0}567"),
        ] {
            assert_eq!(strings(lang).number(n), want, "{lang} {n}");
        }
        for (lang, n, want) in [
            ("en", 1, "1 episode"),
            ("en", 10_000, "10,000 episodes"),
            ("fr", 0, "0 épisodes"),
            ("fr", 359, "359 épisodes"),
            ("de", 1, "1 Folge"),
            ("de", 10_000, "10.000 Folgen"),
            ("sv", 1, "1 avsnitt"),
            ("sv", 1_234, "1\u{a0}234 avsnitt"),
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
            ("de", 56_249_169, "56,2 MB"),
            ("de", 640_000, "640 kB"),
            ("de", 12, "12 B"),
            ("de", 2_345_678_901, "2,3 GB"),
            ("de", 1_234_500_000_000, "1.234,5 GB"),
            ("sv", 1_500_000, "1,5 MB"),
            ("sv", 999_949, "1,0 MB"),
            ("sv", 31_200, "31 kB"),
            ("sv", 1_234_500_000_000, "1\u{a0}234,5 GB"),
        ] {
            assert_eq!(strings(lang).bytes(n), want, "{lang} {n}");
        }
    }

    #[test]
    fn can_write_long_dates_as_intl_does() {
        use crate::core::date::Date;
        let days = [
            Date::new(2024, 8, 1).unwrap(),
            Date::new(2024, 3, 15).unwrap(),
            Date::new(2023, 1, 31).unwrap(),
        ];
        // `Intl.DateTimeFormat(lang, {dateStyle: 'long'})` in Chromium.
        for (lang, want) in [
            (
                "en",
                ["August 1, 2024", "March 15, 2024", "January 31, 2023"],
            ),
            ("fr", ["1 août 2024", "15 mars 2024", "31 janvier 2023"]),
            ("fr-CA", ["1 août 2024", "15 mars 2024", "31 janvier 2023"]),
            ("de", ["1. August 2024", "15. März 2024", "31. Januar 2023"]),
            (
                "de-CH",
                ["1. August 2024", "15. März 2024", "31. Januar 2023"],
            ),
            (
                "de-AT",
                ["1. August 2024", "15. März 2024", "31. Jänner 2023"],
            ),
            (
                "es",
                [
                    "1 de agosto de 2024",
                    "15 de marzo de 2024",
                    "31 de enero de 2023",
                ],
            ),
            ("sv", ["1 augusti 2024", "15 mars 2024", "31 januari 2023"]),
            ("it", ["1 agosto 2024", "15 marzo 2024", "31 gennaio 2023"]),
            (
                "nl",
                ["1 augustus 2024", "15 maart 2024", "31 januari 2023"],
            ),
            (
                "pt",
                [
                    "1 de agosto de 2024",
                    "15 de março de 2024",
                    "31 de janeiro de 2023",
                ],
            ),
            (
                "pt-BR",
                [
                    "1 de agosto de 2024",
                    "15 de março de 2024",
                    "31 de janeiro de 2023",
                ],
            ),
            (
                "pt-PT",
                [
                    "1 de agosto de 2024",
                    "15 de março de 2024",
                    "31 de janeiro de 2023",
                ],
            ),
        ] {
            for (d, want) in days.into_iter().zip(want) {
                assert_eq!(long_date(d, lang).as_deref(), Some(want), "{lang}");
            }
        }
        // The existing choice for English tags: one style for all of them.
        assert_eq!(
            long_date(days[0], "en-GB").as_deref(),
            Some("August 1, 2024")
        );
        assert_eq!(long_date(days[0], "").as_deref(), Some("August 1, 2024"));
        for lang in ["ja", "pl", "xx-AT"] {
            assert_eq!(long_date(days[0], lang), None, "{lang}");
        }
    }
}
