import { spawn } from 'node:child_process';

/** Google's proto3 JSON parser, driven through ../shared/tools/pbjson/pbjson.py. */
export class Oracle {
  constructor(private readonly script: string) {}

  /** Writes `count` random valid messages of `type` (e.g. cx.WebhookRequest) into `dir`. */
  async generate(type: string, count: number, seed: number, dir: string): Promise<void> {
    const run = await this.run(['gen', type, String(count), String(seed), dir]);
    if (run.code !== 0) throw new Error(`pbjson gen ${type} failed: ${run.stderr || run.stdout}`);
  }

  /**
   * Parses every *.json file in `dir` as `type` in one process; true per file that parsed.
   * Lenient mode ignores unknown fields, as webhook requests need.
   */
  async check(type: string, dir: string, lenient: boolean): Promise<Map<string, boolean>> {
    const run = await this.run([...(lenient ? ['--lenient'] : []), 'check', type, dir]);
    // The last line sums up ("# 3/5 parsed as ..."); without it the run died part way.
    if (!/^# \d+\/\d+ parsed/m.test(run.stdout)) throw new Error(`pbjson check ${type} ${dir} did not finish: ${run.stderr || run.stdout}`);
    const verdicts = new Map<string, boolean>();
    for (const line of run.stdout.split('\n')) {
      const match = /^(OK {2}|FAIL) (.+?\.json)(?::|$)/.exec(line);
      if (match) verdicts.set(match[2]!, match[1] === 'OK  ');
    }
    return verdicts;
  }

  private run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      // Error messages may quote unpaired surrogates, which Python cannot print as UTF-8.
      const env = { ...process.env, PYTHONIOENCODING: 'utf-8:backslashreplace' };
      const child = spawn('python3', [this.script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }
}
