/**
 * Invented words for the sample. Nothing here comes from the real Sparkify data (a test
 * checks that no generated string equals one of its values); non-ASCII entries exist on
 * purpose so the `\u` escapes and the log mojibake have something to work on.
 */

/** First names by gender code. */
export const FIRST_NAMES = {
  F: ['Orla', 'Tamsin', 'Beatrix', 'Wrenna', 'Ysolde', 'Marisol', 'Ottilie', 'Delphine', 'Junia', 'Saskia', 'Liora', 'Rosalind', 'Imogen', 'Peregrine', 'Zelda', 'Hesper'],
  M: ['Idris', 'Caspian', 'Thaddeus', 'Ambrose', 'Lysander', 'Oswin', 'Cormac', 'Evander', 'Fenwick', 'Barnaby', 'Ignatius', 'Leopold'],
} as const;

/** Family names. */
export const LAST_NAMES = [
  'Quillfeather', 'Marrowby', 'Thistlewood', 'Okonkwo-Bell', 'Vantongeren', 'Pennymore', 'Ashcombe',
  'Brackwater', 'Dunmoreland', 'Fairweld', 'Gorseway', 'Hollowell', 'Kettleburn', 'Larkspur', 'Mossgrove',
  'Nettlefield', 'Pimbury', 'Rookhaven', 'Saltmarsh', 'Tarrowby', 'Underhay', 'Wickenden',
];

/** Invented metro areas in the real logs' `City-City, ST` shape. */
export const METROS = [
  'Harrowgate-Millbeck, OR', 'Port Quenby, ME', 'Ashford Vale-Linden Cross, PA-NJ', 'Cinder Falls, ID',
  'Marlow Junction-Eastbrook, TX', 'New Tolland, CT', 'Oakhollow-Pine Reach-Sully, CA', 'Redwater Springs, NM',
  'Saltgrove, UT', 'Bramblebury-Kestrel Point, WA', 'Fenmoor, MN', 'Lantern Bay-Coldharbor, FL',
];

/** Invented client strings; they carry `/` so the writer's `\/` escaping shows. */
export const USER_AGENTS = [
  'Wavelet/4.2.1 (Linux; x86_64) Tunekit/2.0',
  'Wavelet/4.1.0 (Windows NT 10.0; Win64) Tunekit/1.9',
  'Sparkplayer/7.3 (MacBook; macOS 10.14) Engine/605.1',
  'Sparkplayer/7.1 (iPad; iOS 12.1) Engine/604.3',
  'Humdrum/0.9.8 (Android 9; Pixelish 3) Mobile/88.2',
  'Resonator/12.0 (X11; FreeBSD amd64) Cadence/3.3',
];

/** Adjectives for band names and titles. */
export const ADJECTIVES = [
  'Velvet', 'Copper', 'Hollow', 'Electric', 'Midnight', 'Paper', 'Silent', 'Crooked', 'Golden', 'Rusty',
  'Amber', 'Restless', 'Sleepy', 'Crimson', 'Northern', 'Borrowed', 'Tangled', 'Wandering', 'Glass', 'Feral',
];

/** Nouns for band names and titles (band names take the plural with an `s`). */
export const NOUNS = [
  'Lantern', 'Owl', 'Harbor', 'Comet', 'Orchard', 'Engine', 'Lighthouse', 'Sparrow', 'Tide', 'Meadow',
  'Signal', 'Ember', 'Riddle', 'Kettle', 'Satellite', 'Thistle', 'Compass', 'Pebble', 'Minnow', 'Chimney',
];

/** Verbs for titles. */
export const VERBS = ['Chasing', 'Counting', 'Folding', 'Holding', 'Mending', 'Painting', 'Leaving', 'Waking', 'Crossing', 'Burning'];

/** Title suffixes in the Million Song Dataset's spirit. */
export const TITLE_SUFFIXES = [' (Live)', ' (Demo)', ' (Radio Edit)', ' (Acoustic Take)', ' (Extended Mix)', ' (Album Version)'];

/** Solo-artist names with accents, so song files get `\u` escapes and logs get mojibake. */
export const ACCENTED_ARTISTS = [
  'Zoë Marrowby', 'Renée Quillfeather', 'Joaquín Pimbury', 'Björn Tarrowby', 'Åsa Larkspur',
  'Chloé & the Minnows', 'Mañana Comets', 'Søren Hollowell',
];

/** Titles with accents or a curly apostrophe. */
export const ACCENTED_TITLES = [
  'Café Lantern', '¿Dónde Está el Faro?', 'Über the Orchard', 'Crème Brûlée Tide', 'Don’t Fold the Map',
  'Señales de Humo', 'Fjärran Harbor', 'Déjà Meadow', 'We’re Still Counting',
];

/** Free-text artist locations as song files hold them. */
export const ARTIST_LOCATIONS = [
  'Harrowgate, OR', 'Port Quenby', 'Lower Fenmoor, England', 'Saltgrove - UT', 'Cinder Falls, Idaho',
  'Montréal-Est', 'Kestrel Point WA', 'Brackwater, Scotland', 'São Tiberio', 'Nordvik, Norway',
];
