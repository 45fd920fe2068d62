import type { GraphNode } from '../../src/graph/index.js';

/** A model node, with the defaults the tests do not care about. */
export function model(name: string, path: string, dependsOn: string[], extra: Partial<GraphNode> = {}): GraphNode {
  const id = `model.${name}`;
  return { id, kind: 'model', name, path, tags: [], materialized: 'table', dependsOn, ...extra };
}

/** A source table declared in sources.yml at the project root. */
export function source(sourceName: string, name: string, line: number, tags: string[] = []): GraphNode {
  const id = `source.${sourceName}.${name}`;
  return { id, kind: 'source', name, sourceName, path: 'sources.yml', line, tags, dependsOn: [] };
}

const EVENTS = 'source.sparkify.staging_events';
const SONGS = 'source.sparkify.staging_songs';

/**
 * The Sparkify project's nodes (sources.yml, models/dimensions, models/facts), plus marts two
 * and three levels below the fact table and a standalone model, so depths and `@` have something
 * to reach:
 *
 *   staging_events → users, time ─────────┐
 *   staging_events, staging_songs, songs, artists → songplays → user_activity → weekly_report
 *   staging_songs → songs, artists          users ─┘
 *   calendar (no parents)
 */
export function sparkifyNodes(): GraphNode[] {
  return [
    source('sparkify', 'staging_events', 5, ['staging']),
    source('sparkify', 'staging_songs', 67, ['staging']),
    model('users', 'models/dimensions/users.sql', [EVENTS], { tags: ['dimension', 'nightly'] }),
    model('songs', 'models/dimensions/songs.sql', [SONGS], { tags: ['dimension'] }),
    model('artists', 'models/dimensions/artists.sql', [SONGS], { tags: ['dimension'] }),
    model('time', 'models/dimensions/time.sql', [EVENTS], { tags: ['dimension'], materialized: 'view' }),
    model('songplays', 'models/facts/songplays.sql', [EVENTS, SONGS, 'model.songs', 'model.artists'], {
      tags: ['fact', 'nightly'],
      materialized: 'incremental',
    }),
    model('user_activity', 'models/marts/user_activity.sql', ['model.songplays', 'model.users'], {
      tags: ['mart'],
      materialized: 'view',
    }),
    model('weekly_report', 'models/marts/reports/weekly_report.sql', ['model.user_activity'], {
      tags: ['mart', 'report'],
      materialized: 'view',
    }),
    model('calendar', 'models/calendar.sql', [], { materialized: 'ephemeral' }),
  ];
}

/** The order buildGraph must produce for sparkifyNodes(): by generation, then by id. */
export const SPARKIFY_ORDER = [
  'model.calendar',
  EVENTS,
  SONGS,
  'model.artists',
  'model.songs',
  'model.time',
  'model.users',
  'model.songplays',
  'model.user_activity',
  'model.weekly_report',
];
