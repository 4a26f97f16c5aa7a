// Deletes the embedded PostgreSQL data directory of the client e2e run, so every
// run starts on an empty database. Only ever inside <workspace>/tmp/client-e2e.
import { rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = process.env.EMBEDDED_PG_DATA_DIR;
if (dataDir) {
  const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const allowed = join(workspaceRoot, 'tmp', 'client-e2e');
  const target = resolve(dataDir);
  const inside = relative(allowed, target);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) {
    console.error(`Refusing to delete ${target}: not inside ${allowed}`);
    process.exit(1);
  }
  rmSync(target, { recursive: true, force: true });
}
