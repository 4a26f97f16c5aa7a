// Reads auto_explain entries (text format) back from a PostgreSQL server log.

/** Not worth a plan: tenant settings (and the one-statement account check and audit append), locks, the session store, pg-boss. */
const TRIVIAL = /set_config|pg_advisory|bench-plan-marker|pg_stat_statements|^\s*SELECT 1\b|"?user_session"?|pgboss/i;

/** Splits the auto_explain entries of a log section into { ms, query, plan }. */
export function parsePlans(text) {
  const entries = [];
  for (const chunk of text.split(/LOG:\s+duration: /).slice(1)) {
    const match = /^([\d.]+) ms\s+plan:\n([\s\S]*)$/.exec(chunk);
    if (!match) continue;
    const lines = match[2].split('\n');
    const body = [];
    for (const line of lines) {
      if (line.length && !/^\s/.test(line)) break;
      body.push(line.replace(/^\t/, ''));
    }
    const text = body.join('\n');
    const queryText = /Query Text: ([\s\S]*?)\n(?=\S)/.exec(`${text}\n`)?.[1]?.trim() ?? '';
    const plan = text.slice(text.indexOf(queryText) + queryText.length).trim();
    // A constant result is not worth a plan; a `Result` over sub-selects (the client file's parts, the evaluation's
    // tables) is the whole request's work.
    if (!plan || TRIVIAL.test(queryText) || (/^Result\s/.test(plan) && !/InitPlan|SubPlan|CTE /.test(plan))) continue;
    entries.push({ ms: Number(match[1]), query: queryText.replace(/\s+/g, ' ').slice(0, 600), plan });
  }
  return entries;
}
