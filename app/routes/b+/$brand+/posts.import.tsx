import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Card, PageHeader } from '#app/components/ui.tsx'
import { CsvColumnsCard, CsvFileCard, CsvImportButton, SkippedRows } from '#app/components/csv-import.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { METRICS_CSV_COLUMNS, METRICS_CSV_EXAMPLE } from '#app/domain/metrics-csv.ts'
import { importMetricsCsv } from '#app/services/metrics/import-metrics-csv.server.ts'
import { previewOrImport, skippedRowsSentence } from '#app/validation/csv-upload.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Import metrics · Greenroom' }]

// Managers and admins.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  return { slug: actor.brand.slug }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  return handleAction(() =>
    previewOrImport(
      args.request,
      (csv, opts) => importMetricsCsv(actor, csv, opts),
      (result) =>
        redirectWithFlash(
          `/b/${actor.brand.slug}/posts?status=all`,
          result.inserted
            ? `Imported ${result.inserted} snapshot${result.inserted === 1 ? '' : 's'}.${skippedRowsSentence(result.errors)}`
            : `Nothing new to import: these rows were imported before.${skippedRowsSentence(result.errors)}`,
        ),
    ),
  )
}

const n = new Intl.NumberFormat('en-US')

export default function ImportMetrics() {
  const { slug } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const failure = failureOf(data)
  const preview = data && 'preview' in data ? data : null
  const previewing = useIsPending({ intent: 'preview' })
  const importing = useIsPending({ intent: 'import' })
  const fresh = preview ? preview.preview.rows.filter((r) => !r.duplicate).length : 0
  return (
    <>
      <PageHeader title="Import metrics" subtitle="Upload post numbers from a spreadsheet or a platform export." back={{ to: `/b/${slug}/posts`, label: 'Live posts' }} />
      <div className="split">
        <div className="stack">
          <CsvFileCard failure={failure} pending={previewing} />
          {preview ? (
            <Card title={`2. Check the preview${preview.fileName ? ` of ${preview.fileName}` : ''}`}>
              <p>
                <strong>{fresh}</strong> new row{fresh === 1 ? '' : 's'} to import
                {preview.preview.rows.length - fresh > 0 ? `, ${preview.preview.rows.length - fresh} already imported (skipped)` : ''}
                {preview.preview.errors.length > 0 ? `, ${preview.preview.errors.length} with problems (skipped)` : ''}.
              </p>
              <SkippedRows errors={preview.preview.errors} />
              {preview.preview.rows.length > 0 ? (
                <div className="table-wrap">
                  <table className="table-compact">
                    <thead>
                      <tr>
                        <th scope="col">Line</th>
                        <th scope="col">Creator</th>
                        <th scope="col">Captured</th>
                        <th scope="col" className="num">Impressions</th>
                        <th scope="col" className="num">Views</th>
                        <th scope="col" className="num">Likes</th>
                        <th scope="col"></th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.preview.rows.map((r) => (
                        <tr key={r.line}>
                          <td className="num">{r.line}</td>
                          <td>{r.creatorName}</td>
                          <td>{r.capturedAt.slice(0, 10)}</td>
                          <td className="num">{r.values.impressions === null ? '—' : n.format(r.values.impressions)}</td>
                          <td className="num">{r.values.views === null ? '—' : n.format(r.values.views)}</td>
                          <td className="num">{r.values.likes === null ? '—' : n.format(r.values.likes)}</td>
                          <td>{r.duplicate ? <span className="muted small">already imported</span> : null}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {fresh > 0 ? <CsvImportButton csv={preview.csv} rows={fresh} pending={importing} /> : null}
            </Card>
          ) : null}
        </div>
        <CsvColumnsCard
          intro="The first row names the columns (any order, case does not matter). Empty cells mean “not reported”."
          columns={METRICS_CSV_COLUMNS}
          example={METRICS_CSV_EXAMPLE}
          footnote="Importing the same file twice changes nothing: a post’s row for the same captured_at is stored once."
        />
      </div>
    </>
  )
}
