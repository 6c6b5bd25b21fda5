/**
 * Keeps every response time at full precision. autocannon's own histogram has a 1 ms floor,
 * too coarse for a target of "at most 1 ms added at p99".
 */
export class LatencyRecorder {
  private values = new Float64Array(1 << 16);
  private count = 0;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  /** Nearest-rank percentiles (p in 0–100) of everything recorded, in ms. */
  percentiles(...ps: number[]): number[] {
    const sorted = this.values.slice(0, this.count).sort();
    return ps.map((p) => (this.count === 0 ? NaN : sorted[Math.min(this.count - 1, Math.max(0, Math.ceil((p / 100) * this.count) - 1))]!));
  }
}
