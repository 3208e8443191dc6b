import { defineConfig } from '@playwright/test';

// Debian's Chromium, started as the machine's notes say (no sandbox as root, no
// background networking on a closed network); tests/run.mjs serves the site and node.
export default defineConfig({
  testDir: 'tests',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  workers: 3,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.GOVCHAIN_SITE,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
});
