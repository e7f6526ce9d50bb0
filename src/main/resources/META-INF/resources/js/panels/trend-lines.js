// What /trends adds to the time chart: the Poisson trend or its segments, the forecast band,
// anomalies and the change point, each with its sentence for the note under the chart.
import { OI, fmt, nf2 } from '../dom.js';
import { periodStart } from '../periods.js';

function ratio(rr) {
  if (!rr || rr.estimate == null) return '';
  return '×' + nf2.format(rr.estimate) + ' per year'
    + (Array.isArray(rr.ci95) && rr.ci95[0] != null ? ', 95 % CI ' + nf2.format(rr.ci95[0]) + '–' + nf2.format(rr.ci95[1]) : '');
}

function verdictWord(c) {
  const v = c.verdict ? String(c.verdict) : '';
  if (v) return v;
  const e = c.rateRatioPerYear && c.rateRatioPerYear.estimate;
  return e == null ? 'changing' : e < 1 ? 'falling' : 'rising';
}

/**
 * Adds the trend's datasets to `datasets` (aligned on the chart's periods, extended by the
 * forecast) and returns the sentences and the change point.
 */
export function addTrend(trends, frame, datasets) {
  const { labels, periods, index } = frame;
  const parts = [];
  const align = (pairs) => {
    const out = new Array(labels.length).fill(null);
    for (const [p, v] of pairs) if (index.has(p)) out[index.get(p)] = v;
    return out;
  };
  const tp = trends.periods || [];
  // `segments` and `current` are newer fields of /trends; older responses lack them.
  const segments = Array.isArray(trends.segments) ? trends.segments : [];
  if (segments.length) {
    segments.forEach((seg, i) => {
      const from = tp.indexOf(seg.from);
      if (from < 0 || !Array.isArray(seg.fitted)) return;
      datasets.push({ type: 'line', label: i === 0 ? 'Trend segments' : 'Trend segment ' + (i + 1),
        borderColor: OI.vermillion, backgroundColor: OI.vermillion, borderWidth: 2, pointRadius: 0,
        data: align(seg.fitted.map((v, k) => [tp[from + k], v])), order: 1 });
    });
    parts.push('Trend segments: ' + segments.map((seg) => seg.from + ' to ' + seg.to
      + (ratio(seg.rateRatioPerYear) ? ' ' + ratio(seg.rateRatioPerYear) : '')).join('; ') + '.');
  } else if (trends.poisson && Array.isArray(trends.poisson.fitted)) {
    datasets.push({ type: 'line', label: 'Poisson trend', borderColor: OI.vermillion, backgroundColor: OI.vermillion,
      borderWidth: 2, pointRadius: 0, data: align(tp.map((p, i) => [p, trends.poisson.fitted[i]])), order: 1 });
    const rr = trends.poisson.rateRatioPer12;
    if (rr && rr.estimate != null) {
      parts.push('Poisson trend: ×' + nf2.format(rr.estimate) + ' per 12 periods'
        + (rr.ci95 ? ' (95 % CI ' + nf2.format(rr.ci95[0]) + '–' + nf2.format(rr.ci95[1]) + ')' : '') + '.');
    }
  }
  const current = trends.current;
  if (current && current.from) {
    parts.push(verdictWord(current) + ' since ' + current.from + (ratio(current.rateRatioPerYear) ? ': ' + ratio(current.rateRatioPerYear) : '') + '.');
  }
  const fc = Array.isArray(trends.forecast) ? trends.forecast : [];
  if (fc.length) {
    for (const f of fc) {
      if (!index.has(f.period)) { index.set(f.period, labels.length); labels.push(periodStart(f.period)); periods.push(f.period); }
    }
    const pad = (arr) => arr.concat(new Array(Math.max(0, labels.length - arr.length)).fill(null));
    datasets.forEach((d) => { d.data = pad(d.data); });
    datasets.push({ type: 'line', label: 'Forecast 95 % lower', borderColor: 'rgba(230,159,0,0.6)', borderWidth: 1,
      pointRadius: 0, data: align(fc.map((f) => [f.period, f.lower])), order: 2 });
    datasets.push({ type: 'line', label: 'Forecast band', borderColor: 'rgba(230,159,0,0.6)', borderWidth: 1,
      backgroundColor: 'rgba(230,159,0,0.25)', fill: '-1', pointRadius: 0,
      data: align(fc.map((f) => [f.period, f.upper])), order: 2 });
    datasets.push({ type: 'line', label: 'Forecast', borderColor: OI.orange, borderDash: [5, 4], borderWidth: 2,
      pointRadius: 2, data: align(fc.map((f) => [f.period, f.mean])), order: 1 });
    parts.push('Forecast: ' + fc.length + ' periods with 95 % band.');
  }
  const an = Array.isArray(trends.anomalies) ? trends.anomalies : [];
  if (an.length) {
    datasets.push({ type: 'line', label: 'Anomaly', showLine: false, pointStyle: 'triangle', pointRadius: 7,
      pointBackgroundColor: OI.purple, pointBorderColor: OI.black, borderColor: OI.purple,
      backgroundColor: OI.purple, data: align(an.map((a) => [a.period, a.observed])), order: 0 });
    parts.push('Anomalies (' + an.length + '): ' + an.slice(0, 8).map((a) => a.period).join(', ')
      + (an.length > 8 ? ', …' : '') + '.');
  }
  let changePoint = null;
  const c = trends.changePoint;
  if (c && c.firstPeriodAfter && index.has(c.firstPeriodAfter)) {
    const after = labels[index.get(c.firstPeriodAfter)];
    const before = c.lastPeriodBefore && index.has(c.lastPeriodBefore) ? labels[index.get(c.lastPeriodBefore)] : after;
    changePoint = { x: (after + before) / 2, label: 'change point' };
    parts.push('Change point after ' + (c.lastPeriodBefore || '?') + ' (mean ' + fmt(c.meanBefore) + ' → '
      + fmt(c.meanAfter) + (c.pValue != null ? ', p ' + (c.pValue < 0.001 ? '< 0.001' : '= ' + nf2.format(c.pValue)) : '') + ').');
  }
  if (Array.isArray(trends.warnings) && trends.warnings.length) parts.push('Note: ' + trends.warnings.join('; ') + '.');
  return { parts, changePoint };
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
