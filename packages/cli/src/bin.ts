#!/usr/bin/env node
// The `gandlf` command (built to dist/cli.js).
import { main } from './cli';

process.exit(await main(process.argv.slice(2)));
