/**
 * Writes one Dataform twin of the generated project (see generate-dataform.ts).
 * Usage: node dist/bench/compile/write-dataform.js --models N --out DIR [--core bench/out/dataform/node_modules]
 */
import { resolve } from 'node:path';
import { caseArgs } from '../lib/args.js';
import { generateDataformProject } from './generate-dataform.js';

const args = caseArgs(process.argv.slice(2));
generateDataformProject(resolve(args.out), Number(args.models), resolve(args.core ?? 'bench/out/dataform/node_modules'));
