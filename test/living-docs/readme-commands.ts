/** The `sparkify` commands of README.md's shell blocks, in the order a reader meets them. */
import MarkdownIt from 'markdown-it';
import { parse, type ParseEntry } from 'shell-quote';

/** One command as written: its README line, the environment it sets, and sparkify's arguments. */
export interface ReadmeCommand {
  line: number;
  text: string;
  env: Record<string, string>;
  args: string[];
}

const SHELL_FENCES = new Set(['sh', 'bash', 'shell', 'console']);

/** Every `[VAR=value ...] [npx] sparkify ...` in the ```sh blocks (split at && and ;, comments dropped). */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  for (const token of new MarkdownIt().parse(markdown, {})) {
    if (token.type !== 'fence' || !SHELL_FENCES.has(token.info.trim()) || !token.map) continue;
    token.content.split('\n').forEach((text, index) => {
      for (const words of simpleCommands(text)) {
        const command = sparkifyCommand(words);
        if (command) commands.push({ line: token.map![0] + 2 + index, text: text.trim(), ...command });
      }
    });
  }
  return commands;
}

/** The words of each simple command on a line; `$VAR` stays as written. */
function simpleCommands(text: string): string[][] {
  const entries: ParseEntry[] = parse(text, (name) => `$${name}`);
  const commands: string[][] = [[]];
  for (const entry of entries) {
    if (typeof entry === 'string') commands.at(-1)!.push(entry);
    else if ('comment' in entry) break;
    else if ('op' in entry && ['&&', ';', '||'].includes(entry.op)) commands.push([]);
  }
  return commands.filter((words) => words.length > 0);
}

function sparkifyCommand(words: string[]): { env: Record<string, string>; args: string[] } | undefined {
  const env: Record<string, string> = {};
  let at = 0;
  for (; at < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[at]); at++) {
    const eq = words[at].indexOf('=');
    env[words[at].slice(0, eq)] = words[at].slice(eq + 1);
  }
  if (words[at] === 'npx') at++;
  if (words[at] !== 'sparkify') return undefined;
  return { env, args: words.slice(at + 1) };
}
