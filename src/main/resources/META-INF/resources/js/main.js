// Militrend dashboard: wires the state in the URL, the filters and one module per panel.
import { aggregates, api, filterParams, prefetch, url } from './api.js';
import { charts } from './charts.js';
import { $, showError } from './dom.js';
import { loadOptions, optionUrls } from './options.js';
import { ISO_DATE, resolveRange } from './periods.js';
import { DEFAULTS, defaultSearch, filtersInWords, formState, pushState, readState, stateOf, writeForm } from './state.js';
import { renderBreakdowns } from './panels/breakdowns.js';
import { changeBand, renderComparisons } from './panels/comparisons.js';
import { renderDownloads } from './panels/downloads.js';
import { renderHeatmap } from './panels/heatmap.js';
import { renderHotspots } from './panels/hotspots.js';
import { renderIncidents } from './panels/incidents.js';
import { MAP_FILES, renderMap } from './panels/map.js';
import { rankKey, rankedDistricts, renderRanking } from './panels/ranking.js';
import { renderSeries } from './panels/series.js';
import { renderSources } from './panels/sources.js';

const ALL_METRICS = 'incidents,killed,injured,casualties,killedCivilians,killedSecurityForces,killedMilitants';
const PANELS = ['panel-series', 'panel-compare', 'panel-map', 'panel-breakdowns', 'panel-sources', 'panel-ranking',
  'panel-hotspots', 'panel-heatmap', 'panel-incidents'];

let renderSeq = 0;
let gazetteerP = Promise.resolve(null);

const globalError = (e) => showError($('global-error'), e);

function update(s) {
  pushState(s, render);
}

function pickDistrict(name) {
  const s = formState(false);
  s.district = name;
  update(s);
}

function setPanelsLoading() {
  for (const id of PANELS) {
    const p = $(id);
    p.querySelector('.status').textContent = 'Loading…';
    showError(p.querySelector('.panel-error'), null);
  }
}

let datasetsP = null;
const DATASETS_URL = url('/datasets', new URLSearchParams());
const extentUrl = (s) => url('/aggregates', filterParams(s, null));

async function render() {
  const seq = ++renderSeq;
  const stale = () => seq !== renderSeq;
  datasetsP = datasetsP || api(DATASETS_URL).catch(() => []);
  if (!location.search) {
    // an empty address opens the latest covered 36 months of one complete dataset
    const search = defaultSearch(await datasetsP);
    if (stale()) return;
    if (search) history.replaceState(null, '', location.pathname + search);
  }
  const s = readState();
  writeForm(s);
  document.body.dataset.state = 'loading';
  globalError(null);
  setPanelsLoading();
  const finish = () => {
    if (stale()) return;
    document.body.dataset.state = 'ready';
    document.body.dataset.rendered = location.search;
  };

  // the data's extent under the current filters (for quick ranges and "all")
  let extent;
  try {
    const ex = await api(extentUrl(s));
    extent = { from: ex.query.from, to: ex.query.to };
  } catch (e) {
    if (stale()) return;
    globalError(e);
    PANELS.forEach((id) => { $(id).querySelector('.status').textContent = ''; });
    renderDownloads(null, null);
    finish();
    return;
  }
  if (stale()) return;
  const range = resolveRange(s, extent);
  $('f-from').value = s.range === 'custom' ? s.from : range.from || '';
  $('f-to').value = s.range === 'custom' ? s.to : range.to || '';
  $('range-note').textContent = extent.to ? range.from + ' to ' + range.to + ' (data up to ' + extent.to + ')'
    : 'No incidents match these filters.';
  const fp = filterParams(s, range);
  const view = {
    s, range, extent, fp, stale, pickDistrict, datasets: datasetsP,
    emptyReason: extent.to ? 'No incidents in this view.' : 'No incidents match these filters.',
    noDistrictReason: extent.to ? 'No district-level incidents in this view.' : 'No incidents match these filters.',
    singleDistrict: !!s.district && !s.district.includes(','),
    caption: (title, attribution) => ({ title, filters: 'Filters: ' + filtersInWords(s),
      range: 'Dates: ' + (range.from || '–') + ' to ' + (range.to || '–') + ' (data up to ' + (extent.to || '–') + ')',
      attribution }),
  };

  const main = new URLSearchParams(fp);
  main.set('groupBy', s.granularity);
  main.set('metrics', ALL_METRICS);
  const aggUrl = url('/aggregates', main);
  const mainP = api(aggUrl);
  const districtsP = aggregates(fp, { groupBy: 'district', metrics: s.metric, perCapita: 'true', sort: '-' + rankKey(s) });
  mainP.catch(() => null).then((agg) => { if (!stale()) renderDownloads(aggUrl, agg); });
  districtsP.catch(() => null);

  // each panel marks when it has rendered (performance.mark, seen in DevTools and by the load benchmark)
  const drawn = (name, p) => p.finally(() => { if (!stale()) performance.mark('panel:' + name); });
  await Promise.allSettled([
    drawn('series', renderSeries(view, mainP)),
    drawn('comparisons', renderComparisons(view, mainP, districtsP)),
    // ahead of the ranking: its request leaves before the ranking chart is drawn
    drawn('heatmap', renderHeatmap(view, districtsP.then((body) => rankedDistricts(s, body), () => null))),
    drawn('ranking', renderRanking(view, districtsP)),
    drawn('map', renderMap(view, districtsP, gazetteerP)),
    drawn('breakdowns', renderBreakdowns(view, mainP)),
    drawn('sources', renderSources(view)),
    drawn('hotspots', renderHotspots(view)),
    drawn('incidents', renderIncidents(view)),
  ]);
  finish();
}

function dateInput(id) {
  const input = $(id);
  input.addEventListener('change', () => {
    const v = input.value.trim();
    input.setCustomValidity(v && !ISO_DATE.test(v) ? 'Write the date as YYYY-MM-DD, e.g. 2013-06-30.' : '');
    if (!input.reportValidity()) return;
    $('f-range').value = 'custom';
    update(formState(false));
  });
}

function page(delta) {
  const s = formState(true);
  s.page = String(Math.max(0, +s.page + delta));
  update(s);
}

async function copyUrl() {
  const input = $('api-url');
  try {
    await navigator.clipboard.writeText(input.value);
    $('copy-status').textContent = 'Copied.';
  } catch (e) {
    input.focus();
    input.select();
    $('copy-status').textContent = 'Selected: press Ctrl+C to copy.';
  }
}

function init() {
  if (!window.Chart || !window.luxon) {
    globalError(new Error('The chart library did not load.'));
    return;
  }
  window.Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  window.Chart.defaults.color = '#1b1f24';
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); update(formState(false)); });
  for (const id of ['f-range', 'f-province', 'f-eventType', 'f-actor', 'f-dataset', 'f-metric', 'f-granularity', 'f-district']) {
    $(id).addEventListener('change', () => update(formState(false)));
  }
  dateInput('f-from');
  dateInput('f-to');
  $('f-split').addEventListener('change', () => update(formState(true)));
  $('f-perCapita').addEventListener('change', () => update(formState(true)));
  $('f-reset').addEventListener('click', () => update(Object.assign({}, DEFAULTS)));
  $('page-prev').addEventListener('click', () => page(-1));
  $('page-next').addEventListener('click', () => page(1));
  $('copy-url').addEventListener('click', copyUrl);
  for (const a of document.querySelectorAll('a.button[download]')) {
    a.addEventListener('click', (e) => { if (a.getAttribute('href') === '#') e.preventDefault(); });
  }
  window.addEventListener('popstate', () => render());
  // the test hook the browser tests read
  window.militrend = { readState, changeBand, charts };
  gazetteerP = loadOptions(globalError).finally(() => writeForm(readState()));
  render();
}

/**
 * The requests every first load makes before it can draw anything, sent as soon as this module
 * runs (it is loaded async, so while the chart library is still being fetched and parsed): the
 * datasets, the filters' choices, the map's files and the view's extent. The panels, render() and
 * loadOptions() take the answers over through api().
 */
function askEarly() {
  const datasets = prefetch(DATASETS_URL);
  optionUrls().concat(MAP_FILES).forEach(prefetch);
  const search = location.search ? Promise.resolve(location.search) : datasets.then((ds) => defaultSearch(ds) || '');
  search.then((q) => prefetch(extentUrl(stateOf(q)))).catch(() => { /* render() asks again and says why */ });
}

// the deferred chart library has run once the document is parsed (DOMContentLoaded), or at the latest by load
const documentReady = new Promise((resolve) => {
  if (document.readyState === 'complete') resolve();
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve, { once: true });
  else window.addEventListener('load', resolve, { once: true });
});

askEarly();
documentReady.then(init);
