import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button, Card, EmptyState, Money, PageHeader, SelectField, Stat } from '#app/components/ui.tsx'
import { BudgetSummary } from '#app/components/budget-summary.tsx'
import { formatMetric } from '#app/domain/metrics.ts'
import { getProgramSummary } from '#app/services/brands/get-program-summary.server.ts'
import { PROGRAM_PERIODS, type ProgramPeriod } from '#app/domain/program-period.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getBrandOverview } from '#app/services/brands/get-brand-overview.server.ts'
import { getAtRiskTop } from '#app/services/brands/get-at-risk.server.ts'
import { AtRiskList } from '#app/components/at-risk-list.tsx'

export const meta: MetaFunction = () => [{ title: 'Home · Greenroom' }]

// Any member of the brand.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  const raw = new URL(args.request.url).searchParams.get('period') ?? ''
  const period: ProgramPeriod = raw in PROGRAM_PERIODS ? (raw as ProgramPeriod) : '90d'
  // The most urgent first; a home page lists a screenful, not hundreds (and the database sends no more).
  const [overview, { items: atRisk, total: atRiskTotal }, program] = await Promise.all([
    getBrandOverview(actor.brand.id),
    getAtRiskTop(actor.brand.id, AT_RISK_ON_HOME),
    getProgramSummary(actor, period),
  ])
  return { brand: { slug: actor.brand.slug, name: actor.brand.name }, role: actor.role, user: actor.user.name, overview, atRisk, atRiskTotal, program }
}

/** At-risk items listed on the home page, most urgent first. */
const AT_RISK_ON_HOME = 25

export default function BrandHome() {
  const { brand, role, user, overview, atRisk, atRiskTotal, program } = useLoaderData<typeof loader>()
  const base = `/b/${brand.slug}`
  const reportLink = roleCan(role, 'report.view') ? `${base}/reports?from=${program.range.from}&to=${program.range.to}` : undefined
  return (
    <>
      <PageHeader title={`Hi ${user.split(' ')[0]}`} subtitle={`${brand.name} influencer program`} />
      <Card
        title={`Program · ${PROGRAM_PERIODS[program.period].toLowerCase()}`}
        actions={
          <Form method="get" className="cluster">
            <SelectField label="Period" name="period" defaultValue={program.period} options={Object.entries(PROGRAM_PERIODS).map(([value, label]) => ({ value, label }))} />
            <Button type="submit">Show</Button>
          </Form>
        }
      >
        <div className="stack">
          <div className="grid-4">
            <Stat label="Posts live" value={program.posts} hint={`Published ${program.range.from} – ${program.range.to}`} to={roleCan(role, 'post.verify') ? `${base}/posts` : reportLink} />
            <Stat label="Reach" value={formatMetric(program.reach, 'count')} hint="Accounts reached, latest snapshot per post" to={reportLink} />
            <Stat label="EMV" value={formatMetric(program.emv, 'money', program.currency)} hint={`Estimate, not ROI: ${program.emvFormula}`} to={reportLink} />
            <Stat
              label="Orders (net of refunds)"
              value={program.redemptions}
              hint={
                <>
                  <Money minor={program.revenueMinor} currency={program.currency} /> net revenue
                </>
              }
              to={roleCan(role, 'post.verify') ? `${base}/attribution` : reportLink}
            />
          </div>
          <div>
            <h3 className="section-title">Spend vs budget (all campaigns)</h3>
            {roleCan(role, 'report.view') ? (
              <Link to={`${base}/budget`} className="block-link" aria-label="Open the budget">
                <BudgetSummary b={program.spend} />
              </Link>
            ) : (
              <BudgetSummary b={program.spend} />
            )}
          </div>
        </div>
      </Card>
      <div className="grid-4">
        <Stat label="Drafts to review" value={overview.draftsToReview} to={roleCan(role, 'content.review') ? `${base}/review` : undefined} />
        <Stat label="Creators on the roster" value={overview.rosterCount} to={roleCan(role, 'roster.view') ? `${base}/roster` : undefined} />
        <Stat label="Team members" value={overview.memberCount} to={roleCan(role, 'brand.members') ? `${base}/members` : undefined} />
        <Stat label="Invitations waiting" value={overview.pendingInvitations} to={roleCan(role, 'brand.members') ? `${base}/members` : undefined} />
      </div>
      <Card title={atRiskTotal ? `At risk (${atRiskTotal})` : 'At risk'}>
        {atRisk.length ? (
          <>
            <AtRiskList items={atRisk} base={base} />
            {atRiskTotal > atRisk.length ? (
              <p className="small muted">
                The {atRisk.length} most urgent of {atRiskTotal}. The rest follow as these are dealt with; the daily reminder email lists each person&apos;s own.
              </p>
            ) : null}
          </>
        ) : (
          <EmptyState title="Nothing at risk">
            Late drafts, overdue posts and reviews waiting too long will show up here once campaigns are running.
          </EmptyState>
        )}
      </Card>
      {roleCan(role, 'roster.edit') && overview.rosterCount === 0 ? (
        <Card title="Get started">
          <p>
            Add the creators you work with: <Link to={`${base}/roster`}>invite a creator by email</Link>.
          </p>
        </Card>
      ) : null}
    </>
  )
}
