/**
 * The playground in a real browser: Chromium from the OS packages, driven by playwright-core,
 * against the built CLI and the demo agent. What a designer does, end to end, with axe-core
 * checking each view and the screenshots of docs/playground.md taken on the way (written to
 * docs/playground/ when they show something else than the picture there).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { CHROMIUM, launchBrowser, seriousViolations } from './support/browser.js';
import { startPlayground, type Playground } from './support/playground.js';

const SHOTS = resolve('docs/playground');
const DEMO_ENV = { DEMO_TODAY: '2026-11-27', DEMO_REPORT_MS: '50' };

const suite = CHROMIUM === undefined ? describe.skip : describe;
const title =
  CHROMIUM === undefined
    ? 'the playground in a browser (SKIPPED: no Chromium at /usr/bin/chromium; install the OS package chromium, or set CHROMIUM_PATH)'
    : 'the playground in a browser';

/** A folder that looks like a project: the built demo as dist/, and a fixtures folder, so that the page shows short paths. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'play-project-'));
  symlinkSync(resolve('dist'), join(dir, 'dist'));
  mkdirSync(join(dir, 'fixtures'));
  return dir;
}

/** A page on the playground, with the same session ids and clock every run (for the screenshots). */
async function open(browser: BrowserContext, play: Playground): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    let seed = 42;
    Math.random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  });
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00'));
  const errors: string[] = [];
  // Everything the page loads comes from the playground itself: no CDN, no internet.
  page.on('request', (request) => void (!request.url().startsWith(play.base) && !request.url().startsWith('data:') && errors.push(`loaded ${request.url()}`)));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  await page.goto(play.url);
  // Running, or an app that failed to load: then the test fails with what the page says, not a
  // timeout of the hook (which allows 60 s for this and starting the playground).
  await page
    .locator('.status.ready, .status.failed')
    .first()
    .waitFor({ timeout: 40_000 })
    .catch(async () => {
      throw new Error(`the page never said the app is running or failed; it says: ${await page.locator('.status').first().textContent()}`);
    });
  const failed = page.locator('.status.failed');
  if ((await failed.count()) > 0) throw new Error(`the playground's app did not start: ${await failed.textContent()}`);
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

/**
 * A screenshot for the docs. Timings change from run to run, so they are hidden meanwhile
 * (through the DOM: the page's policy refuses a style sheet added from outside), and the focus
 * is taken off the field it is in.
 */
async function shoot(page: Page, name: string, paths: Record<string, string> = {}): Promise<void> {
  const visibility = (value: string): Promise<void> =>
    page.evaluate(`for (const e of document.querySelectorAll('.timing')) e.style.visibility = '${value}'; document.activeElement?.blur();`) as Promise<void>;
  await visibility('hidden');
  await page.mouse.move(0, 0);
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))'); // hover styles settle
  // Folders that differ from one checkout, or one run, to the next are shown as a project's would be.
  await page.evaluate(
    `for (const [from, to] of ${JSON.stringify(Object.entries({ ...paths, [process.cwd()]: '/home/you/shop/node_modules/dialogflow-fulfiller' }))}) {
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) walk.currentNode.textContent = walk.currentNode.textContent.split(from).join(to);
    }`,
  );
  const picture = await page.screenshot({ animations: 'disabled' });
  await visibility('');
  const file = join(SHOTS, `${name}.png`);
  if (!existsSync(file) || (await differentPixels(page, readFileSync(file), picture)) > 0.001) writeFileSync(file, picture);
}

/**
 * The share of pixels that differ between two pictures of the same size (1 when the sizes
 * differ), compared in the browser. A busy machine can shift the anti-aliasing of a few pixels:
 * the picture in the docs is only replaced when the page looks otherwise.
 */
async function differentPixels(page: Page, before: Buffer, after: Buffer): Promise<number> {
  const urls = [before, after].map((png) => `data:image/png;base64,${png.toString('base64')}`);
  return (await page.evaluate(`(async ([a, b]) => {
    const load = (src) => new Promise((done) => { const image = new Image(); image.onload = () => done(image); image.src = src; });
    const [x, y] = await Promise.all([load(a), load(b)]);
    if (x.width !== y.width || x.height !== y.height) return 1;
    const pixels = (image) => { const canvas = new OffscreenCanvas(image.width, image.height); const c = canvas.getContext('2d'); c.drawImage(image, 0, 0); return c.getImageData(0, 0, image.width, image.height).data; };
    const [p, q] = [pixels(x), pixels(y)];
    let differ = 0;
    for (let i = 0; i < p.length; i += 4) if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) differ++;
    return differ / (x.width * x.height);
  })(${JSON.stringify(urls)})`)) as number;
}

async function noSeriousViolations(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

async function setParam(page: Page, row: number, name: string, value: string): Promise<void> {
  if (row > 1) await page.getByRole('button', { name: 'Add parameter' }).click();
  await page.getByLabel(`Name of parameter ${row}`).fill(name);
  await page.getByLabel(`Value of parameter ${row}, as JSON`).fill(value);
}

/** Sends the turn set up in the form and waits for its answer. */
async function send(page: Page): Promise<Locator> {
  const before = await page.locator('.chat > li').count();
  await page.getByRole('button', { name: 'Send turn' }).click();
  const turn = page.locator('.chat > li').nth(before);
  await turn.waitFor();
  return turn;
}

suite(title, () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    await browser.grantPermissions(['clipboard-read', 'clipboard-write']);
  }, 60_000);
  afterAll(() => browser?.close());

  describe('against the demo agent', () => {
    let dir: string;
    let play: Playground;
    let page: Page;
    beforeAll(async () => {
      dir = project();
      const agent = resolve('demo/agent/cx');
      play = await startPlayground(['--app', 'dist/demo/app.js', '--agent', agent, '--fixtures', 'fixtures'], DEMO_ENV, dir);
      page = await open(browser, play);
    }, 60_000);
    afterAll(() => play?.stop());

    it('a CX turn, keyboard only, shows the order status text and its chips', async () => {
      // From the top of the page to the tag field with Tab alone, then typing and Enter.
      await page.locator('body').focus();
      for (let i = 0; i < 20 && (await page.evaluate('document.activeElement?.id')) !== 'turn-tag'; i++) await page.keyboard.press('Tab');
      await page.keyboard.type('order.status');
      for (const [field, text] of [
        ['turn-text', 'where is my order'],
        ['param-name-0', 'customer_id'],
        ['param-value-0', '"12345"'],
      ]) {
        for (let i = 0; i < 10 && (await page.evaluate('document.activeElement?.id')) !== field; i++) await page.keyboard.press('Tab');
        await page.keyboard.type(text!);
      }
      await page.keyboard.press('Enter');
      const turn = page.locator('.chat > li').first();
      // Each read waits for what it reads: under load the answer and the panels arrive later.
      await turn.locator('.bubble.bot', { hasText: 'Your latest order A-1003 is preparing for shipment.' }).waitFor();
      await expect(turn.getByRole('button', { name: 'Return an item' }).isVisible()).resolves.toBe(true);
      await expect(turn.getByRole('button', { name: 'Check another order' }).isVisible()).resolves.toBe(true);
      // The session panel marks what this answer set.
      await page.locator('.session tr.set th', { hasText: 'last_order' }).waitFor();
      await expect(page.locator('.session tr.set th').allTextContents()).resolves.toEqual(['last_order']);
    });

    it('a second turn sees the parameter set by the first', async () => {
      await page.getByRole('button', { name: 'Return an item' }).click(); // a chip fills what the user says
      await expect(page.getByLabel('Text').inputValue()).resolves.toBe('Return an item');
      await page.getByLabel('Fulfillment tag').fill('return.eligible');
      const turn = await send(page);
      await turn.locator('.bubble.bot', { hasText: 'You can still return these items from order A-1002' }).waitFor();
      await page.locator('.inspector pre', { hasText: '"last_order": "A-1003"' }).waitFor();
      const request = await page.locator('.inspector pre').first().textContent();
      expect(request).toContain('"last_order": "A-1003"'); // carried from the first answer
      expect(request).toContain('"customer_id": "12345"');
      await page.getByRole('button', { name: 'Copy the request JSON' }).click();
      await page.getByRole('button', { name: 'Copied the request JSON' }).waitFor();
      expect(JSON.parse((await page.evaluate('navigator.clipboard.readText()')) as string)).toEqual(JSON.parse(request!));
      await shoot(page, 'conversation');
      await noSeriousViolations(page);
    });

    it('saves the conversation as a fixture that `fulfiller replay` passes', async () => {
      await page.getByRole('button', { name: 'Save as fixture…' }).click();
      await page.getByLabel('Fixture name').fill('cx/order-then-return');
      await page.getByRole('button', { name: 'Save as fixture' }).click();
      await expect(page.locator('.saved').textContent()).resolves.toContain('Saved fixtures/cx/order-then-return.json. Replayed at once: it passes.');
      await page.getByRole('button', { name: 'Run fixtures in fixtures' }).click();
      await page.getByText('1 of 1 passed.').waitFor();
      await shoot(page, 'fixtures');
      await noSeriousViolations(page);
      const replay = spawnSync(
        process.execPath,
        [resolve('dist/lib/cli/main.js'), 'replay', 'fixtures/cx/order-then-return.json', '--app', 'dist/demo/app.js'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, ...DEMO_ENV, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
        },
      );
      expect(replay.stdout).toContain('1 fixture: 1 passed, 0 failed');
      expect(replay.status).toBe(0);
    });

    it('draws the agent: its pages, and each webhook call site, which prepares its turn', async () => {
      await page.getByRole('tab', { name: 'Agent' }).click();
      const graph = page.locator('figure.graph svg');
      await graph.waitFor();
      // The demo's own export (demo/agent/cx): its Default Start Flow.
      for (const name of [
        'Start Page',
        'Order Status',
        'Spending Summary',
        'CRM Interactions',
        'Next Proposal',
        'Report',
        'Report Status',
        'Identify Customer',
      ]) {
        await expect(graph.locator('.page-name', { hasText: new RegExp(`^${name}$`) }).count()).resolves.toBe(1);
      }
      await expect(
        graph.getByRole('button', { name: /^order\.status, Default Start Flow › Order Status › route 1: handled, covered by a fixture/ }).count(),
      ).resolves.toBe(1);
      await shoot(page, 'agent');
      await noSeriousViolations(page);
      await graph.getByRole('button', { name: /^spending\.summary, Default Start Flow › Spending Summary › route 1/ }).press('Enter');
      await expect(page.getByLabel('Fulfillment tag').inputValue()).resolves.toBe('spending.summary');
      await expect(page.getByLabel('Page').inputValue()).resolves.toBe('ded4beba-ef1a-5feb-8cc8-e84c9671ed9d');
    });

    it('an ES turn shows a card', async () => {
      await page.getByLabel('Dialect').selectOption('es');
      await page.getByLabel('Intent').fill('spending.summary');
      await page.getByLabel('Text').fill('what did I spend in October');
      await setParam(page, 1, 'account_id', '"ACC-1"');
      await setParam(page, 2, 'month', '"2026-10"');
      const turn = await send(page);
      const card = turn.locator('.card');
      await expect(card.locator('.info strong').textContent()).resolves.toBe('Spending in 2026-10');
      await expect(card.textContent()).resolves.toContain('food: 20,000 yen');
      await shoot(page, 'es-card');
      await noSeriousViolations(page);
    });

    it('says what is wrong with a parameter that is not JSON, and sends nothing', async () => {
      await setParam(page, 1, 'account_id', 'ACC-1');
      const before = await page.locator('.chat > li').count();
      await page.getByRole('button', { name: 'Send turn' }).click();
      const error = page.getByRole('alert').filter({ hasText: 'is not JSON' });
      await expect(error.textContent()).resolves.toContain('Text goes in double quotes: "ACC-1".');
      await expect(page.getByLabel('Value of parameter 1, as JSON').evaluate((input) => input === input.ownerDocument.activeElement)).resolves.toBe(true);
      await expect(page.locator('.chat > li').count()).resolves.toBe(before);
    });

    it('loads nothing from elsewhere, and weighs under 300 KB', async () => {
      const html = await (await fetch(play.url)).text();
      const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets).toEqual([`/assets/${play.token}/page.css`, `/assets/${play.token}/page.js`]);
      const sizes = await Promise.all(assets.map(async (path) => (await (await fetch(`${play.base}${path}`)).arrayBuffer()).byteLength));
      const total = Buffer.byteLength(html) + sizes.reduce((sum, size) => sum + size, 0);
      expect(total).toBeLessThan(300 * 1024);
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    });

    it('a request without the token gets 403', async () => {
      for (const path of ['/', '/api/state', `/assets/wrong/page.js`]) expect((await fetch(`${play.base}${path}`)).status).toBe(403);
      expect((await page.request.get(`${play.base}/api/state`)).status()).toBe(403);
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    });
  });

  describe('against an app that shows everything, throws, and is edited', () => {
    let dir: string;
    let play: Playground;
    let page: Page;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'play-showcase-'));
      cpSync('test/playground/fixtures/showcase-app.js', join(dir, 'app.js'));
      play = await startPlayground(['--app', 'app.js', '--fixtures', 'fixtures'], {}, dir);
      page = await open(browser, play);
    }, 60_000);
    afterAll(() => play?.stop());

    it('draws every kind of message: cards, chips, lists, an accordion, speech, a handoff, the end', async () => {
      await page.getByLabel('Fulfillment tag').fill('showcase');
      await page.getByLabel('Text').fill('show me everything');
      const turn = await send(page);
      await expect(turn.locator('.card img.picture').count()).resolves.toBe(1);
      await expect(turn.getByRole('link', { name: 'Track the parcel ›' }).getAttribute('rel')).resolves.toBe('noopener noreferrer');
      await expect(turn.locator('.list-item').allTextContents()).resolves.toEqual(['Wireless mouseMOUSE-200', 'USB cableCABLE-1']);
      await turn.locator('.accordion summary').click();
      await expect(turn.locator('.accordion p').textContent()).resolves.toBe('Items can be returned within 30 days of delivery.');
      await expect(turn.locator('.audio').textContent()).resolves.toContain('♪ spoken (SSML) Your order ships tomorrow.');
      await expect(turn.locator('.event').allTextContents()).resolves.toEqual([
        expect.stringContaining('Hands the conversation to a live agent'),
        expect.stringContaining('Transfers the call'),
        expect.stringContaining('The conversation ends (END_SESSION)'),
      ]);
      await shoot(page, 'rich');
      await noSeriousViolations(page);
    });

    it('a handler that throws shows the apology in the chat and the stack in the inspector', async () => {
      await page.getByLabel('Fulfillment tag').fill('boom');
      const turn = await send(page);
      await expect(turn.locator('.bubble.bot').textContent()).resolves.toBe('Sorry, the system is currently unavailable. Please try again later.');
      await page.getByRole('tab', { name: 'Error (1)' }).click();
      const stack = await page.getByLabel('Stack trace').textContent();
      expect(stack).toContain('Error: the orders backend refused the connection');
      expect(stack).toContain('app.js');
      await page.getByRole('tab', { name: 'Response' }).click();
      expect(await page.locator('.inspector pre').textContent()).not.toContain('app.js');
      await page.getByRole('tab', { name: 'Error (1)' }).click();
      await shoot(page, 'error', { [dir]: '/home/you/shop' });
      await noSeriousViolations(page);
    });

    it('keeps the conversation when the app is edited, and shows a module that fails to load', async () => {
      const turns = await page.locator('.chat > li').count();
      writeFileSync(join(dir, 'app.js'), 'export default (app) => { app.tag("boom", (turn) => turn.say("Mended."); };\n');
      const failure = page.locator('.status.failed');
      await failure.waitFor();
      await expect(failure.textContent()).resolves.toContain('is not running.');
      await page.getByText('Stack', { exact: true }).click();
      await expect(failure.locator('pre').textContent()).resolves.toContain('app.js:1');
      await shoot(page, 'load-error', { [dir]: '/home/you/shop' });
      await noSeriousViolations(page);
      writeFileSync(join(dir, 'app.js'), 'export default (app) => { app.tag("boom", (turn) => void turn.say("Mended.")); };\n');
      await page.getByRole('status').filter({ hasText: 'Reloaded at' }).waitFor();
      await expect(page.locator('.chat > li').count()).resolves.toBe(turns);
      const turn = await send(page);
      await expect(turn.locator('.bubble.bot').textContent()).resolves.toBe('Mended.');
    });
  });
});
