import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Button, Card, EmptyState, Money, PageHeader, SelectField, Stat, TextField } from '#app/components/ui.tsx'
import { CostVsEmvChart, WeeklyChart } from '#app/components/report-chart.tsx'
import { formatMoneyExact } from '#app/components/format.ts'
import { formatMetric } from '#app/domain/metrics.ts'
import { TIERS, TIER_LABEL } from '#app/domain/tiers.ts'
import { PLATFORMS, PLATFORM_LABEL } from '#app/domain/catalog.ts'
import { reportColumns, type ColumnKind } from '#app/domain/report-columns.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getReportPage } from '#app/services/reports/get-report-page.server.ts'
import { emvFormulaOf } from '#app/domain/report-metrics.ts'
import { parseReportQuery } from '#app/validation/report-filters.ts'
import { cursorParam } from '#app/domain/keyset-cursor.ts'
import { Pager } from '#app/components/pager.tsx'
import { CampaignChoicesNote, CampaignFilter } from '#app/components/campaign-filter.tsx'

export const meta: MetaFunction = () => [{ title: 'Reports · Greenroom' }]

// Any member with report.view (admin, manager, finance, viewer).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'report.view')
  const url = new URL(args.request.url)
  const q = parseReportQuery(url)
  // One screen of the chosen grouping, the figures of the whole report, and the chart (getReportPage reads the
  // kept totals when it can, else computes the whole report; the CSV export always has every row).
  const page = await getReportPage(actor.brand, q, cursorParam.parse(url.searchParams.get('cursor') ?? undefined))
  // The table's columns depend on the brand's settings only: built here, so the report-columns module stays on the server.
  const emvFormula = emvFormulaOf(page.report.settings, page.report.currency)
  const cols = reportColumns({ engagementSet: page.report.settings.engagementSet, rateBasis: page.report.settings.rateBasis, emvFormula })
  return { slug: actor.brand.slug, q, ...page, cols, emvFormula }
}

export function showValue(kind: ColumnKind, v: unknown, currency: string): string {
  if (kind === 'text') return v === null || v === undefined ? '—' : String(v)
  const n = v === null || v === undefined ? null : Number(v)
  if (kind === 'money' || kind === 'unit-money') return formatMetric(n, 'money', currency)
  return formatMetric(n, kind)
}

export default function Reports() {
  const { slug, q, report, cols, rows, offset, nextCursor, prevCursor, totalRows, chart, creatorCount, creatorLabel, emvFormula } = useLoaderData<typeof loader>()
  const location = useLocation()
  const params = new URLSearchParams(location.search)
  const withParams = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) (v === null ? p.delete(k) : p.set(k, v))
    return `?${p}`
  }
  // A new sort or grouping starts again at the first page.
  const sortLink = (key: string) => withParams({ sort: key, dir: q.sort === key && q.dir === 'desc' ? 'asc' : 'desc', cursor: null })
  const money = (minor: number) => formatMoneyExact(minor, report.currency)
  const p = report.program
  const viewLabel = { creators: 'Per creator', collaborations: 'Per creator and campaign', campaigns: 'Per campaign' } as const
  const exportHref = `/b/${slug}/reports/export.csv${location.search}`
  return (
    <>
      <PageHeader
        title="Performance"
        subtitle="What each creator delivered, for what it cost."
        actions={
          <a className="btn btn-secondary" href={exportHref} download>
            Export CSV
          </a>
        }
      />
      <Card>
        <Form method="get" className="toolbar" aria-label="Report filters">
          <TextField label="From" name="from" type="date" defaultValue={q.from ?? ''} error={q.dayErrors.from} />
          <TextField label="To" name="to" type="date" defaultValue={q.to ?? ''} error={q.dayErrors.to} />
          <CampaignFilter campaigns={report.campaignOptions} defaultValue={q.campaign} />
          <SelectField label="Platform" name="platform" defaultValue={q.platform ?? ''} placeholder="All platforms" options={PLATFORMS.map((pl) => ({ value: pl, label: PLATFORM_LABEL[pl] }))} />
          <SelectField
            label="Tier"
            name="tier"
            defaultValue={q.tier ?? ''}
            placeholder="All tiers"
            options={TIERS.map((t) => ({ value: t, label: TIER_LABEL[t] }))}
          />
          <input type="hidden" name="view" value={q.view} />
          {q.creator ? <input type="hidden" name="creator" value={q.creator} /> : null}
          <Button type="submit">Apply</Button>
          {location.search ? (
            <Link to="." className="btn btn-ghost">
              Clear
            </Link>
          ) : null}
        </Form>
        <CampaignChoicesNote campaigns={report.campaignOptions} />
        {q.creator ? (
          <p className="small">
            Showing one creator: <strong>{creatorLabel ?? 'no collaborations in this period'}</strong>.{' '}
            <Link to={withParams({ creator: null, view: 'creators', cursor: null })}>Show every creator</Link>
          </p>
        ) : null}
      </Card>
      <div className="grid-4">
        <Stat label="Cost" value={money(p.costMinor)} hint={p.costBasis === 'fees' ? 'contracted fees (no ledger yet)' : p.costBasis === 'mixed' ? 'ledger, fees where no ledger' : 'from the cost ledger'} />
        <Stat label="Impressions" value={showValue('count', p.impressions, report.currency)} hint={`CPM ${showValue('unit-money', p.cpm, report.currency)}`} />
        <Stat label="Engagements" value={showValue('count', p.engagements, report.currency)} hint={`ER ${showValue('percent', p.engagementRate, report.currency)} by ${report.settings.rateBasis}`} />
        <Stat label="EMV" value={showValue('money', p.emv, report.currency)} hint={emvFormula} />
      </div>
      <p className="small muted" data-testid="orders-method">
        <strong>Orders and revenue:</strong> {report.ordersMethod}
      </p>
      {report.ordersApart.length ? (
        <p className="callout callout-warning small" role="status">
          Not in revenue or ROAS, because no exchange rate to {report.currency} is entered:{' '}
          {report.ordersApart.map((a, i) => (
            <span key={a.currency}>
              {i ? '; ' : ''}
              {a.orders} order{a.orders === 1 ? '' : 's'} in {a.currency} (<Money minor={a.netMinor} currency={a.currency} /> net)
            </span>
          ))}
          . <Link to={`/b/${slug}/attribution#rates`}>Enter a rate</Link>
        </p>
      ) : null}
      {report.otherCurrency > 0 ? (
        <p className="callout callout-warning small">
          {report.otherCurrency} collaboration(s) in another currency than {report.currency} are not included.
        </p>
      ) : null}
      <div className="grid-2">
        <Card title={creatorCount > chart.length ? `Cost vs EMV: the ${chart.length} highest-cost creators` : 'Cost vs EMV per creator'}>
          {chart.length ? (
            <CostVsEmvChart rows={chart} format={money} emvFormula={emvFormula} />
          ) : (
            <p className="muted">No data for these filters.</p>
          )}
        </Card>
        <Card title="Performance over time">
          {report.weekly.length ? <WeeklyChart weeks={report.weekly} /> : <p className="muted">No posts in this period.</p>}
        </Card>
      </div>
      <Card
        title={viewLabel[q.view]}
        actions={
          <nav className="cluster small" aria-label="Group by">
            {(['creators', 'collaborations', 'campaigns'] as const).map((v) => (
              <Link key={v} to={withParams({ view: v, cursor: null })} aria-current={q.view === v ? 'page' : undefined} className={q.view === v ? 'strong' : ''}>
                {viewLabel[v]}
              </Link>
            ))}
          </nav>
        }
      >
        {rows.length === 0 ? (
          <EmptyState title="Nothing to report yet">Collaborations show up here once a creator accepts an offer; numbers once posts are live and stats are in.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table-compact report-table">
              <thead>
                <tr>
                  <th scope="col" aria-sort={q.sort === 'label' ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <Link className="sort" to={sortLink('label')}>
                      {q.view === 'campaigns' ? 'Campaign' : 'Creator'}
                    </Link>
                  </th>
                  {cols
                    .filter((c) => q.view !== 'campaigns' || c.key !== 'tier')
                    .map((c) => (
                      <th key={c.key} scope="col" className={c.kind === 'text' ? '' : 'num'} title={c.definition} aria-sort={q.sort === c.key ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                        <Link className="sort" to={sortLink(c.key)} aria-describedby={`def-${c.key}`}>
                          {c.header}
                        </Link>
                      </th>
                    ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-row={r.label}>
                    <th scope="row" style={{ minWidth: '10rem' }}>
                      {r.creatorId && !q.creator ? (
                        <Link to={withParams({ creator: r.creatorId, view: 'collaborations', cursor: null })} title={`Only ${r.label}'s collaborations`}>
                          {r.label}
                        </Link>
                      ) : (
                        r.label
                      )}
                      {r.sublabel ? <div className="muted small">{r.sublabel}</div> : null}
                    </th>
                    {cols
                      .filter((c) => q.view !== 'campaigns' || c.key !== 'tier')
                      .map((c) => (
                        <td key={c.key} className={c.kind === 'text' ? '' : 'num'} data-col={c.key} title={c.key === 'emv' ? (r.emvDetail ?? emvFormula) : undefined}>
                          {showValue(c.kind, (r as unknown as Record<string, unknown>)[c.key], report.currency)}
                          {c.key === 'costMinor' && r.costBasis !== 'ledger' ? <span className="muted xsmall"> {r.costBasis === 'fees' ? 'fees' : 'mixed'}</span> : null}
                        </td>
                      ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {cols
                    .filter((c) => q.view !== 'campaigns' || c.key !== 'tier')
                    .map((c) => (
                      <td key={c.key} className={c.kind === 'text' ? '' : 'num'}>
                        {c.key === 'tier' ? '' : showValue(c.kind, (p as unknown as Record<string, unknown>)[c.key], report.currency)}
                      </td>
                    ))}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {totalRows > rows.length ? (
          <p className="small" data-testid="report-page">
            Rows {offset + 1}–{offset + rows.length} of {totalRows} in this order; the Total row is of all {totalRows}.{' '}
            <Link to={withParams({ all: '1', cursor: null })}>Show all {totalRows}</Link> or export the CSV.
          </p>
        ) : null}
        <Pager prev={prevCursor ? withParams({ cursor: prevCursor, all: null }) : null} next={nextCursor ? withParams({ cursor: nextCursor, all: null }) : null} />
        <details className="small" style={{ marginTop: '0.75rem' }}>
          <summary>Definitions</summary>
          <dl className="dl-stacked">
            {cols.map((c) => (
              <div key={c.key}>
                <dt>{c.header}</dt>
                <dd id={`def-${c.key}`}>{c.definition}</dd>
              </div>
            ))}
          </dl>
        </details>
      </Card>
    </>
  )
}
