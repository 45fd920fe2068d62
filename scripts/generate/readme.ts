/** `data/README.md`, rendered from the run's facts so it can never drift from the files. */
import type { GenerateResult } from './generate.js';

function table(rows: ReadonlyArray<readonly [string, string | number]>): string {
  return ['| fact | value |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}

function factRows(result: GenerateResult): Array<[string, number]> {
  const f = result.facts;
  return [
    ['events', f.events],
    ['NextSong events', f.nextSongEvents],
    ['logged-out events', f.loggedOutEvents],
    ['distinct non-empty userId', f.distinctUsers],
    ['users whose level changes', f.levelChanges.length],
    ['distinct NextSong timestamps', f.distinctNextSongTs],
    ['sessions', f.sessions],
    ['sessions spanning midnight (two files)', f.sessionsSpanningMidnight],
    ['songs', f.songs],
    ['distinct artist_id', f.distinctArtists],
    ['songs with year 0', f.songsYearZero],
    ['plays that match a song on (title, artist, duration)', f.matchedPlays],
    ['near-miss plays (title and artist match, length does not)', f.nearMissPlays],
    ['plays with a mojibake artist name', f.mojibakePlays],
  ];
}

/** The figures the star schema built from this sample must show. */
function starRows(result: GenerateResult): Array<[string, number]> {
  const f = result.facts;
  return [
    ['staging_events rows', f.events],
    ['staging_songs rows', f.songs],
    ['users (distinct non-empty userId, all events)', f.distinctUsers],
    ['songs (distinct song_id)', f.songs],
    ['artists (distinct artist_id)', f.distinctArtists],
    ['time (distinct ts of NextSong events)', f.distinctNextSongTs],
    ['songplays (NextSong events)', f.nextSongEvents],
    ['songplays with a song_id and artist_id (joined to staging_songs)', f.matchedPlays],
    ['the same, if joined to songs ⋈ artists keeping the smallest song_id\'s spelling', f.matchedPlaysViaArtists],
  ];
}

function levelLines(result: GenerateResult): string[] {
  const shown = result.facts.levelChanges.slice(0, 20);
  const lines = shown.map((h) => `- user ${h.userId}: ${h.levels.join(' → ')}`);
  const hidden = result.facts.levelChanges.length - shown.length;
  return hidden > 0 ? [...lines, `- … and ${hidden} more`] : lines;
}

function variantLines(result: GenerateResult): string[] {
  return result.variantArtists.flatMap((artist) => [
    `- \`${artist.artistId}\` appears as:`,
    ...artist.songs.map((s) => `  - \`${s.songId}\`: name "${s.name}", location "${s.location}"`),
    `  - keeping the row of the smallest song_id gives name "${artist.picked.name}", location "${artist.picked.location}".`,
  ]);
}

const HEADER = `# Sparkify sample data (synthetic)

Invented data in the exact layout, format and quirks of the public Sparkify sample
(\`s3://udacity-dend/\`), without any of its content. **Do not edit by hand**: it is written by
\`scripts/generate-data.ts\` and \`test/generator\` checks that this folder equals a fresh
generation. Regenerate with \`npx tsc -p . && npm run generate-data\`.

## Layout

- \`log_data/2018/11/2018-11-DD-events.json\`: one NDJSON file per UTC day of November 2018, keys in
  \`staging_events\` column order, no newline after the last line.
- \`song_data/A/X/Y/TRAXY….json\`: one song object per file, no trailing newline; the folders are the
  third to fifth characters of the track id.
- \`log_json_path.json\`: the JSONPaths file for Redshift \`COPY … FORMAT AS JSON\` (18 paths).

## Quirks reproduced

- Logged-out events have \`"auth":"Logged Out"\`, \`"userId":""\` (never null) and null
  firstName, gender, lastName, location, registration and userAgent; they keep the session's level.
- \`ts\` is epoch milliseconds inside the file's UTC day (every ts shares one millisecond part);
  \`registration\` is written as a float (\`1538001234567.0\`); \`length\` and song \`duration\` are floats.
- \`userAgent\` is wrapped in literal double quotes, and every \`/\` in the logs is written \`\\/\`.
- Non-ASCII in logs is escaped as \`\\uXXXX\`; song and artist names there are UTF-8 encoded twice
  (\`é\` arrives as \`\\u00c3\\u0083\\u00c2\\u00a9\`) and \`’\` arrives cut to \`\\u0019\`, so those plays never match a song.
- Song files use Python \`json.dumps\` spacing and \`\\uXXXX\` escapes; \`artist_latitude\`/\`artist_longitude\`
  are often null, \`artist_location\` often \`""\`, \`year\` often 0 (unknown).
- Most plays are of tracks song_data does not hold; a few equal a song on (title, artist name,
  duration) exactly, and a few near misses share title and artist but not length.
- Some NextSong events of different users share a ts; a user's Home and next play can share a ts;
  some sessions run past midnight into the next day's file.`;

/** The README text for a run. */
export function renderReadme(result: GenerateResult): string {
  const { scale, seed } = result.options;
  return [
    HEADER,
    `\n## Facts\n\nGenerated with \`--seed ${seed} --scale ${scale}\`: ${result.files} files of ${result.bytes} bytes besides this README.\n`,
    table(factRows(result)),
    '\n## Expected star-schema figures\n',
    table(starRows(result)),
    '\nA songplay gets a song_id and artist_id only when (song, artist, length) equals a song\'s\n(title, artist_name, duration) exactly; near misses and mojibake names stay unmatched. The two\nmatch figures differ when plays use the spelling of a variant artist that the artists table drops.',
    '\n## Users whose level changes\n',
    ...levelLines(result),
    '\n## Artists with several songs\n',
    `${result.sameSpellingArtists} artist_id(s) have several songs under one spelling; ${result.variantArtists.length} carry two spellings:\n`,
    ...variantLines(result),
    '',
  ].join('\n');
}
