/**
 * chart.js, registered with only the pieces we draw (tree-shaken). Charts plot display numbers:
 * a decimal string becomes a bar length here and nothing else; the exact figures sit in the
 * text table every chart carries as its alternative.
 */
import {
  Chart, BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export const PALETTE = ['#1f4e8c', '#e07b39', '#3a9a5b', '#8e5ea2', '#c23b4b', '#6b7f99'];

/** Plot value of a decimal string (for drawing only). */
export const plot = (s: string | null | undefined): number => (s ? Number(s) : 0);

const drawn = new WeakMap<HTMLCanvasElement, string>();

/** Create or update a chart on a canvas, keeping one Chart per canvas; unchanged data is not redrawn. */
export function drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart | undefined {
  const sig = JSON.stringify(config);
  if (drawn.get(canvas) === sig && Chart.getChart(canvas)) return Chart.getChart(canvas);
  drawn.set(canvas, sig);
  const existing = Chart.getChart(canvas);
  if (existing && (existing.config as { type?: string }).type === (config as { type?: string }).type) {
    existing.data = config.data;
    if (config.options) existing.options = config.options;
    existing.update('none');
    return existing;
  }
  existing?.destroy();
  return new Chart(canvas, config);
}

export { Chart };
