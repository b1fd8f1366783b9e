#!/usr/bin/env node
/** The `tl-workflow-sandbox` command of the package (built to dist/cli.js): the same command line as `npm run sandbox`. */
import { runCli } from './cli.ts';

const code = await runCli(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
