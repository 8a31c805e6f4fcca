#!/usr/bin/env node
// The `portico` command: registers tsx so the TypeScript sources run as they are, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { run, processIo } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2), processIo());
