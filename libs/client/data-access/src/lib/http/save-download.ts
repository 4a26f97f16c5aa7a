import { HttpResponse } from '@angular/common/http';

/** How long an object URL stays valid after its click started the download. */
export const OBJECT_URL_LIFETIME_MS = 10_000;

/**
 * The file name a response offers (`Content-Disposition`, RFC 6266: the UTF-8
 * `filename*` first, then `filename`), without any path; `fallback` otherwise.
 */
export function downloadFileName(disposition: string | null, fallback: string): string {
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  let name: string | undefined;
  if (encoded) {
    try {
      name = decodeURIComponent(encoded.trim().replace(/^"|"$/g, ''));
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition ?? '')?.slice(1).find((part) => part !== undefined);
  const base = name?.trim().split(/[\\/]/).pop();
  return base ? base : fallback;
}

/**
 * Hands a downloaded file (fetched with the session cookie, never a token in
 * a URL) to the browser: an object URL on a temporary `<a download>`, clicked,
 * removed, and the URL revoked shortly after.
 */
export function saveDownload(response: HttpResponse<Blob>, fallbackName: string, doc: Document = document): string {
  const name = downloadFileName(response.headers.get('Content-Disposition'), fallbackName);
  const blob = response.body ?? new Blob([]);
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
  }
  return name;
}
