// Bar charts drawn as inline SVG, no library. Sizes are in CSS pixels of the width the
// chart is given, so its text stays readable on a phone; the page redraws on resize.

const SVG_NS = "http://www.w3.org/2000/svg";
const fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

export function formatNumber(x) {
  return typeof x === "number" && Number.isFinite(x) ? fmt.format(x) : "—";
}

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function niceMax(value) {
  if (!(value > 0)) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * exp >= value) return step * exp;
  }
  return 10 * exp;
}

function newSvg(width, height, label) {
  const svg = svgEl("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": label,
  });
  svg.append(svgEl("title", {}, label));
  return svg;
}

/**
 * Awarded vs maximum points per criteria group: one row per group, a light bar as long as
 * the group's maximum and a dark bar as long as the points awarded, on the same scale.
 */
export function groupChart(groups, width) {
  const w = Math.max(260, Math.floor(width));
  const rowH = 40;
  const m = { top: 30, right: 8, bottom: 26, left: 64 };
  const valueW = w < 420 ? 118 : 128; // room for "29,25 / 40 · 73%"
  const innerW = w - m.left - m.right - valueW;
  const h = m.top + m.bottom + rowH * groups.length;
  const top = niceMax(Math.max(...groups.map((g) => Math.max(g.max_points || 0, g.awarded_points || 0))));
  const x = (v) => m.left + (Math.max(0, v) / top) * innerW;
  const summary = groups
    .map((g) => `Nhóm ${g.group}: đạt ${formatNumber(g.awarded_points)} trên ${formatNumber(g.max_points)} điểm`)
    .join("; ");
  const svg = newSvg(w, h, `Biểu đồ điểm đạt so với thang điểm theo nhóm tiêu chí. ${summary}.`);

  const legend = svgEl("g", { class: "legend", transform: `translate(${m.left},4)` });
  legend.append(svgEl("rect", { x: 0, y: 0, width: 12, height: 12, rx: 2, class: "swatch-awarded" }));
  legend.append(svgEl("text", { x: 17, y: 10.5 }, "Điểm đạt"));
  legend.append(svgEl("rect", { x: 92, y: 0, width: 12, height: 12, rx: 2, class: "swatch-max" }));
  legend.append(svgEl("text", { x: 109, y: 10.5 }, "Thang điểm"));
  svg.append(legend);

  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const v = (top / ticks) * i;
    const xx = Math.round(x(v)) + 0.5;
    svg.append(svgEl("line", { x1: xx, x2: xx, y1: m.top - 4, y2: h - m.bottom + 2, class: i ? "grid" : "axis" }));
    svg.append(svgEl("text", { x: xx, y: h - m.bottom + 16, class: "tick", "text-anchor": "middle" }, formatNumber(v)));
  }

  groups.forEach((g, i) => {
    const yy = m.top + i * rowH;
    const barH = 20;
    const by = yy + (rowH - barH) / 2;
    const rate = g.max_points ? Math.round((100 * g.awarded_points) / g.max_points) : null;
    const title = `Nhóm ${g.group}: đạt ${formatNumber(g.awarded_points)}/${formatNumber(g.max_points)} điểm` +
      (rate !== null ? ` (${rate}%)` : "") +
      (typeof g.deducted_points === "number" ? `, bị trừ ${formatNumber(g.deducted_points)}` : "");
    const grp = svgEl("g", { class: "bar-group" });
    grp.append(svgEl("title", {}, title));
    grp.append(svgEl("text", { x: m.left - 10, y: by + barH / 2 + 4, class: "label", "text-anchor": "end" }, `Nhóm ${g.group}`));
    grp.append(svgEl("rect", { x: m.left, y: by, width: Math.max(0, x(g.max_points) - m.left), height: barH, rx: 3, class: "bar bar-max" }));
    grp.append(svgEl("rect", { x: m.left, y: by + 4, width: Math.max(0, x(g.awarded_points) - m.left), height: barH - 8, rx: 2, class: "bar bar-awarded" }));
    const label = svgEl("text", { x: x(Math.max(g.max_points, g.awarded_points)) + 8, y: by + barH / 2 + 4, class: "value" });
    label.append(svgEl("tspan", {}, formatNumber(g.awarded_points)));
    label.append(svgEl("tspan", { class: "sub" }, ` / ${formatNumber(g.max_points)}`));
    if (rate !== null) label.append(svgEl("tspan", { class: "sub" }, ` · ${rate}%`));
    grp.append(label);
    svg.append(grp);
  });
  return svg;
}

/** The largest deductions (top 10), horizontal bars. */
export function deductionChart(rows, width) {
  const top10 = rows
    .filter((r) => typeof r.deducted_points === "number" && r.deducted_points > 0)
    .sort((a, b) => b.deducted_points - a.deducted_points)
    .slice(0, 10);
  const w = Math.max(260, Math.floor(width));
  const rowH = 28;
  const m = { top: 8, right: 44, bottom: 8, left: 78 };
  const h = m.top + m.bottom + rowH * top10.length;
  const max = Math.max(...top10.map((r) => r.deducted_points));
  const innerW = w - m.left - m.right;
  const summary = top10.map((r) => `${r.code}: ${formatNumber(r.deducted_points)}`).join("; ");
  const svg = newSvg(w, h, `Biểu đồ các tiêu chí bị trừ nhiều điểm nhất. ${summary}.`);
  top10.forEach((r, i) => {
    const yy = m.top + i * rowH;
    const len = max > 0 ? (r.deducted_points / max) * innerW : 0;
    const grp = svgEl("g", { class: "bar-row" });
    grp.append(svgEl("title", {}, `${r.code} ${r.title || ""}: bị trừ ${formatNumber(r.deducted_points)}` +
      (typeof r.max_points === "number" ? `/${formatNumber(r.max_points)} điểm` : " điểm")));
    grp.append(svgEl("text", { x: m.left - 8, y: yy + rowH / 2 + 4, class: "label", "text-anchor": "end" }, r.code || "?"));
    grp.append(svgEl("rect", { x: m.left, y: yy + 5, width: innerW, height: rowH - 10, rx: 2, class: "track" }));
    grp.append(svgEl("rect", { x: m.left, y: yy + 5, width: Math.max(2, len), height: rowH - 10, rx: 2, class: "bar bar-deducted" }));
    grp.append(svgEl("text", { x: m.left + len + 6, y: yy + rowH / 2 + 4, class: "value" }, formatNumber(r.deducted_points)));
    svg.append(grp);
  });
  return svg;
}

export function countDeductions(rows) {
  return rows.filter((r) => typeof r.deducted_points === "number" && r.deducted_points > 0).length;
}
