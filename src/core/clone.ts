/**
 * Deep copy of a model object graph (a Body and everything it holds): class
 * instances keep their prototypes, typed arrays and containers are copied,
 * shared references stay shared, random streams are forked at their current
 * state. Functions other than a stream's are refused, so nothing is shared by
 * accident.
 */
export function deepClone<T>(root: T): T {
  return copier(new Map())(root) as T;
}

function copier(seen: Map<unknown, unknown>): (x: unknown) => unknown {
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
      const proto = Object.getPrototypeOf(x);
      const o = (proto === Object.prototype ? {} : Object.create(proto)) as Record<string, unknown>;
      seen.set(x, o);
      for (const k of Object.keys(x)) o[k] = copy((x as Record<string, unknown>)[k]);
      return Object.isFrozen(x) ? Object.freeze(o) : o;
    }
    seen.set(x, out);
    return out;
  };
  return copy;
}

/**
 * Copy the state of `source` into `target`, an object of the same classes
 * freshly constructed: objects of the same class are filled in place (so they
 * keep the shapes their constructors gave them, which the engine's hot loops
 * are compiled for), random streams take up the source's point in their
 * sequence, everything else is deep-copied. References shared in the source
 * are shared in the result.
 */
export function copyInto<T extends object>(target: T, source: T): T {
  const seen = new Map<unknown, unknown>();
  const copy = copier(seen);
  const into = (t: Record<string, unknown>, s: Record<string, unknown>): void => {
    seen.set(s, t);
    for (const k of Object.keys(s)) {
      const sv = s[k];
      const tv = t[k];
      if (seen.has(sv)) {
        t[k] = seen.get(sv);
      } else if (isPlainInstance(sv) && (Object.isFrozen(sv) || (isPlainInstance(tv) && Object.isFrozen(tv)))) {
        t[k] = copy(sv); // frozen (resolved parameters): a frozen copy
      } else if (isStream(sv) && isStream(tv)) {
        (tv.copyFrom as (o: unknown) => void)(sv);
        seen.set(sv, tv);
      } else if (
        isPlainInstance(sv) &&
        isPlainInstance(tv) &&
        Object.getPrototypeOf(tv) === Object.getPrototypeOf(sv)
      ) {
        into(tv as Record<string, unknown>, sv as Record<string, unknown>);
      } else {
        t[k] = copy(sv);
      }
    }
  };
  into(target as Record<string, unknown>, source as Record<string, unknown>);
  return target;
}

function isStream(x: unknown): x is { copyFrom?: unknown } {
  return x !== null && typeof x === "object" && typeof (x as { copyFrom?: unknown }).copyFrom === "function";
}

function isPlainInstance(x: unknown): x is object {
  return (
    x !== null &&
    typeof x === "object" &&
    !ArrayBuffer.isView(x) &&
    !Array.isArray(x) &&
    !(x instanceof Map) &&
    !(x instanceof Set) &&
    !isStream(x)
  );
}

/** Marks a random stream's state in a plain snapshot. */
const STREAM_KEY = "__erythronStream";

/**
 * A plain-data snapshot of a model object graph, for structured serialisation
 * (node:v8): class instances become plain records of their own fields, random
 * streams their point in the sequence; typed arrays, Maps and shared references
 * are kept (the serialiser keeps identity). `fillFrom` puts it back.
 */
export function toPlain(root: unknown, streamState: (s: unknown) => unknown): unknown {
  const seen = new Map<unknown, unknown>();
  const plain = (x: unknown): unknown => {
    if (x === null || typeof x !== "object") {
      if (typeof x === "function") throw new Error("toPlain: cannot store a function");
      return x;
    }
    const done = seen.get(x);
    if (done !== undefined) return done;
    if (ArrayBuffer.isView(x)) {
      seen.set(x, x);
      return x;
    }
    if (Array.isArray(x)) {
      const a: unknown[] = [];
      seen.set(x, a);
      for (const v of x) a.push(plain(v));
      return a;
    }
    if (x instanceof Map) {
      const m = new Map();
      seen.set(x, m);
      for (const [k, v] of x) m.set(plain(k), plain(v));
      return m;
    }
    if (x instanceof Set) {
      const s = new Set();
      seen.set(x, s);
      for (const v of x) s.add(plain(v));
      return s;
    }
    if (isStream(x)) {
      const o = { [STREAM_KEY]: streamState(x) };
      seen.set(x, o);
      return o;
    }
    const o: Record<string, unknown> = {};
    seen.set(x, o);
    for (const k of Object.keys(x)) o[k] = plain((x as Record<string, unknown>)[k]);
    return o;
  };
  return plain(root);
}

/**
 * Fill `target`, a freshly constructed object of the snapshot's classes, from a
 * `toPlain` snapshot: records are filled into the target's objects in place
 * (they keep their classes and shapes), streams are put at their recorded
 * point, frozen objects (resolved parameters, derived from the same inputs)
 * are kept, everything else is taken from the snapshot. Throws when the
 * snapshot does not fit the target's structure.
 */
export function fillFrom<T extends object>(
  target: T,
  snapshot: unknown,
  restoreStream: (s: unknown, state: unknown) => void,
): T {
  const seen = new Map<unknown, unknown>();
  const isRecord = (x: unknown): x is Record<string, unknown> =>
    x !== null && typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype;
  const into = (t: Record<string, unknown>, s: Record<string, unknown>): void => {
    seen.set(s, t);
    for (const k of Object.keys(s)) {
      const sv = s[k];
      const tv = t[k];
      if (sv !== null && typeof sv === "object" && seen.has(sv)) {
        t[k] = seen.get(sv);
      } else if (isRecord(sv) && STREAM_KEY in sv) {
        if (!isStream(tv)) throw new Error(`fillFrom: ${k} is not a stream`);
        restoreStream(tv, sv[STREAM_KEY]);
        seen.set(sv, tv);
      } else if (isRecord(sv) && isPlainInstance(tv)) {
        if (Object.isFrozen(tv)) seen.set(sv, tv);
        else into(tv as Record<string, unknown>, sv);
      } else {
        if (typeof sv !== typeof tv && tv !== undefined && sv !== undefined)
          throw new Error(`fillFrom: ${k} has another type`);
        t[k] = sv;
        if (sv !== null && typeof sv === "object") seen.set(sv, sv);
      }
    }
  };
  if (!isRecord(snapshot)) throw new Error("fillFrom: not a snapshot");
  into(target as Record<string, unknown>, snapshot);
  return target;
}
