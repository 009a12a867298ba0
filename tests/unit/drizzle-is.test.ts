import * as orm from 'drizzle-orm'
import { entityKind, is } from 'drizzle-orm'
import * as pg from 'drizzle-orm/pg-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'

/**
 * drizzle's `is(value, Class)` (the drizzle-orm patch in .ci/patches, issue #18) keeps its answer per
 * prototype and entity kind. It must answer exactly what drizzle's own walk of the class chain answers,
 * whatever was asked before: the reference below is drizzle 0.45.4's code as it was.
 */
function reference(value: unknown, type: { [entityKind]?: string; name?: string }) {
  if (!value || typeof value !== 'object') return false
  if (value instanceof (type as never)) return true
  if (!Object.prototype.hasOwnProperty.call(type, entityKind)) throw new Error('not an entity')
  let cls = Object.getPrototypeOf(value).constructor
  while (cls) {
    if (entityKind in cls && cls[entityKind] === type[entityKind]) return true
    cls = Object.getPrototypeOf(cls)
  }
  return false
}

type EntityClass = { [entityKind]: string; name: string }
const classes = ([...new Set([...Object.values(orm), ...Object.values(pg)])] as unknown[]).filter(
  (v): v is EntityClass => typeof v === 'function' && Object.prototype.hasOwnProperty.call(v, entityKind),
)

class Unrelated {}
// A class from elsewhere that says it is a drizzle SQL (drizzle's duck typing across copies of itself).
class LookalikeSql {
  static readonly [entityKind] = orm.SQL[entityKind]
}
class OwnSql extends orm.SQL {}

const tables = Object.values(schema).filter((t) => orm.is(t, pg.PgTable)) as pg.PgTable[]
const values: unknown[] = [
  ...tables,
  ...tables.flatMap((t) => Object.values(orm.getTableColumns(t))),
  orm.sql`select 1`,
  orm.sql.placeholder('x'),
  orm.sql.raw('x'),
  orm.sql.identifier('x'),
  new orm.Param(1),
  orm.eq(schema.users.id, 'x'),
  orm.and(orm.eq(schema.users.id, 'x'), orm.isNull(schema.users.email))!,
  new OwnSql([]),
  new LookalikeSql(),
  new Unrelated(),
  {},
  [],
  new Date(0),
  'text',
  0,
  null,
  undefined,
]

describe("drizzle's is() with kept answers", () => {
  it('has something to check', () => {
    expect(classes.length).toBeGreaterThan(50)
    expect(tables.length).toBeGreaterThan(20)
  })

  it('answers as the uncached walk for every value and entity class, in any order, asked twice', () => {
    const pairs = values.flatMap((v) => classes.map((c) => [v, c] as const))
    fc.assert(
      fc.property(fc.shuffledSubarray(pairs, { minLength: 1, maxLength: 400 }), (asked) => {
        for (const [v, c] of [...asked, ...asked]) expect(is(v, c as never)).toBe(reference(v, c))
      }),
      { numRuns: 50 },
    )
    // The cases the kept answers could get wrong, named: a subclass, a lookalike from another copy, a plain object.
    expect(is(new OwnSql([]), orm.SQL)).toBe(true)
    expect(is(new LookalikeSql(), orm.SQL)).toBe(true)
    expect(is(new LookalikeSql(), orm.Param)).toBe(false)
    expect(is({}, orm.SQL)).toBe(false)
    expect(is(schema.users.id, pg.PgColumn)).toBe(true)
    expect(is(schema.users.id, orm.Column)).toBe(true)
    expect(is(schema.users.id, pg.PgTable)).toBe(false)
  })

  it('still refuses a class that is not a drizzle entity, and a value without a prototype', () => {
    expect(() => is(orm.sql`x`, Unrelated as never)).toThrow(/doesn't look like a Drizzle entity/)
    expect(() => is(Object.create(null), orm.SQL)).toThrow(TypeError)
  })
})
