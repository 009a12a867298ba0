import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import { z } from 'zod'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { CsvSyntaxError, parseCsvRecords } from '#app/domain/csv.ts'
import { email as emailField, personName } from '#app/validation/fields.ts'
import { followersField, handleField, platformField, tagList } from '#app/validation/roster.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import type { ImportOutcome } from '#app/domain/roster.ts'

export interface RosterImportRow {
  line: number
  name: string
  email: string
  platform: string | null
  handle: string | null
  followers: number | null
  tags: string[]
  outcome: ImportOutcome
  /** What will happen, in a sentence. */
  note: string
}
export interface RosterImportResult {
  rows: RosterImportRow[]
  errors: { line: number; reason: string }[]
  creatorsAdded: number
  addedToRoster: number
  accountsAdded: number
}

const rowSchema = z
  .object({
    name: personName,
    email: emailField,
    platform: z.string().optional().transform((v) => (v ? v.trim().toLowerCase() : undefined)).pipe(platformField.optional()),
    handle: z.string().optional().transform((v) => (v?.trim() ? v : undefined)).pipe(handleField.optional()),
    followers: z.string().optional().transform((v) => (v?.trim() ? v : undefined)).pipe(followersField.optional()),
    tags: tagList,
  })
  .superRefine((v, ctx) => {
    if (v.handle && !v.platform) ctx.addIssue({ code: 'custom', path: ['platform'], message: 'Give the platform of the handle.' })
    if (v.platform && !v.handle) ctx.addIssue({ code: 'custom', path: ['handle'], message: `Give the ${v.platform} handle.` })
    if (v.followers !== undefined && !v.handle) ctx.addIssue({ code: 'custom', path: ['followers'], message: 'Followers need a platform and handle.' })
  })

const MAX_ROWS = 5000

/**
 * Bulk-add creators to the brand's roster from a CSV (ROSTER_CSV_COLUMNS). De-duplicates by email and
 * by platform + handle, against Greenroom and within the file: a known person is added to the roster
 * (their own details are theirs and are not overwritten), a creator already on the roster gets the new
 * tags, a handle that belongs to someone with another email is an error. `dryRun` is the preview; the
 * import stores every good row in one transaction and skips the rest with their line and reason.
 * No emails are sent: imported creators are prospects until invited.
 */
export async function importRosterCsv(actor: Pick<BrandActor, 'brand' | 'audit'>, csv: string, opts: { dryRun?: boolean; now?: Date } = {}): Promise<RosterImportResult> {
  const now = opts.now ?? new Date()
  let parsed: ReturnType<typeof parseCsvRecords>
  try {
    parsed = parseCsvRecords(csv)
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InvalidInputError(`The file is not valid CSV. ${e.message}`, { file: [e.message] })
    throw e
  }
  for (const col of ['name', 'email']) {
    if (!parsed.headers.includes(col)) throw new InvalidInputError(`The first row must name the columns; "${col}" is missing.`, { file: [`Add a "${col}" column.`] })
  }
  if (parsed.records.length === 0) throw new InvalidInputError('The file has no rows under the header.', { file: ['The file has no rows under the header.'] })
  if (parsed.records.length > MAX_ROWS) throw new InvalidInputError(`At most ${MAX_ROWS} rows per import: split the file.`, { file: [`At most ${MAX_ROWS} rows per file.`] })

  const errors: { line: number; reason: string }[] = []
  const valid: { line: number; v: z.infer<typeof rowSchema> }[] = []
  for (const r of parsed.records) {
    const res = rowSchema.safeParse({
      name: r.values.name ?? '',
      email: r.values.email ?? '',
      platform: r.values.platform,
      handle: r.values.handle,
      followers: r.values.followers,
      tags: r.values.tags ?? '',
    })
    if (!res.success) {
      // One message per column (the first), e.g. "email: Enter your email address."
      const byField = new Map<string, string>()
      for (const i of res.error.issues) if (!byField.has(String(i.path[0] ?? 'row'))) byField.set(String(i.path[0] ?? 'row'), i.message)
      errors.push({ line: r.line, reason: [...byField].map(([f, m]) => `${f}: ${m}`).join(' ') })
      continue
    }
    valid.push({ line: r.line, v: res.data })
  }

  // What Greenroom already knows: people by email, accounts by platform + handle, this brand's roster.
  const emails = [...new Set(valid.map((r) => r.v.email))]
  const pairs = valid.filter((r) => r.v.platform && r.v.handle).map((r) => ({ platform: r.v.platform!, handle: r.v.handle! }))
  const [knownPeople, knownAccounts] = await Promise.all([
    emails.length ? db().select({ id: schema.creators.id, email: schema.creators.email, name: schema.creators.name }).from(schema.creators).where(inArray(schema.creators.email, emails)) : [],
    pairs.length
      ? db()
          .select({ id: schema.socialAccounts.id, creatorId: schema.socialAccounts.creatorId, brandId: schema.socialAccounts.brandId, platform: schema.socialAccounts.platform, handle: schema.socialAccounts.handle, email: schema.creators.email })
          .from(schema.socialAccounts)
          .innerJoin(schema.creators, eq(schema.creators.id, schema.socialAccounts.creatorId))
          .where(
            and(
              // The creators' own accounts (public handles) and the ones this brand tracks; never another brand's.
              or(isNull(schema.socialAccounts.brandId), eq(schema.socialAccounts.brandId, actor.brand.id)),
              or(...pairs.map((p) => and(eq(schema.socialAccounts.platform, p.platform), eq(schema.socialAccounts.handle, p.handle)))),
            ),
          )
      : [],
  ])
  const personByEmail = new Map(knownPeople.map((p) => [p.email, p]))
  // This brand's own row for a handle wins over the creator's (it is what the brand tracks).
  const accountByKey = new Map([...knownAccounts].sort((a, b) => Number(a.brandId !== null) - Number(b.brandId !== null)).map((a) => [`${a.platform}:${a.handle}`, a]))
  const creatorIds = [...new Set([...knownPeople.map((p) => p.id), ...knownAccounts.map((a) => a.creatorId)])]
  const onRoster = new Set(
    creatorIds.length
      ? (
          await db()
            .select({ creatorId: schema.rosterEntries.creatorId })
            .from(schema.rosterEntries)
            .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), inArray(schema.rosterEntries.creatorId, creatorIds)))
        ).map((r) => r.creatorId)
      : [],
  )

  // Resolve each row to one person: an email seen earlier in the file, a known email, a known handle, or new.
  type Plan = { key: string; creatorId: string | null; name: string; email: string; tags: Set<string>; accounts: { platform: string; handle: string; followers: number }[] }
  const plans = new Map<string, Plan>()
  const firstLine = new Map<string, number>()
  const handleInFile = new Map<string, string>()
  const rows: RosterImportRow[] = []
  for (const { line, v } of valid) {
    const accKey = v.platform && v.handle ? `${v.platform}:${v.handle}` : null
    const known = accKey ? accountByKey.get(accKey) : undefined
    const person = personByEmail.get(v.email)
    if (known && known.email !== v.email && person && person.id !== known.creatorId) {
      errors.push({ line, reason: `@${v.handle} on ${v.platform} belongs to another creator (not ${v.email}).` })
      continue
    }
    if (accKey && handleInFile.has(accKey) && handleInFile.get(accKey) !== v.email) {
      errors.push({ line, reason: `@${v.handle} on ${v.platform} is also on line ${firstLine.get(`h:${accKey}`)} with another email.` })
      continue
    }
    // A known handle under an email Greenroom has not seen is the same person (de-duplicated by handle).
    const creatorId = person?.id ?? known?.creatorId ?? null
    const key = creatorId ?? `new:${v.email}`
    const plan = plans.get(key) ?? { key, creatorId, name: person?.name ?? v.name, email: person?.email ?? known?.email ?? v.email, tags: new Set<string>(), accounts: [] }
    for (const t of v.tags) plan.tags.add(t)
    const tracked = Boolean(known && known.brandId === actor.brand.id)
    if (accKey && !tracked && !plan.accounts.some((a) => `${a.platform}:${a.handle}` === accKey)) plan.accounts.push({ platform: v.platform!, handle: v.handle!, followers: v.followers ?? 0 })
    const earlier = firstLine.get(key)
    plans.set(key, plan)
    if (earlier === undefined) firstLine.set(key, line)
    if (accKey && !handleInFile.has(accKey)) {
      handleInFile.set(accKey, v.email)
      firstLine.set(`h:${accKey}`, line)
    }
    // A person Greenroom knows but this brand does not is reported exactly like a new one: whether an
    // email has an account is not the brand's to learn (app/domain/creator-privacy.ts).
    const outcome: ImportOutcome = earlier !== undefined ? 'same_creator' : creatorId && onRoster.has(creatorId) ? 'on_roster' : 'new'
    const handleNote = accKey ? (tracked ? ` You already track @${v.handle}.` : ` Tracks @${v.handle} on ${v.platform}.`) : ''
    const note =
      outcome === 'same_creator'
        ? `Same creator as line ${earlier}.${handleNote}`
        : outcome === 'on_roster'
          ? `Already on your roster${known && !person ? ` (matched by @${v.handle})` : ''}: tags are added.${handleNote}`
          : `Added to your roster as a prospect.${handleNote}`
    rows.push({ line, name: plan.name, email: plan.email, platform: v.platform ?? null, handle: v.handle ?? null, followers: v.followers ?? null, tags: v.tags, outcome, note })
  }
  errors.sort((a, b) => a.line - b.line)
  const result: RosterImportResult = { rows, errors, creatorsAdded: 0, addedToRoster: 0, accountsAdded: 0 }
  const planList = [...plans.values()]
  // Counted like addedToRoster, so the preview does not tell which emails already had a profile.
  result.creatorsAdded = planList.filter((p) => !p.creatorId || !onRoster.has(p.creatorId)).length
  result.addedToRoster = planList.filter((p) => !p.creatorId || !onRoster.has(p.creatorId)).length
  result.accountsAdded = planList.reduce((s, p) => s + p.accounts.length, 0)
  if (opts.dryRun || planList.length === 0) return result

  await db().transaction(async (tx) => {
    for (const plan of planList) {
      let creatorId = plan.creatorId
      if (!creatorId) {
        const [c] = await tx.insert(schema.creators).values({ name: plan.name, email: plan.email }).returning({ id: schema.creators.id })
        creatorId = c!.id
      }
      const tags = [...plan.tags]
      const [entry] = await tx
        .insert(schema.rosterEntries)
        .values({ brandId: actor.brand.id, creatorId, status: 'prospect', tags })
        .onConflictDoNothing({ target: [schema.rosterEntries.brandId, schema.rosterEntries.creatorId] })
        .returning({ id: schema.rosterEntries.id })
      if (!entry && tags.length) {
        const where = and(eq(schema.rosterEntries.brandId, actor.brand.id), eq(schema.rosterEntries.creatorId, creatorId))
        const [current] = await tx.select({ tags: schema.rosterEntries.tags }).from(schema.rosterEntries).where(where).for('update')
        const merged = [...new Set([...(current?.tags ?? []), ...tags])]
        if (merged.length !== (current?.tags.length ?? 0)) await tx.update(schema.rosterEntries).set({ tags: merged, updatedAt: now }).where(where)
      }
      for (const a of plan.accounts) {
        const [acc] = await tx
          .insert(schema.socialAccounts)
          // Imported accounts are the brand's own rows: only it sees them and their readings.
          .values({ creatorId, brandId: actor.brand.id, platform: a.platform, handle: a.handle, followers: a.followers, followersAt: now })
          .onConflictDoNothing()
          .returning({ id: schema.socialAccounts.id })
        if (acc) await tx.insert(schema.followerSnapshots).values({ socialAccountId: acc.id, followers: a.followers, capturedAt: now, source: 'import' })
      }
      if (entry) {
        await recordAudit(tx, actor.audit, {
          brandId: actor.brand.id,
          action: 'roster.creator_imported',
          entityType: 'roster_entry',
          entityId: entry.id,
          after: { creatorId, newPerson: !plan.creatorId, tags, accounts: plan.accounts.map((a) => `${a.platform}:${a.handle}`) },
        })
      }
    }
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'roster.csv_imported',
      entityType: 'brand',
      entityId: actor.brand.id,
      after: { rows: rows.length, skipped: errors.length, creatorsAdded: result.creatorsAdded, addedToRoster: result.addedToRoster, accountsAdded: result.accountsAdded },
    })
  })
  return result
}
