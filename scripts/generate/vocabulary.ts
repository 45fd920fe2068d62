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
  'Wavelet/4.2 (Linux; x86_64) Tunekit/2.0',
  'Wavelet/4.1 (Windows NT 10.0) Tunekit/1.9',
  'Sparkplayer/7.3 (macOS 10.14)',
  'Sparkplayer/7.1 (iPad; iOS 12.1)',
  'Humdrum/0.9.8 (Android 9) Mobile/88',
  'Resonator/12.0 (X11; FreeBSD)',
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

/** Free-text artist locations as song files hold them, with the coordinates a file gives when it has any. */
export const ARTIST_LOCATIONS: ReadonlyArray<readonly [string, number, number]> = [
  ['Harrowgate, OR', 44.31207, -121.90443], ['Port Quenby', 43.87021, -69.51533],
  ['Lower Fenmoor, England', 52.40618, 0.26381], ['Saltgrove - UT', 40.1144, -111.8452],
  ['Cinder Falls, Idaho', 43.5009, -114.3522], ['Montréal-Ouestville', 45.4417, -73.6931],
  ['Kestrel Point WA', 47.7512, -122.6143], ['Brackwater, Scotland', 56.9126, -4.2331],
  ['São Tiberio', -22.8107, -47.0625], ['Nordvika, Norway', 63.4402, 10.9021],
];
