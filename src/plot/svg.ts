/**
 * An SVG figure built with d3 in a light DOM (linkedom), serialized to a
 * standalone string: xmlns set (an SVG made in an HTML document serializes
 * without it, and resvg refuses such a file) and a white rectangle behind
 * everything (resvg ignores CSS backgrounds).
 */
import * as d3 from "d3";
import { parseHTML } from "linkedom";
import { FONT_FAMILY, INK, MUTED, TYPE } from "./theme.js";

export type G = d3.Selection<SVGGElement, unknown, null, undefined>;
export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

const SVG_NS = "http://www.w3.org/2000/svg";

export interface Frame {
  svg: Svg;
  width: number;
  height: number;
  /** The area below the title and above the caption, px. */
  top: number;
  bottom: number;
}

/** A blank figure with its title and one-line caption; draw between `top` and `bottom`. */
export function createFrame(width: number, height: number, title: string, caption: string): Frame {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const node = document.createElementNS(SVG_NS, "svg") as unknown as SVGSVGElement;
  document.body.appendChild(node as unknown as Node);
  const svg = d3.select(node) as Svg;
  svg
    .attr("xmlns", SVG_NS)
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("font-family", FONT_FAMILY)
    .attr("fill", INK)
    .attr("role", "img")
    .attr("aria-label", title);
  // The title first: screen readers (and linters) look for it there.
  svg.append("title").text(title);
  svg.append("rect").attr("width", width).attr("height", height).attr("fill", "#ffffff");
  // Long scenario names: shrink the title to fit rather than clip it.
  const titleSize = Math.max(13, Math.min(TYPE.title, Math.floor((width - 40) / (title.length * 0.7))));
  svg
    .append("text")
    .attr("class", "title")
    .attr("x", 20)
    .attr("y", 28)
    .attr("font-size", titleSize)
    .attr("font-weight", "bold")
    .text(title);
  svg
    .append("text")
    .attr("class", "caption")
    .attr("x", 20)
    .attr("y", height - 14)
    .attr("font-size", TYPE.caption)
    .attr("fill", MUTED)
    .text(caption);
  return { svg, width, height, top: 44, bottom: height - 34 };
}

/** The figure as a standalone SVG document string. */
export function serialize(frame: Frame): string {
  const node = frame.svg.node();
  if (!node) throw new Error("internal: empty figure");
  return `${wellFormed(node.outerHTML)}\n`;
}

/**
 * linkedom serializes as HTML and escapes only quotes inside attribute values, so a scenario named
 * "Hillman & Henderson" gave `aria-label="Hillman & Henderson"`, which an XML reader (resvg, a
 * browser opening the .svg) refuses. Text nodes are already escaped; attribute values get & and <.
 */
function wellFormed(markup: string): string {
  return markup.replace(
    /="([^"]*)"/g,
    (_all, value: string) =>
      `="${value.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, "&amp;").replace(/</g, "&lt;")}"`,
  );
}

/** Round a coordinate for output: stable snapshots, smaller files. */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}
