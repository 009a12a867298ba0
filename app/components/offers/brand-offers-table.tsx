import type { SerializeFrom } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { Button, Chip, DateTime, EmptyState, Money, StatusChip, TextareaField } from '#app/components/ui.tsx'
import { deliverableLabel, moneyWords } from '#app/domain/offer-terms.ts'
import type { CampaignOfferRow } from '#app/services/campaigns/get-campaign.server.ts'

/** One offer of the campaign as the loader sends it (dates arrive as strings). */
export type BrandOfferView = SerializeFrom<CampaignOfferRow>

/** The campaign's offers: who, what, the fee (and the counter asked), where each stands; managers answer and withdraw. */
export function BrandOffersTable({ offers, canSend, briefVersion }: { offers: BrandOfferView[]; canSend: boolean; briefVersion: number }) {
  if (offers.length === 0) return <EmptyState title="No offers yet">Pick creators from your roster below and send them an offer.</EmptyState>
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Creator</th>
            <th scope="col">Deliverables</th>
            <th scope="col" className="col-num">
              Fee
            </th>
            <th scope="col">Status</th>
            {canSend ? <th scope="col">Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {offers.map((o) => (
            <tr key={o.id} data-offer={o.id}>
              <td>
                <strong>{o.creatorName}</strong>
                {o.representedBy ? <div className="muted small">Represented by {o.representedBy}</div> : null}
              </td>
              <td className="small">{o.deliverables.map(deliverableLabel).join(', ')}</td>
              <td className="col-num">
                <Money minor={o.feeMinor} currency={o.currency} />
                {o.status === 'countered' && o.counterFeeMinor !== null ? (
                  <div className="small">
                    asks <Money minor={o.counterFeeMinor} currency={o.currency} />
                  </div>
                ) : null}
              </td>
              <td>
                <OfferStanding offer={o} briefVersion={briefVersion} />
              </td>
              {canSend ? (
                <td>
                  <OfferActions offer={o} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Status, its date, whether the current brief was acknowledged, and the creator's note on a decline. */
function OfferStanding({ offer: o, briefVersion }: { offer: BrandOfferView; briefVersion: number }) {
  return (
    <>
      <StatusChip status={o.status} />
      <div className="muted small">
        {o.status === 'invited' && o.expiresAt ? (
          <>
            expires <DateTime value={o.expiresAt} dateOnly />
          </>
        ) : o.acceptedAt ? (
          <>
            accepted <DateTime value={o.acceptedAt} dateOnly />
          </>
        ) : null}
      </div>
      {o.acceptedAt && briefVersion > (o.acknowledgedBriefVersion ?? 0) ? (
        <Chip tone="warning">Brief v{briefVersion} not yet acknowledged</Chip>
      ) : o.acceptedAt ? (
        <div className="muted small">Brief v{o.acknowledgedBriefVersion} acknowledged</div>
      ) : null}
      {o.status === 'declined' && o.responseNote ? <div className="small">“{o.responseNote}”</div> : null}
    </>
  )
}

/** Accept or decline a counter-offer; withdraw an offer still open. */
function OfferActions({ offer: o }: { offer: BrandOfferView }) {
  return (
    <>
      {o.status === 'countered' ? (
        <div className="stack-sm">
          {o.counterNote ? <p className="small">“{o.counterNote}”</p> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="accept-counter" />
            <input type="hidden" name="offerId" value={o.id} />
            <Button type="submit" variant="primary" className="btn-sm">
              Accept {moneyWords(o.counterFeeMinor ?? o.feeMinor, o.currency)}
            </Button>
          </Form>
          <details>
            <summary className="small">Decline with a note</summary>
            <Form method="post" className="stack-sm">
              <input type="hidden" name="intent" value="decline-counter" />
              <input type="hidden" name="offerId" value={o.id} />
              <TextareaField label="Note to the creator" name="note" rows={2} />
              <Button type="submit" className="btn-sm">
                Decline counter
              </Button>
            </Form>
          </details>
        </div>
      ) : null}
      {o.status === 'invited' || o.status === 'countered' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="offerId" value={o.id} />
          <Button type="submit" variant="ghost" className="btn-sm">
            Withdraw
          </Button>
        </Form>
      ) : null}
    </>
  )
}
