import { Chip, DateTime, EmptyState, LinkButton, Card } from '#app/components/ui.tsx'
import { FollowerChart } from '#app/components/follower-chart.tsx'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { formatGrowth } from '#app/domain/roster.ts'
import { TIER_LABEL, type Tier } from '#app/domain/tiers.ts'

const nf = new Intl.NumberFormat('en-US')

export interface RosterAccount {
  id: string
  platform: string
  handle: string
  enteredBy: 'creator' | 'brand'
  countsVisible: boolean
  followers: number | null
  followersAt: string | Date | null
  tier: string | null
  growth90dBp: number | null
  rising: boolean
  engagementRate: number | null
  history: { capturedAt: string | Date; followers: number; source: string }[]
  flags: { kind: string; message: string; to: { capturedAt: string | Date } }[]
}

/** A creator's social accounts on the roster profile: theirs (labelled), and the ones this brand tracks (labelled brand-entered). */
export function CreatorAccountsCard({ accounts, canEdit, name }: { accounts: RosterAccount[]; canEdit: boolean; name: string }) {
  return (
    <Card title={`Social accounts (${accounts.length})`}>
      {accounts.length === 0 ? (
        <EmptyState title="No accounts recorded" action={canEdit ? <LinkButton to="accounts">Track an account</LinkButton> : undefined}>
          Add the handles and follower counts you know to see reach, tier and growth. What you record is yours: other brands never see it.
        </EmptyState>
      ) : (
        <div className="roster-accounts">
          {accounts.map((a) => (
            <section key={a.id} className="roster-account" aria-label={`${PLATFORM_LABEL[a.platform as Platform] ?? a.platform} @${a.handle}`}>
              <div className="cluster">
                <strong>
                  {PLATFORM_LABEL[a.platform as Platform] ?? a.platform} @{a.handle}
                </strong>
                {a.enteredBy === 'brand' ? (
                  <Chip title="You recorded this account; only your brand sees it and its readings.">Brand-entered</Chip>
                ) : (
                  <Chip tone="info" title={`${name} keeps this account current.`}>
                    From {name}
                  </Chip>
                )}
                {a.tier ? <Chip>{TIER_LABEL[a.tier as Tier]}</Chip> : null}
                {a.rising ? <Chip tone="success">Rising</Chip> : null}
              </div>
              {a.countsVisible && a.followers !== null ? (
                <>
                  <p className="small">
                    <span className="num">{nf.format(a.followers)}</span> followers
                    {a.followersAt ? (
                      <span className="muted">
                        {' '}
                        (as of <DateTime value={a.followersAt} dateOnly />)
                      </span>
                    ) : null}{' '}
                    · 90 days: <strong>{formatGrowth(a.growth90dBp)}</strong> · engagement rate on your posts:{' '}
                    {a.engagementRate === null ? <span className="muted">no results yet</span> : <strong>{(a.engagementRate * 100).toFixed(1)}%</strong>}
                  </p>
                  <FollowerChart points={a.history} label={`${a.platform} @${a.handle} followers`} flaggedAt={a.flags.map((f) => f.to.capturedAt)} />
                  {a.flags.length ? (
                    <ul className="plain roster-flags" aria-label="Follower-count checks">
                      {a.flags.map((f, i) => (
                        <li key={i}>
                          <Chip tone={f.kind === 'jump_flat_engagement' ? 'danger' : 'warning'}>{f.kind === 'sudden_drop' ? 'Drop' : 'Check followers'}</Chip> {f.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : (
                <p className="small muted">Follower counts are shared once you work together (an accepted offer or invitation). Track the account yourself to record your own readings.</p>
              )}
            </section>
          ))}
        </div>
      )}
    </Card>
  )
}
