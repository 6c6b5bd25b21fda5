import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../testing/support/sample.js';

/**
 * The package as npm publishes it, and the repository as `npm ci` builds it: the repository's
 * package.json keeps `prepare` (a fresh clone's `npm ci` builds dist/), the packed one has no
 * install-time script (npm warns about those on every install of the package), and says where
 * the project lives. `npm pack` runs on a copy whose build is a no-op, and the tarball is
 * installed offline into a project of its own.
 */
const manifestText = readFileSync('package.json', 'utf8');
const manifest = JSON.parse(manifestText) as Record<string, unknown> & { scripts: Record<string, string> };
const INSTALL_TIME = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'];

function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  return spawnSync('npm', args, { cwd, encoding: 'utf8', env, timeout: 120_000 });
}

/** A copy of the package with everything npm pack reads, a no-op build and no dependencies to fetch. */
function packableCopy(): string {
  const dir = tempDir('fulfiller-pack-');
  const copy: Record<string, unknown> = { ...manifest, scripts: { ...manifest.scripts, build: 'node -e ""' } };
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'peerDependenciesMeta', 'allowScripts']) delete copy[key];
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(copy, null, 2)}\n`);
  cpSync('scripts/pack', join(dir, 'scripts/pack'), { recursive: true });
  mkdirSync(join(dir, 'dist/lib'), { recursive: true });
  writeFileSync(join(dir, 'dist/lib/index.js'), 'export const packed = true;\n');
  return dir;
}

describe('the package.json of the repository and of the package', () => {
  it('keeps prepare in the repository, so that npm ci builds dist/ on a fresh clone', () => {
    expect(manifest.scripts.prepare).toBe('npm run build');
  });

  it("is in npm's own format, so that packing gives it back byte for byte", () => {
    expect(manifestText).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });

  it('says where the project lives', () => {
    const { repository, bugs, homepage } = manifest as { repository?: { url?: string }; bugs?: { url?: string }; homepage?: string };
    expect(repository?.url).toMatch(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    const home = repository!.url!.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(bugs?.url).toBe(`${home}/issues`);
    expect(homepage).toBe(`${home}#readme`);
  });

  it('packs without install-time scripts, gives the repository its file back, and installs without a warning', () => {
    const dir = packableCopy();
    const before = readFileSync(join(dir, 'package.json'), 'utf8');
    const out = tempDir('fulfiller-tarball-');
    const pack = npm(['pack', '--pack-destination', out], dir);
    expect({ status: pack.status, stderr: pack.stderr.split('\n').filter((l) => /ERR|warn/i.test(l)) }).toEqual({ status: 0, stderr: [] });
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(before);

    const tarball = join(out, `dialogflow-fulfiller-${manifest.version as string}.tgz`);
    const packed = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as typeof manifest;
    expect(INSTALL_TIME.filter((name) => name in packed.scripts)).toEqual([]);
    expect(packed).toMatchObject({ repository: manifest.repository, bugs: manifest.bugs, homepage: manifest.homepage });

    const project = tempDir('fulfiller-consumer-');
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    const install = npm(['install', '--offline', '--no-package-lock', tarball], project);
    expect(install.status).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|install script/i);
  }, 120_000);
});
