import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, Chip, DateTime, EmptyState, PageHeader } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { ADS_PERMISSION_LABEL } from '#app/domain/contracts.ts'
import { RIGHTS_STATUS_LABEL, type RightsStatus } from '#app/domain/rights.ts'
import { listRights } from '#app/services/contracts/list-rights.server.ts'

export const meta: MetaFunction = () => [{ title: 'Usage rights · Greenroom' }]

// Every member of the brand may see what content it may still use.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  return { slug: actor.brand.slug, items: await listRights(actor.brand.id) }
}

const TONE: Record<RightsStatus, 'success' | 'warning' | 'danger' | 'neutral' | 'info'> = { active: 'success', ending: 'warning', expired: 'danger', upcoming: 'info', perpetual: 'neutral' }
const GROUPS: RightsStatus[] = ['ending', 'active', 'upcoming', 'perpetual', 'expired']

export default function RightsPage() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Usage rights" subtitle="What you may still do with each creator's content, from the signed contracts." />
      {d.items.length === 0 ? (
        <EmptyState title="No usage rights yet">Rights appear here once a contract that licenses usage is signed by the creator and countersigned by the brand.</EmptyState>
      ) : null}
      {GROUPS.map((g) => {
        const rows = d.items.filter((i) => i.status === g)
        if (!rows.length) return null
        return (
          <Card key={g} title={`${RIGHTS_STATUS_LABEL[g]} (${rows.length})`}>
            <ul className="list">
              {rows.map((i) => (
                <li key={i.id} className="list-row" data-testid="rights-row">
                  <div className="stack-sm">
                    <span className="cluster">
                      <strong>{i.creatorName}</strong>
                      <span>
                        {i.deliverable} · {i.campaignName}
                      </span>
                      <Chip tone={TONE[i.status]}>
                        {RIGHTS_STATUS_LABEL[i.status]}
                        {i.status === 'ending' || i.status === 'active' ? ` · ${i.daysLeft} day${i.daysLeft === 1 ? '' : 's'} left` : ''}
                      </Chip>
                    </span>
                    <span className="small">
                      {[i.organic ? 'Organic repost' : null, i.paidAds ? 'Paid ads / whitelisting' : null].filter(Boolean).join(' + ')} · {i.channels.join(', ')} · {i.territory}
                    </span>
                    <span className="small">
                      <DateTime value={i.startsOn} dateOnly /> – {i.endsOn ? <DateTime value={i.endsOn} dateOnly /> : 'no end (perpetual)'}
                      {i.endsOn ? ` (until the end of that day, ${i.timeZone})` : ''}
                    </span>
                    {i.ads.map((a) => (
                      <span key={a.id} className={a.outlives ? 'small callout callout-danger' : 'small'}>
                        {ADS_PERMISSION_LABEL[a.kind]}
                        {a.code ? `: ${a.code}` : ''} · {a.expiresOn ? `expires ${a.expiresOn}` : 'no expiry'}
                        {a.outlives ? ' — outlives the licence: stop the ads when the licence ends.' : ''}
                      </span>
                    ))}
                    <span className="small cluster">
                      {i.postUrl ? (
                        <a href={i.postUrl} rel="noreferrer noopener" target="_blank">
                          Live post
                        </a>
                      ) : (
                        <span className="muted">Not posted yet</span>
                      )}
                      <Link to={`/b/${d.slug}/contracts/${i.contractId}`}>Contract</Link>
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )
      })}
    </>
  )
}
