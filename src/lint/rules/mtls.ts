import { builtins } from '../../runtime/builtins.js';
import type { LintCheck, RuleFinding } from '../lint-context.js';

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * With `--tls-ca` (mutual TLS, as `fulfiller serve` sets it): every served webhook must be
 * https, and a client certificate the agent presents (CX `clientCertificateSettings`) must chain
 * to that CA. Without one, Dialogflow presents Google's own, which this check cannot judge.
 */
export const mtls: LintCheck = ({ tlsCa, served, agent }) => {
  if (tlsCa === undefined) return [];
  const findings: RuleFinding[] = served.flatMap((webhook) =>
    webhook.url !== undefined && /^http:/i.test(webhook.url)
      ? [
          {
            rule: 'mtls-client-certificate',
            message: `The webhook ${webhook.displayName} is called over plain http: mutual TLS (--tls-ca) needs https.`,
            fix: `Change the webhook's URL to https in the console.`,
            location: webhook.location,
            subject: webhook.displayName,
          },
        ]
      : [],
  );
  if (agent.clientCertificate !== undefined && !chainsTo(agent.clientCertificate, tlsCa)) {
    findings.push({
      rule: 'mtls-client-certificate',
      message:
        "The agent's client certificate (agent settings › client certificate) is not issued by the CA given with --tls-ca: the TLS handshake fails on every call.",
      fix: "Give --tls-ca the CA that issued the agent's certificate, or upload a certificate issued by that CA in the agent settings.",
      location: { file: 'agent.json', path: 'agent › client certificate' },
      subject: 'clientCertificateSettings',
    });
  }
  return findings;
};

/** Whether the first certificate of `pem` reaches one of `caPem`'s, through the others in `pem`. */
function chainsTo(pem: string, caPem: string): boolean {
  const { X509Certificate } = builtins.crypto();
  const parse = (text: string) =>
    (text.match(PEM) ?? []).flatMap((block) => {
      try {
        return [new X509Certificate(block)];
      } catch {
        return [];
      }
    });
  const [leaf, ...chain] = parse(pem);
  const roots = parse(caPem);
  let current: InstanceType<typeof X509Certificate> | undefined = leaf;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    const subject: InstanceType<typeof X509Certificate> = current;
    if (roots.some((ca) => subject.checkIssued(ca) && subject.verify(ca.publicKey))) return true;
    current = chain.find((ca) => ca !== subject && subject.checkIssued(ca) && subject.verify(ca.publicKey));
  }
  return false;
}
