import { basename } from 'node:path';
import type { Response } from 'express';

/** Angular's hashed bundles (e.g. main-AB12CD34.js) never change: cache for a year. */
const HASHED = /-[A-Z0-9]{8}\.(js|css)$/;

export function staticAssetHeaders(res: Response, path: string): void {
  if (HASHED.test(basename(path))) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  } else {
    res.setHeader('Cache-Control', 'no-cache');
  }
}
