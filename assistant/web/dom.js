// Small DOM helpers shared by the page's modules. Text goes in as text nodes, never as HTML.

export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const ICONS = {
  copy: "M11 9h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1",
  check: "M5 12.5l4.5 4.5L19 7",
  up: "M7 10v11M14 5.9 13 10h5.8a2 2 0 0 1 1.9 2.5l-1.7 7A2 2 0 0 1 17 21H7V10l4.4-7.4A1.9 1.9 0 0 1 14 5.9z",
  down: "M17 14V3M10 18.1 11 14H5.2a2 2 0 0 1-1.9-2.5l1.7-7A2 2 0 0 1 7 3h10v11l-4.4 7.4a1.9 1.9 0 0 1-2.6-3.3z",
  retry: "M3 4v6h6M3.5 15a9 9 0 1 0 2.1-9.4L3 10",
  doc: "M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zM14 2v6h6M16 13H8M16 17H8",
  alert: "M12 8v5M12 16.5v.5M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z",
  info: "M12 11v6M12 7.5v.5M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z",
  chevron: "M9 6l6 6-6 6",
};

export function icon(name, size = 18) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", `icon icon-${name}`);
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", ICONS[name]);
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "2");
  path.setAttribute("stroke-linecap", "round");
  path.setAttribute("stroke-linejoin", "round");
  svg.append(path);
  return svg;
}

export const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
export const isNumber = (x) => typeof x === "number" && Number.isFinite(x);

const toast = document.querySelector("#toast");

/** A short message at the bottom of the screen, with an optional action ("Hoàn tác"). */
export function showToast(text, action) {
  toast.replaceChildren(h("span", { text }));
  if (action) {
    toast.append(
      h("button", {
        type: "button",
        class: "toast-action",
        text: action.label,
        onclick: () => {
          toast.hidden = true;
          action.run();
        },
      }),
    );
  }
  toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => {
    toast.hidden = true;
  }, action ? 7000 : 3500);
}
