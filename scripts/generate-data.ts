/**
 * `npm run generate-data`: writes the repository's synthetic Sparkify sample.
 * A thin shell over generateSample; exit 0 on success, 2 on bad usage or an error.
 */
import { generateSample, type GenerateResult } from './generate/generate.js';
import { parseOptions, USAGE, UsageError } from './generate/options.js';

function summary(result: GenerateResult, seconds: number): string {
  const f = result.facts;
  const { out, scale, seed } = result.options;
  return [
    `wrote ${result.files} files (${(result.bytes / 1024).toFixed(1)} KiB) to ${out} in ${seconds.toFixed(2)} s (seed ${seed}, scale ${scale})`,
    `  events ${f.events}, NextSong ${f.nextSongEvents}, logged out ${f.loggedOutEvents}, sessions ${f.sessions} (${f.sessionsSpanningMidnight} span midnight)`,
    `  users ${f.distinctUsers}, users changing level ${f.levelChanges.length}, distinct NextSong ts ${f.distinctNextSongTs}`,
    `  songs ${f.songs}, distinct artists ${f.distinctArtists}, songs with year 0 ${f.songsYearZero}`,
    `  plays matching a song ${f.matchedPlays} (${f.matchedPlaysViaArtists} via the artists table), near misses ${f.nearMissPlays}, mojibake artist plays ${f.mojibakePlays}`,
  ].join('\n');
}

function main(argv: readonly string[]): number {
  try {
    const started = performance.now();
    const result = generateSample(parseOptions(argv));
    console.log(summary(result, (performance.now() - started) / 1000));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else console.error(error);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
