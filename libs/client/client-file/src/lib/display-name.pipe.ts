import { Pipe, PipeTransform } from '@angular/core';

const cache = new Map<string, Intl.DisplayNames>();

/** The name of a country (`region`, ISO 3166 code) or language (ISO 639 code) in the given locale. */
@Pipe({ name: 'displayName' })
export class DisplayNamePipe implements PipeTransform {
  transform(code: string | null | undefined, type: 'region' | 'language', locale: string): string {
    if (!code) return '';
    const key = `${locale}|${type}`;
    let names = cache.get(key);
    if (!names) {
      names = new Intl.DisplayNames([locale], { type, fallback: 'code' });
      cache.set(key, names);
    }
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  }
}
