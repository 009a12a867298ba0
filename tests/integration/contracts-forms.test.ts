/**
 * Contract forms (issue #17): the template editor and the contract settings (admins only), through the
 * real route actions: refusals are 4xx with messages keyed to the fields and write nothing; saves are
 * new template versions with an audit event in the same transaction; the next contract uses the new version.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { DEFAULT_TEMPLATE } from '#app/domain/contracts.ts'
import { saveContractTemplate } from '#app/services/contracts/save-contract-template.server.ts'
import { buildGates, postAs, type Gates } from '#tests/gates/harness.ts'
import { contractWorld, currentContract } from '#tests/factories-contracts.ts'

const ROUTE = 'b+/$brand+/contracts.template.tsx'
let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

function templateForm(over: Record<string, string | undefined> = {}, baseVersion = '0') {
  const f: Record<string, string | undefined> = { intent: 'template', baseVersion, title: DEFAULT_TEMPLATE.title }
  for (const c of DEFAULT_TEMPLATE.clauses) {
    f[`heading_${c.id}`] = c.heading
    f[`body_${c.id}`] = c.body
    f[`enabled_${c.id}`] = 'on'
  }
  return { ...f, ...over }
}
const templates = () => db().select().from(schema.contractTemplates).where(eq(schema.contractTemplates.brandId, g.ctx.brandX.id))
const audits = (action: string) => db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.brandId, g.ctx.brandX.id), eq(schema.auditEvents.action, action)))
const fieldErrors = (r: { data: unknown }) => (r.data as { fieldErrors: Record<string, string[]> }).fieldErrors

describe('contract template editor', () => {
  it('refuses unknown placeholders, a required clause switched off and an empty clause, next to the field; writes nothing', async () => {
    const unknown = await postAs(g, ROUTE, 'adminX', templateForm({ body_fee: 'Fee: {{offer.fees}} and {{ creator.nam }}.' }), {})
    expect(unknown.status).toBe(400)
    expect(fieldErrors(unknown).clause_fee![0]).toBe('Unknown placeholders: {{offer.fees}}, {{creator.nam}}. Use only the placeholders listed on this page.')
    const lone = await postAs(g, ROUTE, 'adminX', templateForm({ title: 'Agreement {{campaign.name' }), {})
    expect(lone.status).toBe(400)
    expect(fieldErrors(lone).title![0]).toMatch(/unclosed “\{\{”/)
    const required = await postAs(g, ROUTE, 'adminX', templateForm({ enabled_parties: undefined }), {})
    expect(required.status).toBe(400)
    expect(fieldErrors(required).enabled_parties![0]).toBe('“Parties” is required and cannot be switched off.')
    const empty = await postAs(g, ROUTE, 'adminX', templateForm({ body_conduct: '   ' }), {})
    expect(empty.status).toBe(400)
    expect(fieldErrors(empty).clause_conduct![0]).toBe('Write the clause, or switch it off.')
    const noTitle = await postAs(g, ROUTE, 'adminX', templateForm({ title: '' }), {})
    expect(noTitle.status).toBe(400)
    expect(fieldErrors(noTitle).title![0]).toBe('Give the contract a title.')
    // a clause id the template does not have is an unexpected field
    expect((await postAs(g, ROUTE, 'adminX', templateForm({ body_bogus: 'x' }), {})).status).toBe(400)
    expect(await templates()).toHaveLength(0)
    expect(await audits('contract_template.saved')).toHaveLength(0)
  })

  it('a manager may not edit it (403); an admin saves version 1, then a stale or unchanged save is refused', async () => {
    expect((await postAs(g, ROUTE, 'managerX', templateForm({ enabled_exclusivity: undefined }), {})).status).toBe(403)
    expect(await templates()).toHaveLength(0)
    const ok = await postAs(g, ROUTE, 'adminX', templateForm({ enabled_exclusivity: undefined, body_law: 'French law applies; disclosure follows {{offer.jurisdiction}}.' }), {})
    expect(ok.status).toBe(302)
    const rows = await templates()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.version).toBe(1)
    expect(rows[0]!.clauses.find((c) => c.id === 'exclusivity')!.enabled).toBe(false)
    expect(rows[0]!.clauses.find((c) => c.id === 'law')!.body).toBe('French law applies; disclosure follows {{offer.jurisdiction}}.')
    const events = await audits('contract_template.saved')
    expect(events).toHaveLength(1)
    expect(events[0]!.after).toMatchObject({ version: 1, changedClauses: ['exclusivity', 'law'], disabledClauses: ['exclusivity'] })
    // someone editing the old version 0 is told version 1 exists
    const stale = await postAs(g, ROUTE, 'adminX', templateForm({ body_law: 'Other.' }), {})
    expect(stale.status).toBe(409)
    expect((stale.data as { formError: string }).formError).toMatch(/saved version 1 .* editing version 0/)
    // the same content again: nothing changed
    const same = await postAs(g, ROUTE, 'adminX', templateForm({ enabled_exclusivity: undefined, body_law: 'French law applies; disclosure follows {{offer.jurisdiction}}.' }, '1'), {})
    expect(same.status).toBe(409)
    expect(await templates()).toHaveLength(1)
  })
})

describe('contract settings', () => {
  it('refuses no signer and an unknown time zone next to the field; saves signers, rule and zone with an audit event', async () => {
    const none = await postAs(g, ROUTE, 'adminX', { intent: 'settings', requirement: 'always', timeZone: 'Europe/Paris' }, {})
    expect(none.status).toBe(400)
    expect(fieldErrors(none).signerRoles![0]).toBe('At least one role must be able to countersign.')
    const tz = await postAs(g, ROUTE, 'adminX', { intent: 'settings', signerRoles: ['admin'], requirement: 'always', timeZone: 'Mars/Olympus' }, {})
    expect(tz.status).toBe(400)
    expect(fieldErrors(tz).timeZone![0]).toMatch(/Not a time zone/)
    const viewer = await postAs(g, ROUTE, 'adminX', { intent: 'settings', signerRoles: ['viewer'], requirement: 'always', timeZone: 'UTC' }, {})
    expect(viewer.status).toBe(400)
    expect(await audits('brand.contract_settings_updated')).toHaveLength(0)
    expect((await postAs(g, ROUTE, 'financeX', { intent: 'settings', signerRoles: ['finance'], requirement: 'never', timeZone: 'UTC' }, {})).status).toBe(403)

    const ok = await postAs(g, ROUTE, 'adminX', { intent: 'settings', signerRoles: ['admin', 'manager'], requirement: 'never', timeZone: 'Europe/Paris' }, {})
    expect(ok.status).toBe(302)
    const [brand] = await db().select().from(schema.brands).where(eq(schema.brands.id, g.ctx.brandX.id))
    expect(brand!.settings.contracts).toEqual({ signerRoles: ['admin', 'manager'], requirement: 'never', timeZone: 'Europe/Paris' })
    const events = await audits('brand.contract_settings_updated')
    expect(events).toHaveLength(1)
    expect(events[0]!.before).toMatchObject({ signerRoles: ['admin'], requirement: 'french_threshold', timeZone: 'UTC' })
  })
})

describe('the next contract uses the saved template', () => {
  it('a contract made after the save carries version 1 and leaves out the switched-off clause', async () => {
    const w = await contractWorld({})
    await saveContractTemplate(w.adminActor, {
      baseVersion: 0,
      title: 'Agreement for {{campaign.name}}',
      clauses: DEFAULT_TEMPLATE.clauses.map((c) => ({ id: c.id, heading: c.heading, body: c.body, enabled: c.id !== 'exclusivity' })),
    })
    await w.accept()
    const v1 = await currentContract(w.offer.id)
    expect(v1.templateVersion).toBe(1)
    expect(v1.document.title).toBe(`Agreement for ${w.campaign.name}`)
    expect(v1.document.sections.map((s) => s.heading)).not.toContain('5. Exclusivity')
    expect(v1.document.sections.some((s) => s.heading.endsWith('Exclusivity'))).toBe(false)
    // 10 default clauses, one off: 9 sections numbered 1..9
    expect(v1.document.sections).toHaveLength(9)
    expect(v1.document.sections[8]!.heading).toBe('9. Electronic signatures')
  })
})
