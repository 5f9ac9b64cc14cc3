/** Files leave the page as downloads of same-origin Blob URLs (allowed by the CSP); nothing is sent anywhere. */
export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
} as const;

/** Offer bytes as a file download (a same-origin Blob URL, allowed by the page's CSP). */
export function downloadBytes(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** A file name without characters Windows refuses. */
export const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'file';
