import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layers (README "Architecture"): routes -> services -> domain, with validation beside the routes and
 * components for rendering. This test reads every import in app/ and fails when a layer reaches one it
 * must not: the rule lives in one place and a slip shows up in review, not months later.
 * `import type` is allowed across layers (it leaves no code behind), except into domain, which must stay
 * readable on its own.
 */
const root = join(import.meta.dirname, '../../..')
const app = join(root, 'app')

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(name) ? [full] : []
  })
}

interface Import {
  file: string
  spec: string
  typeOnly: boolean
}

function importsOf(file: string): Import[] {
  const src = readFileSync(file, 'utf8')
  const out: Import[] = []
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm
  for (const m of src.matchAll(re)) out.push({ file: relative(root, file), spec: m[3]!, typeOnly: Boolean(m[2]) })
  return out
}

/** The layer a module specifier points into, resolved from `#app/...`, `#db/...` or a relative path. */
function layerOf(from: string, spec: string): string {
  let target: string
  if (spec.startsWith('#app/')) target = `app/${spec.slice(5)}`
  else if (spec.startsWith('#db/')) target = `db/${spec.slice(4)}`
  else if (spec.startsWith('#emails/')) target = `emails/${spec.slice(8)}`
  else if (spec.startsWith('.')) target = relative(root, join(root, from, '..', spec))
  else return spec.startsWith('node:') ? `node:${spec.slice(5)}` : `npm:${spec}`
  if (target === 'app/db.server.ts' || target.startsWith('db/')) return target === 'db/ids.ts' ? 'ids' : 'db'
  const top = target.split('/')[1]
  return `app/${top}`
}

const all = walk(app).flatMap(importsOf)
const inLayer = (dir: string) => all.filter((i) => i.file.startsWith(`app/${dir}/`))
const breaks = (list: Import[], bad: (layer: string, i: Import) => boolean) =>
  list.filter((i) => bad(layerOf(i.file, i.spec), i)).map((i) => `${i.file} -> ${i.spec}`)

describe('layers', () => {
  it('reads imports from every layer (the scan itself works)', () => {
    for (const dir of ['domain', 'services', 'routes', 'validation', 'components']) expect(inLayer(dir).length, dir).toBeGreaterThan(20)
    expect(layerOf('app/routes/x.tsx', '#app/db.server.ts')).toBe('db')
    expect(layerOf('app/services/a/b.ts', '../../domain/money.ts')).toBe('app/domain')
  })

  it('domain is pure: no services, routes, components, validation, database, emails or I/O', () => {
    const allowedNpm = new Set(['npm:csv-parse', 'npm:csv-parse/sync', 'npm:zod'])
    const allowedApp = new Set(['#app/utils/errors.ts']) // the refusal classes a rule throws
    const slips = breaks(inLayer('domain'), (layer, i) => {
      if (layer === 'app/domain' || allowedApp.has(i.spec)) return false
      if (layer.startsWith('npm:')) return !allowedNpm.has(layer)
      if (layer === 'app/auth' && i.typeOnly) return false // capability names, as types only
      return true
    })
    expect(slips).toEqual([])
  })

  it('validation reads domain and utils only', () => {
    const slips = breaks(inLayer('validation'), (layer, i) => !['app/domain', 'app/utils', 'app/validation', 'npm:zod'].includes(layer) && !i.typeOnly)
    expect(slips).toEqual([])
  })

  it('routes and components never import zod: schemas live in app/validation, out of the browser bundle (#18)', () => {
    // A schema declared in a route module stays in its browser chunk (esbuild keeps top-level calls), and
    // zod with it; one in app/validation is dropped as long as no component uses that module.
    const slips = breaks([...inLayer('routes'), ...inLayer('components')], (layer, i) => layer === 'npm:zod' && !i.typeOnly)
    expect(slips).toEqual([])
  })

  it('routes reach the database only through services', () => {
    expect(breaks(inLayer('routes'), (layer) => layer === 'db')).toEqual([])
  })

  it('components render: no services, database or server-only code, except their types', () => {
    const slips = breaks(inLayer('components'), (layer, i) => !i.typeOnly && (layer === 'app/services' || layer === 'db' || layer === 'app/routes' || /\.server(\.tsx?)?$/.test(i.spec)))
    expect(slips).toEqual([])
  })

  it('services never import routes or components', () => {
    expect(breaks(inLayer('services'), (layer, i) => !i.typeOnly && (layer === 'app/routes' || layer === 'app/components'))).toEqual([])
  })
})
