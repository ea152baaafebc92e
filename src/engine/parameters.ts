/**
 * The parameter registry: every module's block of parameters (declared next to
 * its physiology, src/physiology/*), gathered in one order for `erythron list`,
 * the scenario JSON schema, `--set`, sweeps and `simulate({ overrides })`.
 *
 * Sources are abbreviated; the full references are in docs/method.md and
 * ../shared/reference/physiology.md (section numbers given as "ref §x").
 * "calibrated" means: no direct measurement exists, the value is chosen so the
 * healthy steady state lands on the reference numbers named.
 *
 * A new module's block is one more line in BLOCKS.
 */
import type { Sex } from "../core/types.js";
import { type ParameterSpec, type ParameterValues, type PathsOf, resolveValues } from "../parameters/spec.js";
import { BLOOD_VOLUME_PARAMETERS } from "../physiology/blood-volume.js";
import { CIRCULATION_PARAMETERS } from "../physiology/circulation.parameters.js";
import { DIURNAL_PARAMETERS } from "../physiology/diurnal.js";
import { EPO_PARAMETERS } from "../physiology/epo.js";
import { ERYTHROID_RESERVE_PARAMETERS } from "../physiology/erythroid-reserve.js";
import { ERYTHROPOIESIS_PARAMETERS } from "../physiology/erythropoiesis.parameters.js";
import { ERYTHROPOIESIS_DRIVE_PARAMETERS } from "../physiology/erythropoiesis-drive.js";
import { ESA_PARAMETERS } from "../physiology/esa.js";
import { GENOTYPE_PARAMETERS } from "../physiology/genotype.js";
import { HEMOLYSIS_PARAMETERS } from "../physiology/hemolysis.js";
import { HEPCIDIN_PARAMETERS, TRANSFERRIN_PARAMETERS } from "../physiology/hepcidin.parameters.js";
import { HYPOXIA_PARAMETERS } from "../physiology/hypoxia.js";
import { INFLAMMATION_PARAMETERS } from "../physiology/inflammation.js";
import { IRON_PARAMETERS, SERUM_MARKER_PARAMETERS } from "../physiology/iron.parameters.js";
import { LEAD_PARAMETERS } from "../physiology/lead.js";
import { MACROPHAGE_PARAMETERS } from "../physiology/macrophage.js";
import { MEALS_PARAMETERS } from "../physiology/meals.js";
import { MENSES_PARAMETERS } from "../physiology/menses.js";
import { PREGNANCY_PARAMETERS } from "../physiology/pregnancy.js";
import { KIDNEY_PARAMETERS } from "../physiology/renal.js";
import { TRACER_PARAMETERS } from "../physiology/tracer.js";
import { TRANSFUSION_PARAMETERS } from "../physiology/transfusion.js";
import { VITAMIN_PARAMETERS } from "../physiology/vitamins.parameters.js";

export { ParameterError, param } from "../parameters/spec.js";

/** Every module's block, in the order `erythron list` shows them. */
const BLOCKS = [
  BLOOD_VOLUME_PARAMETERS,
  ERYTHROPOIESIS_PARAMETERS,
  ERYTHROPOIESIS_DRIVE_PARAMETERS,
  ERYTHROID_RESERVE_PARAMETERS,
  CIRCULATION_PARAMETERS,
  IRON_PARAMETERS,
  MENSES_PARAMETERS,
  TRANSFERRIN_PARAMETERS,
  HEPCIDIN_PARAMETERS,
  EPO_PARAMETERS,
  INFLAMMATION_PARAMETERS,
  MACROPHAGE_PARAMETERS,
  SERUM_MARKER_PARAMETERS,
  GENOTYPE_PARAMETERS,
  LEAD_PARAMETERS,
  ESA_PARAMETERS,
  VITAMIN_PARAMETERS,
  KIDNEY_PARAMETERS,
  HYPOXIA_PARAMETERS,
  HEMOLYSIS_PARAMETERS,
  TRACER_PARAMETERS,
  PREGNANCY_PARAMETERS,
  DIURNAL_PARAMETERS,
  MEALS_PARAMETERS,
  TRANSFUSION_PARAMETERS,
] as const;

/** Every parameter path: a misspelt one is a type error wherever values are read. */
export type ParameterPath = PathsOf<(typeof BLOCKS)[number]>;

/** A complete set of resolved parameter values (canonical units). */
export type ModelParameters = ParameterValues<ParameterPath>;

function gather(blocks: readonly Readonly<Record<string, ParameterSpec>>[]): ReadonlyMap<string, ParameterSpec> {
  const map = new Map<string, ParameterSpec>();
  for (const block of blocks)
    for (const spec of Object.values(block)) {
      if (map.has(spec.path)) throw new Error(`internal: parameter ${spec.path} is declared twice`);
      map.set(spec.path, spec);
    }
  return map;
}

/** Every model parameter by path: unit, default, bounds, description, source, provenance. */
export const PARAMETERS: ReadonlyMap<string, ParameterSpec> = gather(BLOCKS);

/** Resolve defaults for a sex and apply overrides (already in canonical units). */
export function resolveParameters(sex: Sex, overrides: Readonly<Record<string, number>> = {}): ModelParameters {
  return resolveValues<ParameterPath>(PARAMETERS, sex, overrides);
}
