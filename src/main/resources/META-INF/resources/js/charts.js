// Chart.js plumbing shared by the panels, and the report-ready PNG export.
import { $, OI, offerDownload } from './dom.js';

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

const font = (size, weight, scale) => weight + ' ' + Math.round(size * scale) + 'px system-ui, sans-serif';

/** Where the caption goes on an image `width` pixels wide drawn at `scale` device pixels per CSS pixel. */
function layout(ctx, width, scale, caption) {
  const pad = 10 * scale;
  ctx.font = font(12, '400', scale);
  const head = [caption.title, caption.filters, caption.range];
  const foot = wrap(ctx, caption.attribution, width - 2 * pad).concat(['Made with Militrend']);
  return { pad, line: 17 * scale, head, foot };
}

const scaleOf = (canvas) => canvas.width / (canvas.clientWidth || canvas.width);

let measuring = null;

/** The caption's lines as captionedImage writes them, without drawing anything. */
function captionLines(size, caption) {
  measuring = measuring || document.createElement('canvas').getContext('2d');
  const { head, foot } = layout(measuring, size.width, size.scale, caption);
  return head.concat(foot);
}

/**
 * A copy of the chart's canvas with its title, the filters in words and the data's date range
 * above it and the attribution below it, so the image can go into a report as it is; `scale` is
 * the canvas's pixels per CSS pixel, which the text is sized by.
 */
export function captionedImage(canvas, caption, scale = scaleOf(canvas)) {
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  const { pad, line, head, foot } = layout(ctx, canvas.width, scale, caption);
  out.width = canvas.width;
  out.height = canvas.height + (head.length + foot.length) * line + 3 * pad;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = OI.black;
  ctx.textBaseline = 'top';
  let y = pad;
  head.forEach((t, i) => {
    ctx.font = font(i === 0 ? 14 : 12, i === 0 ? '700' : '400', scale);
    ctx.fillText(t, pad, y);
    y += line;
  });
  ctx.drawImage(canvas, 0, y + pad / 2);
  y += canvas.height + pad;
  ctx.font = font(11, '400', scale);
  ctx.fillStyle = '#333333';
  for (const t of foot) {
    ctx.fillText(t, pad, y);
    y += line;
  }
  return { dataUrl: out.toDataURL('image/png'), lines: head.concat(foot), headHeight: head.length * line + pad };
}

/**
 * Offers the captioned PNG of an image on a download link, made on the link's first use (a PNG
 * made for every chart as it was drawn took a large part of the first load's drawing time,
 * docs/benchmarks.md "Dashboard v2"). The caption's lines (data-caption) are set at once.
 *
 * @param source returns (or resolves to) the canvas to caption; none disables the link
 * @param size the width and pixel scale that canvas will have, to lay the caption out now
 */
export function offerPng(link, caption, source, size) {
  delete link.dataset.headHeight;
  if (!caption || !source) {
    delete link.dataset.caption;
    offerDownload(link, null);
    return;
  }
  link.dataset.caption = captionLines(size, caption).join('\n');
  offerDownload(link, async () => {
    const img = captionedImage(await source(), caption, size.scale);
    return { href: img.dataUrl, data: { caption: img.lines.join('\n'), headHeight: String(Math.round(img.headHeight)) } };
  });
}

/** Offers the captioned PNG of a chart on its download link (or disables it when there is none). */
export function setPng(linkId, key, caption) {
  const chart = charts[key];
  offerPng($(linkId), chart && caption, chart && (() => chart.canvas),
    // Chart.js sizes the canvas by this ratio: reading the canvas's layout size here would force a layout
    chart && { width: chart.canvas.width, scale: chart.currentDevicePixelRatio || window.devicePixelRatio || 1 });
}
