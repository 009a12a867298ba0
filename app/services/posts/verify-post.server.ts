import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { postAttestations } from './post-checks.server.ts'
import { platformLabelName } from '#app/domain/disclosure/platform-label.ts'
import { loadBrandPost } from './get-brand-post.server.ts'
import { rematchOpenInvoices } from '#app/services/invoices/rematch-open-invoices.server.ts'
import { postMachine } from '#app/domain/state-machines.ts'
import { decidePost } from './decide-post.server.ts'

/**
 * A manager verifies a submitted live post after ticking every platform-tool attestation
 * (e.g. Instagram's "Paid partnership" label). Post submitted -> verified; deliverable posted -> verified.
 */
export async function verifyPost(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: { postId: string; attestations: string[] }) {
  return db().transaction(async (tx) => {
    const row = await loadBrandPost(tx, actor.brand.id, input.postId, { forUpdate: true })
    const verified = postMachine.next(
      row.post.status,
      'verify',
      row.post.status === 'verified' ? 'This post is already verified.' : 'This post was sent back to the creator; verify it once they resubmit.',
    )
    if (row.post.platformLabelDeclared === false) {
      const msg = `The creator says ${platformLabelName(row.deliverable.platform)} is off on this post. Send it back so they turn it on, then verify the resubmitted post.`
      throw new ConflictError(msg, { attestations: [msg] })
    }
    const required = postAttestations(row.deliverable.platform, row.deliverable.format)
    const ticked = new Set(input.attestations)
    const unknown = input.attestations.filter((a) => !required.some((r) => r.id === a))
    if (unknown.length) throw new InvalidInputError('Reload the page and try again.')
    const missing = required.filter((r) => !ticked.has(r.id))
    if (missing.length) {
      const msg = `Tick every check you made on the live post: ${missing.map((m) => m.label).join('; ')}. If one fails, send the post back instead.`
      throw new InvalidInputError(msg, { attestations: [msg] })
    }
    const now = new Date()
    const attestations = Object.fromEntries(required.map((r) => [r.id, true]))
    await decidePost(
      tx,
      actor,
      row,
      { set: { status: verified, attestations, verifiedByUserId: actor.user.id, verifiedAt: now }, deliverableEvent: 'verify', action: 'post.verified', after: { status: verified, attestations } },
      now,
    )
    // An invoice already sent for this deliverable now passes its delivery check (and its payment clock may start).
    await rematchOpenInvoices(tx, actor.audit, { deliverableId: row.deliverable.id }, now)
  })
}
