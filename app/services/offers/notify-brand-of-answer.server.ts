import { createElement } from 'react'
import type { Tx } from '#db/index.ts'
import { config } from '#app/config.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { getBrandManagerEmails } from '#app/services/brands/get-brand-manager-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { OfferAnsweredEmail } from '#emails/offer-answered.tsx'

/** Email the brand's managers and admins that a creator (or their agent) answered an offer. */
export async function notifyBrandOfAnswer(
  tx: Tx,
  actor: CreatorActor,
  o: { offerId: string; brandId: string; brandSlug: string; campaignId: string; campaignName: string; creatorName: string },
  answer: 'accepted' | 'declined' | 'countered',
  detail: string | null,
) {
  const to = await getBrandManagerEmails(tx, o.brandId)
  if (to.length === 0) return
  await enqueueEmail(tx, {
    template: `offer-${answer}`,
    to,
    subject: `${o.creatorName} ${answer} your offer for ${o.campaignName}`,
    element: createElement(OfferAnsweredEmail, {
      answer,
      creatorName: o.creatorName,
      answeredBy: actor.via.kind === 'agent' ? `${actor.user.name} (${actor.via.agencyName})` : null,
      campaignName: o.campaignName,
      detail,
      url: `${config().appUrl}/b/${o.brandSlug}/campaigns/${o.campaignId}/offers`,
    }),
  })
}
