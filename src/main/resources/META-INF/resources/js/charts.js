// Chart.js plumbing shared by the panels, and the report-ready PNG export.
import { $, OI } from './dom.js';

/** Every chart on the page by key (also reachable from the test hook). */
export const charts = {};

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

export function replaceChart(key, canvasId, config) {
  dropChart(key);
  config.plugins = (config.plugins || []).concat([whiteBackground]);
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
  charts[key] = new window.Chart($(canvasId), config);
  return charts[key];
}

export function dropChart(key) {
  if (charts[key]) {
    charts[key].destroy();
    delete charts[key];
  }
}

/** "Sources: citation; citation" from an API response's attribution. */
export function attributionText(body) {
  const list = body && Array.isArray(body.attribution) ? body.attribution : [];
  return list.length ? 'Sources: ' + list.map((a) => a.citation || a.dataset).join('; ') : 'Sources: none in this view';
}

function wrap(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? line + ' ' + word : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A copy of the chart's canvas with its title, the filters in words and the data's date range
 * above it and the attribution below it, so the image can go into a report as it is.
 */
export function captionedImage(canvas, caption) {
  const scale = canvas.width / (canvas.clientWidth || canvas.width);
  const pad = 10 * scale;
  const line = 17 * scale;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  const text = (size, weight) => { ctx.font = weight + ' ' + Math.round(size * scale) + 'px system-ui, sans-serif'; };
  text(12, '400');
  const width = canvas.width - 2 * pad;
  const head = [caption.title, caption.filters, caption.range];
  const foot = wrap(ctx, caption.attribution, width).concat(['Made with Militrend']);
  out.width = canvas.width;
  out.height = canvas.height + (head.length + foot.length) * line + 3 * pad;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = OI.black;
  ctx.textBaseline = 'top';
  let y = pad;
  head.forEach((t, i) => {
    text(i === 0 ? 14 : 12, i === 0 ? '700' : '400');
    ctx.fillText(t, pad, y);
    y += line;
  });
  ctx.drawImage(canvas, 0, y + pad / 2);
  y += canvas.height + pad;
  text(11, '400');
  ctx.fillStyle = '#333333';
  for (const t of foot) {
    ctx.fillText(t, pad, y);
    y += line;
  }
  return { dataUrl: out.toDataURL('image/png'), lines: head.concat(foot), headHeight: head.length * line + pad };
}

/** Points a download link at the captioned PNG of a chart (or disables it when there is none). */
export function setPng(linkId, key, caption) {
  const link = $(linkId);
  const chart = charts[key];
  if (chart && caption) {
    const img = captionedImage(chart.canvas, caption);
    link.href = img.dataUrl;
    link.dataset.caption = img.lines.join('\n');
    link.dataset.headHeight = String(Math.round(img.headHeight));
    link.removeAttribute('aria-disabled');
  } else {
    link.href = '#';
    delete link.dataset.caption;
    link.setAttribute('aria-disabled', 'true');
  }
}
