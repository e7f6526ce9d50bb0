// "Hotspots": districts ranked by the change in rate, from GET /hotspots (fields as the service names them).
import { api, url, ApiError } from '../api.js';
import { $, OI, el, emptyRow, nf, nf2, panel, svg } from '../dom.js';

const SHOWN = 20;
/** Below this Benjamini–Hochberg adjusted p-value a district's change counts as found. */
export const HOTSPOT_ALPHA = 0.1;
const PERIODS = { week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };

// /hotspots gives the rate ratio per 12 periods of the view's granularity, so the caption names them.
function caption(granularity) {
  return 'Rate ratio per 12 ' + (PERIODS[granularity] || granularity + 's') + ' (Poisson, each district\'s current'
    + ' trend), 95 % CI; p adjusted by Benjamini–Hochberg';
}

const significant = (h) => h.adjustedPValue != null && h.adjustedPValue < HOTSPOT_ALPHA;

function ciSvg(h, lo, hi) {
  const w = 120, hgt = 14;
  const rr = h.rateRatioPer12.estimate;
  const ci = h.rateRatioPer12.ci95;
  const s = svg('svg', { width: w, height: hgt, viewBox: '0 0 ' + w + ' ' + hgt, role: 'img',
    'aria-label': 'rate ratio ' + (rr == null ? 'unknown' : nf2.format(rr)) });
  const x = (v) => Math.max(1, Math.min(w - 1, ((Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * w));
  const colour = h.rising ? OI.vermillion : h.falling ? OI.blue : OI.black;
  s.appendChild(svg('line', { x1: x(1), x2: x(1), y1: 0, y2: hgt, stroke: '#9aa4ae', 'stroke-dasharray': '2 2' }));
  if (ci && ci[0] != null && ci[1] != null) {
    s.appendChild(svg('line', { x1: x(ci[0]), x2: x(ci[1]), y1: hgt / 2, y2: hgt / 2, stroke: colour, 'stroke-width': 2 }));
  }
  if (rr != null) s.appendChild(svg('circle', { cx: x(rr), cy: hgt / 2, r: 3.5, fill: colour }));
  return s;
}

function pText(p) {
  if (p == null) return '–';
  return p < 0.001 ? '<0.001' : p < 0.01 ? p.toFixed(3) : nf2.format(p);
}

function draw(items) {
  const tbody = $('hotspots').querySelector('tbody');
  if (!items.length) {
    emptyRow(tbody, 'No district has enough data for a trend in this view.', 6);
    return;
  }
  tbody.textContent = '';
  let lo = 0.5, hi = 2;
  for (const h of items) {
    const ci = h.rateRatioPer12.ci95;
    if (ci && ci[0] != null && ci[0] > 0) lo = Math.min(lo, ci[0]);
    if (ci && ci[1] != null) hi = Math.max(hi, ci[1]);
  }
  lo = Math.max(lo, 0.01);
  hi = Math.min(hi, 100);
  for (const h of items) {
    const rr = h.rateRatioPer12;
    const tr = el('tr');
    if (h.rising) tr.className = 'rising';
    tr.appendChild(el('td', h.rank, 'num'));
    const name = el('td');
    name.appendChild(el('span', h.district));
    if (h.rising) { name.appendChild(document.createTextNode(' ')); name.appendChild(el('span', '▲ rising', 'flag')); }
    if (h.falling) { name.appendChild(document.createTextNode(' ')); name.appendChild(el('span', '▼ falling', 'flag falling')); }
    // the ratio is the district's current regime's, which may start after the view does
    if (h.currentFrom) { name.appendChild(document.createTextNode(' ')); name.appendChild(el('span', 'since ' + h.currentFrom, 'since')); }
    tr.appendChild(name);
    tr.appendChild(el('td', rr.estimate == null ? '–' : '×' + nf2.format(rr.estimate), 'num'));
    tr.appendChild(el('td', rr.ci95 && rr.ci95[0] != null ? nf2.format(rr.ci95[0]) + '–' + nf2.format(rr.ci95[1]) : '–', 'num'));
    const ciTd = el('td', null, 'ci-col');
    ciTd.appendChild(ciSvg(h, lo, hi));
    tr.appendChild(ciTd);
    tr.appendChild(el('td', pText(h.adjustedPValue), 'num'));
    tbody.appendChild(tr);
  }
}

export async function renderHotspots(view) {
  const { s, fp, stale } = view;
  const p = panel('panel-hotspots');
  const q = new URLSearchParams(fp);
  q.set('metric', s.metric);
  q.set('by', 'district');
  q.set('granularity', s.granularity);
  try {
    const body = await api(url('/hotspots', q));
    if (stale()) return;
    const ranked = body.ranked;
    $('hotspots').querySelector('caption').textContent = caption(s.granularity);
    if (ranked.length && !ranked.some(significant)) {
      emptyRow($('hotspots').querySelector('tbody'), 'No district\'s change in rate is significant (every adjusted p ≥ '
        + HOTSPOT_ALPHA + ' among ' + nf.format(ranked.length) + ' districts tested): no ranking shown.', 6);
      p.status(nf.format(ranked.length) + ' districts tested, none significant');
      return;
    }
    draw(ranked.slice(0, SHOWN));
    const rising = ranked.filter((h) => h.rising).length;
    const few = body.insufficient.length;
    p.status(ranked.length ? nf.format(ranked.length) + ' districts ranked, ' + rising + ' rising'
      + (ranked.length > SHOWN ? ' (top ' + SHOWN + ' shown)' : '')
      + (few ? '; ' + few + ' with too little data for a trend' : '') : '');
  } catch (e) {
    if (stale()) return;
    $('hotspots').querySelector('tbody').textContent = '';
    p.status('');
    p.error(new ApiError('Hotspot ranking unavailable: ' + e.message, e.url));
  }
}
