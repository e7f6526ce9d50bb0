// "District × month": the ranked districts by month, own HTML + SVG, with an SVG download made on demand.
import { aggregates } from '../api.js';
import { $, el, nf, offerDownload, panel, svg } from '../dom.js';
import { METRIC_LABEL } from '../state.js';

export function heatColor(v, max) {
  if (!v) return '#eef1f4';
  // single-hue blue ramp (lightness carries the value; safe for colour-blind readers)
  const t = Math.sqrt(v / max);
  const a = [198, 219, 239], b = [8, 48, 107];
  return 'rgb(' + a.map((x, i) => Math.round(x + (b[i] - x) * t)).join(',') + ')';
}

function byDistrictAndMonth(s, agg) {
  const byDistrict = new Map();
  const months = new Set();
  for (const r of agg.rows) {
    if (!r.district) continue;
    months.add(r.month);
    if (!byDistrict.has(r.district)) byDistrict.set(r.district, new Map());
    byDistrict.get(r.district).set(r.month, r[s.metric] ?? null);
  }
  return { byDistrict, months: [...months].sort() };
}

function yearAxis(months, cw, width) {
  const axis = el('div', null, 'hm-axis');
  axis.appendChild(el('span', null, 'hm-name'));
  const axisSvg = svg('svg', { width, height: 16, 'aria-hidden': 'true' });
  let lastYear = null;
  let lastX = -1000;
  months.forEach((m, i) => {
    const y = m.slice(0, 4);
    if (y !== lastYear && (i === 0 || m.endsWith('-01'))) {
      lastYear = y;
      if (i * cw - lastX >= 30 && (cw * 12 >= 30 || +y % 5 === 0 || i === 0)) {
        lastX = i * cw;
        const t = svg('text', { x: i * cw + 1, y: 12, 'font-size': 10, fill: '#5b6570' });
        t.textContent = y;
        axisSvg.appendChild(t);
      }
    }
  });
  axis.appendChild(axisSvg);
  return axis;
}

function legend(s, max) {
  const box = el('div', null, 'hm-legend');
  box.appendChild(el('span', '0'));
  for (const f of [0, 0.1, 0.3, 0.6, 1]) {
    const sw = el('span', null, 'swatch');
    sw.style.background = heatColor(f === 0 ? 0 : f * max, max);
    box.appendChild(sw);
  }
  box.appendChild(el('span', nf.format(max) + ' ' + METRIC_LABEL[s.metric].toLowerCase() + ' per month'));
  return box;
}

function cellTitle(s, name, m, v) {
  return name + ', ' + m + ': ' + (v == null ? 'not covered / n/a' : nf.format(v) + ' ' + METRIC_LABEL[s.metric].toLowerCase());
}

/** The heat map as one standalone SVG (names at the left, a row of cells per district), for the download. */
function standalone(s, grid) {
  const { names, months, byDistrict, cw, rowH, max } = grid;
  const full = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width: cw * months.length + 160,
    height: (names.length + 1) * rowH, 'font-family': 'sans-serif', 'font-size': 11 });
  names.forEach((name, ri) => {
    const label = svg('text', { x: 154, y: (ri + 1) * rowH + 12, 'text-anchor': 'end' });
    label.textContent = name;
    full.appendChild(label);
    const values = byDistrict.get(name);
    months.forEach((m, i) => {
      const v = values.has(m) ? values.get(m) : 0;
      full.appendChild(svg('rect', { x: 160 + i * cw, y: (ri + 1) * rowH, width: Math.max(1, cw - (cw > 4 ? 1 : 0)),
        height: rowH - 3, fill: v == null ? '#ffffff' : heatColor(v, max) }));
    });
  });
  return full;
}

/** Draws the heat map; returns what the standalone SVG is made from, or null when empty. */
function draw(s, agg, order, onPick) {
  const box = $('heatmap');
  box.textContent = '';
  const { byDistrict, months } = byDistrictAndMonth(s, agg);
  const names = order.filter((n) => byDistrict.has(n));
  if (!names.length || !months.length) {
    box.appendChild(el('p', 'No district-level incidents in this view.', 'empty'));
    return null;
  }
  let max = 0;
  for (const m of byDistrict.values()) for (const v of m.values()) max = Math.max(max, v);
  const labelW = window.matchMedia('(max-width: 760px)').matches ? 96 : 150;
  const avail = Math.max(200, box.clientWidth - labelW - 4);
  const cw = Math.max(3, Math.min(24, Math.floor(avail / months.length)));
  const width = cw * months.length;
  const rowH = 18;
  // built apart and added at once; one click handler for every name and cell
  const frag = document.createDocumentFragment();
  frag.appendChild(yearAxis(months, cw, width));
  for (const name of names) {
    const line = el('div', null, 'hm-row');
    const btn = el('button', name, 'hm-name');
    btn.type = 'button';
    btn.title = 'Filter to ' + name;
    btn.dataset.district = name;
    line.appendChild(btn);
    const rs = svg('svg', { width, height: rowH - 2, role: 'img', 'aria-label': name + ' by month' });
    const values = byDistrict.get(name);
    months.forEach((m, i) => {
      const v = values.has(m) ? values.get(m) : 0;
      const r = svg('rect', { x: i * cw, y: 0, width: Math.max(1, cw - (cw > 4 ? 1 : 0)), height: rowH - 3,
        fill: v == null ? '#ffffff' : heatColor(v, max) });
      const title = svg('title');
      title.textContent = cellTitle(s, name, m, v);
      r.appendChild(title);
      r.dataset.district = name;
      r.dataset.month = m;
      r.dataset.value = v == null ? '' : String(v);
      rs.appendChild(r);
    });
    line.appendChild(rs);
    frag.appendChild(line);
  }
  frag.appendChild(legend(s, max));
  box.appendChild(frag);
  box.onclick = (e) => {
    const hit = e.target.closest('[data-district]');
    if (hit && box.contains(hit)) onPick(hit.dataset.district);
  };
  return { names, months, byDistrict, cw, rowH, max };
}

function setSvgLink(s, grid) {
  offerDownload($('svg-heatmap'), grid && (() => ({
    href: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(standalone(s, grid))),
  })));
}

/**
 * Renders the heat map of the ranked districts (null: the ranking failed and says so); their
 * month-by-month figures are asked for as soon as the ranking is known, not after it is drawn.
 */
export async function renderHeatmap(view, rankedP) {
  const { s, fp, stale } = view;
  const p = panel('panel-heatmap');
  const ranked = await rankedP;
  if (stale()) return;
  if (ranked == null) {
    p.status('');
    p.error(new Error('The district ranking this map follows could not be loaded.'));
    return;
  }
  try {
    if (!ranked.length) {
      $('heatmap').textContent = '';
      $('heatmap').appendChild(el('p', view.noDistrictReason, 'empty'));
      p.status('');
      setSvgLink(s, null);
      return;
    }
    const hm = await aggregates(fp, { groupBy: 'district,month', metrics: s.metric,
      district: ranked.map((x) => x.districtCode).join(',') });
    if (stale()) return;
    setSvgLink(s, draw(s, hm, ranked.map((x) => x.district), view.pickDistrict));
    p.status(ranked.length + ' districts × ' + new Set(hm.rows.map((x) => x.month)).size + ' months');
  } catch (e) {
    if (stale()) return;
    p.status('');
    p.error(e);
  }
}
