/**
 * erythron's one private mathjs instance, built from the functions it uses
 * rather than from `all`:
 * - units in scenario files (core/units.ts: `unit`, `createUnit`);
 * - the expression language in t (scenario/expression.ts: `parse`, the
 *   arithmetic and comparison operators, the allowed functions, pi and e),
 *   which locks the instance down when it is first imported;
 * - `gamma` (physiology/circulation.ts uses core/gamma.ts, the same Lanczos
 *   code without mathjs; a test checks the two agree bit for bit).
 *
 * Only this file imports "mathjs". In dist/ the build (scripts/build.mjs)
 * replaces it with a tree-shaken bundle of just these factories: importing
 * mathjs's own entry point loads its ~1,200 modules and builds every
 * function (about a second of CPU), which the command line would pay on each
 * start. `create` is lazy: a function is built when first used, and the
 * instance itself is built on the first call of `mathjs()`: a run whose
 * quantities the fast table of core/unit-table.ts reads never builds it
 * (building it and its unit tables costs ~0.1 s of CPU at every start).
 */
import {
  absDependencies,
  addDependencies,
  ceilDependencies,
  cosDependencies,
  create,
  createUnitDependencies,
  divideDependencies,
  eDependencies,
  equalDependencies,
  expDependencies,
  type FactoryFunctionMap,
  floorDependencies,
  gammaDependencies,
  largerDependencies,
  largerEqDependencies,
  log10Dependencies,
  logDependencies,
  type MathJsInstance,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  parseDependencies,
  piDependencies,
  powDependencies,
  roundDependencies,
  signDependencies,
  sinDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  tanhDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  unitDependencies,
} from "mathjs";

/**
 * The factories of the instance. The expression functions must cover
 * ALLOWED_FUNCTIONS and the operators of scenario/expression.ts (a test checks).
 */
const FACTORIES = {
  // units
  unitDependencies,
  createUnitDependencies,
  // expressions: the parser and tree nodes
  parseDependencies,
  // operators
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  powDependencies,
  modDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  smallerDependencies,
  largerDependencies,
  smallerEqDependencies,
  largerEqDependencies,
  equalDependencies,
  unequalDependencies,
  // functions an expression may call
  expDependencies,
  logDependencies,
  log10Dependencies,
  sqrtDependencies,
  absDependencies,
  minDependencies,
  maxDependencies,
  sinDependencies,
  cosDependencies,
  tanhDependencies,
  floorDependencies,
  ceilDependencies,
  roundDependencies,
  signDependencies,
  // constants
  piDependencies,
  eDependencies,
  // physiology
  gammaDependencies,
};

let instance: MathJsInstance | undefined;

/**
 * The instance (typed as a full one; only the functions above and mathjs's core exist on it), built on
 * first use with the units physiology needs and mathjs lacks: "U" is an enzyme/hormone unit (EPO in
 * mU/mL, epoetin in IU) with its own dimension, so it never converts to anything else; "mcg" is µg.
 */
export function mathjs(): MathJsInstance {
  if (instance === undefined) {
    instance = create(FACTORIES as FactoryFunctionMap) as MathJsInstance;
    instance.createUnit("U", { prefixes: "short", aliases: ["IU"] });
    instance.createUnit("mcg", "1 ug");
  }
  return instance;
}

/** True once the instance has been built (tests: the run path of a plain scenario never builds it). */
export function mathjsBuilt(): boolean {
  return instance !== undefined;
}
