// The district map: a choropleth of the chosen metric (count or per 100,000 people) by map unit.
// The map (@svg-maps/pakistan.districts, 2017 boundaries) has fewer units than the gazetteer has
// districts; /map/crosswalk.json says which unit each district is drawn in.
import { api } from '../api.js';
import { $, activatable, el, nf, nf2, panel, svg } from '../dom.js';
import { METRIC_LABEL } from '../state.js';
import { attributionText } from '../charts.js';
import { mapBins } from './map-bins.js';
import { setMapPng } from './map-export.js';

let assetsP = null;

/** The map's drawing and its crosswalk, the same files for every view. */
export const MAP_FILES = ['/map/pakistan-districts.json', '/map/crosswalk.json'];

function assets() {
  if (!assetsP) {
    assetsP = Promise.all(MAP_FILES.map(api));
    assetsP.catch(() => { assetsP = null; });
  }
  return assetsP;
}

/** Map unit id → the gazetteer districts drawn in it. */
function unitsOf(crosswalk, gazetteer) {
  const byCode = new Map(gazetteer.map((d) => [d.code, d]));
  const units = new Map();
  const add = (unit, code) => {
    if (!units.has(unit)) units.set(unit, []);
    if (byCode.has(code)) units.get(unit).push(byCode.get(code));
  };
  for (const [code, unit] of Object.entries(crosswalk.districts)) add(unit, code);
  for (const [unit, code] of Object.entries(crosswalk.partOf)) add(unit, code);
  return units;
}

/** The value of each unit: the sum over its districts, or that sum per 100,000 of their people. */
function unitValues(s, units, rows) {
  const byCode = new Map(rows.filter((r) => r.districtCode).map((r) => [r.districtCode, r[s.metric] ?? null]));
  const values = new Map();
  for (const [unit, districts] of units) {
    const sum = districts.reduce((a, d) => a + (byCode.get(d.code) || 0), 0);
    // every incident of the unit lacks the figure: unknown, not 0
    const unknown = districts.some((d) => byCode.has(d.code)) && districts.every((d) => byCode.get(d.code) == null);
    if (unknown) {
      values.set(unit, null);
    } else if (s.perCapita !== '1') {
      values.set(unit, sum);
    } else {
      const people = districts.every((d) => d.population2023 != null)
        ? districts.reduce((a, d) => a + d.population2023, 0) : 0;
      values.set(unit, people > 0 ? (sum / people) * 100000 : null);
    }
  }
  return values;
}

function valueText(s, v) {
  if (v == null) return s.perCapita === '1' ? 'no population figure or n/a' : 'n/a (the sources lack this figure)';
  return (s.perCapita === '1' ? nf2.format(v) + ' per 100,000 people' : nf.format(v)) + ' '
    + METRIC_LABEL[s.metric].toLowerCase();
}

function drawLegend(s, bins) {
  const box = $('map-legend');
  box.textContent = '';
  box.appendChild(el('span', METRIC_LABEL[s.metric] + (s.perCapita === '1' ? ' per 100,000 (Census 2023)' : '') + ':', 'legend-title'));
  for (const b of bins.classes) {
    const item = el('span', null, 'legend-item');
    item.dataset.lo = String(b.lo);
    item.dataset.hi = String(b.hi);
    item.dataset.count = String(b.count);
    item.dataset.bin = String(b.index);
    const sw = el('span', null, 'swatch');
    sw.style.background = b.colour;
    item.appendChild(sw);
    item.appendChild(el('span', b.label + ' (' + b.count + ')'));
    box.appendChild(item);
  }
}

function build(map, units, onPick) {
  const root = svg('svg', { viewBox: map.viewBox, role: 'group', 'aria-label': 'Districts of Pakistan', class: 'map-svg' });
  for (const loc of map.locations) {
    const districts = units.get(loc.id) || [];
    const path = svg('path', { d: loc.path, id: 'unit-' + loc.id });
    path.dataset.unit = loc.id;
    path.dataset.name = loc.name;
    path.dataset.districts = districts.map((d) => d.name).join(',');
    path.appendChild(svg('title'));
    activatable(path, loc.name, () => onPick(path.dataset.districts));
    root.appendChild(path);
  }
  return root;
}

function provinceOnly(s, rows) {
  const byProvince = rows.filter((r) => !r.district && (r[s.metric] || 0) > 0);
  const total = byProvince.reduce((a, r) => a + r[s.metric], 0);
  if (!total) return 'Every incident of this view is placed in a district.';
  return nf.format(total) + ' ' + METRIC_LABEL[s.metric].toLowerCase() + ' known only at province or division level (such as "Karachi", no district) are not on the map: '
    + byProvince.map((r) => (r.province || 'province unknown') + ' ' + nf.format(r[s.metric])).join(', ') + '.';
}

function paint(s, root, units, values, bins) {
  const picked = new Set(s.district ? s.district.split(',').map((d) => d.trim().toLowerCase()) : []);
  for (const path of root.querySelectorAll('path')) {
    const v = values.get(path.dataset.unit);
    const b = bins.classOf(v);
    path.setAttribute('fill', b.colour);
    path.dataset.value = v == null ? '' : String(v);
    path.dataset.bin = String(b.index);
    const names = (units.get(path.dataset.unit) || []).map((d) => d.name);
    const label = path.dataset.name + (names.length && names.join(', ') !== path.dataset.name ? ' (' + names.join(', ') + ')' : '')
      + ': ' + valueText(s, v);
    path.querySelector('title').textContent = label;
    path.setAttribute('aria-label', label + '. Press Enter to filter to it.');
    path.classList.toggle('picked', names.some((n) => picked.has(n.toLowerCase())));
  }
}

function readout(root) {
  const show = (e) => {
    const t = e.target.closest('path');
    if (t) $('map-readout').textContent = t.querySelector('title').textContent;
  };
  root.addEventListener('mouseover', show);
  root.addEventListener('focusin', show);
}

export async function renderMap(view, districtsP, gazetteerP) {
  const { s, stale } = view;
  const p = panel('panel-map');
  try {
    const [[map, crosswalk], body, gazetteer] = await Promise.all([assets(), districtsP, gazetteerP]);
    if (stale()) return;
    if (!gazetteer) throw new Error('The list of districts could not be loaded, so the map cannot be drawn.');
    const units = unitsOf(crosswalk, gazetteer);
    const box = $('map');
    let root = box.querySelector('svg');
    if (!root) {
      root = build(map, units, view.pickDistrict);
      readout(root);
      box.appendChild(root);
    }
    const values = unitValues(s, units, body.rows);
    const bins = mapBins([...values.values()]);
    paint(s, root, units, values, bins);
    drawLegend(s, bins);
    $('map-province-only').textContent = provinceOnly(s, body.rows);
    setMapPng(root, bins.classes, view.caption(METRIC_LABEL[s.metric] + (s.perCapita === '1' ? ' per 100,000 people' : '')
      + ' by district (2017 map units, schematic)', attributionText(body)));
    p.status(bins.positive ? bins.positive + ' of ' + values.size + ' map units with ' + METRIC_LABEL[s.metric].toLowerCase()
      : view.noDistrictReason);
  } catch (e) {
    if (stale()) return;
    setMapPng(null, null, null);
    p.status('');
    p.error(e);
  }
}
