import { fileURLToPath } from 'node:url';
import { findAppRoot } from '../core/paths';
import { processIo } from './io';
import { runCli } from './program';

const appRoot = findAppRoot(fileURLToPath(import.meta.url));
process.exitCode = await runCli(process.argv.slice(2), processIo, appRoot);
