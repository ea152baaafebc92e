/**
 * erythron's one private mathjs instance, built from the functions it uses
 * rather than from `all`:
 * - units in scenario files (core/units.ts: `unit`, `createUnit`);
 * - the expression language in t (scenario/expression.ts: `parse`, the
 *   arithmetic and comparison operators, the allowed functions, pi and e),
 *   which locks the instance down when it is first imported;
 * - `gamma`, for the Weibull lifespan (physiology/circulation.ts).
 *
 * Only this file imports "mathjs". In dist/ the build (scripts/build.mjs)
 * replaces it with a tree-shaken bundle of just these factories: importing
 * mathjs's own entry point loads its ~1,200 modules and builds every
 * function (about a second of CPU), which the command line would pay on each
 * start. `create` is lazy: a function is built when first used.
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

/** The instance (typed as a full one; only the functions above and mathjs's core exist on it). */
export const math = create(FACTORIES as FactoryFunctionMap) as MathJsInstance;

/** Γ(x) for a real x: mathjs's Lanczos approximation, unchanged. */
export function gamma(x: number): number {
  return math.gamma(x) as number;
}
