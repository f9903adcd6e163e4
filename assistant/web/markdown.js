// A small, safe Markdown renderer for the assistant's answers.
//
// It builds DOM nodes with createElement/textContent only: no HTML string from an answer,
// a document or a user ever reaches the parser of the browser, so "<script>" stays text.
// Supported: paragraphs (single newlines become line breaks), headings, bullet and
// numbered lists (nested by indentation), "| a | b |" tables, block quotes, fenced code,
// horizontal rules, **bold**, *italic*, _italic_, `code`, [text](https://...) links and
// citation marks [1], [1, 2], [1][2], turned into buttons (class "cite-ref", data-cite).

const LIST_ITEM = /^(\s*)([-*+•]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const QUOTE = /^\s{0,3}>\s?/;
const NUMERIC_CELL = /^[-+−]?[\d\s.,]+%?$/;

// One alternation, tried left to right at every position; the first group that matched says
// which construct it is.
const INLINE = new RegExp(
  [
    "\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])", // 1 backslash escape
    "(`+)([^`][\\s\\S]*?)\\2(?!`)", // 2,3 code
    "\\*\\*(?=\\S)([\\s\\S]*?\\S)\\*\\*", // 4 bold
    "(?<![\\p{L}\\p{N}_])__(?=\\S)([\\s\\S]*?\\S)__(?![\\p{L}\\p{N}_])", // 5 bold, not inside a word
    "\\*(?=[^\\s*])([\\s\\S]*?[^\\s*]|[^\\s*])\\*(?!\\*)", // 6 italic
    "(?<![\\p{L}\\p{N}_])_(?=[^\\s_])([\\s\\S]*?[^\\s_]|[^\\s_])_(?![\\p{L}\\p{N}_])", // 7 italic
    "\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\](?!\\()", // 8 citations
    "\\[([^\\[\\]\\n]+)\\]\\(([^()\\s]+)\\)", // 9,10 link
    "(\\n)", // 11 line break
  ].join("|"),
  "gu",
);

/**
 * The address a link may open, or null: http(s) and mailto links, and links that stay on this
 * site once the browser has resolved them (it reads "/\\evil.example" as "//evil.example", another
 * site, so a prefix test is not enough).
 */
export function safeHref(url) {
  let target;
  try {
    target = new URL(url, window.location.href);
  } catch {
    return null;
  }
  if (target.protocol === "mailto:") return target.href;
  if (target.protocol !== "http:" && target.protocol !== "https:") return null;
  if (/^https?:\/\//i.test(url)) return target.href;
  return target.origin === window.location.origin ? target.href : null;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Append the inline content of `text` to `parent`. */
export function renderInline(text, parent, ctx = {}) {
  const re = new RegExp(INLINE.source, INLINE.flags);
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) parent.append(document.createTextNode(text.slice(last, m.index)));
    last = re.lastIndex;
    if (m[1] !== undefined) {
      parent.append(document.createTextNode(m[1]));
    } else if (m[3] !== undefined) {
      parent.append(el("code", null, m[3].replace(/^ (.*) $/s, "$1")));
    } else if (m[4] !== undefined || m[5] !== undefined) {
      const strong = el("strong");
      renderInline(m[4] ?? m[5], strong, ctx);
      parent.append(strong);
    } else if (m[6] !== undefined || m[7] !== undefined) {
      const em = el("em");
      renderInline(m[6] ?? m[7], em, ctx);
      parent.append(em);
    } else if (m[8] !== undefined) {
      for (const id of m[8].split(/\s*[,;]\s*/)) parent.append(citeMark(Number(id), ctx));
    } else if (m[9] !== undefined) {
      const url = m[10];
      const href = safeHref(url);
      if (href !== null) {
        const a = el("a");
        a.href = href;
        if (new URL(href).origin !== window.location.origin) {
          a.target = "_blank";
          a.rel = "noopener noreferrer";
        }
        renderInline(m[9], a, ctx);
        parent.append(a);
      } else {
        parent.append(document.createTextNode(m[0]));
      }
    } else if (m[11] !== undefined) {
      parent.append(el("br"));
    }
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

function citeMark(id, ctx) {
  const sup = el("sup", "cite-sup");
  const known = ctx.citations ? ctx.citations.find((c) => c.id === id) : null;
  if (ctx.citations && !known && ctx.final) {
    // The answer is complete and names no such source: show the mark, but nothing to open.
    sup.textContent = `[${id}]`;
    return sup;
  }
  const button = el("button", "cite-ref", String(id));
  button.type = "button";
  button.dataset.cite = String(id);
  button.setAttribute(
    "aria-label",
    known ? `Xem nguồn ${id}: ${known.section || known.doc} ${known.title || ""}`.trim() : `Xem nguồn ${id}`,
  );
  if (known) button.title = `${known.section ? known.section + " · " : ""}${known.title || known.doc}`;
  sup.append(button);
  return sup;
}

function splitRow(line) {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\" && s[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (s[i] === "|") {
      cells.push(cur.trim());
      cur = "";
    } else {
      cur += s[i];
    }
  }
  cells.push(cur.trim());
  return cells;
}

function renderTable(lines, ctx) {
  const header = splitRow(lines[0]);
  const aligns = splitRow(lines[1]).map((c) =>
    c.endsWith(":") ? (c.startsWith(":") ? "center" : "right") : c.startsWith(":") ? "left" : "",
  );
  const wrap = el("div", "table-wrap");
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", "Bảng");
  // Wide tables become labelled cards in a narrow column (style.css): each cell carries its header.
  const table = el("table", header.length > 3 ? "md-table wide" : "md-table");
  const labels = header.map((cell) => cell.replace(/[*_`]/g, ""));
  const thead = el("thead");
  const tr = el("tr");
  header.forEach((cell, i) => {
    const th = el("th");
    th.scope = "col";
    if (aligns[i]) th.style.textAlign = aligns[i];
    renderInline(cell, th, ctx);
    tr.append(th);
  });
  thead.append(tr);
  table.append(thead);
  const tbody = el("tbody");
  for (const line of lines.slice(2)) {
    const cells = splitRow(line);
    const row = el("tr");
    for (let i = 0; i < header.length; i++) {
      const td = el("td");
      td.dataset.label = labels[i];
      const cell = cells[i] ?? "";
      if (aligns[i]) td.style.textAlign = aligns[i];
      else if (NUMERIC_CELL.test(cell) && /\d/.test(cell)) td.className = "num";
      else if (cell.length <= 14) td.className = "short"; // codes, "Phụ lục III": kept on one line
      renderInline(cell, td, ctx);
      row.append(td);
    }
    tbody.append(row);
  }
  table.append(tbody);
  wrap.append(table);
  return wrap;
}

function indentOf(s) {
  let n = 0;
  for (const ch of s) {
    if (ch === " ") n += 1;
    else if (ch === "\t") n += 4;
    else break;
  }
  return n;
}

function isBlockStart(lines, i) {
  const line = lines[i];
  return (
    HEADING.test(line) ||
    FENCE.test(line) ||
    QUOTE.test(line) ||
    RULE.test(line) ||
    LIST_ITEM.test(line) ||
    (line.includes("|") && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1]))
  );
}

// Parse a list starting at lines[i]; returns [element, next index].
function parseList(lines, i, ctx) {
  const first = LIST_ITEM.exec(lines[i]);
  const baseIndent = indentOf(first[1]);
  const ordered = /\d/.test(first[2]);
  const list = el(ordered ? "ol" : "ul", "md-list");
  if (ordered) {
    const start = parseInt(first[2], 10);
    if (start !== 1) list.start = start;
  }
  let item = null;
  let itemText = [];
  const flush = () => {
    if (item && itemText.length) {
      const holder = el("span", "li-text");
      renderInline(itemText.join("\n"), holder, ctx);
      item.prepend(holder);
    }
    itemText = [];
  };
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      // A blank line ends the list unless the next non-blank line continues it.
      let j = i + 1;
      while (j < lines.length && !lines[j].trim()) j++;
      const next = j < lines.length ? LIST_ITEM.exec(lines[j]) : null;
      if (next && indentOf(next[1]) >= baseIndent && /\d/.test(next[2]) === ordered) {
        i = j;
        continue;
      }
      break;
    }
    const m = LIST_ITEM.exec(line);
    if (m) {
      const indent = indentOf(m[1]);
      if (indent > baseIndent && item) {
        flush();
        const [sub, next] = parseList(lines, i, ctx);
        item.append(sub);
        i = next;
        continue;
      }
      if (indent < baseIndent || /\d/.test(m[2]) !== ordered) break;
      flush();
      item = el("li");
      list.append(item);
      itemText = [m[3]];
      i++;
      continue;
    }
    if (!item || (indentOf(line) === 0 && isBlockStart(lines, i))) break;
    // A continuation line of the current item.
    if (item.lastElementChild && item.lastElementChild.tagName !== "SPAN") break;
    itemText.push(line.trim());
    i++;
  }
  flush();
  return [list, i];
}

function renderBlocks(lines, ctx, target) {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    let m;
    if ((m = FENCE.exec(line))) {
      const fence = m[1];
      const body = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence)) body.push(lines[i++]);
      i++;
      const pre = el("pre", "md-code");
      pre.append(el("code", null, body.join("\n")));
      target.append(pre);
      continue;
    }
    if ((m = HEADING.exec(line))) {
      const level = Math.min(6, m[1].length + 2);
      const h = el(`h${level}`, "md-heading");
      renderInline(m[2], h, ctx);
      target.append(h);
      i++;
      continue;
    }
    if (RULE.test(line) && !LIST_ITEM.test(line)) {
      target.append(el("hr"));
      i++;
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1])) {
      const rows = [line, lines[i + 1]];
      i += 2;
      while (i < lines.length && lines[i].includes("|") && lines[i].trim()) rows.push(lines[i++]);
      target.append(renderTable(rows, ctx));
      continue;
    }
    if (QUOTE.test(line)) {
      const inner = [];
      while (i < lines.length && QUOTE.test(lines[i])) inner.push(lines[i++].replace(QUOTE, ""));
      const bq = el("blockquote");
      renderBlocks(inner, ctx, bq);
      target.append(bq);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const [list, next] = parseList(lines, i, ctx);
      target.append(list);
      i = next;
      continue;
    }
    const para = [line.trim()];
    i++;
    while (i < lines.length && lines[i].trim() && !isBlockStart(lines, i)) para.push(lines[i++].trim());
    const p = el("p");
    renderInline(para.join("\n"), p, ctx);
    target.append(p);
  }
}

/**
 * Render `source` (Markdown) into a DocumentFragment.
 * ctx.citations: the answer's citations when known; ctx.final: the answer is complete.
 */
export function renderMarkdown(source, ctx = {}) {
  const fragment = document.createDocumentFragment();
  const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
  renderBlocks(lines, ctx, fragment);
  return fragment;
}

/** The answer as plain text, for the clipboard: marks dropped, citation marks kept. */
export function markdownToText(source) {
  return String(source ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => !TABLE_SEP.test(line))
    .map((line) =>
      line
        .replace(HEADING, "$2")
        .replace(/^(\s*)[-*+•]\s+/, "$1• ")
        .replace(/^\s*\|(.*)\|\s*$/, (_, row) =>
          row
            .replace(/\\\|/g, "\u0000")
            .split("|")
            .map((c) => c.trim().replace(/\u0000/g, "|"))
            .join("\t"),
        ),
    )
    .join("\n")
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "$1")
    .replace(/(?<![\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]*?[^\s*]|[^\s*])\*(?![*\w])/g, "$1$2")
    .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]*?[^\s_]|[^\s_])_(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/\[([^\[\]\n]+)\]\(([^()\s]+)\)/g, "$1 ($2)")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1")
    .trim();
}
