/**
 * One bar chart per metric, as a self-contained SVG drawn with d3 on a
 * linkedom document: Sobol' S1 and ST with their confidence intervals, or
 * Morris μ* and σ, one group of bars per swept path.
 */
import { scaleBand, scaleLinear, select } from "d3";
import { parseHTML } from "linkedom";

export interface Bar {
  label: string;
  value: number;
  low?: number;
  high?: number;
}

export interface BarGroup {
  name: string;
  bars: Bar[];
}

const COLORS = ["#3b6ea8", "#d9822b", "#5a9e4b", "#a8433b"];

export function barChartSvg(title: string, yLabel: string, groups: readonly BarGroup[]): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const labels = groups[0]?.bars.map((b) => b.label) ?? [];
  const width = Math.max(420, 90 + groups.length * (labels.length * 26 + 30));
  const height = 320;
  const margin = { top: 40, right: 20, bottom: 70, left: 60 };
  const finite = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
  const all = groups.flatMap((g) => g.bars.flatMap((b) => [b.value, b.low, b.high].filter(finite)));
  const lo = Math.min(0, ...all);
  const hi = Math.max(1e-12, ...all);
  const x = scaleBand<string>()
    .domain(groups.map((g) => g.name))
    .range([margin.left, width - margin.right])
    .padding(0.25);
  const inner = scaleBand<string>().domain(labels).range([0, x.bandwidth()]).padding(0.1);
  const y = scaleLinear()
    .domain([lo, hi])
    .nice()
    .range([height - margin.bottom, margin.top]);

  const svg = select(document.body)
    .append("svg")
    .attr("xmlns", "http://www.w3.org/2000/svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("font-family", "sans-serif")
    .attr("font-size", 11);
  svg.append("rect").attr("width", width).attr("height", height).attr("fill", "white");
  svg.append("text").attr("x", margin.left).attr("y", 20).attr("font-size", 13).text(title);

  for (const t of y.ticks(5)) {
    svg
      .append("line")
      .attr("x1", margin.left)
      .attr("x2", width - margin.right)
      .attr("y1", y(t))
      .attr("y2", y(t))
      .attr("stroke", t === 0 ? "#333" : "#ddd");
    svg
      .append("text")
      .attr("x", margin.left - 6)
      .attr("y", y(t) + 4)
      .attr("text-anchor", "end")
      .text(String(Number(t.toPrecision(3))));
  }
  svg
    .append("text")
    .attr("transform", `translate(14,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
    .attr("text-anchor", "middle")
    .text(yLabel);

  for (const g of groups) {
    const gx = x(g.name) ?? 0;
    g.bars.forEach((b, i) => {
      const bx = gx + (inner(b.label) ?? 0);
      const bw = inner.bandwidth();
      if (finite(b.value)) {
        svg
          .append("rect")
          .attr("x", bx)
          .attr("y", Math.min(y(b.value), y(0)))
          .attr("width", bw)
          .attr("height", Math.abs(y(b.value) - y(0)))
          .attr("fill", COLORS[i % COLORS.length] as string);
      }
      if (finite(b.low) && finite(b.high)) {
        const cx = bx + bw / 2;
        svg
          .append("line")
          .attr("x1", cx)
          .attr("x2", cx)
          .attr("y1", y(b.low))
          .attr("y2", y(b.high))
          .attr("stroke", "#111");
        for (const v of [b.low, b.high]) {
          svg
            .append("line")
            .attr("x1", cx - bw / 4)
            .attr("x2", cx + bw / 4)
            .attr("y1", y(v))
            .attr("y2", y(v))
            .attr("stroke", "#111");
        }
      }
    });
    svg
      .append("text")
      .attr("x", gx + x.bandwidth() / 2)
      .attr("y", height - margin.bottom + 16)
      .attr("text-anchor", "middle")
      .text(g.name);
  }
  labels.forEach((label, i) => {
    const lx = margin.left + i * 90;
    const ly = height - 22;
    svg
      .append("rect")
      .attr("x", lx)
      .attr("y", ly - 9)
      .attr("width", 10)
      .attr("height", 10)
      .attr("fill", COLORS[i % COLORS.length] as string);
    svg
      .append("text")
      .attr("x", lx + 14)
      .attr("y", ly)
      .text(label);
  });
  return `${(svg.node() as unknown as { outerHTML: string }).outerHTML}\n`;
}
