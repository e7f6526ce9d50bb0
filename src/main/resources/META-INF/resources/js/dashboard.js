/*
 * Militrend dashboard. Plain browser JavaScript over the public API (/api/v1, API.md).
 *
 * Rules kept throughout:
 *  - the whole view state lives in the query string (pushState on change, popstate restores);
 *  - text that comes from the data is only ever set with textContent / setAttribute, never
 *    parsed as HTML (notes and place names are untrusted input);
 *  - every request goes to this origin; API errors (problem+json "detail") are shown, not swallowed.
 */
(function () {
  'use strict';

  const API = '/api/v1';
  const OI = { black: '#000000', orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442',
    blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#8C8C8C' };
  const METRICS = ['incidents', 'killed', 'injured', 'casualties'];
  const METRIC_LABEL = { incidents: 'Incidents', killed: 'Killed', injured: 'Injured', casualties: 'Casualties' };
  const GRANULARITIES = ['week', 'month', 'quarter', 'year'];
  const RANGES = ['12m', '3y', 'all', 'custom'];
  const SPLIT = [
    { key: 'killedCivilians', label: 'Civilians', color: OI.sky },
    { key: 'killedSecurityForces', label: 'Security forces', color: OI.green },
    { key: 'killedMilitants', label: 'Militants', color: OI.orange },
    { key: 'unknown', label: 'Unknown / not split', color: OI.grey },
  ];
  const ALL_METRICS = 'incidents,killed,injured,casualties,killedCivilians,killedSecurityForces,killedMilitants';
  const PAGE_SIZE = 25;
  const TOP_N = 15;
  const DEFAULTS = { range: 'all', from: '', to: '', province: '', district: '', eventType: '', actor: '',
    dataset: '', metric: 'incidents', granularity: 'month', split: '', perCapita: '', page: '0' };
  const KEYS = Object.keys(DEFAULTS);

  const nf = new Intl.NumberFormat('en');
  const nf1 = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  const nf2 = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const $ = (id) => document.getElementById(id);
  const charts = {};
  let renderSeq = 0;

  // ---------- state <-> URL ----------

  function readState() {
    const q = new URLSearchParams(location.search);
    const s = {};
    for (const k of KEYS) {
      s[k] = q.get(k) ?? DEFAULTS[k];
    }
    if (!RANGES.includes(s.range)) s.range = DEFAULTS.range;
    if ((q.get('from') || q.get('to')) && !q.get('range')) s.range = 'custom';
    if (!METRICS.includes(s.metric)) s.metric = DEFAULTS.metric;
    if (!GRANULARITIES.includes(s.granularity)) s.granularity = DEFAULTS.granularity;
    if (s.range !== 'custom') { s.from = ''; s.to = ''; }
    if (!/^\d+$/.test(s.page)) s.page = '0';
    return s;
  }

  function stateQuery(s) {
    const q = new URLSearchParams();
    for (const k of KEYS) {
      if (s[k] && s[k] !== DEFAULTS[k]) q.set(k, s[k]);
    }
    const str = q.toString();
    return str ? '?' + str : '';
  }

  function pushState(s) {
    const search = stateQuery(s);
    if (search !== location.search) {
      history.pushState(null, '', location.pathname + search);
    }
    render();
  }

  // The current form values as a state; page goes back to 0 whenever a filter changes.
  function formState(keepPage) {
    const s = readState();
    s.range = $('f-range').value;
    s.from = s.range === 'custom' ? $('f-from').value : '';
    s.to = s.range === 'custom' ? $('f-to').value : '';
    for (const k of ['province', 'eventType', 'actor', 'dataset', 'metric', 'granularity']) {
      s[k] = $('f-' + k).value;
    }
    s.district = $('f-district').value.trim();
    s.split = $('f-split').checked ? '1' : '';
    s.perCapita = $('f-perCapita').checked ? '1' : '';
    if (!keepPage) s.page = '0';
    return s;
  }

  function setSelect(sel, value) {
    if (value && ![...sel.options].some((o) => o.value === value)) {
      sel.appendChild(option(value, value));
    }
    sel.value = value;
  }

  function writeForm(s) {
    $('f-range').value = s.range;
    for (const k of ['province', 'eventType', 'actor', 'dataset', 'metric', 'granularity']) {
      setSelect($('f-' + k), s[k]);
    }
    $('f-district').value = s.district;
    $('f-split').checked = s.split === '1';
    $('f-perCapita').checked = s.perCapita === '1';
  }

  // ---------- API ----------

  class ApiError extends Error {
    constructor(message, url, status) {
      super(message);
      this.url = url;
      this.status = status;
    }
  }

  async function api(path) {
    let res;
    try {
      res = await fetch(path, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new ApiError('The service could not be reached (' + e.message + ').', path, 0);
    }
    const type = res.headers.get('content-type') || '';
    if (!res.ok) {
      let detail = res.status + ' ' + (res.statusText || 'error');
      if (type.includes('json')) {
        try {
          const p = await res.json();
          detail = p.detail || p.title || detail;
        } catch (ignored) { /* keep the status line */ }
      }
      throw new ApiError(detail, path, res.status);
    }
    return res.json();
  }

  function filterParams(s, range) {
    const q = new URLSearchParams();
    if (range && range.from) q.set('from', range.from);
    if (range && range.to) q.set('to', range.to);
    for (const k of ['province', 'district', 'eventType', 'actor', 'dataset']) {
      if (s[k]) q.set(k, s[k]);
    }
    return q;
  }

  function url(path, params) {
    const str = params.toString();
    return API + path + (str ? '?' + str : '');
  }

  // ---------- dates and periods ----------

  const DateTime = () => window.luxon.DateTime;

  function isoDate(dt) { return dt.toISODate(); }

  // from/to of the view: quick ranges count back from the (filtered) data's last event.
  function resolveRange(s, extent) {
    if (s.range === 'custom') {
      return { from: s.from || extent.from, to: s.to || extent.to };
    }
    if (s.range === 'all' || !extent.to) return { from: extent.from, to: extent.to };
    const last = DateTime().fromISO(extent.to);
    const months = s.range === '12m' ? 12 : 36;
    const from = last.startOf('month').minus({ months: months - 1 });
    return { from: isoDate(from), to: extent.to };
  }

  function previousRange(range) {
    const from = DateTime().fromISO(range.from);
    const to = DateTime().fromISO(range.to);
    const days = Math.round(to.diff(from, 'days').days) + 1;
    return { from: isoDate(from.minus({ days })), to: isoDate(from.minus({ days: 1 })), days };
  }

  // A contract period string ("2017", "2017-Q1", "2017-03", "2017-W09") as the millis of its start.
  function periodStart(p) {
    const D = DateTime();
    let m;
    if ((m = /^(\d{4})-Q([1-4])$/.exec(p))) return D.fromObject({ year: +m[1], month: (+m[2] - 1) * 3 + 1, day: 1 }).toMillis();
    if (/^\d{4}$/.test(p)) return D.fromObject({ year: +p, month: 1, day: 1 }).toMillis();
    return D.fromISO(p).toMillis();
  }

  // ---------- small DOM helpers (text only) ----------

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function option(value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }

  function safeHttpUrl(u) {
    try {
      const parsed = new URL(u);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function panel(id) {
    const p = $(id);
    return {
      root: p,
      status: (t) => { p.querySelector('.status').textContent = t || ''; },
      error: (e) => {
        const box = p.querySelector('.panel-error');
        if (!e) { box.hidden = true; box.textContent = ''; return; }
        box.hidden = false;
        box.textContent = e.message + (e.url ? '\n(GET ' + e.url + ')' : '');
      },
    };
  }

  function fmt(v) {
    if (v == null) return '–';
    return Number.isInteger(v) ? nf.format(v) : nf2.format(v);
  }

  // ---------- change bands ----------

  function changeBand(current, previous) {
    if (previous == null || previous < 10) {
      return { cls: 'band-few', label: 'too few to compare', pct: null };
    }
    const pct = ((current - previous) / previous) * 100;
    if (pct > 25) return { cls: 'band-large-rise', label: '▲ large rise', pct };
    if (pct >= 10) return { cls: 'band-moderate-rise', label: '▲ moderate rise', pct };
    if (pct >= -25) return { cls: 'band-limited', label: '◆ limited change', pct };
    return { cls: 'band-large-fall', label: '▼ large fall', pct };
  }

  function renderTiles(totals, prevTotals, prev) {
    for (const m of ['incidents', 'killed', 'injured']) {
      const tile = $('tile-' + m);
      const v = totals[m] ?? 0;
      tile.querySelector('.value').textContent = nf.format(v);
      tile.querySelector('.value').dataset.value = String(v);
      const change = tile.querySelector('.change');
      change.textContent = '';
      const p = prevTotals ? prevTotals[m] ?? 0 : null;
      const band = changeBand(v, p);
      const badge = el('span', band.label, 'band ' + band.cls);
      change.appendChild(badge);
      const pctText = band.pct == null ? '' : ' ' + (band.pct >= 0 ? '+' : '') + nf1.format(band.pct) + ' %';
      change.appendChild(el('span', pctText + ' vs ' + (p == null ? '–' : nf.format(p)) + ' in the previous '
        + nf.format(prev.days) + ' days'));
      tile.dataset.band = band.cls.replace('band-', '');
    }
  }

  // ---------- charts ----------

  // Paints a white background so the PNG downloads are not transparent.
  const whiteBackground = {
    id: 'whiteBackground',
    beforeDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };

  // Draws the change point as a dashed vertical line between the two periods (own code, no plugin).
  const changePointLine = {
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

  function replaceChart(key, canvasId, config) {
    if (charts[key]) charts[key].destroy();
    config.plugins = (config.plugins || []).concat([whiteBackground]);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    charts[key] = new window.Chart($(canvasId), config);
    return charts[key];
  }

  function setPng(linkId, key) {
    const link = $(linkId);
    const chart = charts[key];
    if (chart) {
      link.href = chart.toBase64Image('image/png');
      link.removeAttribute('aria-disabled');
    } else {
      link.href = '#';
      link.setAttribute('aria-disabled', 'true');
    }
  }

  function seriesChart(s, agg, trends) {
    const g = s.granularity;
    const rows = agg.rows;
    const periods = rows.map((r) => r[g]);
    const labels = periods.map(periodStart);
    const note = $('series-note');
    const datasets = [];
    const parts = [];
    let cp = null;
    const allPeriods = periods.slice();
    if (s.split === '1') {
      for (const part of SPLIT) {
        datasets.push({
          type: 'bar', label: part.label, backgroundColor: part.color, stack: 'killed',
          data: rows.map((r) => part.key === 'unknown'
            ? Math.max(0, (r.killed || 0) - (r.killedCivilians || 0) - (r.killedSecurityForces || 0) - (r.killedMilitants || 0))
            : r[part.key] || 0),
        });
      }
      parts.push('Killed per ' + g + ', split by who was killed where the source says; "unknown" = killed − the three groups.');
    } else {
      datasets.push({ type: 'bar', label: METRIC_LABEL[s.metric] + ' (observed)', backgroundColor: OI.blue,
        data: rows.map((r) => r[s.metric] ?? 0), order: 3 });
      if (trends) {
        const index = new Map(periods.map((p, i) => [p, i]));
        const align = (pairs) => {
          const out = new Array(labels.length).fill(null);
          for (const [p, v] of pairs) if (index.has(p)) out[index.get(p)] = v;
          return out;
        };
        const tp = trends.periods || [];
        if (trends.poisson && Array.isArray(trends.poisson.fitted)) {
          datasets.push({ type: 'line', label: 'Poisson trend', borderColor: OI.vermillion, backgroundColor: OI.vermillion,
            borderWidth: 2, pointRadius: 0, data: align(tp.map((p, i) => [p, trends.poisson.fitted[i]])), order: 1 });
          const rr = trends.poisson.rateRatioPer12;
          if (rr && rr.estimate != null) {
            parts.push('Poisson trend: ×' + nf2.format(rr.estimate) + ' per 12 periods'
              + (rr.ci95 ? ' (95 % CI ' + nf2.format(rr.ci95[0]) + '–' + nf2.format(rr.ci95[1]) + ')' : '') + '.');
          }
        }
        const fc = Array.isArray(trends.forecast) ? trends.forecast : [];
        if (fc.length) {
          for (const f of fc) {
            if (!index.has(f.period)) { index.set(f.period, labels.length); labels.push(periodStart(f.period)); allPeriods.push(f.period); }
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
        const c = trends.changePoint;
        if (c && c.firstPeriodAfter && index.has(c.firstPeriodAfter)) {
          const after = labels[index.get(c.firstPeriodAfter)];
          const before = c.lastPeriodBefore && index.has(c.lastPeriodBefore) ? labels[index.get(c.lastPeriodBefore)] : after;
          cp = { x: (after + before) / 2, label: 'change point' };
          parts.push('Change point after ' + (c.lastPeriodBefore || '?') + ' (mean ' + fmt(c.meanBefore) + ' → '
            + fmt(c.meanAfter) + (c.pValue != null ? ', p ' + (c.pValue < 0.001 ? '< 0.001' : '= ' + nf2.format(c.pValue)) : '') + ').');
        }
        if (Array.isArray(trends.warnings) && trends.warnings.length) parts.push('Note: ' + trends.warnings.join('; ') + '.');
      }
    }
    note.textContent = parts.join(' ');
    const unit = g === 'week' ? 'week' : g;
    const chart = replaceChart('series', 'chart-series', {
      type: 'bar',
      data: { labels, datasets },
      plugins: [changePointLine],
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { type: 'time', offset: true, stacked: s.split === '1', time: { unit: labels.length > 60 && unit === 'month' ? 'year' : unit,
            tooltipFormat: 'yyyy-MM-dd' }, grid: { display: false } },
          y: { beginAtZero: true, stacked: s.split === '1', title: { display: true, text: s.split === '1' ? 'Killed' : METRIC_LABEL[s.metric] } },
        },
        plugins: {
          changePointLine: cp,
          legend: { position: 'bottom', labels: { boxWidth: 14, filter: (item) => item.text !== 'Forecast 95 % lower' } },
          tooltip: { callbacks: { title: (items) => (items.length ? allPeriods[items[0].dataIndex] : '') } },
        },
      },
    });
    chart.$periods = allPeriods;
  }

  function districtLabel(r) {
    return r.district || 'District unknown (' + (r.province || '?') + ')';
  }

  function rankingChart(s, rows) {
    const key = s.perCapita === '1' ? s.metric + 'Per100k' : s.metric;
    replaceChart('ranking', 'chart-ranking', {
      type: 'bar',
      data: {
        labels: rows.map(districtLabel),
        datasets: [{ label: METRIC_LABEL[s.metric] + (s.perCapita === '1' ? ' per 100k' : ''),
          backgroundColor: OI.blue, data: rows.map((r) => r[key] ?? 0) }],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { beginAtZero: true }, y: { ticks: { autoSkip: false, font: { size: 11 } } } },
        plugins: { legend: { display: false } },
      },
    });
  }

  // ---------- hotspots (own HTML + SVG) ----------

  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }

  function interval(ci) {
    if (!ci) return null;
    if (Array.isArray(ci)) return [num(ci[0]), num(ci[1])];
    return [num(ci.lo ?? ci.lower ?? ci.low), num(ci.hi ?? ci.upper ?? ci.high)];
  }

  // Tolerant of the exact field names: the contract fixes the statistics, not their nesting.
  function hotspotItems(body) {
    const list = Array.isArray(body) ? body
      : body.ranked || body.items || body.hotspots || body.rows || [];
    return list.map((h, i) => {
      const test = h.test || {};
      const rrRaw = h.rateRatioPer12 ?? h.rateRatio ?? test.rateRatio;
      const rr = num(typeof rrRaw === 'object' && rrRaw ? rrRaw.estimate : rrRaw);
      const ci = interval(h.ci95 || (rrRaw && rrRaw.ci95) || test.ci95);
      const p = num(h.adjustedPValue ?? h.pAdjusted ?? h.qValue ?? h.pValueAdjusted);
      const rising = typeof h.rising === 'boolean' ? h.rising
        : (h.flag || h.trend || h.direction) ? String(h.flag || h.trend || h.direction).toLowerCase() === 'rising'
          : ci != null && ci[0] != null && ci[0] > 1 && (p == null || p < 0.05);
      const falling = typeof h.falling === 'boolean' ? h.falling : !rising && ci != null && ci[1] != null && ci[1] < 1 && (p == null || p < 0.05);
      return { rank: h.rank ?? i + 1, name: h.district || h.name || h.province || h.key || '?',
        province: h.province, rr, ci, p, rising, falling };
    });
  }

  function ciSvg(h, lo, hi) {
    const w = 120, hgt = 14;
    const s = svg('svg', { width: w, height: hgt, viewBox: '0 0 ' + w + ' ' + hgt, role: 'img',
      'aria-label': 'rate ratio ' + (h.rr == null ? 'unknown' : nf2.format(h.rr)) });
    const x = (v) => Math.max(1, Math.min(w - 1, ((Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * w));
    s.appendChild(svg('line', { x1: x(1), x2: x(1), y1: 0, y2: hgt, stroke: '#9aa4ae', 'stroke-dasharray': '2 2' }));
    if (h.ci && h.ci[0] != null && h.ci[1] != null) {
      s.appendChild(svg('line', { x1: x(h.ci[0]), x2: x(h.ci[1]), y1: hgt / 2, y2: hgt / 2,
        stroke: h.rising ? OI.vermillion : h.falling ? OI.blue : OI.black, 'stroke-width': 2 }));
    }
    if (h.rr != null) {
      s.appendChild(svg('circle', { cx: x(h.rr), cy: hgt / 2, r: 3.5, fill: h.rising ? OI.vermillion : h.falling ? OI.blue : OI.black }));
    }
    return s;
  }

  function renderHotspots(body) {
    const tbody = $('hotspots').querySelector('tbody');
    tbody.textContent = '';
    const items = hotspotItems(body).slice(0, 20);
    if (!items.length) {
      const tr = el('tr');
      const td = el('td', 'No district has enough data for a trend in this view.', 'empty');
      td.colSpan = 6;
      tr.appendChild(td);
      tbody.appendChild(tr);
      return 0;
    }
    let lo = 0.5, hi = 2;
    for (const h of items) {
      if (h.ci) {
        if (h.ci[0] != null && h.ci[0] > 0) lo = Math.min(lo, h.ci[0]);
        if (h.ci[1] != null) hi = Math.max(hi, h.ci[1]);
      }
    }
    lo = Math.max(lo, 0.01); hi = Math.min(hi, 100);
    for (const h of items) {
      const tr = el('tr');
      if (h.rising) tr.className = 'rising';
      tr.appendChild(el('td', h.rank, 'num'));
      const name = el('td');
      name.appendChild(el('span', h.name));
      if (h.rising) { name.appendChild(document.createTextNode(' ')); name.appendChild(el('span', '▲ rising', 'flag')); }
      if (h.falling) { name.appendChild(document.createTextNode(' ')); name.appendChild(el('span', '▼ falling', 'flag falling')); }
      tr.appendChild(name);
      tr.appendChild(el('td', h.rr == null ? '–' : '×' + nf2.format(h.rr), 'num'));
      tr.appendChild(el('td', h.ci && h.ci[0] != null ? nf2.format(h.ci[0]) + '–' + nf2.format(h.ci[1]) : '–', 'num'));
      const ciTd = el('td', null, 'ci-col');
      ciTd.appendChild(ciSvg(h, lo, hi));
      tr.appendChild(ciTd);
      tr.appendChild(el('td', h.p == null ? '–' : h.p < 0.001 ? '<0.001' : h.p < 0.01 ? h.p.toFixed(3) : nf2.format(h.p), 'num'));
      tbody.appendChild(tr);
    }
    return items.length;
  }

  // ---------- heat map (own HTML + SVG) ----------

  function heatColor(v, max) {
    if (!v) return '#eef1f4';
    // single-hue blue ramp (lightness carries the value; safe for colour-blind readers)
    const t = Math.sqrt(v / max);
    const a = [198, 219, 239], b = [8, 48, 107];
    const c = a.map((x, i) => Math.round(x + (b[i] - x) * t));
    return 'rgb(' + c.join(',') + ')';
  }

  function renderHeatmap(s, agg, order, onPick) {
    const box = $('heatmap');
    box.textContent = '';
    const byDistrict = new Map();
    const months = [];
    const seen = new Set();
    for (const r of agg.rows) {
      if (!r.district) continue;
      if (!seen.has(r.month)) { seen.add(r.month); months.push(r.month); }
      if (!byDistrict.has(r.district)) byDistrict.set(r.district, new Map());
      byDistrict.get(r.district).set(r.month, r[s.metric] ?? 0);
    }
    months.sort();
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
    // year ticks
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
    box.appendChild(axis);
    // a standalone SVG copy for the download
    const full = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width: width + 160, height: (names.length + 1) * rowH,
      'font-family': 'sans-serif', 'font-size': 11 });
    names.forEach((name, ri) => {
      const row = el('div', null, 'hm-row');
      const btn = el('button', name, 'hm-name');
      btn.type = 'button';
      btn.title = 'Filter to ' + name;
      btn.dataset.district = name;
      btn.addEventListener('click', () => onPick(name));
      row.appendChild(btn);
      const rs = svg('svg', { width, height: rowH - 2, role: 'img', 'aria-label': name + ' by month' });
      const label = svg('text', { x: 154, y: (ri + 1) * rowH + 12, 'text-anchor': 'end' });
      label.textContent = name;
      full.appendChild(label);
      const values = byDistrict.get(name);
      months.forEach((m, i) => {
        const v = values.get(m) ?? 0;
        const attrs = { x: i * cw, y: 0, width: Math.max(1, cw - (cw > 4 ? 1 : 0)), height: rowH - 3, fill: heatColor(v, max) };
        const r = svg('rect', attrs);
        const title = svg('title');
        title.textContent = name + ', ' + m + ': ' + nf.format(v) + ' ' + METRIC_LABEL[s.metric].toLowerCase();
        r.appendChild(title);
        r.dataset.district = name;
        r.dataset.month = m;
        r.dataset.value = String(v);
        r.addEventListener('click', () => onPick(name));
        rs.appendChild(r);
        full.appendChild(svg('rect', Object.assign({}, attrs, { x: 160 + i * cw, y: (ri + 1) * rowH })));
      });
      row.appendChild(rs);
      box.appendChild(row);
    });
    const legend = el('div', null, 'hm-legend');
    legend.appendChild(el('span', '0'));
    for (const f of [0, 0.1, 0.3, 0.6, 1]) {
      const sw = el('span', null, 'swatch');
      sw.style.background = heatColor(f === 0 ? 0 : f * max, max);
      legend.appendChild(sw);
    }
    legend.appendChild(el('span', nf.format(max) + ' ' + METRIC_LABEL[s.metric].toLowerCase() + ' per month'));
    box.appendChild(legend);
    return full;
  }

  // ---------- incidents table ----------

  function renderIncidents(page, s) {
    const tbody = $('incidents').querySelector('tbody');
    tbody.textContent = '';
    if (!page.items.length) {
      const tr = el('tr');
      const td = el('td', 'No incidents match these filters.', 'empty');
      td.colSpan = 11;
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
    for (const i of page.items) {
      const tr = el('tr');
      tr.dataset.id = String(i.id);
      tr.appendChild(el('td', i.date + (i.datePrecision && i.datePrecision !== 'day' ? ' (' + i.datePrecision + ')' : '')));
      tr.appendChild(el('td', i.province ?? ''));
      tr.appendChild(el('td', i.district ?? '—'));
      tr.appendChild(el('td', i.location ?? ''));
      tr.appendChild(el('td', i.eventType ?? ''));
      tr.appendChild(el('td', i.actor ?? ''));
      tr.appendChild(el('td', i.killed == null ? 'unknown' : nf.format(i.killed), 'num'));
      tr.appendChild(el('td', i.injured == null ? 'unknown' : nf.format(i.injured), 'num'));
      const src = el('td');
      const href = i.sourceUrl ? safeHttpUrl(i.sourceUrl) : null;
      if (href) {
        const a = el('a', i.source || new URL(href).hostname);
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        src.appendChild(a);
      } else {
        src.textContent = i.source ?? '';
      }
      tr.appendChild(src);
      tr.appendChild(el('td', i.notes ?? '', 'notes'));
      tr.appendChild(el('td', i.dataset ?? ''));
      tbody.appendChild(tr);
    }
    const pageNo = +s.page;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    $('page-info').textContent = 'Page ' + (pageNo + 1) + ' of ' + nf.format(pages) + ' · ' + nf.format(page.total) + ' incidents';
    $('page-prev').disabled = pageNo <= 0;
    $('page-next').disabled = pageNo + 1 >= pages;
  }

  // ---------- render ----------

  function showGlobalError(e) {
    const box = $('global-error');
    if (!e) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = e.message + (e.url ? '\n(GET ' + e.url + ')' : '');
  }

  async function render() {
    const seq = ++renderSeq;
    const stale = () => seq !== renderSeq;
    const s = readState();
    writeForm(s);
    document.body.dataset.state = 'loading';
    showGlobalError(null);
    const panels = ['panel-series', 'panel-ranking', 'panel-hotspots', 'panel-heatmap', 'panel-incidents'].map(panel);
    panels.forEach((p) => { p.status('Loading…'); p.error(null); });

    const finish = () => {
      if (stale()) return;
      document.body.dataset.state = 'ready';
      document.body.dataset.rendered = location.search;
    };

    // 1. the data's extent under the current filters (for quick ranges and "all")
    let extent;
    try {
      const ex = await api(url('/aggregates', filterParams(s, null)));
      extent = { from: ex.query.from, to: ex.query.to };
    } catch (e) {
      if (stale()) return;
      showGlobalError(e);
      panels.forEach((p) => p.status(''));
      renderDownloads(null);
      finish();
      return;
    }
    if (stale()) return;
    if (!extent.to) {
      $('range-note').textContent = 'No incidents match these filters.';
      renderTiles({ incidents: 0, killed: 0, injured: 0 }, null, { days: 0 });
    }
    const range = resolveRange(s, extent);
    if (s.range !== 'custom') {
      $('f-from').value = range.from || '';
      $('f-to').value = range.to || '';
    } else {
      $('f-from').value = s.from;
      $('f-to').value = s.to;
    }
    const fp = filterParams(s, range);

    const main = new URLSearchParams(fp);
    main.set('groupBy', s.granularity);
    main.set('metrics', ALL_METRICS);
    const aggUrl = url('/aggregates', main);

    const tasks = [];

    // 2. tiles + series (the series aggregate's totals are the tiles' numbers)
    const seriesPanel = panels[0];
    tasks.push((async () => {
      const aggP = api(aggUrl);
      let prev = null;
      let prevTotals = null;
      if (range.from && range.to) {
        prev = previousRange(range);
        const pq = filterParams(s, prev);
        pq.set('metrics', 'incidents,killed,injured');
        prevTotals = api(url('/aggregates', pq)).then((r) => r.totals, () => null);
      }
      const trendQ = new URLSearchParams(fp);
      trendQ.set('metric', s.metric);
      trendQ.set('granularity', s.granularity);
      trendQ.set('forecast', '6');
      const trendsP = s.split === '1' || !extent.to ? Promise.resolve(null) : api(url('/trends', trendQ)).catch((e) => ({ error: e }));
      try {
        const agg = await aggP;
        if (stale()) return;
        renderDownloads(aggUrl, agg);
        if (extent.to) {
          $('range-note').textContent = range.from + ' to ' + range.to + ' (data up to ' + extent.to + ')';
          renderTiles(agg.totals, await prevTotals, prev || { days: 0 });
        }
        const trends = await trendsP;
        if (stale()) return;
        if (!agg.rows.length || !extent.to) {
          if (charts.series) { charts.series.destroy(); delete charts.series; }
          seriesPanel.status('No incidents in this view.');
          $('series-note').textContent = '';
        } else {
          seriesChart(s, agg, trends && !trends.error ? trends : null);
          seriesPanel.status(agg.rows.length + ' ' + s.granularity + 's');
        }
        if (trends && trends.error) {
          seriesPanel.error(new ApiError('Trend statistics unavailable: ' + trends.error.message, trends.error.url));
        }
      } catch (e) {
        if (stale()) return;
        seriesPanel.status('');
        seriesPanel.error(e);
        renderDownloads(aggUrl, null);
      } finally {
        if (!stale()) setPng('png-series', 'series');
      }
    })());

    // 3. ranking, then the heat map of the ranked districts
    const rankPanel = panels[1];
    const heatPanel = panels[3];
    tasks.push((async () => {
      const rq = new URLSearchParams(fp);
      rq.set('groupBy', 'district');
      rq.set('metrics', s.metric);
      rq.set('perCapita', 'true');
      rq.set('sort', '-' + s.metric + (s.perCapita === '1' ? 'Per100k' : ''));
      rq.set('limit', String(TOP_N + 10)); // room for the province-only rows, which are not ranked
      let ranked;
      try {
        const r = await api(url('/aggregates', rq));
        if (stale()) return;
        const key = s.perCapita === '1' ? s.metric + 'Per100k' : s.metric;
        ranked = r.rows.filter((x) => x.district && x[key] != null && x[s.metric] > 0).slice(0, TOP_N);
        const unranked = r.rows.filter((x) => !x.district).reduce((a, x) => a + (x[s.metric] || 0), 0);
        if (!ranked.length) {
          if (charts.ranking) { charts.ranking.destroy(); delete charts.ranking; }
          rankPanel.status('No district-level incidents in this view.');
        } else {
          rankingChart(s, ranked);
          rankPanel.status('Top ' + ranked.length + ' districts' + (s.perCapita === '1' ? ' per 100k people (Census 2023)' : ''));
        }
        $('ranking-note').textContent = unranked
          ? nf.format(unranked) + ' ' + METRIC_LABEL[s.metric].toLowerCase() + ' known only to province level are not ranked.' : '';
      } catch (e) {
        if (stale()) return;
        rankPanel.status('');
        rankPanel.error(e);
        heatPanel.status('');
        heatPanel.error(e);
        return;
      } finally {
        if (!stale()) setPng('png-ranking', 'ranking');
      }
      try {
        if (!ranked.length) {
          $('heatmap').textContent = '';
          $('heatmap').appendChild(el('p', 'No district-level incidents in this view.', 'empty'));
          heatPanel.status('');
          setSvgLink(null);
          return;
        }
        const hq = new URLSearchParams(fp);
        hq.set('groupBy', 'district,month');
        hq.set('metrics', s.metric);
        hq.set('district', ranked.map((x) => x.districtCode || x.district).join(','));
        const hm = await api(url('/aggregates', hq));
        if (stale()) return;
        const full = renderHeatmap(s, hm, ranked.map((x) => x.district), pickDistrict);
        setSvgLink(full);
        heatPanel.status(ranked.length + ' districts × ' + new Set(hm.rows.map((x) => x.month)).size + ' months');
      } catch (e) {
        if (stale()) return;
        heatPanel.status('');
        heatPanel.error(e);
      }
    })());

    // 4. hotspots
    const hotPanel = panels[2];
    tasks.push((async () => {
      const hq = new URLSearchParams(fp);
      hq.set('metric', s.metric);
      hq.set('by', 'district');
      hq.set('granularity', s.granularity);
      try {
        const body = await api(url('/hotspots', hq));
        if (stale()) return;
        const n = renderHotspots(body);
        const rising = hotspotItems(body).filter((h) => h.rising).length;
        const few = Array.isArray(body.insufficient) ? body.insufficient.length : 0;
        hotPanel.status(n ? nf.format(hotspotItems(body).length) + ' districts ranked, ' + rising + ' rising'
          + (hotspotItems(body).length > n ? ' (top ' + n + ' shown)' : '')
          + (few ? '; ' + few + ' with too little data for a trend' : '') : '');
      } catch (e) {
        if (stale()) return;
        $('hotspots').querySelector('tbody').textContent = '';
        hotPanel.status('');
        hotPanel.error(new ApiError('Hotspot ranking unavailable: ' + e.message, e.url));
      }
    })());

    // 5. incidents
    const incPanel = panels[4];
    tasks.push((async () => {
      const iq = new URLSearchParams(fp);
      iq.set('page', s.page);
      iq.set('size', String(PAGE_SIZE));
      const csv = new URLSearchParams(fp);
      csv.set('format', 'csv');
      $('dl-incidents').href = url('/incidents', csv);
      try {
        const page = await api(url('/incidents', iq));
        if (stale()) return;
        renderIncidents(page, s);
        incPanel.status('');
      } catch (e) {
        if (stale()) return;
        $('incidents').querySelector('tbody').textContent = '';
        incPanel.status('');
        incPanel.error(e);
      }
    })());

    await Promise.allSettled(tasks);
    finish();
  }

  function setSvgLink(full) {
    const a = $('svg-heatmap');
    if (!full) { a.href = '#'; a.setAttribute('aria-disabled', 'true'); return; }
    a.removeAttribute('aria-disabled');
    a.href = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(full));
  }

  function renderDownloads(aggUrl, agg) {
    const abs = aggUrl ? new URL(aggUrl, location.origin).href : '';
    $('api-url').value = abs;
    const csv = aggUrl ? new URL(aggUrl, location.origin) : null;
    const json = aggUrl ? new URL(aggUrl, location.origin) : null;
    if (csv) { csv.searchParams.set('format', 'csv'); json.searchParams.set('format', 'json'); }
    $('dl-csv').href = csv ? csv.pathname + csv.search : '#';
    $('dl-json').href = json ? json.pathname + json.search : '#';
    $('dl-csv').setAttribute('download', 'militrend-aggregate.csv');
    $('dl-json').setAttribute('download', 'militrend-aggregate.json');
    const att = $('attribution');
    att.textContent = '';
    if (agg && Array.isArray(agg.attribution) && agg.attribution.length) {
      att.appendChild(el('strong', 'Sources: '));
      agg.attribution.forEach((a, i) => {
        if (i) att.appendChild(document.createTextNode(' · '));
        const href = a.url ? safeHttpUrl(a.url) : null;
        if (href) {
          const link = el('a', a.citation || a.dataset);
          link.href = href;
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
          att.appendChild(link);
        } else {
          att.appendChild(el('span', a.citation || a.dataset));
        }
        if (a.licence) att.appendChild(el('span', ' (' + a.licence + ')'));
      });
    }
  }

  function pickDistrict(name) {
    const s = formState(false);
    s.district = name;
    pushState(s);
  }

  // ---------- option lists ----------

  async function loadOptions() {
    const tasks = [];
    tasks.push(api(API + '/provinces').then((ps) => {
      const sel = $('f-province');
      const current = sel.value;
      for (const p of ps) if (![...sel.options].some((o) => o.value === p.name)) sel.appendChild(option(p.name, p.name));
      sel.value = current;
    }));
    tasks.push(api(API + '/districts').then((ds) => {
      const list = $('district-names');
      list.textContent = '';
      const seen = new Set();
      for (const d of ds) {
        for (const n of [d.name].concat(d.aliases || [])) {
          const k = n.toLowerCase();
          if (seen.has(k)) continue;
          seen.add(k);
          const o = option(n, n === d.name ? d.province : d.name + ', ' + d.province);
          list.appendChild(o);
        }
      }
    }));
    for (const dim of ['eventType', 'actor', 'dataset']) {
      const q = new URLSearchParams({ groupBy: dim, metrics: 'incidents', sort: '-incidents' });
      tasks.push(api(url('/aggregates', q)).then((r) => {
        const sel = $('f-' + dim);
        const current = sel.value;
        for (const row of r.rows) {
          const v = row[dim];
          if (v && ![...sel.options].some((o) => o.value === v)) sel.appendChild(option(v, v + ' (' + nf.format(row.incidents) + ')'));
        }
        sel.value = current;
      }));
    }
    const results = await Promise.allSettled(tasks);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) showGlobalError(new ApiError('Filter choices could not be loaded: ' + failed.reason.message, failed.reason.url));
  }

  // ---------- wiring ----------

  function init() {
    if (!window.Chart || !window.luxon) {
      showGlobalError(new Error('The chart library did not load.'));
      return;
    }
    window.Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    window.Chart.defaults.color = '#1b1f24';
    const form = $('filters');
    form.addEventListener('submit', (e) => { e.preventDefault(); pushState(formState(false)); });
    for (const id of ['f-range', 'f-province', 'f-eventType', 'f-actor', 'f-dataset', 'f-metric', 'f-granularity']) {
      $(id).addEventListener('change', () => pushState(formState(false)));
    }
    for (const id of ['f-from', 'f-to']) {
      $(id).addEventListener('change', () => {
        $('f-range').value = 'custom';
        pushState(formState(false));
      });
    }
    $('f-district').addEventListener('change', () => pushState(formState(false)));
    $('f-split').addEventListener('change', () => pushState(formState(true)));
    $('f-perCapita').addEventListener('change', () => pushState(formState(true)));
    $('f-reset').addEventListener('click', () => pushState(Object.assign({}, DEFAULTS)));
    $('page-prev').addEventListener('click', () => {
      const s = formState(true);
      s.page = String(Math.max(0, +s.page - 1));
      pushState(s);
    });
    $('page-next').addEventListener('click', () => {
      const s = formState(true);
      s.page = String(+s.page + 1);
      pushState(s);
    });
    $('copy-url').addEventListener('click', async () => {
      const input = $('api-url');
      try {
        await navigator.clipboard.writeText(input.value);
        $('copy-status').textContent = 'Copied.';
      } catch (e) {
        input.focus();
        input.select();
        $('copy-status').textContent = 'Selected: press Ctrl+C to copy.';
      }
    });
    for (const id of ['png-series', 'png-ranking', 'svg-heatmap']) {
      $(id).addEventListener('click', (e) => { if ($(id).getAttribute('href') === '#') e.preventDefault(); });
    }
    window.addEventListener('popstate', () => render());
    window.militrend = { readState, changeBand, charts };
    loadOptions().finally(() => writeForm(readState()));
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
