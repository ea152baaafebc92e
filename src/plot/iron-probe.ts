/**
 * Iron economy probe: iron pools and daily fluxes at each trajectory sample,
 * read from the body through simulate()'s `observe` hook. The trajectory
 * columns hold only body and storage iron; the figure of the iron economy
 * needs every compartment and the fluxes between them.
 *
 * Fluxes come two ways. Gut, marrow uptake, red-cell release and clearance,
 * bleeding and basal loss are averaged over the interval since the previous
 * sample from the body's running totals (so daily oral doses and a bleed on
 * the day are counted). Macrophage and hepatocyte exchange with plasma are
 * the instantaneous rates of this hour, from the pure `IronExchange.fluxes`.
 */
import type { Body } from "../model/body.js";

/** Pools in mg, fluxes in mg/day, ferroportin as the fraction of full export (0–1). */
export interface IronEconomyRow {
  day: number;
  plasmaMg: number;
  enterocyteMg: number;
  /** Labile plus ferritin iron of macrophages, with any IV iron complex they hold. */
  macrophageMg: number;
  hepatocyteMg: number;
  /** Myoglobin and enzymes: the tissue pool that basal losses come from. */
  tissueMg: number;
  /** Iron in erythroblasts (hemoglobin and labile). */
  marrowMg: number;
  redCellMg: number;
  /** Ferroportin left on exporting cells by hepcidin, 0 (closed) to 1 (open). */
  ferroportin: number;
  gutUptakeMgPerDay: number;
  enterocyteToPlasmaMgPerDay: number;
  enterocyteShedMgPerDay: number;
  macrophageToPlasmaMgPerDay: number;
  hepatocyteToPlasmaMgPerDay: number;
  plasmaToHepatocyteMgPerDay: number;
  plasmaToTissueMgPerDay: number;
  plasmaToMarrowMgPerDay: number;
  marrowToRedCellMgPerDay: number;
  redCellToMacrophageMgPerDay: number;
  bleedingMgPerDay: number;
  basalLossMgPerDay: number;
}

/** Column order for iron-economy.csv. */
export const IRON_ECONOMY_COLUMNS = [
  "day",
  "plasmaMg",
  "enterocyteMg",
  "macrophageMg",
  "hepatocyteMg",
  "tissueMg",
  "marrowMg",
  "redCellMg",
  "ferroportin",
  "gutUptakeMgPerDay",
  "enterocyteToPlasmaMgPerDay",
  "enterocyteShedMgPerDay",
  "macrophageToPlasmaMgPerDay",
  "hepatocyteToPlasmaMgPerDay",
  "plasmaToHepatocyteMgPerDay",
  "plasmaToTissueMgPerDay",
  "plasmaToMarrowMgPerDay",
  "marrowToRedCellMgPerDay",
  "redCellToMacrophageMgPerDay",
  "bleedingMgPerDay",
  "basalLossMgPerDay",
] as const satisfies readonly (keyof IronEconomyRow)[];

interface Totals {
  day: number;
  absorbed: number;
  toPlasma: number;
  shed: number;
  marrowUptake: number;
  cleared: number;
  bled: number;
  basal: number;
  redCellMg: number;
}

export interface IronProbe {
  /** Pass as `observe` to simulate(). */
  observe: (body: Body) => void;
  /** One row per trajectory sample; the first row's interval fluxes are those of the second. */
  rows(): IronEconomyRow[];
}

export function createIronProbe(): IronProbe {
  const out: IronEconomyRow[] = [];
  let last: Totals | undefined;
  const observe = (body: Body): void => {
    const pools = body.pools;
    const day = body.timeH / 24;
    const redCellMg = body.blood.ironMg();
    const totals: Totals = {
      day,
      absorbed: body.ledger.absorbedMg,
      toPlasma: body.fluxes.absorbedToPlasmaMg,
      shed: body.ledger.shedMg,
      marrowUptake: body.fluxes.marrowUptakeMg,
      cleared: body.fluxes.macrophageRecycledMg,
      bled: body.ledger.bloodLossMg,
      basal: body.ledger.basalLossMg,
      redCellMg,
    };
    // The same inputs the body's step uses, without the dose of the hour (a flow picture of the day).
    const inputs = body.ironStepInputs();
    const fpn = inputs.ferroportin;
    const dtH = body.dtH;
    const now = body.iron.fluxes(pools, { ...inputs, oralDoseMg: 0 });
    const perDay = 24 / dtH;
    const span = last ? day - last.day : 0;
    const rate = (k: keyof Omit<Totals, "day" | "redCellMg">): number =>
      last && span > 0 ? (totals[k] - last[k]) / span : Number.NaN;
    const cleared = rate("cleared");
    const bled = rate("bled");
    // Release is what balances the red-cell pool: its change plus what left it.
    const released = last && span > 0 ? (redCellMg - last.redCellMg) / span + cleared + bled : Number.NaN;
    out.push({
      day,
      plasmaMg: pools.plasma,
      enterocyteMg: pools.enterocyte,
      macrophageMg: pools.macrophageLabile + pools.macrophageStore + pools.ivComplex,
      hepatocyteMg: pools.hepatocyte,
      tissueMg: pools.tissue,
      marrowMg: body.marrow.ironMg(),
      redCellMg,
      ferroportin: fpn,
      gutUptakeMgPerDay: rate("absorbed"),
      enterocyteToPlasmaMgPerDay: rate("toPlasma"),
      enterocyteShedMgPerDay: rate("shed"),
      macrophageToPlasmaMgPerDay: now.macrophageExport * perDay,
      hepatocyteToPlasmaMgPerDay: now.hepatocyteExport * perDay,
      plasmaToHepatocyteMgPerDay: now.plasmaToHepatocytes * perDay,
      plasmaToTissueMgPerDay: now.plasmaToTissue * perDay,
      plasmaToMarrowMgPerDay: rate("marrowUptake"),
      marrowToRedCellMgPerDay: released,
      redCellToMacrophageMgPerDay: cleared,
      bleedingMgPerDay: bled,
      basalLossMgPerDay: rate("basal"),
    });
    last = totals;
  };
  const rows = (): IronEconomyRow[] => {
    const first = out[0];
    const second = out[1];
    if (!first || !second) return out.map((r) => ({ ...r }));
    // The first sample has no interval before it: borrow the next interval's rates.
    const filled = { ...first };
    for (const k of IRON_ECONOMY_COLUMNS) if (Number.isNaN(filled[k])) filled[k] = second[k];
    return [filled, ...out.slice(1).map((r) => ({ ...r }))];
  };
  return { observe, rows };
}
