// What a numeric answer carries besides its text (data.overall, data.groups, data.rows):
// a summary, a bar chart per group (awarded vs maximum), the largest deductions, a table.

import { countDeductions, deductionChart, formatNumber, groupChart } from "./charts.js";
import { h, isNumber, isObject } from "./dom.js";
import { openSource } from "./panel.js";

const TABLE_PREVIEW_ROWS = 10;


const chartObserver = "ResizeObserver" in window ? new ResizeObserver(onChartResize) : null;
const chartDrawers = new WeakMap();

function onChartResize(entries) {
  for (const entry of entries) drawChart(entry.target);
}

function drawChart(canvas) {
  const draw = chartDrawers.get(canvas);
  const width = Math.floor(canvas.clientWidth);
  if (!draw || !width || canvas.dataset.width === String(width)) return;
  canvas.dataset.width = String(width);
  canvas.replaceChildren(draw(width));
}

function chartFigure(className, caption, draw) {
  const canvas = h("div", { class: "chart-canvas" });
  chartDrawers.set(canvas, draw);
  if (chartObserver) chartObserver.observe(canvas);
  else requestAnimationFrame(() => drawChart(canvas));
  canvas.append(draw(560)); // drawn again at the real width once laid out
  return h("figure", { class: `chart ${className}` }, h("figcaption", { text: caption }), canvas);
}

/** Under a numeric answer: overall figures, charts of its groups and deductions, its rows. */
export function paintData(msg, v) {
  v.extra.replaceChildren();
  const data = msg.data;
  if (msg.pending || !isObject(data)) return;
  const rows = Array.isArray(data.rows) ? data.rows.filter(isObject) : [];
  const groups = Array.isArray(data.groups)
    ? data.groups.filter((g) => isObject(g) && isNumber(g.max_points) && isNumber(g.awarded_points))
    : [];
  const overall = isObject(data.overall) ? data.overall : null;

  if (overall && isNumber(overall.awarded_points)) {
    const stats = [
      ["Tổng điểm đạt", `${formatNumber(overall.awarded_points)}${isNumber(overall.max_points) ? ` / ${formatNumber(overall.max_points)}` : ""}`],
    ];
    if (isNumber(overall.rate)) stats.push(["Tỷ lệ", `${formatNumber(overall.rate)}%`]);
    if (isNumber(overall.max_points)) stats.push(["Bị trừ", formatNumber(Math.round((overall.max_points - overall.awarded_points) * 100) / 100)]);
    v.extra.append(
      h("dl", { class: "stats" }, stats.map(([k, val]) => h("div", { class: "stat" }, h("dt", { text: k }), h("dd", { text: val })))),
    );
  }
  if (groups.length) {
    v.extra.append(
      chartFigure("chart-groups", "Điểm đạt so với thang điểm, theo nhóm tiêu chí", (w) => groupChart(groups, w)),
    );
  }
  const deductions = countDeductions(rows);
  if (deductions > 2) {
    const caption = deductions > 10 ? "10 tiêu chí bị trừ nhiều điểm nhất" : "Các tiêu chí bị trừ điểm, nhiều nhất ở trên";
    v.extra.append(chartFigure("chart-deductions", caption, (w) => deductionChart(rows, w)));
  }
  if (rows.length && !answerTablesShow(v.answer, rows)) v.extra.append(rowsTable(rows));
  placeData(v);
}

/** Summary and charts read best before the answer's long table, when it has one. */
function placeData(v) {
  const table = v.answer.querySelector(":scope > .table-wrap");
  if (table && v.extra.childElementCount) v.answer.insertBefore(v.extra, table);
}

/** Whether the answer's own Markdown tables already list every row (then no second table). */
function answerTablesShow(answerEl, rows) {
  const text = [...answerEl.querySelectorAll("table")].map((t) => t.textContent).join("\n");
  return Boolean(text) && rows.every((r) => typeof r.code === "string" && r.code && text.includes(r.code));
}

function rowsTable(rows) {
  const hasDeducted = rows.some((r) => isNumber(r.deducted_points));
  const hasAwarded = rows.some((r) => isNumber(r.awarded_points));
  const hasSource = rows.some((r) => r.doc && (r.appendix || isNumber(r.line)));
  const head = ["Mã", "Tiêu chí", "Thang điểm"];
  if (hasAwarded) head.push("Điểm đạt");
  if (hasDeducted) head.push("Bị trừ");
  if (hasSource) head.push("Nguồn");
  const tbody = h("tbody");
  rows.forEach((r, i) => {
    // data-label: the column's name, shown beside the value when rows are cards (phone).
    const cells = [
      h("td", { class: "code", text: r.code ?? "" }),
      h("td", { class: "title", text: r.title ?? "" }),
      h("td", { class: "num", "data-label": "Thang điểm", text: formatNumber(r.max_points) }),
    ];
    if (hasAwarded) cells.push(h("td", { class: "num", "data-label": "Đạt", text: formatNumber(r.awarded_points) }));
    if (hasDeducted) {
      const ded = isNumber(r.deducted_points) ? r.deducted_points : null;
      cells.push(h("td", { class: `num${ded ? " deducted" : ""}`, "data-label": "Bị trừ", text: formatNumber(ded) }));
    }
    if (hasSource) {
      const label = r.appendix || "";
      cells.push(
        h(
          "td",
          { class: "src" },
          r.doc && label
            ? h("button", {
                type: "button",
                class: "link-button row-source",
                text: label,
                title: isNumber(r.line) ? `Xem dòng ${r.line} trong ${label}` : `Xem ${label}`,
                onclick: (e) => openSource({ doc: r.doc, label, line: r.line }, e.currentTarget),
              })
            : "—",
        ),
      );
    }
    tbody.append(h("tr", { class: i >= TABLE_PREVIEW_ROWS ? "extra-row" : null }, cells));
  });
  const table = h(
    "table",
    { class: "data-table" },
    h("caption", { class: "visually-hidden", text: "Bảng số liệu tiêu chí" }),
    h("thead", {}, h("tr", {}, head.map((t) => h("th", { scope: "col", text: t })))),
    tbody,
  );
  const wrap = h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Bảng số liệu tiêu chí" }, table);
  const block = h("div", { class: "data-block" }, wrap);
  if (rows.length > TABLE_PREVIEW_ROWS) {
    wrap.classList.add("collapsed");
    const toggle = h("button", {
      type: "button",
      class: "button button-small show-all",
      "aria-expanded": "false",
      text: `Hiện tất cả ${rows.length} dòng`,
      onclick: () => {
        const open = wrap.classList.toggle("collapsed") === false;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? "Thu gọn bảng" : `Hiện tất cả ${rows.length} dòng`;
      },
    });
    block.append(toggle);
  }
  return block;
}
