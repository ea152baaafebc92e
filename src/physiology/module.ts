/**
 * The shape of a physiology module (docs/design.md, "Modules"): its parameters
 * bound at construction and bound again whenever they change (`bind`), its own
 * state, and one `step` per hour of the body from the signals it reads,
 * computed by the body from the start-of-step state. A module never reaches
 * into the body or into another module; the body's hour (src/engine/body.ts)
 * is the one place that says who reads what, and in which order.
 *
 * Adding a module: one file here (its class, its parameter block), one line
 * constructing it in the body (`this.use(new X(...))`, which also re-binds it
 * on a `set`), one line in the body's hour, and its block in BLOCKS
 * (src/engine/parameters.ts).
 */
import type { ParameterValues } from "../parameters/spec.js";

export interface Bound {
  /** Derive constants from parameters (again whenever they change); state is kept. */
  bind(params: ParameterValues): void;
}

export interface PhysiologyModule<Signals = void, Output = void> extends Bound {
  /** Advance the module's state by `dtH` hours. */
  step(dtH: number, signals: Signals): Output;
}
