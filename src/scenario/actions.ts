/**
 * Event actions a scenario may use. Each takes one quantity in `unit`
 * (bounds inclusive, in that unit) and becomes a ScenarioEvent with
 * `args.value` in that unit. More actions arrive with the scenario-language issue.
 */
export interface ActionSpec {
  /** Canonical unit of the action's value (mathjs unit string). */
  readonly unit: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
}

export const ACTIONS = {
  bleed: { unit: "mL", description: "acute loss of whole blood", min: 0, max: 5000 },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ACTIONS, name);
}
