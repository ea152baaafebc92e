/**
 * Struct-of-arrays storage for agent populations: one typed array per field,
 * a live count, capacity that doubles, and in-place compaction (stable order,
 * so runs stay deterministic).
 */
export class Columns<K extends string> {
  count = 0;
  private capacity: number;
  readonly f: Record<K, Float64Array>;
  /** The same arrays in field order (hot loops index this, not the record by name). */
  private arrays: Float64Array[] = [];
  private keepMask = new Uint8Array(0);
  /** Scratch: rows kept by a compaction. */
  private keep = new Int32Array(0);

  constructor(
    private readonly names: readonly K[],
    initialCapacity = 1024,
  ) {
    this.capacity = initialCapacity;
    const f = {} as Record<K, Float64Array>;
    for (const n of names) f[n] = new Float64Array(initialCapacity);
    this.f = f;
    this.arrays = names.map((n) => f[n]);
  }

  /** Append one agent; returns its index. Fields start at 0. */
  push(): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    const i = this.count++;
    const arrays = this.arrays;
    for (let k = 0; k < arrays.length; k++) (arrays[k] as Float64Array)[i] = 0;
    return i;
  }

  /** Make room for `extra` more agents without reallocating (hot loops keep their array references). */
  reserve(extra: number): void {
    let cap = this.capacity;
    while (cap < this.count + extra) cap *= 2;
    if (cap !== this.capacity) this.grow(cap);
  }

  /** Keep agents whose field `key` is positive (e.g. a weight), preserving order. */
  compactWherePositive(key: K): void {
    const n = this.count;
    const src = this.f[key];
    // The kept rows from the first hole on, found once; agents before it stay where they are.
    let first = 0;
    while (first < n && (src[first] as number) > 0) first++;
    if (first === n) return;
    if (this.keep.length < n) this.keep = new Int32Array(this.capacity);
    const keep = this.keep;
    let kept = first;
    for (let r = first + 1; r < n; r++) if ((src[r] as number) > 0) keep[kept++] = r;
    // Indexed (not for…of): the iterator's exit path, reached only here and rarely, kept deoptimising the method.
    const arrays = this.arrays;
    for (let j = 0; j < arrays.length; j++) {
      const a = arrays[j] as Float64Array;
      for (let k = first; k < kept; k++) a[k] = a[keep[k] as number] as number;
    }
    this.count = kept;
  }

  /** Keep agents for which keep(i) is true, preserving order. */
  compact(keep: (i: number) => boolean): void {
    const n = this.count;
    if (this.keepMask.length < n) this.keepMask = new Uint8Array(this.capacity);
    const mask = this.keepMask;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const k = keep(i) ? 1 : 0;
      mask[i] = k;
      kept += k;
    }
    if (kept === n) return;
    for (const a of this.arrays) {
      let w = 0;
      for (let r = 0; r < n; r++) if (mask[r] === 1) a[w++] = a[r] as number;
    }
    this.count = kept;
  }

  /** Drop the first k agents (the oldest, when agents are appended in birth order). */
  dropFront(k: number): void {
    // k <= 0 copies nothing (copyWithin(0, k, 0)) but runs the same calls, so a caller that drops 0 most
    // steps has the calls' feedback when it does drop and its optimised code is not thrown away then.
    const drop = k > 0 ? k : 0;
    const end = drop > 0 ? this.count : 0;
    const arrays = this.arrays;
    for (let j = 0; j < arrays.length; j++) (arrays[j] as Float64Array).copyWithin(0, drop, end);
    this.count -= drop;
  }

  /** Shrink the capacity to the live agents (a kept copy that is only copied from, never stepped). */
  trim(): void {
    this.grow(Math.max(16, this.count));
  }

  private grow(newCapacity: number): void {
    for (const n of this.names) {
      const a = new Float64Array(newCapacity);
      a.set(this.f[n].subarray(0, this.count));
      this.f[n] = a;
    }
    this.arrays = this.names.map((n) => this.f[n]);
    this.capacity = newCapacity;
  }
}
