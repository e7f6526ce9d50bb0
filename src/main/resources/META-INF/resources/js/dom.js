// Small DOM helpers. Text from the data is only ever set as text, never parsed as HTML
// (notes and place names are untrusted input).

export const $ = (id) => document.getElementById(id);

export const nf = new Intl.NumberFormat('en');
export const nf1 = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
/**
 * A count as the page shows it: the number, or "n/a" (with how many incidents lack the figure)
 * when every incident behind it lacks it, or "not covered" where no complete dataset covers the
 * period. Never an invented 0 (API.md, Aggregates).
 */
export function countText(value, unknown, covered) {
  if (value == null) {
    if (covered === false) return 'not covered';
    return 'n/a' + (unknown ? ' (' + nf.format(unknown) + (unknown === 1 ? ' incident lacks' : ' incidents lack') + ' the figure)' : '');
  }
  return nf.format(value);
}

export const nf2 = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Okabe–Ito palette: colour-blind safe. */
export const OI = { black: '#000000', orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#8C8C8C' };

export function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

export function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

export function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

export function safeHttpUrl(u) {
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

/** A link that opens outside the page without handing it our window. */
export function outLink(text, href) {
  const a = el('a', text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

export function showError(box, e) {
  if (!e) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = e.message + (e.url ? '\n(GET ' + e.url + ')' : '');
}

/** A dashboard panel: its status line and its error box. */
export function panel(id) {
  const p = $(id);
  return {
    root: p,
    status: (t) => { p.querySelector('.status').textContent = t || ''; },
    error: (e) => showError(p.querySelector('.panel-error'), e),
  };
}

export function fmt(v) {
  if (v == null) return '–';
  return Number.isInteger(v) ? nf.format(v) : nf2.format(v);
}

/** A table row of cells; a cell is text, or [text, class]. */
export function row(cells) {
  const tr = el('tr');
  for (const c of cells) tr.appendChild(Array.isArray(c) ? el('td', c[0], c[1]) : el('td', c));
  return tr;
}

/** Replaces a table body's rows with one full-width line saying why it is empty. */
export function emptyRow(tbody, text, columns) {
  tbody.textContent = '';
  const tr = el('tr');
  const td = el('td', text, 'empty');
  td.colSpan = columns;
  tr.appendChild(td);
  tbody.appendChild(tr);
}

/** Makes an element act as a button for the keyboard (Enter or Space) as well as the mouse. */
export function activatable(node, label, action) {
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', label);
  node.addEventListener('click', action);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); action(); }
  });
}

// Download links whose file is made on the link's first use (pointer on it, keyboard focus,
// click), not when the panel is drawn: the first load draws every panel, a download is rare.
// data-href-state says where a link stands: "offered" (not made yet), "ready" (href is the file)
// or "failed" (the reason in its title).
const offers = new WeakMap();
const listening = new WeakSet();

function make(link) {
  const offer = offers.get(link);
  if (!offer) return Promise.resolve(false);
  if (!offer.made) {
    offer.made = Promise.resolve().then(offer.make).then(({ href, data }) => {
      if (offers.get(link) !== offer) return false; // drawn again meanwhile: the new offer makes its own
      link.href = href;
      Object.assign(link.dataset, data || {});
      link.dataset.hrefState = 'ready';
      return true;
    }).catch((e) => {
      if (offers.get(link) === offer) {
        link.dataset.hrefState = 'failed';
        link.title = e.message;
      }
      return false;
    });
  }
  return offer.made;
}

function listen(link) {
  if (listening.has(link)) return;
  listening.add(link);
  const prepare = () => { make(link); };
  link.addEventListener('pointerenter', prepare);
  link.addEventListener('focus', prepare);
  link.addEventListener('click', (e) => {
    if (link.dataset.hrefState === 'ready') return;
    e.preventDefault();
    make(link).then((ok) => { if (ok) link.click(); });
  });
}

/**
 * Offers a file on a download link, made by `maker` (returning or resolving to `{ href, data }`,
 * data being dataset entries to set with it) on the link's first use; no maker disables the link.
 */
export function offerDownload(link, maker) {
  link.href = '#';
  link.removeAttribute('title');
  if (!maker) {
    offers.delete(link);
    delete link.dataset.hrefState;
    link.setAttribute('aria-disabled', 'true');
    return;
  }
  offers.set(link, { make: maker, made: null });
  link.dataset.hrefState = 'offered';
  link.removeAttribute('aria-disabled');
  listen(link);
}
