/**
 * JavaScript shipped per area, gzipped, from the browser build's manifest (public/build). Deterministic:
 * bytes, not timings, so it can fail. Run after `remix build` (or `npm run build`):
 *
 *   npx tsx tests/bench/js-size.ts          # prints the sizes, exits 1 if an area misses its target
 *
 * "Area" = the entry, plus every route module of the area and its parents and their imports (what a browser
 * ends up loading after visiting every page of the area), the measure run.ts has always used. It also
 * prints the heaviest single page of the area and the ten biggest chunks, to show what to cut.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const root = path.resolve(import.meta.dirname, '../..')
const buildDir = path.join(root, 'public/build')

type Manifest = {
  entry: { module: string; imports?: string[] }
  routes: Record<string, { module: string; imports?: string[]; parentId?: string }>
}

export function readManifest(dir = buildDir): Manifest {
  const manifestFile = readdirSync(dir).find((f) => f.startsWith('manifest-') && f.endsWith('.js'))
  if (!manifestFile) throw new Error(`no manifest-*.js in ${dir}: run \`npx remix build\` first`)
  return JSON.parse(
    readFileSync(path.join(dir, manifestFile), 'utf8').replace(/^window.__remixManifest=/, '').replace(/;\s*$/, ''),
  ) as Manifest
}

const gz = new Map<string, number>()
function gzipBytes(file: string) {
  let n = gz.get(file)
  if (n === undefined) {
    n = gzipSync(readFileSync(path.join(root, 'public', file))).length
    gz.set(file, n)
  }
  return n
}

export function filesFor(manifest: Manifest, routeIds: string[]) {
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])])
  for (const id of routeIds) {
    for (let r = manifest.routes[id]; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      files.add(r.module)
      for (const i of r.imports ?? []) files.add(i)
    }
  }
  return files
}

export function gzippedBytes(files: Iterable<string>) {
  let bytes = 0
  for (const f of files) bytes += gzipBytes(f)
  return bytes
}

/**
 * Browser files that carry zod (its error class name survives minifying). Schemas belong to actions and
 * loaders; one reached from a component (a constant kept beside a schema, a schema declared in a route
 * module) ships all of zod, ~14 KB gzipped, to every page that shares the chunk (issue #18).
 */
export function filesWithZod(files: Iterable<string>) {
  return [...files].filter((f) => readFileSync(path.join(root, 'public', f), 'utf8').includes('ZodError'))
}

export const AREA_TARGETS_KB = { 'routes/b+/': 150, 'routes/c+/': 120 } as Record<string, number>

export function measureAreas(manifest = readManifest()) {
  const areas = [
    ['brand side', 'routes/b+/'],
    ['creator portal', 'routes/c+/'],
    ['payables desk', 'routes/pay+/'],
    ['sign-in pages', 'routes/_auth+/'],
  ] as const
  return areas.map(([name, prefix]) => {
    const ids = Object.keys(manifest.routes).filter((id) => id.startsWith(prefix))
    const files = filesFor(manifest, ids)
    let heaviest = { id: '', bytes: 0 }
    for (const id of ids) {
      const bytes = gzippedBytes(filesFor(manifest, [id]))
      if (bytes > heaviest.bytes) heaviest = { id, bytes }
    }
    return { name, prefix, bytes: gzippedBytes(files), files, heaviest, targetKb: AREA_TARGETS_KB[prefix] }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measureAreas()
  console.info('JavaScript per area (gzipped; all routes of the area / heaviest single page)')
  let failed = false
  for (const r of rows) {
    const kb = r.bytes / 1024
    const verdict = r.targetKb === undefined ? '' : kb <= r.targetKb ? `meets <= ${r.targetKb} KB` : `MISSES <= ${r.targetKb} KB`
    if (r.targetKb !== undefined && kb > r.targetKb) failed = true
    console.info(
      `${r.name.padEnd(16)} ${kb.toFixed(1).padStart(7)} KB  heaviest page ${(r.heaviest.bytes / 1024).toFixed(1)} KB (${r.heaviest.id})  ${verdict}`,
    )
  }
  const all = new Set(rows.flatMap((r) => [...r.files]))
  const zod = filesWithZod(all)
  if (zod.length) {
    console.info(`\nzod reaches the browser in ${zod.join(', ')}: keep schemas out of what components import`)
    failed = true
  }
  const biggest = [...all].map((f) => [f, gzipBytes(f)] as const).sort((a, b) => b[1] - a[1]).slice(0, 10)
  console.info('\nBiggest chunks (gzipped)')
  for (const [f, b] of biggest) console.info(`${(b / 1024).toFixed(1).padStart(7)} KB  ${f}`)
  if (failed) process.exitCode = 1
}
