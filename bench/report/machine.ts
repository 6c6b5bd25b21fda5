import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

/** The machine and software a run was measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** Versions of the packages that take part. */
  packages: Record<string, string>;
  /** `git describe --always --dirty` of the checkout measured. */
  commit: string;
}

const PACKAGES = ['autocannon', 'tinybench', 'express', 'dialogflow-fulfillment', 'actions-on-google'];

export function describeMachine(): Machine {
  const osRelease = tryRead('/etc/os-release');
  const distro = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(osRelease)?.[1] ?? 'Linux';
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length, // not availableParallelism(): the harness is pinned to fewer
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${distro}, kernel ${release()}`,
    node: process.version,
    packages: Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)])),
    commit: tryRun('git', ['describe', '--always', '--dirty']),
  };
}

function versionOf(name: string): string {
  const manifest = tryRead(new URL(`../../node_modules/${name}/package.json`, import.meta.url));
  return manifest === '' ? 'missing' : (JSON.parse(manifest) as { version: string }).version;
}

function tryRead(path: string | URL): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function tryRun(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
