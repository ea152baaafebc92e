/**
 * Hypoxia: arterial oxygen saturation from altitude (or given directly as SpO2),
 * and what the body does with it over days (issue 15, item 2).
 *
 *   barometric pressure  PB = exp(6.63268 − 0.1112·h − 0.00149·h²) mmHg, h in km
 *                        (West 1996 J Appl Physiol 81:1850, the model atmosphere fitted to
 *                        pressures measured on high mountains)
 *   inspired PO2         PIO2 = 0.2094·(PB − 47)            (water vapour at 37 °C)
 *   alveolar PO2         PAO2 = PIO2 − PaCO2·(FIO2 + (1 − FIO2)/R), R = 0.8 (alveolar gas equation)
 *   arterial PO2         PaO2 = PAO2 − (A–a gradient)
 *   saturation           S = 1 / (23400 / (P³ + 150·P) + 1) at the virtual PO2
 *                        P = PaO2·10^(0.40·(pH − 7.40) + 0.06·log10(40/PaCO2)) (Severinghaus 1979
 *                        J Appl Physiol 46:599: hypocapnic alkalosis shifts the curve left)
 *
 * Ventilation: hypoxia lowers PaCO2 at once (the acute hypoxic ventilatory response) and
 * further over days (ventilatory acclimatisation), and the extra hyperventilation wanes over
 * days after return (Rahn & Otis 1949 Am J Physiol 157:445: the acute and acclimatised
 * O2–CO2 lines; Dempsey & Forster 1982 Physiol Rev 62:262). SaO2 therefore rises over the
 * first week at altitude. Plasma volume contracts over days at altitude (hemoconcentration;
 * Sawka 2000 Med Sci Sports Exerc 32:332; Siebenmann 2017 J Physiol 595:1247), in proportion to
 * the desaturation, and refills after return.
 *
 * `hypoxemia: { spo2 }` gives the arterial saturation directly (lung or heart disease); the
 * lower of the two saturations acts. The kidney senses oxygen delivery: the hemoglobin it
 * reads is scaled by (SaO2/SaO2_sea level)^gain (the EPO-producing cells read tissue PO2,
 * which falls with both content and arterial PO2).
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

const FIO2 = 0.2094;
const WATER_VAPOUR_MMHG = 47;
const RESPIRATORY_QUOTIENT = 0.8;
const NORMAL_PACO2 = 40;
/** Acute respiratory alkalosis: pH rises ~0.08 per 10 mmHg fall of PaCO2 (standard acid–base rule). */
const PH_PER_MMHG = 0.008;

/** Barometric pressure at an altitude (m), mmHg (West 1996 model atmosphere). */
export function barometricPressureMmHg(altitudeM: number): number {
  const h = Math.max(0, altitudeM) / 1000;
  return Math.exp(6.63268 - 0.1112 * h - 0.00149 * h * h);
}

/** Inspired PO2 (humidified, 37 °C), mmHg. */
export function inspiredPo2MmHg(altitudeM: number): number {
  return FIO2 * (barometricPressureMmHg(altitudeM) - WATER_VAPOUR_MMHG);
}

/** Hemoglobin O2 saturation (0–1) at a PO2 and PaCO2 (Severinghaus 1979, pH from PaCO2). */
export function saturation(po2MmHg: number, paco2MmHg: number): number {
  const pH = 7.4 + PH_PER_MMHG * (NORMAL_PACO2 - paco2MmHg);
  const virtual = Math.max(0, po2MmHg) * 10 ** (0.4 * (pH - 7.4) + 0.06 * Math.log10(NORMAL_PACO2 / paco2MmHg));
  return 1 / (23400 / (virtual ** 3 + 150 * virtual) + 1);
}

export class Hypoxia {
  /** Arterial O2 saturation now (0–1). */
  sao2 = 1;
  /** Arterial PCO2 now, mmHg. */
  paco2 = NORMAL_PACO2;
  /** Extra fall of PaCO2 from ventilatory acclimatisation, mmHg (a state: builds and wanes over days). */
  acclimatisationMmHg = 0;
  /** Fraction of plasma volume lost to hypoxic hemoconcentration (a state). */
  plasmaContraction = 0;
  /** Saturation of a healthy subject at sea level: the kidney's reference. */
  readonly sao2SeaLevel: number;
  private acuteSlope = 0;
  private acuteThreshold = 0;
  private acclimatisedSlope = 0;
  private acclimatisationRate = 0; // per h
  private gradient = 0;
  private kidneyGain = 0;
  private plasmaPerDesaturation = 0;
  private plasmaRate = 0; // per h
  private hepcidinExp = 0;

  constructor(params: ParameterValues) {
    this.bind(params);
    this.sao2SeaLevel = this.arterialSaturation(0, NORMAL_PACO2);
    this.sao2 = this.sao2SeaLevel;
  }

  bind(params: ParameterValues): void {
    const p = (k: string) => param(params, k);
    this.acuteSlope = p("hypoxia.acutePaco2Slope");
    this.acuteThreshold = p("hypoxia.acuteResponseThreshold");
    this.acclimatisedSlope = p("hypoxia.acclimatisedPaco2Slope");
    this.acclimatisationRate = 1 / (p("hypoxia.acclimatisationTime") * 24);
    this.gradient = p("hypoxia.alveolarArterialGradient");
    this.kidneyGain = p("epo.hypoxiaGain");
    this.plasmaPerDesaturation = p("hypoxia.plasmaContractionPerDesaturation");
    this.plasmaRate = 1 / (p("hypoxia.plasmaContractionTime") * 24);
    this.hepcidinExp = p("hepcidin.hypoxiaExponent");
  }

  /** SaO2 at an altitude for a PaCO2 (alveolar gas equation, then the dissociation curve). */
  arterialSaturation(altitudeM: number, paco2: number): number {
    const pao2 = inspiredPo2MmHg(altitudeM) - paco2 * (FIO2 + (1 - FIO2) / RESPIRATORY_QUOTIENT) - this.gradient;
    return saturation(pao2, paco2);
  }

  /**
   * Advance dt hours at an altitude (m), with an SpO2 imposed by disease (0–1) or none.
   * The acute ventilatory response is immediate; acclimatisation and plasma contraction relax
   * toward their targets with their time constants (exact over the step).
   */
  step(dtH: number, altitudeM: number, spo2: number | undefined): void {
    const deficit = Math.max(0, inspiredPo2MmHg(0) - inspiredPo2MmHg(altitudeM));
    const acuteDrop = this.acuteSlope * Math.max(0, this.acuteThreshold - inspiredPo2MmHg(altitudeM));
    const acclimatisedDrop = Math.max(acuteDrop, this.acclimatisedSlope * deficit);
    const target = acclimatisedDrop - acuteDrop;
    this.acclimatisationMmHg = target + (this.acclimatisationMmHg - target) * Math.exp(-this.acclimatisationRate * dtH);
    this.paco2 = Math.max(15, NORMAL_PACO2 - acuteDrop - this.acclimatisationMmHg);
    const fromAltitude = this.arterialSaturation(altitudeM, this.paco2);
    this.sao2 = spo2 === undefined ? fromAltitude : Math.min(fromAltitude, spo2);
    const contraction = Math.min(0.3, this.plasmaPerDesaturation * this.desaturation());
    this.plasmaContraction = contraction + (this.plasmaContraction - contraction) * Math.exp(-this.plasmaRate * dtH);
  }

  /** Fall of SaO2 below the sea-level reference (0 at sea level or above it). */
  desaturation(): number {
    return Math.max(0, 1 - this.sao2 / this.sao2SeaLevel);
  }

  /** Hemoglobin as the kidney's oxygen sensor reads it: Hb × (SaO2/SaO2_ref)^gain, g/dL. */
  sensedHb(hbGPerDl: number): number {
    return hbGPerDl * (1 - this.desaturation()) ** this.kidneyGain;
  }

  /** Direct hypoxic suppression of hepcidin synthesis (HIF, PDGF-BB), multiplier ≤ 1. */
  hepcidinFactor(): number {
    return (1 - this.desaturation()) ** this.hepcidinExp;
  }
}
