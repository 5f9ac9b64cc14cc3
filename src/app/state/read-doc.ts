/**
 * The document of a refused file or version as read, so the notice can name the place of each
 * issue by its institutions (「N001 某医院」的「机构类别」) rather than `hospitals[0].class`.
 * Only read on a refusal; a text that is not JSON (or is huge) gives nothing, and the paths stay.
 */
const MAX_READ = 50_000_000;

export function readDoc(text: string): unknown {
  if (text.length > MAX_READ) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
