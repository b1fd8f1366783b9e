/**
 * How the bench judges a speed figure: the ratio of the widget's median to the baseline's, with a
 * 95% interval from a paired bootstrap (runs are taken in interleaved pairs, so each resample keeps
 * a widget run with the baseline run beside it: both felt the same machine load).
 */
import { CONFIDENCE } from './goals.ts';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A small seeded generator (mulberry32), so that an interval is the same for the same runs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Ratio {
  /** Median of the widget's runs / median of the baseline's. */
  ratio: number;
  /** The 95% interval of `ratio`. */
  low: number;
  high: number;
  widget: number;
  baseline: number;
  runs: number;
}

/** The ratio of medians of paired runs, with its bootstrap interval. */
function ratioOf(widget: readonly number[], baseline: readonly number[]): Ratio {
  if (widget.length !== baseline.length || widget.length === 0) throw new Error('ratioOf: paired runs expected');
  const n = widget.length;
  const next = random(n * 7919 + Math.round(median(widget) * 1000));
  const ratios: number[] = [];
  const w = new Array<number>(n);
  const b = new Array<number>(n);
  for (let r = 0; r < CONFIDENCE.resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(next() * n);
      w[i] = widget[j]!;
      b[i] = baseline[j]!;
    }
    ratios.push(median(w) / median(b));
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - CONFIDENCE.level) / 2;
  return {
    ratio: median(widget) / median(baseline),
    low: ratios[Math.floor(tail * ratios.length)]!,
    high: ratios[Math.min(ratios.length - 1, Math.ceil((1 - tail) * ratios.length) - 1)]!,
    widget: median(widget),
    baseline: median(baseline),
    runs: n,
  };
}

/** `met` when the whole interval is within `limit`, `not met` when the whole interval is past it, else undecided. */
export function verdict(r: Ratio, limit: number): 'met' | 'NOT MET' | 'undecided' {
  if (r.high <= limit) return 'met';
  if (r.low > limit) return 'NOT MET';
  return 'undecided';
}

/**
 * Takes interleaved pairs from `pair()` (widget time, baseline time) in batches until the interval
 * decides the goal (`CONFIDENCE.minRuns` at least, `maxRuns` at most); returns the figure.
 */
export async function untilDecided(pair: (index: number) => Promise<[number, number]>, limit: number, maxRuns = CONFIDENCE.maxRuns): Promise<Ratio> {
  const widget: number[] = [];
  const baseline: number[] = [];
  for (;;) {
    for (let i = 0; i < CONFIDENCE.batch; i++) {
      const [w, b] = await pair(widget.length);
      widget.push(w);
      baseline.push(b);
    }
    if (widget.length < CONFIDENCE.minRuns) continue;
    const figure = ratioOf(widget, baseline);
    if (verdict(figure, limit) !== 'undecided' || widget.length >= maxRuns) return figure;
  }
}
