import { Form } from '@remix-run/react'
import { Button, Card, FormError } from '#app/components/ui.tsx'
import { fieldError, type ActionFailureShape } from '#app/utils/forms.ts'

/**
 * The parts every CSV import page shares (metrics, roster): choose the file and preview (nothing stored),
 * the rows that will be skipped, the import button that sends the same text back, and the column reference.
 */

/** Step 1: the file, posted with intent=preview. */
export function CsvFileCard({ failure, pending }: { failure: ActionFailureShape | null; pending: boolean }) {
  const fileError = fieldError(failure, 'file')
  return (
    <Card title="1. Choose the file">
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <input type="hidden" name="intent" value="preview" />
        <label className="dropzone">
          <span>CSV file (UTF-8, up to 5 MB)</span>
          <input type="file" name="file" accept=".csv,text/csv" aria-describedby="file-error" aria-invalid={fileError ? true : undefined} />
        </label>
        <FormError errors={failure ? (fileError ?? failure.formError) : null} />
        <Button type="submit" pending={pending} pendingText="Reading…">
          Preview
        </Button>
      </Form>
    </Card>
  )
}

/** The preview's refused rows, by line. */
export function SkippedRows({ errors }: { errors: { line: number; reason: string }[] }) {
  if (errors.length === 0) return null
  return (
    <div className="callout callout-danger" role="alert">
      <p className="callout-title">Rows that will be skipped</p>
      <ul className="plain small">
        {errors.map((e) => (
          <li key={`${e.line}-${e.reason}`}>
            Line {e.line}: {e.reason}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Step 2's confirm: the previewed text goes back with intent=import (no second upload). */
export function CsvImportButton({ csv, rows, pending }: { csv: string; rows: number; pending: boolean }) {
  return (
    <Form method="post" encType="multipart/form-data">
      <input type="hidden" name="intent" value="import" />
      <input type="hidden" name="csv" value={csv} />
      <Button type="submit" variant="primary" pending={pending} pendingText="Importing…">
        Import {rows} row{rows === 1 ? '' : 's'}
      </Button>
    </Form>
  )
}

/** The columns the importer reads, an example file and what importing twice does. */
export function CsvColumnsCard({
  intro,
  columns,
  example,
  footnote,
}: {
  intro: string
  columns: readonly { column: string; required?: boolean; meaning: string }[]
  example: string
  footnote: string
}) {
  return (
    <Card title="Column layout">
      <p className="small">{intro}</p>
      <dl className="dl-stacked small">
        {columns.map((c) => (
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
        {example}
      </pre>
      <p className="muted small">{footnote}</p>
    </Card>
  )
}
