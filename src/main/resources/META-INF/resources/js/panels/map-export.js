// The map as a report-ready PNG: the drawn SVG and its legend rasterised onto a canvas, then
// captioned like every chart (title, filters, dates, sources).
import { $ } from '../dom.js';
import { offerPng } from '../charts.js';

const WIDTH = 900;

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The map could not be drawn as an image.'));
    img.src = src;
  });
}

/** Draws the map and its legend classes on a canvas of WIDTH pixels. */
async function mapCanvas(root, classes) {
  const copy = root.cloneNode(true);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('stroke', '#ffffff');
  copy.setAttribute('stroke-width', '1.2');
  copy.querySelectorAll('title').forEach((t) => t.remove());
  const [, , w, h] = root.getAttribute('viewBox').split(' ').map(Number);
  const height = Math.round((WIDTH * h) / w);
  copy.setAttribute('width', String(WIDTH));
  copy.setAttribute('height', String(height));
  const img = await loadImage('data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(copy)));
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = height + 30;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, WIDTH, height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  let x = 10;
  for (const c of classes) {
    ctx.fillStyle = c.colour;
    ctx.fillRect(x, height + 10, 18, 10);
    ctx.strokeStyle = '#999999';
    ctx.strokeRect(x, height + 10, 18, 10);
    ctx.fillStyle = '#333333';
    const label = c.label + ' (' + c.count + ')';
    ctx.fillText(label, x + 22, height + 15);
    x += 30 + ctx.measureText(label).width;
  }
  return canvas;
}

/** Offers the captioned image of the map as drawn on the map's PNG link, made on the link's first use. */
export function setMapPng(root, classes, caption) {
  offerPng($('png-map'), caption, () => mapCanvas(root, classes), { width: WIDTH, scale: 1 });
}
