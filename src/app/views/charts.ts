/**
 * chart.js, registered with only the pieces we draw (tree-shaken). Charts plot display numbers:
 * a decimal string becomes a bar length here and nothing else; the exact figures sit in the
 * text table every chart carries as its alternative.
 */
import { QuietTimer } from './quiet-timer.ts';
import {
  Chart, BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, DomPlatform,
  type ChartConfiguration, type ChartEvent,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export const PALETTE = ['#1f4e8c', '#e07b39', '#3a9a5b', '#8e5ea2', '#c23b4b', '#6b7f99'];

/** A difference's bar by its tone (views/tone.ts): the page's good and bad colours (--gb-pos, --gb-neg), grey for neither. */
export const TONE_COLOURS = { good: '#1c7c3c', bad: '#b42318', '': '#8a94a6' } as const;
/** The second, third… compared scenario's bars: the same colours, lighter (hex alpha), so a group still reads in tones. */
export const SERIES_ALPHA = ['', 'a6', '66'] as const;

/** Plot value of a decimal string (for drawing only). */
export const plot = (s: string | null | undefined): number => (s ? Number(s) : 0);

const drawn = new WeakMap<HTMLCanvasElement, string>();
const optionsDrawn = new WeakMap<HTMLCanvasElement, string>();

/**
 * Create or update a chart on a canvas, keeping one Chart per canvas; unchanged data is not redrawn.
 * An update changes the datasets in place and keeps unchanged options, so chart.js neither rebuilds
 * its dataset controllers nor re-resolves every option.
 */
export function drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart | undefined {
  const sig = JSON.stringify(config);
  if (drawn.get(canvas) === sig && Chart.getChart(canvas)) return Chart.getChart(canvas);
  drawn.set(canvas, sig);
  const osig = JSON.stringify(config.options ?? null);
  const existing = Chart.getChart(canvas);
  if (existing && (existing.config as { type?: string }).type === (config as { type?: string }).type) {
    const cur = existing.data;
    const next = config.data;
    if (cur.datasets.length === next.datasets.length && next.datasets.every((d, i) => d.type === cur.datasets[i]!.type)) {
      cur.labels = next.labels;
      next.datasets.forEach((d, i) => Object.assign(cur.datasets[i]!, d));
    } else existing.data = next;
    if (optionsDrawn.get(canvas) !== osig && config.options) existing.options = config.options;
    optionsDrawn.set(canvas, osig);
    existing.update('none');
    return existing;
  }
  existing?.destroy();
  optionsDrawn.set(canvas, osig);
  return new Chart(canvas, { ...config, platform: QuietResizePlatform });
}

/** Quiet time after the last change before a chart is redrawn. */
const CHART_DELAY_MS = 150;

type Drawing = { config: ChartConfiguration; done?: (chart: Chart | undefined) => void };
const soon = new QuietTimer<HTMLCanvasElement, Drawing>(CHART_DELAY_MS, (canvas, d) => {
  const chart = canvas.isConnected ? drawChart(canvas, d.config) : undefined;
  d.done?.(chart);
});

/**
 * chart.js follows its container's size and, on every change of it, lays out and redraws at once,
 * in the frame that shows the change. Beside a table whose width moves a few pixels as its
 * figures change (the comparison), that is a full chart layout in every edit's frame. Its resizes
 * are drawn once changes pause instead, like its drawings; the canvas keeps its size meanwhile.
 */
const resizes = new QuietTimer<HTMLCanvasElement, Chart>(CHART_DELAY_MS, (canvas, chart) => {
  if (canvas.isConnected && Chart.getChart(canvas) === chart) chart.resize();
});

class QuietResizePlatform extends DomPlatform {
  override addEventListener(chart: Chart, type: string, listener: (e: ChartEvent) => void): void {
    if (type !== 'resize') { super.addEventListener(chart, type, listener); return; }
    super.addEventListener(chart, type, () => { if (chart.canvas) resizes.change(chart.canvas, chart); });
  }
}

/** Canvases with a drawing or a resize still to come (what the e2e tests wait for before a screenshot). */
export const chartsWaiting = (): number => soon.size + resizes.size;

/**
 * drawChart once changes pause (CHART_DELAY_MS, then when the page is idle): the figures around
 * a chart, and its text table, show at once, and redrawing the chart — chart.js measures and
 * lays out its axes each time, around ten milliseconds on a slow machine — neither lengthens the
 * task that shows a new result nor competes with the workers while the user is still editing.
 * Only the latest configuration is drawn.
 */
export function drawChartSoon(canvas: HTMLCanvasElement, config: ChartConfiguration, done?: (chart: Chart | undefined) => void): void {
  soon.change(canvas, { config, done });
}

export { Chart };
