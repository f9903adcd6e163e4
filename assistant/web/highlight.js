// Display of a document's raw lines, and finding a quoted passage in them.
//
// A citation's quote is copied from the file "up to whitespace": it may be spread over
// several lines, and the file may carry Markdown marks (**, #) the quote has dropped.
// Matching therefore ignores whitespace and those marks on both sides, and folds case,
// typographic quotes and dashes.

const IGNORED = /[\s\u00a0\u200b-\u200d\ufeff*_#`|]/;
const FOLD = new Map([
  ["\u201c", '"'], ["\u201d", '"'], ["\u201e", '"'], ["\u2018", "'"], ["\u2019", "'"],
  ["\u2013", "-"], ["\u2014", "-"], ["\u2212", "-"], ["\u2026", "..."],
]);
const MIN_PREFIX = 24;

function fold(ch) {
  return (FOLD.get(ch) ?? ch).toLowerCase();
}

/**
 * A raw Markdown line as shown in the source panel: heading hashes and emphasis marks
 * removed, their extent kept as style ranges.
 * Returns {text, heading, styles: [{start, end, cls}]}.
 */
export function cleanLine(raw) {
  let text = String(raw ?? "").normalize("NFC").replace(/\s+$/, "");
  let heading = false;
  const h = /^\s{0,3}#{1,6}\s+/.exec(text);
  if (h) {
    heading = true;
    text = text.slice(h[0].length);
  }
  const styles = [];
  let out = "";
  let last = 0;
  const re = /\*\*([^*]+?)\*\*|(?<![*\w])\*([^*\s](?:[^*]*?[^*\s])?)\*(?![*\w])/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    out += text.slice(last, m.index);
    const inner = m[1] ?? m[2];
    styles.push({ start: out.length, end: out.length + inner.length, cls: m[1] !== undefined ? "b" : "i" });
    out += inner;
    last = re.lastIndex;
  }
  out += text.slice(last);
  // A bold run opened on one line and closed on another ("**TM. ỦY BAN  \nCHỦ TỊCH**").
  if (/^\*\*(?!\*)/.test(out) && !out.slice(2).includes("**")) {
    out = out.slice(2);
    styles.forEach((s) => { s.start -= 2; s.end -= 2; });
    styles.push({ start: 0, end: out.length, cls: "b" });
  } else if (/\*\*$/.test(out) && !out.slice(0, -2).includes("**")) {
    out = out.slice(0, -2);
    styles.push({ start: 0, end: out.length, cls: "b" });
  }
  return { text: out, heading, styles };
}

// Folded text of all lines with whitespace and marks dropped, and where each unit came from.
function buildIndex(texts) {
  let folded = "";
  const origin = []; // origin[k] = [line index, char index]
  texts.forEach((text, li) => {
    for (let ci = 0; ci < text.length; ci++) {
      const ch = text[ci];
      if (IGNORED.test(ch)) continue;
      const f = fold(ch);
      for (let k = 0; k < f.length; k++) {
        if (IGNORED.test(f[k])) continue;
        folded += f[k];
        origin.push([li, ci]);
      }
    }
  });
  return { folded, origin };
}

function foldQuery(s) {
  let out = "";
  for (const ch of String(s).normalize("NFC")) {
    if (IGNORED.test(ch)) continue;
    for (const u of fold(ch)) if (!IGNORED.test(u)) out += u;
  }
  return out;
}

function longestPrefix(folded, needle, from) {
  // Found prefixes are monotone in length: binary search for the longest.
  let lo = 0;
  let hi = needle.length;
  let at = -1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const pos = folded.indexOf(needle.slice(0, mid), from);
    if (pos >= 0) {
      lo = mid;
      at = pos;
    } else {
      hi = mid - 1;
    }
  }
  return { length: lo, at };
}

/**
 * Where `quote` stands in `texts` (the displayed lines).
 * Returns {ranges: [{line, start, end}], exact: bool} or null when nothing was found.
 */
export function findQuote(texts, quote) {
  if (!quote || !texts.length) return null;
  const { folded, origin } = buildIndex(texts);
  const fragments = String(quote)
    .split(/\u2026|\.{3,}|\[\s*\.\.\.\s*\]/)
    .map(foldQuery)
    .filter((f) => f.length >= 4);
  if (!fragments.length) {
    const whole = foldQuery(quote);
    if (whole) fragments.push(whole);
  }
  const spans = [];
  let from = 0;
  let exact = true;
  for (const frag of fragments) {
    let at = folded.indexOf(frag, from);
    let length = frag.length;
    if (at < 0) {
      exact = false;
      const best = longestPrefix(folded, frag, from);
      if (best.length < Math.min(MIN_PREFIX, frag.length)) continue;
      at = best.at;
      length = best.length;
    }
    spans.push([at, at + length]);
    from = at + length;
  }
  if (!spans.length) return null;
  const byLine = new Map();
  for (const [s, e] of spans) {
    for (let k = s; k < e; k++) {
      const [li, ci] = origin[k];
      const key = `${li}:${s}`;
      const r = byLine.get(key);
      if (r) {
        r.start = Math.min(r.start, ci);
        r.end = Math.max(r.end, ci + 1);
      } else {
        byLine.set(key, { line: li, start: ci, end: ci + 1 });
      }
    }
  }
  const ranges = [...byLine.values()].sort((a, b) => a.line - b.line || a.start - b.start);
  return { ranges, exact };
}

/**
 * Fill `target` with `text`, wrapping style ranges in <strong>/<em> and the given
 * highlight ranges in <mark>. Text only; tabs become visible cell separators.
 */
export function renderStyledText(target, text, styles = [], marks = []) {
  const cuts = new Set([0, text.length]);
  for (const r of [...styles, ...marks]) {
    cuts.add(Math.max(0, Math.min(text.length, r.start)));
    cuts.add(Math.max(0, Math.min(text.length, r.end)));
  }
  for (let i = 0; i < text.length; i++) if (text[i] === "\t") { cuts.add(i); cuts.add(i + 1); }
  const points = [...cuts].sort((a, b) => a - b);
  let currentMark = null;
  let currentMarkRange = null;
  for (let p = 0; p < points.length - 1; p++) {
    const a = points[p];
    const b = points[p + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    let node;
    if (piece === "\t") {
      node = document.createElement("span");
      node.className = "tab";
      node.textContent = "\t";
    } else {
      node = document.createTextNode(piece);
      for (const s of styles) {
        if (s.start <= a && b <= s.end) {
          const wrap = document.createElement(s.cls === "b" ? "strong" : "em");
          wrap.append(node);
          node = wrap;
        }
      }
    }
    const mark = marks.find((r) => r.start <= a && b <= r.end);
    if (mark) {
      if (currentMarkRange !== mark) {
        currentMark = document.createElement("mark");
        currentMarkRange = mark;
        target.append(currentMark);
      }
      currentMark.append(node);
    } else {
      currentMark = null;
      currentMarkRange = null;
      target.append(node);
    }
  }
}
