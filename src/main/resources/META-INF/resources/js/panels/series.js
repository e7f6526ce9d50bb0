// "Over time": the chosen metric per period, or killed stacked by who was killed, with the trend.
import { api, url, ApiError } from '../api.js';
import { $, OI, el, panel } from '../dom.js';
import { charts, dropChart, replaceChart, setPng, attributionText } from '../charts.js';
import { periodKey, periodStart } from '../periods.js';
import { METRIC_LABEL } from '../state.js';
import { addTrend, changePointLine, unitOf } from './trend-lines.js';

export const KILLED_SPLIT = [
  { key: 'killedCivilians', label: 'Civilians', color: OI.sky },
  { key: 'killedSecurityForces', label: 'Security forces', color: OI.green },
  { key: 'killedMilitants', label: 'Militants', color: OI.orange },
  { key: 'unknown', label: 'Unknown / not split', color: OI.grey },
];

// a period no complete dataset covers has no figure: a gap in the chart, not a 0 bar
function splitValue(r, key) {
  if (r.killed == null) return null;
  if (key !== 'unknown') return r[key] ?? null; // a source without the split: no bar, not 0
  return Math.max(0, r.killed - (r.killedCivilians || 0) - (r.killedSecurityForces || 0) - (r.killedMilitants || 0));
}

// One span per sentence, so each (current trend, forecast, change point…) can be found by its kind.
function writeNote(parts) {
  const note = $('series-note');
  note.textContent = '';
  parts.forEach((part, i) => {
    if (i) note.appendChild(document.createTextNode(' '));
    const span = el('span', part.text);
    span.dataset.part = part.kind;
    note.appendChild(span);
  });
}

function draw(s, agg, trends) {
  const g = s.granularity;
  const rows = agg.rows;
  const periods = rows.map((r) => periodKey(r[g]));
  const labels = periods.map(periodStart);
  const frame = { labels, periods: periods.slice(), index: new Map(periods.map((p, i) => [p, i])) };
  const datasets = [];
  let parts = [];
  let changePoint = null;
  if (s.split === '1') {
    for (const part of KILLED_SPLIT) {
      datasets.push({ type: 'bar', label: part.label, backgroundColor: part.color, stack: 'killed',
        data: rows.map((r) => splitValue(r, part.key)) });
    }
    parts.push({ kind: 'split',
      text: 'Killed per ' + g + ', split by who was killed where the source says; "unknown" = killed − the three groups.' });
  } else {
    datasets.push({ type: 'bar', label: METRIC_LABEL[s.metric] + ' (observed)', backgroundColor: OI.blue,
      data: rows.map((r) => r[s.metric] ?? null), order: 3 });
    if (trends) ({ parts, changePoint } = addTrend(trends, frame, datasets, unitOf(METRIC_LABEL[s.metric], g)));
  }
  const uncovered = rows.filter((r) => r.covered === false).length;
  if (uncovered) {
    parts.push({ kind: 'uncovered', text: uncovered + ' ' + g + '(s) are covered by no selected complete dataset:'
      + ' they are gaps (not zeros) and are left out of the trend.' });
  }
  writeNote(parts);
  const chart = replaceChart('series', 'chart-series', {
    type: 'bar',
    data: { labels: frame.labels, datasets },
    plugins: [changePointLine],
    options: {
      // one value per label, labels in time order: Chart.js may skip sorting and de-duplicating them
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'time', offset: true, stacked: s.split === '1',
          time: { unit: frame.labels.length > 60 && g === 'month' ? 'year' : g, tooltipFormat: 'yyyy-MM-dd' },
          grid: { display: false } },
        y: { beginAtZero: true, stacked: s.split === '1',
          title: { display: true, text: s.split === '1' ? 'Killed' : METRIC_LABEL[s.metric] } },
      },
      plugins: {
        changePointLine: changePoint,
        legend: { position: 'bottom', labels: { boxWidth: 14, filter: (item, data) => !data.datasets[item.datasetIndex].legendHidden } },
        tooltip: { callbacks: { title: (items) => (items.length ? frame.periods[items[0].dataIndex] : '') } },
      },
    },
  });
  chart.$periods = frame.periods;
}

/** Renders the panel from the view's main aggregate (rows per period, every metric). */
export async function renderSeries(view, aggP) {
  const { s, fp, extent, stale } = view;
  const p = panel('panel-series');
  const trendQ = new URLSearchParams(fp);
  trendQ.set('metric', s.metric);
  trendQ.set('granularity', s.granularity);
  trendQ.set('forecast', '6');
  // the forecast of the current regime, not of one trend over rises and falls (docs/trends.md)
  trendQ.set('forecastFrom', 'current');
  const trendsP = s.split === '1' || !extent.to ? Promise.resolve(null) : api(url('/trends', trendQ)).catch((e) => ({ error: e }));
  let agg = null;
  try {
    agg = await aggP;
    const trends = await trendsP;
    if (stale()) return;
    if (!agg.rows.length || !extent.to) {
      dropChart('series');
      p.status(view.emptyReason);
      $('series-note').textContent = '';
    } else {
      draw(s, agg, trends && !trends.error ? trends : null);
      p.status(agg.rows.length + ' ' + s.granularity + 's');
    }
    if (trends && trends.error) {
      p.error(new ApiError('Trend statistics unavailable: ' + trends.error.message, trends.error.url));
    }
  } catch (e) {
    if (stale()) return;
    p.status('');
    p.error(e);
  } finally {
    if (!stale()) {
      const title = s.split === '1' ? 'Killed by who was killed, per ' + s.granularity
        : METRIC_LABEL[s.metric] + ' per ' + s.granularity;
      setPng('png-series', 'series', charts.series && view.caption(title, attributionText(agg)));
    }
  }
}
