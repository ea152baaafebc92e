/** The shipped scenario files the notebooks start from, as text (parsed in the worker). */
import acuteInflammation from "../../scenarios/acute-inflammation.yaml?raw";
import bloodDonation from "../../scenarios/blood-donation.yaml?raw";
import chronicInflammation from "../../scenarios/chronic-inflammation.yaml?raw";
import giBleed from "../../scenarios/gi-bleed-iron-deficiency.yaml?raw";
import healthyMan from "../../scenarios/healthy-man.yaml?raw";
import irida from "../../scenarios/irida.yaml?raw";
import ironDeficiencyOralIron from "../../scenarios/iron-deficiency-oral-iron.yaml?raw";
import leadChild from "../../scenarios/lead-child.yaml?raw";
import leadIronDeficiency from "../../scenarios/lead-iron-deficiency.yaml?raw";
import leadOccupationalAdult from "../../scenarios/lead-occupational-adult.yaml?raw";

export const SCENARIOS = {
  "acute-inflammation.yaml": acuteInflammation,
  "blood-donation.yaml": bloodDonation,
  "chronic-inflammation.yaml": chronicInflammation,
  "gi-bleed-iron-deficiency.yaml": giBleed,
  "healthy-man.yaml": healthyMan,
  "irida.yaml": irida,
  "iron-deficiency-oral-iron.yaml": ironDeficiencyOralIron,
  "lead-child.yaml": leadChild,
  "lead-iron-deficiency.yaml": leadIronDeficiency,
  "lead-occupational-adult.yaml": leadOccupationalAdult,
} as const;

export type ScenarioFile = keyof typeof SCENARIOS;

/**
 * Replace one exact piece of a scenario's text, failing loudly when it is not
 * there (so a changed scenario file breaks the notebook visibly, not silently).
 */
export function replaceOnce(yaml: string, find: string, replacement: string): string {
  const i = yaml.indexOf(find);
  if (i < 0) throw new Error(`scenario text has no "${find}"`);
  if (yaml.indexOf(find, i + find.length) >= 0) throw new Error(`scenario text has "${find}" more than once`);
  return yaml.slice(0, i) + replacement + yaml.slice(i + find.length);
}
