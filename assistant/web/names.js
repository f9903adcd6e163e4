// How documents are named on the page, from the summaries of GET /api/documents.

/** doc id -> summary {doc, doc_type, number, date, issuer, subject}; filled by the sidebar. */
export const documents = new Map();

const DOC_TYPE_ABBR = {
  "công văn": "CV",
  "kế hoạch": "KH",
  "quyết định": "QĐ",
  "nghị quyết": "NQ",
  "chỉ thị": "CT",
  "thông báo": "TB",
  "báo cáo": "BC",
  "nghị định": "NĐ",
  "thông tư": "TT",
};

function docTypeAbbr(type) {
  return DOC_TYPE_ABBR[String(type || "").toLowerCase()] || type || "";
}

export function shortIssuer(issuer) {
  return String(issuer || "")
    .replace(/(Ủy|Uỷ) ban nhân dân/gi, "UBND")
    .replace(/\bthành phố\b/gi, "TP");
}

/** A document's name for a chip: "CV 410/UBND-NCKTGS", else "KH UBND đặc khu Cát Hải". */
export function docShort(doc) {
  const meta = documents.get(doc);
  if (!meta) return doc.length > 18 ? `${doc.slice(0, 16)}…` : doc;
  if (/\d/.test(meta.number || "")) return `${docTypeAbbr(meta.doc_type)} ${meta.number}`.trim();
  return `${docTypeAbbr(meta.doc_type)} ${shortIssuer(meta.issuer)}`.trim() || doc;
}

/** A document's full name: "Công văn số 410/UBND-NCKTGS". */
export function docLong(meta, doc) {
  if (!meta) return doc;
  if (/\d/.test(meta.number || "")) return `${meta.doc_type || "Văn bản"} số ${meta.number}`;
  return `${meta.doc_type || "Văn bản"} của ${meta.issuer || doc}`;
}

/** A title written in capitals ("CÁC TIÊU CHÍ ĐÁNH GIÁ…") in sentence case, for chips. */
export function readableTitle(title) {
  const t = String(title || "").trim();
  if (!t || t !== t.toLocaleUpperCase("vi") || !/\p{L}{3}/u.test(t)) return t;
  const lower = t.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}
