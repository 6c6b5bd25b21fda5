import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppModuleError } from '../index.js';

/** The page's script and style sheet, as the build made them. */
export interface PageAssets {
  js: Buffer;
  css: Buffer;
}

// Built by scripts/bundle.mjs into dist/lib/playground/, next to the playground's own bundle;
// from the sources (tsx) or tsc's output, the same files are found in dist/lib.
const PLACES = ['./', '../../dist/lib/playground/', '../../lib/playground/'];

/** Reads the page's assets once, at start: every byte the page needs is served by the playground itself. */
export async function readPageAssets(): Promise<PageAssets> {
  for (const place of PLACES) {
    const dir = new URL(place, import.meta.url);
    try {
      const [js, css] = await Promise.all([readFile(fileURLToPath(new URL('page.js', dir))), readFile(fileURLToPath(new URL('page.css', dir)))]);
      return { js, css };
    } catch {
      // not there: the next place
    }
  }
  throw new AppModuleError('The playground page is not built: run `npm run build` in dialogflow-fulfiller, or reinstall the package.');
}

/** The page itself: a shell that loads the script, with the token for the script to send back. */
export function pageHtml(token: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="play-token" content="${token}">
<title>fulfiller playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${token}/page.css">
</head>
<body>
<div id="app"><p>Loading the playground…</p></div>
<noscript>The playground needs JavaScript.</noscript>
<script type="module" src="/assets/${token}/page.js"></script>
</body>
</html>
`;
}
