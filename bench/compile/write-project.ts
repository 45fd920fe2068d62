/**
 * Writes one synthetic project (see generate-project.ts).
 * Usage: node dist/bench/compile/write-project.js --models 1000 --out bench/out/project-1000
 */
import { caseArgs } from '../lib/args.js';
import { generateProject } from './generate-project.js';

const args = caseArgs(process.argv.slice(2));
const names = generateProject(args.out, Number(args.models));
console.log(`wrote ${names.length} models to ${args.out}`);
