/**
 * Stored text is escaped wherever it is shown. Pages: React escapes text, and no page or email may opt
 * out with dangerouslySetInnerHTML (checked over the source; the browser test in
 * tests/e2e/security.e2e.ts renders a hostile campaign name). Emails: hostile names, reasons and notes
 * typed by one party arrive escaped in the HTML another party receives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { buildGates, buildRequest, invoke, loadRoute, matrixForm, postAs, type Gates } from '#tests/gates/harness.ts'
import { addMember, cookieFor, createBrand, createUser } from '#tests/factories.ts'
import { ACCESS_MATRIX } from '#tests/access-matrix.ts'

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>'
const RAW = /<img src=x|<script>alert/i

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n)
    return statSync(full).isDirectory() ? sources(full) : /\.(tsx?|jsx?)$/.test(n) ? [full] : []
  })
}

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

async function mailsTo(fragment: string) {
  return (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.some((a) => a.includes(fragment)) || m.html.includes(fragment))
}

describe('no HTML injection', () => {
  it('no page, component or email writes raw HTML (dangerouslySetInnerHTML)', () => {
    const offenders = [...sources('app'), ...sources('emails')].filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'))
    expect(offenders).toEqual([])
  })

  it('a hostile brand and inviter name in the invitation email are escaped', async () => {
    const brand = await createBrand({ name: `Brand ${HOSTILE}`.slice(0, 100) })
    const manager = await addMember(brand.id, 'manager', await createUser({ name: `Boss ${HOSTILE}`.slice(0, 100) }))
    const email = `hostile-${Date.now()}@example.test`
    const roster = (await loadRoute('b+/$brand+/roster.tsx')).action!
    const r = await invoke(
      roster,
      buildRequest('/b/roster', { body: { kind: 'urlencoded', pairs: [['intent', 'invite-creator'], ['email', email], ['name', `Mal ${HOSTILE}`.slice(0, 80)]] }, cookie: await cookieFor(manager) }),
      { brand: brand.slug },
    )
    expect(r.status).toBe(302)
    const [mail] = await mailsTo(email)
    expect(mail, 'the invitation was queued').toBeDefined()
    expect(mail!.html).toMatch(/(Brand|Boss) &lt;img/)
    expect(mail!.html).not.toMatch(RAW)
  })

  it("a creator's hostile decline reason reaches the brand escaped", async () => {
    const route = 'c+/$creator+/offers.$offer.tsx'
    const ids = await ACCESS_MATRIX[route]!.params!(g.ctx)
    const r = await postAs(g, route, 'creatorA', matrixForm(g, route, 'decline', ids, { reason: `No ${HOSTILE}` }), ids)
    expect(r.status).toBe(302)
    const managers = [g.ctx.users.managerX!, g.ctx.users.adminX!].map((u) => u.email!)
    const mails = (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.some((a) => managers.includes(a)) && m.html.includes('No &lt;img'))
    expect(mails.length).toBeGreaterThan(0)
    for (const m of mails) expect(m.html).not.toMatch(RAW)
  })

  it("a manager's hostile send-back note reaches the creator escaped", async () => {
    const route = 'b+/$brand+/posts.$post.tsx'
    const ids = await ACCESS_MATRIX[route]!.params!(g.ctx)
    const r = await postAs(g, route, 'managerX', matrixForm(g, route, 'send-back', ids, { note: `Fix ${HOSTILE}` }), ids)
    expect(r.status).toBe(302)
    const mails = (await db().select().from(schema.outboxMessages)).filter((m) => m.html.includes('Fix &lt;img'))
    expect(mails.length).toBeGreaterThan(0)
    for (const m of mails) expect(m.html).not.toMatch(RAW)
  })
})
