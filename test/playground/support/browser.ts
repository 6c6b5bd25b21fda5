import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Chromium from the OS packages (`apt-get install chromium`), or CHROMIUM_PATH: nothing is downloaded. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path !== undefined && path !== '' && existsSync(path),
);

// Flags for a headless browser that needs no sandbox privileges, GPU or network of its own.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser (its own profile folder) with a page size the screenshots are made for. */
export function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'play-browser-')), {
    executablePath: CHROMIUM!,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core finds on the page that is serious or critical, as `rule: target` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource); // through the browser's debugging protocol: the page's policy allows no inline script
  const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)')) as {
    id: string;
    impact: string | null;
    nodes: { target: string[] }[];
  }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}
