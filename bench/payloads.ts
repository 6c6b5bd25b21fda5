import { readFileSync } from 'node:fs';

export type PayloadName = 'cx' | 'es';

/** A request body the load generator sends, as the exact bytes. */
export interface Payload {
  readonly name: PayloadName;
  readonly label: string;
  readonly body: string;
}

const LABELS: Readonly<Record<PayloadName, string>> = {
  cx: 'CX request with form info and session parameters',
  es: "Google's ES sample request",
};

/** The two request bodies of bench/payloads/ (see its README for where they come from). */
export function loadPayloads(): Record<PayloadName, Payload> {
  const read = (name: PayloadName): Payload => ({
    name,
    label: LABELS[name],
    body: readFileSync(new URL(`./payloads/${name}-request.json`, import.meta.url), 'utf8'),
  });
  return { cx: read('cx'), es: read('es') };
}
