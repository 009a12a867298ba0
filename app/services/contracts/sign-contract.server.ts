import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { ESIGN_CONSENT } from '#app/domain/contracts.ts'
import { contractMachine } from '#app/domain/state-machines.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'
import { insertSignature } from './insert-signature.server.ts'
import { supersededMessage } from './superseded-message.server.ts'

export interface SignInput {
  contractId: string
  /** The fingerprint shown on the page the signer read: it must still be the document's. */
  documentSha256: string
}

/**
 * The creator (or an agent whose grant has the "answer offers" scope: the route's guard) signs one contract
 * version. The row is locked and the signature is unique per party, so a double click or two tabs sign once;
 * a superseded version, a changed document or a second signature are refused with a sentence and write nothing.
 */
export async function signContract(actor: Pick<CreatorActor, 'creator' | 'user' | 'via' | 'audit' | 'meta'>, input: SignInput, now = new Date()) {
  return db().transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(schema.contracts)
      .where(and(eq(schema.contracts.id, input.contractId), eq(schema.contracts.creatorId, actor.creator.id)))
      .for('update')
    if (!c) throw new NotFoundError('That contract')
    if (c.status === 'superseded') throw new ConflictError(await supersededMessage(tx, c))
    const [mine] = await tx
      .select({ id: schema.contractSignatures.id })
      .from(schema.contractSignatures)
      .where(and(eq(schema.contractSignatures.contractId, c.id), eq(schema.contractSignatures.party, 'creator')))
    if (mine || !contractMachine.can(c.status, 'creator_sign')) return { already: true as const, contract: c }
    const to = contractMachine.next(c.status, 'creator_sign')
    const agent = actor.via.kind === 'agent' ? actor.via : null
    const sig = await insertSignature(tx, c, actor, input.documentSha256, { party: 'creator', onBehalfOfCreatorId: agent ? actor.creator.id : null, agencyId: agent?.agencyId ?? null }, now)
    if (!sig) return { already: true as const, contract: c }
    const [updated] = await tx
      .update(schema.contracts)
      .set({ status: to, updatedAt: now })
      .where(and(eq(schema.contracts.id, c.id), inArray(schema.contracts.status, contractMachine.sources('creator_sign'))))
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: c.brandId,
      action: 'contract.signed',
      entityType: 'contract',
      entityId: c.id,
      before: { status: c.status },
      after: {
        status: to,
        version: c.version,
        party: 'creator',
        documentSha256: c.documentSha256,
        signerUserId: actor.user.id,
        agencyId: agent?.agencyId ?? null,
        consent: ESIGN_CONSENT,
      },
    })
    return { already: false as const, contract: updated! }
  })
}
