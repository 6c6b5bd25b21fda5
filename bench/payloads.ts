import { readFileSync } from 'node:fs';

export const PAYLOAD_NAMES = ['cx', 'es', 'endpoint'] as const;
export type PayloadName = (typeof PAYLOAD_NAMES)[number];

/** A request the load generator sends: the exact bytes, where to, and what the answer holds. */
export interface Payload {
  readonly name: PayloadName;
  readonly label: string;
  readonly body: string;
  /** The path it is POSTed to. */
  readonly path: string;
  /** Text every right answer contains. */
  readonly expect: string;
}

const LABELS: Readonly<Record<PayloadName, string>> = {
  cx: 'CX request with form info and session parameters',
  es: "Google's ES sample request",
  endpoint: 'endpoint POST /customers/validate with a one-field body',
};

/** The request bodies of bench/payloads/ (see its README for where they come from). */
export function loadPayloads(): Record<PayloadName, Payload> {
  const read = (name: PayloadName, path: string, expect: string): Payload => ({
    name,
    label: LABELS[name],
    body: readFileSync(new URL(`./payloads/${name}-request.json`, import.meta.url), 'utf8'),
    path,
    expect,
  });
  const answer = 'your order A-1003 is preparing for shipment';
  return { cx: read('cx', '/webhook', answer), es: read('es', '/webhook', answer), endpoint: read('endpoint', '/customers/validate', '"valid":true') };
}
