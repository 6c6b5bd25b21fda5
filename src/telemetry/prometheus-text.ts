/**
 * Counters, histograms and gauges kept in plain objects and written in the Prometheus text
 * exposition format (version 0.0.4), as prom-client writes it. Recording a value is an array
 * update on a series the caller holds: no label hashing per call.
 */

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** One labelled series: its label text (`dialect="cx",route="none"`) and its values. */
export interface CounterSeries {
  readonly labels: string;
  value: number;
}

export interface HistogramSeries {
  readonly labels: string;
  /** Per bucket, the observations at most its bound and above the previous one (not cumulative). */
  readonly counts: number[];
  sum: number;
  count: number;
}

abstract class Family<S extends { labels: string }> {
  private readonly series = new Map<string, S>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'histogram',
    private readonly labelNames: readonly string[],
  ) {}

  /** The series for these label values, in the order of the family's label names; made on first use. */
  with(...values: string[]): S {
    const labels = this.labelNames.map((name, i) => `${name}="${escapeLabel(values[i] ?? '')}"`).join(',');
    let series = this.series.get(labels);
    if (series === undefined) {
      series = this.create(labels);
      this.series.set(labels, series);
    }
    return series;
  }

  /** The family's lines: help, type, then every series. */
  render(): string[] {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
    for (const series of this.series.values()) this.lines(series, lines);
    return lines;
  }

  protected abstract create(labels: string): S;
  protected abstract lines(series: S, out: string[]): void;
}

export class CounterFamily extends Family<CounterSeries> {
  constructor(name: string, help: string, labelNames: readonly string[]) {
    super(name, help, 'counter', labelNames);
  }

  protected create(labels: string): CounterSeries {
    return { labels, value: 0 };
  }

  protected lines(series: CounterSeries, out: string[]): void {
    out.push(`${this.name}{${series.labels}} ${formatNumber(series.value)}`);
  }
}

export class HistogramFamily extends Family<HistogramSeries> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    /** Upper bounds, ascending. */
    readonly buckets: readonly number[],
  ) {
    super(name, help, 'histogram', labelNames);
  }

  /** Adds one observation to a series of this family. */
  observe(series: HistogramSeries, value: number): void {
    let i = 0;
    while (i < this.buckets.length && value > this.buckets[i]!) i++;
    series.counts[i]!++; // the last slot is +Inf
    series.sum += value;
    series.count++;
  }

  protected create(labels: string): HistogramSeries {
    return { labels, counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 };
  }

  protected lines(series: HistogramSeries, out: string[]): void {
    const sep = series.labels === '' ? '' : ',';
    let cumulative = 0;
    for (let i = 0; i <= this.buckets.length; i++) {
      cumulative += series.counts[i]!;
      const le = i < this.buckets.length ? formatNumber(this.buckets[i]!) : '+Inf';
      out.push(`${this.name}_bucket{le="${le}"${sep}${series.labels}} ${cumulative}`);
    }
    const labels = series.labels === '' ? '' : `{${series.labels}}`;
    out.push(`${this.name}_sum${labels} ${formatNumber(series.sum)}`, `${this.name}_count${labels} ${series.count}`);
  }
}

/** A gauge without labels, read when the metrics are rendered. */
export function renderGauge(name: string, help: string, value: number): string[] {
  return [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} gauge`, `${name} ${formatNumber(value)}`];
}

/** Families' lines in the exposition format: one block each, an empty line between, a newline at the end. */
export function renderFamilies(families: readonly string[][]): string {
  return `${families.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function escapeLabel(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function escapeHelp(value: string): string {
  return value.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}
