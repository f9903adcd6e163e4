// Talking to the backend: JSON requests, its error replies, the event stream of an answer.
// Errors reach the page as ApiError carrying a Vietnamese message fit to show the user.

import { isObject } from "./dom.js";

export class ApiError extends Error {}

function httpMessage(status) {
  if (status === 404) return "Không tìm thấy dữ liệu được yêu cầu.";
  if (status === 400 || status === 422) return "Yêu cầu không hợp lệ. Vui lòng kiểm tra lại nội dung câu hỏi.";
  if (status === 429) return "Hệ thống đang bận. Vui lòng thử lại sau ít phút.";
  if (status === 503) return "Hệ thống đang khởi động hoặc bảo trì. Vui lòng thử lại sau ít phút.";
  return `Máy chủ gặp sự cố (mã ${status}). Vui lòng thử lại sau.`;
}

export async function errorFrom(response) {
  try {
    const body = await response.json();
    if (isObject(body) && typeof body.message === "string" && body.message.trim()) return new ApiError(body.message);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(httpMessage(response.status));
}

export function networkError(err) {
  if (err instanceof ApiError) return err;
  return new ApiError("Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.");
}

export async function requestJSON(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { ...options, headers: { Accept: "application/json", ...(options.headers || {}) } });
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw networkError(err);
  }
  if (!response.ok) throw await errorFrom(response);
  try {
    return await response.json();
  } catch {
    throw new ApiError("Máy chủ trả về dữ liệu không đọc được.");
  }
}

export const postJSON = (url, body) =>
  requestJSON(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const documentCache = new Map();
const sectionCache = new Map();

function cached(cache, key, load) {
  if (!cache.has(key)) {
    const promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return cache.get(key);
}

export const getDocument = (doc) => cached(documentCache, doc, () => requestJSON(`/api/documents/${encodeURIComponent(doc)}`));
export const getSection = (doc, label) =>
  cached(sectionCache, `${doc}\u0000${label}`, () =>
    requestJSON(`/api/documents/${encodeURIComponent(doc)}/sections/${encodeURIComponent(label)}`),
  );

export async function* readEvents(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let pendingCR = "";
  const blocks = function* (final) {
    let at;
    while ((at = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      yield block;
    }
    if (final && buffer.trim()) {
      yield buffer;
      buffer = "";
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    let chunk = pendingCR + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
    pendingCR = "";
    if (!done && chunk.endsWith("\r")) {
      // "\r\n" may be split across reads: wait for the next piece.
      pendingCR = "\r";
      chunk = chunk.slice(0, -1);
    }
    buffer += chunk.replace(/\r\n?/g, "\n");
    for (const block of blocks(done)) {
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? "" : line.slice(colon + 1);
        if (val.startsWith(" ")) val = val.slice(1);
        if (field === "event") event = val;
        else if (field === "data") data.push(val);
      }
      if (data.length) yield { event, data: data.join("\n") };
    }
    if (done) return;
  }
}

export function parseData(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
