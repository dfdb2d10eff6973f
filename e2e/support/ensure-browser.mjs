#!/usr/bin/env node
// Run before `playwright test` (e2e's `test` script): finds a Chromium for the e2e
// tests, or installs one (find-chromium.mjs says how), and prints one line saying
// which. Exit 1, with that line on stderr, when there is none.
import { ensureBrowser } from './find-chromium.mjs';

const verdict = ensureBrowser();
if (verdict.kind === 'use') console.log(verdict.message);
else {
  console.error(verdict.message);
  process.exitCode = 1;
}
