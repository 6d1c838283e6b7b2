// Tiny DOM helpers. Text always goes in as text nodes (never innerHTML), so API data cannot inject markup.

/** h('tag', {attr: value, onclick: fn}, child, ...) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.substring(2), v);
    } else if (k === 'class') {
      el.className = v;
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  });
  append(el, children);
  return el;
}

function append(el, children) {
  children.forEach((c) => {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) {
      append(el, c);
    } else if (c instanceof Node) {
      el.appendChild(c);
    } else {
      el.appendChild(document.createTextNode(String(c)));
    }
  });
}

let counter = 0;
/** A unique id for label/input pairs. */
export function uid(prefix) {
  counter += 1;
  return (prefix || 'f') + '-' + counter;
}

/** A labelled input, select or textarea wrapped in a div.field; returns {wrap, input}. */
export function field(label, control, hint) {
  const id = control.id || uid('in');
  control.id = id;
  const hintEl = hint ? h('span', { class: 'hint', id: id + '-hint' }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', id + '-hint');
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, control);
  return { wrap, input: control };
}

/** A labelled checkbox. */
export function checkbox(label, attrs) {
  const id = uid('cb');
  const input = h('input', Object.assign({ type: 'checkbox', id }, attrs || {}));
  return { wrap: h('div', { class: 'check' }, input, h('label', { for: id }, label)), input };
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}
