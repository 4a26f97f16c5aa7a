import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { VALIDATION_CODES } from '@wegweiser/shared/contracts';
import type { ValidatorOptions } from 'class-validator';
import { forbiddenCharacterIn } from './text-characters';

/** Prototype → its properties marked `@MultiLine()`. */
const MULTI_LINE_PROPERTIES = new WeakMap<object, Set<string | symbol>>();

/**
 * Marks a string property (or an array of strings) of a request DTO as multi-line text — what the client edits in a
 * `<textarea>`: notes, agreements, comments, reasons, descriptions, a postal address. It keeps line breaks, tabs and
 * invisible format characters; controls and bidi overrides are still refused (see `text-characters.ts`).
 *
 * Every other string of a request is single-line by default: nothing to remember for a new field. The mark follows
 * `extends`; a class made by `PartialType`/`PickType` does not carry it (its fields fall back to single-line).
 */
export function MultiLine(): PropertyDecorator {
  return (target, propertyKey) => {
    const keys = MULTI_LINE_PROPERTIES.get(target) ?? new Set<string | symbol>();
    keys.add(propertyKey);
    MULTI_LINE_PROPERTIES.set(target, keys);
  };
}

/** Whether `owner`'s class (or a class it extends) marks `key` as `@MultiLine()`. */
export function isMultiLine(owner: object, key: string): boolean {
  for (let proto: unknown = Object.getPrototypeOf(owner); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (MULTI_LINE_PROPERTIES.get(proto as object)?.has(key)) return true;
  }
  return false;
}

/**
 * Paths (`a.b.0`, in document order) of the strings in a request value that hold a forbidden character; a refused key
 * is reported at its object's path, so the key is never echoed. Each string is single-line unless the property holding
 * it (directly or as an array element) is marked `@MultiLine()` on the object's class. Walked without recursion.
 */
export function forbiddenCharacterPaths(value: unknown, rootPath = ''): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string, boolean]> = [[value, rootPath, false]];
  while (stack.length) {
    const [current, path, multiLine] = stack.pop() as [unknown, string, boolean];
    if (typeof current === 'string') {
      if (forbiddenCharacterIn(current, multiLine)) found.push(path);
      continue;
    }
    if (current === null || typeof current !== 'object' || ArrayBuffer.isView(current) || current instanceof ArrayBuffer) continue;
    const isArray = Array.isArray(current);
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isArray && forbiddenCharacterIn(key, false)) found.push(path);
      else stack.push([child, childPath, isArray ? multiLine : isMultiLine(current, key)]);
    }
  }
  // The stack visits the leaves last to first.
  return [...new Set(found.reverse())];
}

/** One field error `forbiddenCharacters` per path, in class-validator's shape (the value is never included). */
export function forbiddenCharacterErrors(paths: readonly string[]): ValidationError[] {
  return paths.map((path) => ({
    property: path,
    children: [],
    constraints: { [VALIDATION_CODES.forbiddenCharacters]: `${path} contains a control, bidi or invisible character` },
  }));
}

/** The dotted paths class-validator already reports (a field is reported once, with its first problem). */
function reportedPaths(errors: readonly ValidationError[], parent = '', into: string[] = []): string[] {
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length) into.push(path);
    reportedPaths(error.children ?? [], path, into);
  }
  return into;
}

/**
 * The global ValidationPipe, which also refuses forbidden characters (`text-characters.ts`) in every string of the
 * validated DTO — body, query and parameter DTOs, nested DTOs and arrays — after class-transformer has built it
 * (so `@Trim()` has run). A body taken without a DTO class is checked as it came, every string single-line.
 */
export class TextCheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && !this.toValidate(metadata)) {
      const paths = forbiddenCharacterPaths(value, metadata.data ?? '');
      if (paths.length) throw await this.exceptionFactory(forbiddenCharacterErrors(paths.map((path) => path || 'body')));
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    const reported = reportedPaths(errors);
    const isReported = (path: string) => reported.some((done) => path === done || path.startsWith(`${done}.`));
    return [...errors, ...forbiddenCharacterErrors(forbiddenCharacterPaths(object).filter((path) => !isReported(path)))];
  }
}
