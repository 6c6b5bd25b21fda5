import type { Contender } from './contenders.js';
import type { Payload, PayloadName } from './payloads.js';
import type { Pinning } from './process/cpu-pinning.js';
import { freePort } from './process/free-port.js';
import { postOnce } from './process/post-once.js';
import { spawnServer, urlFor } from './process/server-process.js';

/** A contender left out of the run, and why. */
export interface Skipped {
  contender: string;
  reason: string;
}

// Every contender's answer says this; a fallback or an error page does not.

/**
 * Starts each contender once and checks that it is what it claims to be before anything is
 * measured: a 200 with the handler's sentence for each of its payloads, and, for a contender with
 * credentials, a refusal without them (a server that ignores FULFILLER_API_KEYS would otherwise
 * be benchmarked as the secured one). A contender that fails is skipped with the reason.
 */
export async function checkContenders(
  contenders: readonly Contender[],
  payloads: Readonly<Record<PayloadName, Payload>>,
  pinning: Pinning,
): Promise<{ ok: Contender[]; skipped: Skipped[] }> {
  const ok: Contender[] = [];
  const skipped: Skipped[] = [];
  for (const contender of contenders) {
    const reason = await problemOf(contender, payloads, pinning);
    if (reason === undefined) ok.push(contender);
    else skipped.push({ contender: contender.id, reason });
  }
  return { ok, skipped };
}

async function problemOf(contender: Contender, payloads: Readonly<Record<PayloadName, Payload>>, pinning: Pinning): Promise<string | undefined> {
  const first = payloads[contender.payloads[0]!];
  const server = spawnServer(contender, { pinning, port: await freePort(), probe: { body: first.body, headers: contender.headers, path: first.path } });
  try {
    await server.ready;
    for (const name of contender.payloads) {
      const payload = payloads[name];
      const answer = await postOnce(urlFor(server.url, payload.path), payload.body, contender.headers);
      if (answer.status !== 200 || !answer.text.includes(payload.expect)) {
        return `${name} payload answered ${answer.status} without the handler's answer: ${answer.text.slice(0, 200)}`;
      }
    }
    if (contender.refusesWithout !== undefined) {
      const bare = await postOnce(urlFor(server.url, first.path), first.body, {});
      if (bare.status !== contender.refusesWithout) {
        return `answered ${bare.status} without credentials, not ${contender.refusesWithout}: this build does not enforce ${Object.keys(contender.env)
          .filter((k) => k.startsWith('FULFILLER_'))
          .join(', ')}`;
      }
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await server.stop();
  }
}
