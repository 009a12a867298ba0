import { Form, useNavigation } from '@remix-run/react'
import type { BriefFile } from '#app/domain/brief.ts'
import { formatBytes } from '#app/components/content/draft-media.tsx'
import { Button, Card, Chip, TextField } from '#app/components/ui.tsx'
import { useIsPending } from '#app/utils/use-pending.ts'

const KIND = (mime: string) => (mime === 'application/pdf' ? 'PDF' : mime.replace(/^image\//, '').toUpperCase())

/** The brief's files, read-only: a thumbnail for images the browser shows, a link that opens each one (through /files/:id). */
export function BriefFileList({ files, children }: { files: BriefFile[]; children?: (f: BriefFile) => React.ReactNode }) {
  return (
    <ul className="list brief-files" data-testid="brief-files">
      {files.map((f) => (
        <li key={f.id} className="list-row">
          <div className="brief-file">
            {f.mimeType.startsWith('image/') && f.mimeType !== 'image/heic' ? <img src={`/files/${f.id}`} alt="" loading="lazy" /> : <span className="brief-file-kind" aria-hidden="true">{KIND(f.mimeType)}</span>}
            <span className="stack-sm">
              <a href={`/files/${f.id}`} className="tap-link" target="_blank" rel="noopener noreferrer">
                {f.name}
              </a>
              <span className="muted xsmall">
                {KIND(f.mimeType)} · {formatBytes(f.sizeBytes)}
              </span>
            </span>
          </div>
          {children?.(f)}
        </li>
      ))}
    </ul>
  )
}

/**
 * The manager's side: the draft's files, each with Remove, and the upload (multipart, through the one
 * upload path; types and limit from uploadRules, the same the server applies).
 */
export function BriefFilesEditor({
  files,
  published,
  upload,
  error,
}: {
  files: BriefFile[]
  /** Ids the published version carries: removing one of those takes effect with the next version. */
  published: string[]
  upload: { accept: string; allowed: string; limit: string }
  /** The file input's refusal (wrong type, too big, none chosen), from the action. */
  error?: string | string[] | null
}) {
  const attaching = useIsPending({ intent: 'attach-files' })
  const nav = useNavigation()
  const removing = nav.formData?.get('intent') === 'remove-file' ? nav.formData.get('fileId') : null
  return (
    <Card title="Brief files" id="brief-files">
      <div className="stack">
        {files.length ? (
          <BriefFileList files={files}>
            {(f) => (
              <Form method="post" className="cluster">
                {published.includes(f.id) ? <Chip tone="neutral">Published</Chip> : <Chip tone="info">Draft</Chip>}
                <input type="hidden" name="intent" value="remove-file" />
                <input type="hidden" name="fileId" value={f.id} />
                <Button type="submit" variant="ghost" pending={removing === f.id} pendingText="Removing…" aria-label={`Remove ${f.name}`}>
                  Remove
                </Button>
              </Form>
            )}
          </BriefFileList>
        ) : (
          <p className="muted">No files yet. Add mood boards, product shots or a brand guide.</p>
        )}
        <Form method="post" encType="multipart/form-data" className="stack-sm" noValidate>
          <input type="hidden" name="intent" value="attach-files" />
          <TextField
            label={`Attach images or PDFs (${upload.allowed}, up to ${upload.limit} each)`}
            name="files"
            type="file"
            multiple
            accept={upload.accept}
            error={error}
            hint="Files go into the draft: creators see them once you publish. Save your text first; attaching reloads the page."
          />
          <div>
            <Button type="submit" pending={attaching} pendingText="Uploading…">
              Attach files
            </Button>
          </div>
        </Form>
      </div>
    </Card>
  )
}
