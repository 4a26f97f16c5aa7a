// The phases of a request's Node CPU (issue 20), recognised by where the code of a profile's stack lives. The first
// phase whose pattern matches a frame, from the innermost frame outwards, takes the sample; code of the API itself
// (one bundle) is told apart by function names.

/** [phase, test on a frame] in order of precedence. */
const RULES = [
  ['idle', (f) => f.functionName === '(idle)' || f.functionName === '(program)'],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['session (express-session, store, cache)', (f) => /express-session|connect-pg-simple|cached-sessions|cacheSessions/.test(f.url + f.functionName)],
  ['CSRF (csrf-csrf, cookies)', (f) => /csrf-csrf|cookie-parser|[/]cookie[/]|doubleCsrf/.test(f.url + f.functionName)],
  ['guard (account, permission)', (f) => /AuthGuard|canActivate|FreshCache/.test(f.functionName)],
  ['audit append', (f) => /AuditService|readScope|appendEvent|record$/.test(f.functionName) && /main\.js/.test(f.url)],
  ['compression (zlib)', (f) => /compression|zlib/.test(f.url)],
  ['logging (pino)', (f) => /pino|sonic-boom|thread-stream/.test(f.url)],
  ['pg driver (protocol, parsing)', (f) => /node_modules[/]pg(-[a-z]+)?[/]/.test(f.url)],
  ['TypeORM (query building, mapping)', (f) => /node_modules[/]typeorm[/]/.test(f.url)],
  ['tenant transaction (nestjs-cls, transactional)', (f) => /nestjs-cls|TenantTransaction/.test(f.url + f.functionName)],
  ['class-validator / transformer', (f) => /class-validator|class-transformer/.test(f.url)],
  ['serialisation (JSON)', (f) => /JSON\.stringify|stringify$/.test(f.functionName) && !f.url],
  ['Nest and Express (routing, pipes, interceptors)', (f) => /@nestjs|express[/]|router|body-parser|rxjs/.test(f.url)],
  ['network and streams (node:net, http)', (f) => /^node:(net|_http|http|stream|internal[/]streams|_stream)/.test(f.url)],
  ['application code', (f) => /main\.js/.test(f.url)],
];

export const PHASES = [...RULES.map(([phase]) => phase), 'other (Node internals)'];

/** The phase of one sample's stack (innermost frame first). */
export function phaseOf(stack) {
  for (const frame of stack) for (const [phase, test] of RULES) if (test(frame)) return phase;
  return 'other (Node internals)';
}
