/**
 * Parameter registry: every model parameter has a dotted path, a canonical unit
 * (a mathjs unit string, or "" for a dimensionless number), a default (which may
 * depend on sex), a one-line description and its source. Scenario `parameters:`,
 * `--set path=value` and `simulate({ overrides })` all go through this table.
 */
import type { Sex } from "../scenario/types.js";

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

export type ParameterValues = Readonly<Record<string, number>>;

export function defineParameters(specs: Record<string, Omit<ParameterSpec, "path">>): Map<string, ParameterSpec> {
  const map = new Map<string, ParameterSpec>();
  for (const [path, spec] of Object.entries(specs)) map.set(path, { path, ...spec });
  return map;
}

export function defaultFor(spec: ParameterSpec, sex: Sex): number {
  return typeof spec.default === "number" ? spec.default : spec.default[sex];
}
