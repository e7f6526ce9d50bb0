// Classes of the choropleth: 0 alone, the positive values in up to five quantile classes, and
// "no figure" (per 100,000 where a district has no census population).

const COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const ZERO = '#f1f3f5';
const NONE = '#c9c9c9';
const CLASSES = 5;

const num = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function mapBins(values) {
  const positive = values.filter((v) => v != null && v > 0).sort((a, b) => a - b);
  const uppers = [];
  for (let i = 1; i <= CLASSES; i++) {
    const v = positive[Math.ceil((i * positive.length) / CLASSES) - 1];
    if (v != null && (!uppers.length || v > uppers[uppers.length - 1])) uppers.push(v);
  }
  const classes = [{ index: 0, lo: 0, hi: 0, colour: ZERO, label: '0', count: values.filter((v) => v === 0).length }];
  let lo = positive.length ? positive[0] : 0;
  uppers.forEach((hi, i) => {
    const count = positive.filter((v) => v >= lo && v <= hi && (i === 0 || v > uppers[i - 1])).length;
    const colour = COLOURS[uppers.length === 1 ? COLOURS.length - 1 : Math.round((i * (COLOURS.length - 1)) / (uppers.length - 1))];
    classes.push({ index: i + 1, lo, hi, colour, count, label: lo === hi ? num.format(hi) : num.format(lo) + '–' + num.format(hi) });
    lo = positive.find((v) => v > hi);
  });
  const none = values.filter((v) => v == null).length;
  if (none) classes.push({ index: -1, lo: null, hi: null, colour: NONE, label: 'no figure (n/a or no population)', count: none });
  const classOf = (v) => {
    if (v == null) return classes[classes.length - 1];
    if (v <= 0) return classes[0];
    return classes.find((c) => c.index > 0 && v <= c.hi);
  };
  return { classes, classOf, positive: positive.length };
}
