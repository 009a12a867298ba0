import { Link } from '@remix-run/react'
import { Money } from '#app/components/ui.tsx'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { FEE_FAR_OUTSIDE_FACTOR } from '#app/domain/roster.ts'
import { TIER_LABEL } from '#app/domain/tiers.ts'
import type { FeeGuidance } from '#app/services/roster/get-fee-guidance.server.ts'

/** What the loader sends: the service's answer as it is. */
export type FeeGuidanceView = FeeGuidance

const labelOf = (kinds: string) =>
  kinds
    .split(',')
    .filter(Boolean)
    .map((k) => {
      const [platform = '', format = ''] = k.split(':')
      return deliverableLabel({ platform, format })
    })
    .join(', ')

/**
 * The brand's own history for the deliverable being offered: median fee per deliverable, median CPM
 * and CPE achieved, this creator's past fees, and a warning when the proposed fee is far outside.
 * Internal to the brand: never rendered on a creator-facing page.
 */
export function FeeGuidance({ g, pending = false, rosterHref }: { g: FeeGuidanceView; pending?: boolean; rosterHref?: string }) {
  const what = deliverableLabel({ platform: g.platform, format: g.format })
  const tone = g.verdict === 'far_above' || g.verdict === 'far_below' ? 'callout-warning' : 'callout-info'
  return (
    <section className={`callout ${tone} fee-guidance`} aria-live="polite" aria-busy={pending} aria-labelledby="fee-guidance-title">
      <p className="callout-title" id="fee-guidance-title">
        Fee guidance: {what}
        {g.tier ? `, ${TIER_LABEL[g.tier]} creators` : ', all tiers'}
      </p>
      {g.verdict === 'far_above' && g.medianFeePerDeliverableMinor !== null && g.proposedPerDeliverableMinor !== null ? (
        <p role="alert">
          <strong>
            <Money minor={g.proposedPerDeliverableMinor} currency={g.currency} /> per deliverable is more than {FEE_FAR_OUTSIDE_FACTOR}× your median of{' '}
            <Money minor={g.medianFeePerDeliverableMinor} currency={g.currency} />.
          </strong>{' '}
          Check the deliverables and usage terms justify it.
        </p>
      ) : g.verdict === 'far_below' && g.medianFeePerDeliverableMinor !== null && g.proposedPerDeliverableMinor !== null ? (
        <p role="alert">
          <strong>
            <Money minor={g.proposedPerDeliverableMinor} currency={g.currency} /> per deliverable is less than half your median of{' '}
            <Money minor={g.medianFeePerDeliverableMinor} currency={g.currency} />.
          </strong>{' '}
          A low offer is often declined or countered.
        </p>
      ) : null}
      {g.comparables === 0 ? (
        <p className="small">No past collaborations of yours for {what}{g.tier ? ` with ${TIER_LABEL[g.tier].toLowerCase()} creators` : ''} yet: this offer starts your history.</p>
      ) : (
        <dl className="fee-guidance-figures">
          <div>
            <dt>Median fee / deliverable</dt>
            <dd>{g.medianFeePerDeliverableMinor === null ? '—' : <Money minor={g.medianFeePerDeliverableMinor} currency={g.currency} />}</dd>
          </div>
          <div>
            <dt>Median CPM</dt>
            <dd>{g.medianCpmMinor === null ? '—' : <Money minor={Math.round(g.medianCpmMinor)} currency={g.currency} />}</dd>
          </div>
          <div>
            <dt>Median CPE</dt>
            <dd>{g.medianCpeMinor === null ? '—' : <Money minor={Math.round(g.medianCpeMinor)} currency={g.currency} />}</dd>
          </div>
          <div>
            <dt>From</dt>
            <dd>
              {g.comparables} collaboration{g.comparables === 1 ? '' : 's'}
              {g.measured < g.comparables ? ` (${g.measured} with results)` : ''}
            </dd>
          </div>
        </dl>
      )}
      {g.creatorName ? (
        g.creatorPastFees.length ? (
          <div className="small">
            <strong>{g.creatorName}’s past fees with you:</strong>
            <ul className="plain">
              {g.creatorPastFees.slice(0, 5).map((f) => (
                <li key={f.offerId}>
                  {f.agreedAt.slice(0, 10)} · {labelOf(f.label) || 'no deliverables'}: <Money minor={f.feeMinor} currency={f.currency} />
                  {f.deliverables > 1 ? (
                    <>
                      {' '}
                      (<Money minor={f.perDeliverableMinor} currency={f.currency} /> each)
                    </>
                  ) : null}
                  {f.sameFormat ? <span className="muted"> · same format</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="small">{g.creatorName} has no agreed fees with you yet.</p>
        )
      ) : (
        <p className="small muted">Pick a creator to compare with their tier and see their past fees.</p>
      )}
      {rosterHref ? (
        <p className="xsmall muted">
          Fees per deliverable are offer fees divided by their deliverables, in your currency. <Link to={rosterHref}>Roster</Link>
        </p>
      ) : null}
    </section>
  )
}
