/**
 * A webhook URL fit to show: without its query string and user info, which may hold keys
 * (`?key=…`) or passwords. Placeholders that are no URL (`https://<YOUR-URL>`) are cut the same way.
 */
export function shownUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const query = raw.search(/[?#]/);
  const base = query === -1 ? raw : raw.slice(0, query);
  const cut = base.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, '$1');
  return query === -1 ? cut : `${cut}?…`;
}

/** The host of a URL, lower case; undefined when there is none. */
export function hostOf(url: string | undefined): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?([^/:?#]+)/i.exec(url ?? '')?.[1]?.toLowerCase();
}

/** A Google API (`*.googleapis.com`): a webhook that calls it is answered by Google, not by our app. */
export function isGoogleApi(raw: string | undefined): boolean {
  const host = hostOf(raw);
  return host !== undefined && (host === 'googleapis.com' || host.endsWith('.googleapis.com'));
}
