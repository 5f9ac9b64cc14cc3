/** A drawn chart's own pixels as a .png download (the canvas as drawn, on a white ground). */
import { downloadBytes } from '../download.ts';

export function downloadCanvas(canvas: HTMLCanvasElement | null | undefined, name: string): void {
  if (!canvas) return;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const g = out.getContext('2d');
  if (!g) return;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(canvas, 0, 0);
  out.toBlob((b) => { if (b) void b.arrayBuffer().then((buf) => downloadBytes(name, new Uint8Array(buf), 'image/png')); }, 'image/png');
}
