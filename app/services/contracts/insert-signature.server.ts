import { schema, type Tx } from '#db/index.ts'
import type { RequestMeta } from '#app/auth/guards.server.ts'
import { ESIGN_CONSENT } from '#app/domain/contracts.ts'
import { ConflictError } from '#app/utils/errors.ts'

type Contract = typeof schema.contracts.$inferSelect
type Party = Pick<typeof schema.contractSignatures.$inferInsert, 'party' | 'onBehalfOfCreatorId' | 'agencyId' | 'brandRole'>

/**
 * One party's signature on the locked contract row: refused when the page the signer read showed another
 * fingerprint, stored with who, when, IP, user agent, the document's SHA-256 and the consent line. Unique per
 * party, so a second tab gets `undefined` back and the caller answers "already signed".
 */
export async function insertSignature(
  tx: Tx,
  c: Contract,
  signer: { user: { id: string; name: string; email: string }; meta: RequestMeta },
  readSha256: string,
  party: Party,
  now: Date,
) {
  if (readSha256 !== c.documentSha256) {
    throw new ConflictError('This contract is not the document you read (its fingerprint differs). Reload the page, read it again and sign.')
  }
  const [sig] = await tx
    .insert(schema.contractSignatures)
    .values({
      contractId: c.id,
      ...party,
      userId: signer.user.id,
      signerName: signer.user.name,
      signerEmail: signer.user.email,
      signedAt: now,
      ip: signer.meta.ip,
      userAgent: signer.meta.userAgent?.slice(0, 400) ?? null,
      documentSha256: c.documentSha256,
      consentText: ESIGN_CONSENT,
    })
    .onConflictDoNothing()
    .returning()
  return sig
}
