import type { SerializeFrom } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { Suspense, lazy, useCallback, useMemo, useRef, useState, type DragEvent, type FormEvent, type RefObject } from 'react'
import { Button, Card, Chip, FormError, ProgressBar } from '#app/components/ui.tsx'
import { Checklist, FindingList, HighlightedCaption } from '#app/components/content/caption-findings.tsx'
import { formatBytes } from '#app/components/content/draft-media.tsx'
import { useDraftUpload, type UploadState } from '#app/components/content/use-draft-upload.ts'
import type { checkCaption } from '#app/domain/disclosure/check-caption.ts'
import { mandatoryChecklist, revisionsSentence } from '#app/domain/content-review.ts'
import type { getCreatorDeliverablePage } from '#app/services/content/get-creator-deliverable-page.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

// The UploadThing client is its own chunk, fetched only when the server says the UploadThing driver is on
// (UPLOADTHING_TOKEN); the local-disk path (XMLHttpRequest with a progress bar) never loads it.
const UploadThingHook = lazy(() => import('#app/components/content/uploadthing-hook.tsx'))

/**
 * The caption checker (~10 KB gzipped: rules, plain-language patterns) is fetched when the creator first
 * focuses or edits the caption. Until then the page shows the server's findings for the starting caption
 * (`page.captionFindings`, the same function's answer), so server render and hydration agree.
 */
function useCaptionChecker() {
  const [checker, setChecker] = useState<{ check: typeof checkCaption } | null>(null)
  const asked = useRef(false)
  const load = useCallback(() => {
    if (asked.current) return
    asked.current = true
    import('#app/domain/disclosure/check-caption.ts').then(
      (m) => setChecker({ check: m.checkCaption }),
      () => {
        asked.current = false
      },
    )
  }, [])
  return { check: checker?.check ?? null, load }
}

/** The creator's deliverable page as the loader sends it. */
export type CreatorDeliverablePageView = SerializeFrom<typeof getCreatorDeliverablePage>

/**
 * The next draft: files (drop or choose), the caption checked as it is typed against the brief, and the
 * upload with progress and cancel. Without JavaScript the same form posts to the page's action.
 */
export function DraftBox({ here, nextVersion, page, latestCaption, latestFiles }: { here: string; nextVersion: number; page: CreatorDeliverablePageView; latestCaption: string; latestFiles: number }) {
  const actionData = useActionData()
  const sending = useDraftUpload({ here, deliverableId: page.deliverable.id, driver: page.upload.driver })
  const failure = sending.failure ?? failureOf(actionData)
  const [caption, setCaption] = useState(latestCaption)
  const [files, setFiles] = useState<File[]>([])
  const inputRef = useRef<HTMLInputElement>(null)
  const noJsPending = useIsPending({ intent: 'submit-draft' })
  const checker = useCaptionChecker()
  const { check } = checker
  // null only between the first keystroke and the checker's arrival (the findings would point at old text).
  const findings = useMemo(
    () => (check ? check({ ...page.checkInput, caption }) : caption === latestCaption ? page.captionFindings : null),
    [check, page.checkInput, page.captionFindings, caption, latestCaption],
  )
  const blocking = findings ? findings.filter((f) => f.severity === 'blocking').length : 0
  const tooBig = files.find((f) => f.size > page.upload.maxBytes)
  const busy = sending.upload.phase !== 'idle' || noJsPending
  const { upload } = sending

  function pick(list: FileList | null) {
    setFiles(list ? Array.from(list) : [])
    sending.reset()
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // With JavaScript: send with XMLHttpRequest (or UploadThing) for a real progress bar and a cancel button.
    e.preventDefault()
    if (tooBig) return
    sending.submit(new FormData(e.currentTarget), files)
  }

  const percent = upload.phase === 'uploading' && upload.total > 0 ? Math.floor((upload.loaded / upload.total) * 100) : 0
  const filesError = fieldError(failure, 'files') ?? (tooBig ? `${tooBig.name} is ${formatBytes(tooBig.size)}: the limit is ${formatBytes(page.upload.maxBytes)}.` : undefined)
  const captionError = fieldError(failure, 'caption')
  return (
    <Card title={`Draft v${nextVersion}`} className="current-step">
      {sending.uploadThing ? (
        <Suspense fallback={null}>
          <UploadThingHook {...sending.uploadThing} />
        </Suspense>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate onSubmit={onSubmit} aria-describedby="draft-rounds">
        <input type="hidden" name="intent" value="submit-draft" />
        <FormError errors={failure && !fieldError(failure, 'files') && !captionError ? failure.formError : null} />
        {nextVersion > 1 ? (
          <div className="callout callout-warning small" role="note">
            <p className="callout-title">The brand asked for changes on v{nextVersion - 1}</p>
            <p>Read their comments below, then upload the new version.</p>
          </div>
        ) : null}
        <p className="small muted" id="draft-rounds">
          {revisionsSentence(page.revisions.included, page.revisions.used)}
        </p>
        <DraftDropzone
          inputRef={inputRef}
          files={files}
          onPick={pick}
          error={filesError}
          disabled={busy}
          upload={page.upload}
          keepHint={latestFiles > 0 ? ` Leave empty to keep the ${latestFiles} file${latestFiles === 1 ? '' : 's'} of v${nextVersion - 1}.` : ''}
        />
        <div className="field">
          <label className="field-label" htmlFor="draft-caption">
            Caption
          </label>
          <div className="field-hint" id="draft-caption-hint">
            {page.requirements.summary}
          </div>
          <textarea
            id="draft-caption"
            name="caption"
            className="input caption-input"
            rows={7}
            value={caption}
            onFocus={checker.load}
            onChange={(e) => {
              checker.load()
              setCaption(e.currentTarget.value)
            }}
            aria-invalid={captionError ? true : undefined}
            aria-describedby="draft-caption-hint draft-caption-check"
            disabled={busy}
          />
          {captionError ? (
            <div className="field-error" role="alert">
              {captionError}
            </div>
          ) : null}
        </div>
        <div className="stack-sm" id="draft-caption-check" aria-live="polite">
          {findings ? (
            <>
              <p className="small">
                <strong>{blocking ? `${blocking} thing${blocking === 1 ? '' : 's'} to fix` : findings.length ? 'Looks good — a few things to check' : 'Looks good'}</strong>{' '}
                <span className="muted">(checked as you type)</span>
              </p>
              {caption ? <HighlightedCaption caption={caption} findings={findings} /> : null}
              <FindingList findings={findings} emptyText="The disclosure checker found nothing to fix in this caption." />
              <Checklist items={mandatoryChecklist(page.checkInput.mandatory, findings)} label="Mandatory elements from the brief" />
            </>
          ) : (
            <p className="small muted">Checking the caption…</p>
          )}
        </div>
        <UploadStatus upload={upload} percent={percent} onCancel={sending.cancel} />
        {sending.notice ? (
          <p className="callout callout-info small" role="status">
            {sending.notice}
          </p>
        ) : null}
        {blocking > 0 ? <p className="small text-warning">You can send it as it is, but the brand cannot approve a draft with things to fix.</p> : null}
        <div className="cluster">
          <Button type="submit" variant="primary" pending={busy} pendingText={upload.phase === 'uploading' ? `Uploading… ${percent}%` : 'Submitting…'} disabled={Boolean(tooBig)}>
            Submit draft v{nextVersion}
          </Button>
          {files.length === 0 && latestFiles === 0 ? <Chip tone="neutral">Add at least one file</Chip> : null}
        </div>
      </Form>
    </Card>
  )
}

/** The file input inside a drop zone, with the chosen files and the files error. */
function DraftDropzone({
  inputRef,
  files,
  onPick,
  error,
  disabled,
  upload,
  keepHint,
}: {
  inputRef: RefObject<HTMLInputElement>
  files: File[]
  onPick: (list: FileList | null) => void
  error: string | undefined
  disabled: boolean
  upload: { accept: string; allowed: string; maxBytes: number }
  keepHint: string
}) {
  const [dragging, setDragging] = useState(false)
  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault()
    setDragging(false)
    if (!e.dataTransfer.files.length || !inputRef.current) return
    inputRef.current.files = e.dataTransfer.files
    onPick(e.dataTransfer.files)
  }
  return (
    <div
      className={`dropzone${dragging ? ' is-dragging' : ''}${error ? ' is-invalid' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor="draft-files" className="field-label">
        Photos or video
      </label>
      <p className="small muted" id="draft-files-hint">
        Drop files here or choose them. {upload.allowed}; up to {formatBytes(upload.maxBytes)} each.
        {keepHint}
      </p>
      <input
        ref={inputRef}
        id="draft-files"
        type="file"
        name="files"
        multiple
        accept={upload.accept}
        onChange={(e) => onPick(e.currentTarget.files)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`draft-files-hint${error ? ' draft-files-error' : ''}`}
        disabled={disabled}
      />
      {files.length ? (
        <ul className="plain small" aria-label="Chosen files">
          {files.map((f) => (
            <li key={f.name + f.size}>
              {f.name} <span className="muted">· {formatBytes(f.size)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <div className="field-error" id="draft-files-error">
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>
          {error}
        </div>
      ) : null}
    </div>
  )
}

function UploadStatus({ upload, percent, onCancel }: { upload: UploadState; percent: number; onCancel: () => void }) {
  if (upload.phase === 'uploading')
    return (
      <div className="stack-sm" data-testid="upload-progress">
        <ProgressBar value={upload.loaded} max={upload.total || 1} label={`${percent}% · ${formatBytes(upload.loaded)} of ${formatBytes(upload.total)}`} />
        <Button type="button" onClick={onCancel}>
          Cancel upload
        </Button>
      </div>
    )
  if (upload.phase === 'processing')
    return (
      <p className="small muted" role="status">
        Upload complete, checking the files…
      </p>
    )
  return null
}
