/**
 * What a model parameter is: a dotted path, a canonical unit (a mathjs unit
 * string, or "" for a dimensionless number), a default (which may depend on
 * sex), a one-line description, its source and provenance.
 *
 * Each physiology module declares its own parameters in a typed block
 * (`defineParameters`), next to the code that reads them; src/engine/parameters.ts
 * gathers the blocks into the registry that scenario `parameters:`, `--set
 * path=value`, sweeps and `simulate({ overrides })` go through. A block's paths
 * are a type (`PathsOf<typeof BLOCK>`), so `param(values, "iron.typo")` does not
 * compile.
 */
import type { Sex } from "../core/types.js";

export interface ParameterSpec {
  path: string;
  /** Canonical unit as mathjs understands it ("mg/day", "h", "fL"), or "" if dimensionless. */
  unit: string;
  /** Default in the canonical unit; a pair when it differs by sex. */
  default: number | { male: number; female: number };
  description: string;
  source: string;
  /** Inclusive bounds for validation of overrides. */
  min?: number;
  max?: number;
  /** Optional in the type so concurrent additions compile; test/provenance.test.ts requires it on every parameter. */
  provenance?: Provenance;
}

/**
 * What kind of number a parameter is: measured in humans (its `source` says
 * where), calibrated (fitted so the model meets the named validation targets:
 * ids from `erythron validate`, or "signature:<test file>" for signature
 * tests), assumed (a modelling choice without a direct measurement), or
 * numerical (a solver setting, not physiology).
 */
export type Provenance =
  | { kind: "measured" }
  | { kind: "calibrated"; targets: readonly string[] }
  | { kind: "assumed" }
  | { kind: "numerical" };

/** A parameter as a module declares it: everything but the path, which is its key in the block. */
export type ParameterDef = Omit<ParameterSpec, "path">;

/** A module's parameters, keyed by path, in declaration order. */
export type ParameterBlock<K extends string> = { readonly [P in K]: ParameterSpec };

/** The paths a block declares (of a union of blocks: every path of each). */
export type PathsOf<B> = B extends unknown ? Extract<keyof B, string> : never;

/** Resolved values (canonical units) of at least the paths `K`. */
export type ParameterValues<K extends string = string> = Readonly<Record<K, number>>;

/** Declare a module's parameters; the keys become the block's path type. */
export function defineParameters<K extends string>(defs: { readonly [P in K]: ParameterDef }): ParameterBlock<K> {
  const block = {} as Record<K, ParameterSpec>;
  for (const path of Object.keys(defs) as K[]) block[path] = { path, ...defs[path] };
  return Object.freeze(block);
}

export function defaultFor(spec: ParameterSpec, sex: Sex): number {
  return typeof spec.default === "number" ? spec.default : spec.default[sex];
}

export class ParameterError extends Error {
  override name = "ParameterError";
}

/**
 * Read a resolved parameter. `path` must be one of the paths the values are
 * typed with, so a misspelt name is a type error; the run-time check guards
 * values built without types.
 */
export function param<K extends string>(values: ParameterValues<K>, path: NoInfer<K>): number {
  const v = values[path];
  if (v === undefined) throw new Error(`internal: no parameter ${path}`);
  return v;
}

/** Defaults for a sex, with overrides (already in canonical units) checked against the specs and applied. */
export function resolveValues<K extends string>(
  specs: ReadonlyMap<string, ParameterSpec>,
  sex: Sex,
  overrides: Readonly<Record<string, number>> = {},
): ParameterValues<K> {
  const values: Record<string, number> = {};
  for (const spec of specs.values()) values[spec.path] = defaultFor(spec, sex);
  for (const [path, value] of Object.entries(overrides)) {
    const spec = specs.get(path);
    if (!spec) throw new ParameterError(`unknown parameter "${path}"`);
    if (!Number.isFinite(value)) throw new ParameterError(`parameter "${path}": ${value} is not a finite number`);
    if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
      throw new ParameterError(
        `parameter "${path}": ${value} ${spec.unit} is outside ${spec.min ?? "-∞"}…${spec.max ?? "∞"} ${spec.unit}`,
      );
    }
    values[path] = value;
  }
  return Object.freeze(values) as ParameterValues<K>;
}
