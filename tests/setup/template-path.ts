import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Where the migrated PGlite template of this checkout lives: keyed by the checkout's path and its
 * migrations, so two checkouts that share node_modules (git worktrees) or a branch with another
 * migration never load each other's template.
 */
export function templatePath(root = process.cwd()): string {
  const dir = path.join(root, 'db/migrations')
  const h = createHash('sha256').update(path.resolve(root))
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.sql')) h.update(f).update(readFileSync(path.join(dir, f)))
  h.update(readFileSync(path.join(dir, 'meta/_journal.json')))
  return path.join(os.tmpdir(), `greenroom-pglite-template-${h.digest('hex').slice(0, 16)}.tar.gz`)
}
