/**
 * The heat map of a two-parameter sweep, drawn on a canvas (chart.js has none): rows are the
 * first parameter's values, columns the second's; a cell's colour runs from light to dark blue
 * over the output's range among the points run (grey: the point could not be run); the current
 * values' cell is outlined in red. Plot values only; the exact figures are in the table beside.
 */
import type { SweepTableView } from './sweeps.ts';

const LIGHT = [239, 245, 252];
const DARK = [16, 58, 120];

const mix = (u: number) => `rgb(${LIGHT.map((a, i) => Math.round(a + (DARK[i]! - a) * u)).join(',')})`;

export function drawHeatMap(canvas: HTMLCanvasElement, r: SweepTableView, k: number, currentLabel: string): void {
  const [a, b] = r.axes;
  if (!a || !b) return;
  const dpr = globalThis.devicePixelRatio || 1;
  const w = canvas.clientWidth || 800, h = canvas.clientHeight || 420;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const g = canvas.getContext('2d');
  if (!g) return;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  g.font = '11px system-ui, "Noto Sans CJK SC", sans-serif';
  const left = 110, top = 10, bottom = 70, right = 20;
  const n1 = a.values.length, n2 = b.values.length;
  const cw = (w - left - right) / n2, ch = (h - top - bottom) / n1;
  const data = r.plot[k] ?? [];
  const finite = data.filter((x): x is number => x !== null);
  const lo = Math.min(...finite), hi = Math.max(...finite);
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      const x = data[i * n2 + j] ?? null;
      g.fillStyle = x === null ? '#ccc' : mix(hi > lo ? (x - lo) / (hi - lo) : 0.5);
      g.fillRect(left + j * cw, top + i * ch, Math.ceil(cw), Math.ceil(ch));
    }
  }
  if (a.current !== null && b.current !== null) {
    g.strokeStyle = '#c23b4b';
    g.lineWidth = 3;
    g.strokeRect(left + b.current * cw + 1.5, top + a.current * ch + 1.5, cw - 3, ch - 3);
  }
  g.fillStyle = '#333';
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  const every1 = Math.max(1, Math.ceil(n1 / Math.max(1, Math.floor((h - top - bottom) / 14))));
  for (let i = 0; i < n1; i += every1) g.fillText(a.values[i]!, left - 6, top + (i + 0.5) * ch);
  g.textAlign = 'center';
  g.textBaseline = 'top';
  const every2 = Math.max(1, Math.ceil(n2 / Math.max(1, Math.floor((w - left - right) / 60))));
  for (let j = 0; j < n2; j += every2) g.fillText(b.values[j]!, left + (j + 0.5) * cw, h - bottom + 4);
  g.fillText(b.label, left + (w - left - right) / 2, h - bottom + 22);
  g.save();
  g.translate(12, top + (h - top - bottom) / 2);
  g.rotate(-Math.PI / 2);
  g.fillText(a.label, 0, 0);
  g.restore();
  // Legend: the range of the output's plot values, and the current cell's mark.
  const lx = left, ly = h - 24, lw = 160;
  for (let s = 0; s < lw; s++) { g.fillStyle = mix(s / (lw - 1)); g.fillRect(lx + s, ly, 1, 10); }
  g.fillStyle = '#333';
  g.textAlign = 'left';
  // The extremes as the table shows them (src/display: separators, unit), light to dark.
  const { low, high } = r.legend[k] ?? { low: '—', high: '—' };
  const range = `${low}  …  ${high}`;
  g.fillText(range, lx + lw + 8, ly - 1);
  const mark = lx + lw + 8 + g.measureText(range).width + 24;
  g.strokeStyle = '#c23b4b';
  g.lineWidth = 2;
  g.strokeRect(mark, ly, 14, 10);
  g.fillText(currentLabel, mark + 20, ly - 1);
}
