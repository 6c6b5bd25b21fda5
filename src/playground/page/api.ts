/**
 * The page's calls to its playground. Every call carries the token the playground put in the
 * page; an answer that is an error becomes an ApiError with the playground's own message.
 */
const token = document.querySelector<HTMLMetaElement>('meta[name="play-token"]')?.content ?? '';

/** An error the playground (or the network) answered with. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  return call<T>(path, { method: 'GET' });
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

/** The stream of the app's status (a reload, a module that fails to load). */
export function events(onMessage: (data: unknown) => void): EventSource {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (event: MessageEvent<string>) => onMessage(JSON.parse(event.data));
  return source;
}

/** A key to keep this playground's conversation under, across reloads of the page. */
export const storageKey = `fulfiller-play:${location.port}`;

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), 'x-play-token': token } });
  } catch {
    throw new ApiError('OFFLINE', 'The playground does not answer: is `fulfiller play` still running in its terminal?', 0);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(`HTTP ${response.status}`, text.slice(0, 300) || `The playground answered ${response.status}.`, response.status);
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(error?.code ?? `HTTP ${response.status}`, error?.message ?? `The playground answered ${response.status}.`, response.status);
  }
  return body as T;
}
