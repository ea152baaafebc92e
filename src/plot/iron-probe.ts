/**
 * Iron economy probe: iron pools and daily fluxes at each trajectory sample,
 * read from the body through simulate()'s `observe` hook. The trajectory
 * columns hold only body and storage iron; the figure of the iron economy
 * needs every compartment and the fluxes between them.
 *
 * Every flux is the mean over the interval since the previous sample, from
 * the body's running totals (integrals of the hourly fluxes), never an
 * instantaneous rate: so the flows into and out of each pool balance over any
 * run of samples, up to the pool's own change (shared/design/interfaces.md).
 * Marrow → red cells is what the marrow took up less what died there and its
 * own change; the red-cell pool then balances as a check on the engine.
 */
import type { Body } from "../engine/body.js";

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
  /** All iron lost with blood, from red cells and plasma (plasmaBleedingMgPerDay is the plasma's share). */
  bleedingMgPerDay: number;
  basalLossMgPerDay: number;
  /** Iron of erythroblasts dying in the marrow (ineffective erythropoiesis) and of extruded nuclei. */
  marrowToMacrophageMgPerDay: number;
  /** Intravenous iron taken up by macrophages (as the iron–carbohydrate complex). */
  ivIronToMacrophageMgPerDay: number;
  /** Transfused iron in cells that join the circulation. */
  transfusionToRedCellMgPerDay: number;
  /** Transfused iron in storage-damaged cells cleared by macrophages at once. */
  transfusionToMacrophageMgPerDay: number;
  /** Plasma (transferrin) iron lost with whole blood: part of bleedingMgPerDay. */
  plasmaBleedingMgPerDay: number;
  /** Plasma iron carried across the placenta to fetus and placenta (pregnancy): a loss to the body. */
  plasmaToFetusMgPerDay: number;
  /** Hemolysis: iron of free plasma Hb (not bound by haptoglobin) taken up by hepatocytes, and lost in urine. */
  redCellToHepatocyteMgPerDay: number;
  urineLossMgPerDay: number;
}

/** The iron pools, in the order of iron-economy.csv and of the figure. */
export const IRON_POOL_COLUMNS = [
  "plasmaMg",
  "enterocyteMg",
  "macrophageMg",
  "hepatocyteMg",
  "tissueMg",
  "marrowMg",
  "redCellMg",
] as const;

/** Column order for iron-economy.csv. */
export const IRON_ECONOMY_COLUMNS = [
  "day",
  ...IRON_POOL_COLUMNS,
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
  "marrowToMacrophageMgPerDay",
  "ivIronToMacrophageMgPerDay",
  "transfusionToRedCellMgPerDay",
  "transfusionToMacrophageMgPerDay",
  "plasmaBleedingMgPerDay",
  "plasmaToFetusMgPerDay",
  "redCellToHepatocyteMgPerDay",
  "urineLossMgPerDay",
] as const satisfies readonly (keyof IronEconomyRow)[];

/** Columns added after the first version of iron-economy.csv: an older file may lack them. */
export const IRON_ECONOMY_ADDED_COLUMNS: ReadonlySet<string> = new Set([
  "marrowToMacrophageMgPerDay",
  "ivIronToMacrophageMgPerDay",
  "transfusionToRedCellMgPerDay",
  "transfusionToMacrophageMgPerDay",
  "plasmaBleedingMgPerDay",
  "plasmaToFetusMgPerDay",
  "redCellToHepatocyteMgPerDay",
  "urineLossMgPerDay",
]);

/** Running totals of the body, mg, at one sample. */
interface Totals {
  day: number;
  absorbed: number;
  toPlasma: number;
  shed: number;
  macrophageExport: number;
  hepatocyteExport: number;
  plasmaToHepatocyte: number;
  plasmaToTissue: number;
  marrowUptake: number;
  marrowToMacrophage: number;
  cleared: number;
  bled: number;
  plasmaBled: number;
  basal: number;
  iv: number;
  transfused: number;
  transfusionToMacrophage: number;
  fetal: number;
  hemolysisToHepatocyte: number;
  urine: number;
  marrowMg: number;
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
    const f = body.fluxes;
    const l = body.ledger;
    const marrowMg = body.marrow.ironMg();
    const totals: Totals = {
      day,
      absorbed: l.absorbedMg,
      toPlasma: f.absorbedToPlasmaMg,
      shed: l.shedMg,
      macrophageExport: f.macrophageExportMg,
      hepatocyteExport: f.hepatocyteExportMg,
      plasmaToHepatocyte: f.plasmaToHepatocyteMg,
      plasmaToTissue: f.plasmaToTissueMg,
      marrowUptake: f.marrowUptakeMg,
      marrowToMacrophage: f.marrowToMacrophageMg,
      cleared: f.macrophageRecycledMg,
      bled: l.bloodLossMg,
      plasmaBled: f.plasmaBledMg,
      basal: l.basalLossMg,
      iv: l.ivMg,
      transfused: l.transfusedMg,
      transfusionToMacrophage: f.transfusionToMacrophageMg,
      fetal: l.fetalMg,
      hemolysisToHepatocyte: f.hemolysisToHepatocyteMg,
      urine: l.urineLossMg,
      marrowMg,
    };
    const span = last ? day - last.day : 0;
    const rate = (k: keyof Omit<Totals, "day">): number =>
      last && span > 0 ? (totals[k] - last[k]) / span : Number.NaN;
    const toMacrophage = rate("marrowToMacrophage");
    const transfusedToMacrophage = rate("transfusionToMacrophage");
    out.push({
      day,
      plasmaMg: pools.plasma,
      enterocyteMg: pools.enterocyte + pools.mucosalFerritin, // transit iron and ferritin-locked iron, both shed with the cell
      macrophageMg: pools.macrophageLabile + pools.macrophageStore + pools.ivComplex,
      hepatocyteMg: pools.hepatocyte,
      tissueMg: pools.tissue,
      marrowMg,
      redCellMg: body.blood.ironMg(),
      ferroportin: body.ironStepInputs().ferroportin,
      gutUptakeMgPerDay: rate("absorbed"),
      enterocyteToPlasmaMgPerDay: rate("toPlasma"),
      enterocyteShedMgPerDay: rate("shed"),
      macrophageToPlasmaMgPerDay: rate("macrophageExport"),
      hepatocyteToPlasmaMgPerDay: rate("hepatocyteExport"),
      plasmaToHepatocyteMgPerDay: rate("plasmaToHepatocyte"),
      plasmaToTissueMgPerDay: rate("plasmaToTissue"),
      plasmaToMarrowMgPerDay: rate("marrowUptake"),
      // Release: what the marrow took up, less what died there, less its own gain.
      marrowToRedCellMgPerDay: rate("marrowUptake") - toMacrophage - rate("marrowMg"),
      redCellToMacrophageMgPerDay: rate("cleared"),
      bleedingMgPerDay: rate("bled"),
      basalLossMgPerDay: rate("basal"),
      marrowToMacrophageMgPerDay: toMacrophage,
      ivIronToMacrophageMgPerDay: rate("iv"),
      transfusionToRedCellMgPerDay: rate("transfused") - transfusedToMacrophage,
      transfusionToMacrophageMgPerDay: transfusedToMacrophage,
      plasmaBleedingMgPerDay: rate("plasmaBled"),
      plasmaToFetusMgPerDay: rate("fetal"),
      redCellToHepatocyteMgPerDay: rate("hemolysisToHepatocyte"),
      urineLossMgPerDay: rate("urine"),
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
