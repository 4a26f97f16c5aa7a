import { EnvironmentProviders, Injectable, makeEnvironmentProviders } from '@angular/core';
import { DefaultTranspiler, TRANSLOCO_TRANSPILER, TranspileParams } from '@jsverse/transloco';
import { IntlMessageFormat } from 'intl-messageformat';

/** A text with an ICU argument of a plural, ordinal or select kind: `{count, plural, one {…} other {…}}`. */
const ICU_ARGUMENT = /\{\s*[\w.]+\s*,\s*(plural|selectordinal|select)\s*,/;

/**
 * Transloco's transpiler with ICU MessageFormat for plurals and selects, by the
 * CLDR rules of the active language (`Intl.PluralRules`): "1 Plan wartet",
 * "3 Pläne warten". `{{ name }}` interpolation works as before; only texts with
 * an ICU argument go through IntlMessageFormat, which interprets messages (no
 * `new Function`, so the Content-Security-Policy need not allow eval).
 */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private locale = 'de';
  private readonly formats = new Map<string, IntlMessageFormat>();

  override transpile(params: TranspileParams): unknown {
    const value = super.transpile(params);
    if (typeof value !== 'string' || !ICU_ARGUMENT.test(value)) return value;
    return this.format(value).format(params.params ?? {});
  }

  onLangChanged(lang: string): void {
    this.locale = lang;
  }

  private format(message: string): IntlMessageFormat {
    const key = `${this.locale}\u0000${message}`;
    let format = this.formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(message, this.locale, undefined, { ignoreTag: true });
      this.formats.set(key, format);
    }
    return format;
  }
}

/** Use with `provideTransloco(...)` (the app and specs that check plural texts). */
export function provideIcuPlurals(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: TRANSLOCO_TRANSPILER, useClass: IcuTranspiler }]);
}
