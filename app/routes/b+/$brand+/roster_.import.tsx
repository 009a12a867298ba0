import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Card, Chip, PageHeader } from '#app/components/ui.tsx'
import { CsvColumnsCard, CsvFileCard, CsvImportButton, SkippedRows } from '#app/components/csv-import.tsx'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { ROSTER_CSV_COLUMNS, ROSTER_CSV_EXAMPLE, type ImportOutcome } from '#app/domain/roster.ts'
import { importRosterCsv } from '#app/services/roster/import-roster-csv.server.ts'
import { previewOrImport, skippedRowsSentence } from '#app/validation/csv-upload.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Import creators · Roster · Greenroom' }]

// Managers and admins.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.edit')
  return { slug: actor.brand.slug }
}

// Managers and admins: preview (nothing stored), then import the good rows.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.edit')
  return handleAction(() =>
    previewOrImport(
      args.request,
      (csv, opts) => importRosterCsv(actor, csv, opts),
      (r) => {
        const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
        return redirectWithFlash(
          `/b/${actor.brand.slug}/roster?sort=added&dir=desc`,
          r.addedToRoster || r.accountsAdded
            ? `Added ${plural(r.addedToRoster, 'creator')} to your roster and ${plural(r.accountsAdded, 'social account')}.${skippedRowsSentence(r.errors)}`
            : `Nothing new: every creator in the file was already on your roster.${skippedRowsSentence(r.errors)}`,
        )
      },
    ),
  )
}

const OUTCOME: Record<ImportOutcome, { label: string; tone: 'success' | 'info' | 'neutral' }> = {
  new: { label: 'New', tone: 'success' },
  on_roster: { label: 'On roster', tone: 'neutral' },
  same_creator: { label: 'Merged', tone: 'neutral' },
}
const n = new Intl.NumberFormat('en-US')

export default function ImportRoster() {
  const { slug } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const failure = failureOf(data)
  const preview = data && 'preview' in data ? data : null
  const previewing = useIsPending({ intent: 'preview' })
  const importing = useIsPending({ intent: 'import' })
  const p = preview?.preview
  // After "Preview", bring the preview into view and move focus to it (it used to render out of sight).
  const previewRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!preview) return
    previewRef.current?.scrollIntoView({ block: 'start' })
    previewRef.current?.focus({ preventScroll: true })
  }, [preview])
  const willChange = p ? p.addedToRoster + p.accountsAdded + p.rows.filter((r) => r.outcome === 'on_roster' && r.tags.length).length : 0
  return (
    <>
      <PageHeader title="Import creators" subtitle="Add creators to your roster in bulk from a spreadsheet." back={{ to: `/b/${slug}/roster`, label: 'Roster' }} />
      {/* The preview goes where the eye is: right under the header (above the column reference), counts first. */}
      {preview && p ? (
        <div ref={previewRef} tabIndex={-1} id="import-preview" className="focus-target">
        <Card title={`2. Check the preview${preview.fileName ? ` of ${preview.fileName}` : ''}`}>
          <p>
            <strong>{p.addedToRoster}</strong> creator{p.addedToRoster === 1 ? '' : 's'} to add to your roster, <strong>{p.accountsAdded}</strong> social account
            {p.accountsAdded === 1 ? '' : 's'}
            {p.errors.length ? (
              <>
                , <strong>{p.errors.length}</strong> row{p.errors.length === 1 ? '' : 's'} with problems (skipped)
              </>
            ) : null}
            . Nobody is emailed: invite creators from their profile when you are ready.
          </p>
          <SkippedRows errors={p.errors} />
          {p.rows.length > 0 ? (
            <div className="table-wrap">
              <table className="table-compact">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">Creator</th>
                    <th scope="col">Account · followers</th>
                    <th scope="col">What happens</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((r) => (
                    <tr key={r.line} data-line={r.line}>
                      <td className="num">{r.line}</td>
                      <td>
                        {r.name}
                        <div className="muted small">{r.email}</div>
                        {r.tags.length ? <div className="muted small">Tags: {r.tags.join(', ')}</div> : null}
                      </td>
                      <td>
                        {r.handle ? `${PLATFORM_LABEL[r.platform as Platform] ?? r.platform} @${r.handle}` : '—'}
                        {r.followers === null ? null : <div className="muted small num">{n.format(r.followers)} followers</div>}
                      </td>
                      <td className="roster-import-outcome">
                        <Chip tone={OUTCOME[r.outcome].tone}>{OUTCOME[r.outcome].label}</Chip> <span className="small">{r.note}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {willChange > 0 ? (
            <CsvImportButton csv={preview.csv} rows={p.rows.length} pending={importing} />
          ) : (
            <p className="muted">Nothing to import from this file.</p>
          )}
        </Card>
        </div>
      ) : null}
      <div className="split">
        <div className="stack">
          <CsvFileCard failure={failure} pending={previewing} />
        </div>
        <CsvColumnsCard
          intro="The first row names the columns (any order, case does not matter). One row per social account; repeat the email for a creator's other accounts."
          columns={ROSTER_CSV_COLUMNS}
          example={ROSTER_CSV_EXAMPLE}
          footnote="Creators are matched by email and by platform + handle, so importing the same file twice adds nobody twice."
        />
      </div>
    </>
  )
}
