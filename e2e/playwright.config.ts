import { defineConfig } from '@playwright/test';
import { launchOptions } from './support/browser';

// Every spec runs once per tfjs backend. Both run on SwiftShader (no GPU here),
// which is slow: timeouts are generous and one worker keeps the 2 cores free.
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 120_000 },
  reporter: [['list'], ['html', { outputFolder: './playwright-report', open: 'never' }]],
  use: {
    // Pages are served by the specs themselves, on 127.0.0.1 only.
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
  },
  projects: [
    { name: 'webgl', use: { browserName: 'chromium', launchOptions: launchOptions('webgl') } },
    { name: 'webgpu', use: { browserName: 'chromium', launchOptions: launchOptions('webgpu') } },
  ],
});
