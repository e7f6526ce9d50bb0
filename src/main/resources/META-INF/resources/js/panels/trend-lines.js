// What /trends adds to the time chart: the regimes' fitted pieces (the current one highlighted),
// the current regime's forecast with its prediction and confidence bands, anomalies and the
// change point, each with its sentence (naming its unit) for the note under the chart.
import { OI, fmt, nf2 } from '../dom.js';
import { periodStart } from '../periods.js';

/** A change point is drawn and named only below this p-value (Pettitt). */
export const CHANGE_POINT_ALPHA = 0.05;

const PERIODS = { week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };

/** "×0.87 per year, 95 % CI 0.80–0.95" from a {estimate, ci95} rate ratio per year. */
export function perYear(rr) {
  if (!rr || rr.estimate == null) return '';
  return '×' + nf2.format(rr.estimate) + ' per year'
    + (Array.isArray(rr.ci95) && rr.ci95[0] != null && rr.ci95[1] != null
      ? ', 95 % CI ' + nf2.format(rr.ci95[0]) + '–' + nf2.format(rr.ci95[1]) : '');
}

function pText(p) {
  return p < 0.001 ? '< 0.001' : '= ' + nf2.format(p);
}

// Datasets flagged so are drawn but left out of the legend (band edges, further segments).
function line(label, colour, data, extra) {
  return Object.assign({ type: 'line', label, borderColor: colour, backgroundColor: colour, borderWidth: 2,
    pointRadius: 0, data, order: 1 }, extra);
}

function drawSegments(trends, align, datasets, parts) {
  const tp = trends.periods || [];
  const segments = trends.segments;
  const last = segments.length - 1;
  segments.forEach((seg, i) => {
    const from = tp.indexOf(seg.from);
    if (from < 0 || !Array.isArray(seg.fitted)) return;
    const data = align(seg.fitted.map((v, k) => [tp[from + k], v]));
    if (i === last) {
      datasets.push(line('Current trend (since ' + seg.from + ')', OI.vermillion, data, { borderWidth: 3.5 }));
    } else {
      const first = segments.slice(0, i).every((s) => !Array.isArray(s.fitted));
      datasets.push(line(first ? 'Earlier trends' : 'Earlier trend ' + (i + 1), OI.sky, data,
        { borderWidth: 2, borderDash: [2, 2], legendHidden: !first }));
    }
  });
  const text = segments.map((seg) => seg.from + ' to ' + seg.to + ': ' + (perYear(seg.rateRatioPerYear)
    || 'no trend estimable')).join('; ');
  parts.push({ kind: 'segments', text: (segments.length === 1 ? 'One regime (no change point at α = 0.05): '
    : segments.length + ' regimes (Poisson trend of each, rate ratio per year): ') + text + '.' });
}

function currentCaption(current) {
  const verdict = current.verdict || 'no clear change';
  const rr = perYear(current.rateRatioPerYear);
  const sentence = verdict + ' since ' + current.from + (rr ? ': ' + rr : ' (no trend estimable)');
  return 'Current trend: ' + sentence + '.';
}

function drawWholeSeries(trends, align, datasets, parts) {
  const tp = trends.periods || [];
  datasets.push(line('Poisson trend', OI.vermillion, align(tp.map((p, i) => [p, trends.poisson.fitted[i]]))));
  const rr = trends.poisson.rateRatioPerYear;
  if (rr && rr.estimate != null) parts.push({ kind: 'trend', text: 'Poisson trend: ' + perYear(rr) + '.' });
}

// The forecast of the current regime: the outer band is the 95 % prediction interval of the
// count (where a period's count may fall), the inner one the 95 % confidence interval of the mean.
function drawForecast(trends, frame, align, datasets, parts, unit) {
  const { labels, periods, index } = frame;
  const fromCurrent = trends.forecastModel === 'current-segment poisson';
  const current = trends.current;
  const fc = fromCurrent || !current || !Array.isArray(current.forecast)
    ? (Array.isArray(trends.forecast) ? trends.forecast : []) : current.forecast;
  if (!fc.length) return;
  for (const f of fc) {
    if (!index.has(f.period)) { index.set(f.period, labels.length); labels.push(periodStart(f.period)); periods.push(f.period); }
  }
  datasets.forEach((d) => { d.data = d.data.concat(new Array(Math.max(0, labels.length - d.data.length)).fill(null)); });
  const edge = (key) => align(fc.map((f) => [f.period, f[key] ?? null]));
  datasets.push(line('Prediction lower', 'rgba(230,159,0,0.5)', edge('predictionLower'),
    { borderWidth: 1, order: 3, legendHidden: true }));
  datasets.push(line('Forecast: 95 % prediction interval', 'rgba(230,159,0,0.5)', edge('predictionUpper'),
    { borderWidth: 1, backgroundColor: 'rgba(230,159,0,0.15)', fill: '-1', order: 3 }));
  datasets.push(line('Mean lower', 'rgba(213,94,0,0.6)', edge('lower'), { borderWidth: 1, order: 2, legendHidden: true }));
  datasets.push(line('Forecast: 95 % CI of the mean', 'rgba(213,94,0,0.6)', edge('upper'),
    { borderWidth: 1, backgroundColor: 'rgba(213,94,0,0.35)', fill: '-1', order: 2 }));
  datasets.push(line('Forecast', OI.orange, edge('mean'), { borderDash: [5, 4], pointRadius: 2 }));
  const source = current && current.from ? 'the current trend (Poisson fit since ' + current.from + ')'
    : 'the Poisson trend of the whole series';
  parts.push({ kind: 'forecast', text: 'Forecast from ' + source + ': ' + fc.length + ' ' + unit.periods + ' of '
    + unit.metric + ' per ' + unit.granularity + '; outer band 95 % prediction interval of the count, inner band'
    + ' 95 % confidence interval of the mean.' });
}

function changePointOf(trends, frame, parts, unit) {
  const { labels, index } = frame;
  const c = trends.changePoint;
  if (!c || c.pValue == null || !(c.pValue < CHANGE_POINT_ALPHA)) {
    parts.push({ kind: 'changepoint', text: 'No change point found (Pettitt'
      + (c && c.pValue != null ? ' p ' + pText(c.pValue) : '') + ', none below 0.05).' });
    return null;
  }
  parts.push({ kind: 'changepoint', text: 'Change point after ' + (c.lastPeriodBefore || '?') + ': mean '
    + fmt(c.meanBefore) + ' → ' + fmt(c.meanAfter) + ' ' + unit.metric + ' per ' + unit.granularity
    + ' (Pettitt p ' + pText(c.pValue) + ').' });
  if (!c.firstPeriodAfter || !index.has(c.firstPeriodAfter)) return null;
  const after = labels[index.get(c.firstPeriodAfter)];
  const before = c.lastPeriodBefore && index.has(c.lastPeriodBefore) ? labels[index.get(c.lastPeriodBefore)] : after;
  return { x: (after + before) / 2, label: 'change point' };
}

/**
 * Adds the trend's datasets to `datasets` (aligned on the chart's periods, extended by the
 * forecast) and returns the sentences ({kind, text}) and the change point to draw, if any.
 * `unit` = {metric, granularity, periods}: the words the captions name their unit with.
 */
export function addTrend(trends, frame, datasets, unit) {
  const { labels, index } = frame;
  const parts = [];
  const align = (pairs) => {
    const out = new Array(labels.length).fill(null);
    for (const [p, v] of pairs) if (index.has(p)) out[index.get(p)] = v;
    return out;
  };
  if (trends.current && trends.current.from) parts.push({ kind: 'current', text: currentCaption(trends.current) });
  if (Array.isArray(trends.segments) && trends.segments.length) {
    drawSegments(trends, align, datasets, parts);
  } else if (trends.poisson && Array.isArray(trends.poisson.fitted)) {
    drawWholeSeries(trends, align, datasets, parts);
  }
  drawForecast(trends, frame, align, datasets, parts, unit);
  const an = Array.isArray(trends.anomalies) ? trends.anomalies : [];
  if (an.length) {
    datasets.push({ type: 'line', label: 'Anomaly', showLine: false, pointStyle: 'triangle', pointRadius: 7,
      pointBackgroundColor: OI.purple, pointBorderColor: OI.black, borderColor: OI.purple,
      backgroundColor: OI.purple, data: align(an.map((a) => [a.period, a.observed])), order: 0 });
    parts.push({ kind: 'anomalies', text: 'Anomalies (' + an.length + ' ' + (an.length === 1 ? unit.granularity
      : unit.periods) + '): ' + an.slice(0, 8).map((a) => a.period).join(', ') + (an.length > 8 ? ', …' : '') + '.' });
  }
  const changePoint = changePointOf(trends, frame, parts, unit);
  if (Array.isArray(trends.warnings) && trends.warnings.length) {
    parts.push({ kind: 'warnings', text: 'Note: ' + trends.warnings.join('; ') + '.' });
  }
  return { parts, changePoint };
}

/** The unit words of a view: metric in lower case, granularity and its plural. */
export function unitOf(metricLabel, granularity) {
  return { metric: metricLabel.toLowerCase(), granularity, periods: PERIODS[granularity] || granularity + 's' };
}

// Draws the change point as a dashed vertical line between the two periods (own code, no plugin).
export const changePointLine = {
  id: 'changePointLine',
  afterDatasetsDraw(chart, args, opts) {
    if (!opts || opts.x == null) return;
    const x = chart.scales.x.getPixelForValue(opts.x);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = OI.black;
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = OI.black;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = x > chart.chartArea.right - 100 ? 'right' : 'left';
    ctx.fillText(opts.label || 'change point', x + (ctx.textAlign === 'right' ? -4 : 4), top + 12);
    ctx.restore();
  },
};
