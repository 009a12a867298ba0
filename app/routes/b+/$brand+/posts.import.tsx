import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, FormError, PageHeader } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { METRICS_CSV_COLUMNS, METRICS_CSV_EXAMPLE } from '#app/domain/metrics-csv.ts'
import { importMetricsCsv } from '#app/services/metrics/import-metrics-csv.server.ts'
import { readCsvUpload } from '#app/validation/csv-upload.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Import metrics · Greenroom' }]

// Managers and admins.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  return { slug: actor.brand.slug }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  return handleAction(async () => {
    const { intent, csv, fileName } = await readCsvUpload(args.request, ['preview', 'import'])
    if (intent === 'preview') {
      const preview = await importMetricsCsv(actor, csv, { dryRun: true })
      return { ok: true as const, csv, fileName, preview }
    }
    const result = await importMetricsCsv(actor, csv)
    const skipped = result.errors.length ? ` ${result.errors.length} row${result.errors.length === 1 ? '' : 's'} skipped.` : ''
    return redirectWithFlash(
      `/b/${actor.brand.slug}/posts?status=all`,
      result.inserted ? `Imported ${result.inserted} snapshot${result.inserted === 1 ? '' : 's'}.${skipped}` : `Nothing new to import: these rows were imported before.${skipped}`,
    )
  })
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
          <Card title="1. Choose the file">
            <Form method="post" encType="multipart/form-data" className="stack" noValidate>
              <input type="hidden" name="intent" value="preview" />
              <label className="dropzone">
                <span>CSV file (UTF-8, up to 5 MB)</span>
                <input type="file" name="file" accept=".csv,text/csv" aria-describedby="file-error" />
              </label>
              <FormError errors={failure ? (fieldError(failure, 'file') ?? failure.formError) : null} />
              <Button type="submit" pending={previewing} pendingText="Reading…">
                Preview
              </Button>
            </Form>
          </Card>
          {preview ? (
            <Card title={`2. Check the preview${preview.fileName ? ` of ${preview.fileName}` : ''}`}>
              <p>
                <strong>{fresh}</strong> new row{fresh === 1 ? '' : 's'} to import
                {preview.preview.rows.length - fresh > 0 ? `, ${preview.preview.rows.length - fresh} already imported (skipped)` : ''}
                {preview.preview.errors.length > 0 ? `, ${preview.preview.errors.length} with problems (skipped)` : ''}.
              </p>
              {preview.preview.errors.length > 0 ? (
                <div className="callout callout-danger">
                  <p className="callout-title">Rows that will be skipped</p>
                  <ul className="plain small">
                    {preview.preview.errors.map((e) => (
                      <li key={`${e.line}-${e.reason}`}>
                        Line {e.line}: {e.reason}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
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
              {fresh > 0 ? (
                <Form method="post" encType="multipart/form-data">
                  <input type="hidden" name="intent" value="import" />
                  <input type="hidden" name="csv" value={preview.csv} />
                  <Button type="submit" variant="primary" pending={importing} pendingText="Importing…">
                    Import {fresh} row{fresh === 1 ? '' : 's'}
                  </Button>
                </Form>
              ) : null}
            </Card>
          ) : null}
        </div>
        <Card title="Column layout">
          <p className="small">The first row names the columns (any order, case does not matter). Empty cells mean “not reported”.</p>
          <dl className="dl-stacked small">
            {METRICS_CSV_COLUMNS.map((c) => (
              <div key={c.column}>
                <dt>
                  <code>{c.column}</code>
                  {c.required ? ' (required)' : ''}
                </dt>
                <dd>{c.meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="small">Example:</p>
          <pre className="small" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {METRICS_CSV_EXAMPLE}
          </pre>
          <p className="muted small">Importing the same file twice changes nothing: a post’s row for the same captured_at is stored once.</p>
        </Card>
      </div>
    </>
  )
}
