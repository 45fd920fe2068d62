/**
 * Issue 14, screen: on a terminal (a real pty, through script(1)), the load's progress bar is cleared
 * before any other line is printed: status lines of nodes that finish during a load, and Ctrl-C's
 * message, each get a screen line of their own instead of landing after the bar's last frame.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { copyProject, REPO_ROOT } from './helpers.js';
import { screenLines } from '../support/terminal-screen.js';
import { tempDir } from '../support/temp-dir.js';

const BAR = /\[[#-]{10,}\] \d+%/;
const OTHER = /\d+ of \d+ (OK|ERROR|SKIP)|Interrupted by|error:/;

let data: string;
let dir: string;
before(() => {
  data = tempDir('sparkify-pty-data-');
  const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/scripts/generate-data.js'), '--scale', '20', '--out', data], { encoding: 'utf8' });
  assert.equal(generated.status, 0, generated.stderr);
  dir = copyProject({ withData: false });
});
after(() => {
  rmSync(data, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a build on a pty, types Ctrl-C once the bar is drawn, and returns everything the terminal got. */
function buildOnTerminal(): Promise<{ raw: string; code: number | null }> {
  const vars = JSON.stringify({ data_root: data });
  const command = `exec ${process.execPath} ${join(REPO_ROOT, 'bin/sparkify.js')} build --vars '${vars}'`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    raw += text;
    if (!typed && BAR.test(raw)) {
      typed = true;
      child.stdin.write('\x03'); // Ctrl-C, turned into SIGINT by the terminal
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ raw, code })));
}

test('Ctrl-C during a load: the bar is cleared before the message, and no line shares the bar\'s', async () => {
  const { raw, code } = await buildOnTerminal();
  const lines = screenLines(raw);
  assert.ok(BAR.test(raw), `the bar was drawn:\n${raw}`);
  assert.equal(code, 130, lines.join('\n'));
  const message = lines.find((line) => line.includes('Interrupted by SIGINT'));
  assert.ok(message, `the message is on screen:\n${lines.join('\n')}`);
  assert.doesNotMatch(message, BAR, 'the message does not follow the bar on its line');
  const mixed = lines.filter((line) => BAR.test(line) && OTHER.test(line));
  assert.deepEqual(mixed, [], 'no screen line holds both the bar and other output');
});
