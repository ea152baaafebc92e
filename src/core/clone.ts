/**
 * Deep copy of a model object graph (a Body and everything it holds): class
 * instances keep their prototypes, typed arrays and containers are copied,
 * shared references stay shared, random streams are forked at their current
 * state. Functions other than a stream's are refused, so nothing is shared by
 * accident.
 */
export function deepClone<T>(root: T): T {
  const seen = new Map<unknown, unknown>();
  const copy = (x: unknown): unknown => {
    if (x === null || typeof x !== "object") {
      if (typeof x === "function") throw new Error("deepClone: cannot copy a function");
      return x;
    }
    const done = seen.get(x);
    if (done !== undefined) return done;
    let out: unknown;
    if (ArrayBuffer.isView(x)) {
      out = (x as unknown as Float64Array).slice();
    } else if (Array.isArray(x)) {
      const a: unknown[] = [];
      seen.set(x, a);
      for (const v of x) a.push(copy(v));
      return a;
    } else if (x instanceof Map) {
      const m = new Map();
      seen.set(x, m);
      for (const [k, v] of x) m.set(copy(k), copy(v));
      return m;
    } else if (x instanceof Set) {
      const s = new Set();
      seen.set(x, s);
      for (const v of x) s.add(copy(v));
      return s;
    } else if (typeof (x as { fork?: unknown }).fork === "function") {
      out = (x as { fork: () => unknown }).fork();
    } else {
      const o = Object.create(Object.getPrototypeOf(x)) as Record<string, unknown>;
      seen.set(x, o);
      for (const k of Object.keys(x)) o[k] = copy((x as Record<string, unknown>)[k]);
      return o;
    }
    seen.set(x, out);
    return out;
  };
  return copy(root) as T;
}
