import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigate } from '@remix-run/react'
import { Suspense, lazy, useCallback, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react'
import { Button, Card, Chip, DateTime, FormError, LinkButton, PageHeader, ProgressBar, StatusChip, Timeline } from '#app/components/ui.tsx'
import { MediaFindings } from '#app/components/content/media-findings.tsx'
import { Checklist, FindingList, HighlightedCaption } from '#app/components/content/caption-findings.tsx'
import { DraftMedia, formatBytes } from '#app/components/content/draft-media.tsx'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { checkCaption } from '#app/domain/disclosure/index.ts'
import { mandatoryChecklist, revisionsSentence } from '#app/domain/content-review.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorDeliverablePage } from '#app/services/content/get-creator-deliverable-page.server.ts'
import { submitDraft } from '#app/services/content/submit-draft.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError, type ActionFailureShape } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import type { StartUpload } from '#app/components/content/uploadthing-hook.tsx'

// The UploadThing client is its own chunk, fetched only when the server says the UploadThing driver is on
// (UPLOADTHING_TOKEN); the local-disk path (XMLHttpRequest with a progress bar) never loads it.
const UploadThingHook = lazy(() => import('#app/components/content/uploadthing-hook.tsx'))

export const meta: MetaFunction = () => [{ title: 'Deliverable · Greenroom' }]

// The creator, or an agent acting for them (submitting needs the submit_content scope).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  return handleLoader(async () => ({
    creatorId: actor.creator.id,
    canAct: actor.via.kind === 'self' || actor.via.scopes.includes('submit_content'),
    page: await getCreatorDeliverablePage(actor.creator.id, args.params.deliverable ?? ''),
  }))
}

/** Without JavaScript: the plain multipart form posts here (with it, the upload route reports progress). */
export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'submit_content')
  return handleAction(async () => {
    const r = await submitDraft(actor, args.params.deliverable ?? '', args.request)
    return redirectWithFlash(`/c/${actor.creator.id}/deliverables/${args.params.deliverable}`, submittedMessage(r.draft.version, r.blockingCount), {
      tone: r.blockingCount ? 'info' : 'success',
    })
  })
}

function submittedMessage(version: number, blocking: number) {
  return blocking
    ? `Draft v${version} submitted, with ${blocking} blocking finding${blocking === 1 ? '' : 's'}: the brand cannot approve it until they are fixed.`
    : `Draft v${version} submitted. The brand will review it.`
}

type UploadState = { phase: 'idle' } | { phase: 'uploading'; loaded: number; total: number } | { phase: 'processing' }

export default function CreatorDeliverable() {
  const { creatorId, canAct, page } = useLoaderData<typeof loader>()
  const d = page.deliverable
  const label = deliverableLabel(d)
  const latest = page.versions.at(-1) ?? null
  const nextVersion = (latest?.version ?? 0) + 1
  const here = `/c/${creatorId}/deliverables/${d.id}`
  return (
    <>
      <PageHeader
        title={`${label}${d.position > 1 ? ` #${d.position}` : ''} for ${page.brand.name}`}
        subtitle={page.campaign.name}
        back={{ to: `/c/${creatorId}/offers/${page.offerId}`, label: 'Offer and brief' }}
        actions={<StatusChip status={d.status} />}
      />
      <div className="split">
        <div className="stack">
          {page.canSubmit && canAct ? (
            <DraftBox key={`${latest?.id ?? 'none'}`} here={here} nextVersion={nextVersion} page={page} latestCaption={latest?.caption ?? ''} latestFiles={latest?.files.length ?? 0} />
          ) : page.canSubmit ? (
            <Card title={`Draft v${nextVersion}`} className="current-step">
              <p>Your agency can see this deliverable but does not have the “Submit content” permission for you.</p>
            </Card>
          ) : d.status === 'draft_submitted' ? (
            <Card title={`Draft v${latest?.version} is with ${page.brand.name}`} className="current-step">
              <p>They will approve it or ask for changes; we’ll email you either way.</p>
              <p className="small muted">{revisionsSentence(page.revisions.included, page.revisions.used)}</p>
            </Card>
          ) : d.status === 'approved' || d.status === 'posted' || d.status === 'post_changes_requested' || d.status === 'verified' ? (
            <Card title={d.status === 'approved' ? 'Approved: time to post' : 'Approved'} className="current-step">
              <p>
                {page.brand.name} approved draft v{page.versions.find((v) => v.decision === 'approved')?.version}. Post it exactly as approved
                {d.postWindowStart || d.postWindowEnd ? ` between ${d.postWindowStart ?? 'now'} and ${d.postWindowEnd ?? 'the campaign end'}` : ''}.
              </p>
              <LinkButton to={`/c/${creatorId}/posts/${d.id}`} variant="primary">
                {d.status === 'approved' ? 'Add the live post' : 'Open the live post'}
              </LinkButton>
            </Card>
          ) : null}
          {page.media ? (
            <Card title={`Media check of draft v${page.media.version}`} id="media-check">
              <MediaFindings media={page.media} audience="creator" />
            </Card>
          ) : null}
          <Card title={page.versions.length ? `Versions (${page.versions.length})` : 'Versions'}>
            {page.versions.length === 0 ? (
              <p className="muted">No draft yet. Upload your photos or video and write the caption above: the checker tells you what the brand needs before you send it.</p>
            ) : (
              <ol className="plain stack-lg version-list" reversed>
                {[...page.versions].reverse().map((v) => (
                  <li key={v.id} className="stack-sm" data-version={v.version}>
                    <div className="cluster-between">
                      <h3 className="section-title mt-0">Draft v{v.version}</h3>
                      <StatusChip status={v.decision ?? 'waiting_review'} />
                    </div>
                    <p className="muted small">
                      Submitted <DateTime value={v.submittedAt} />
                    </p>
                    <DraftMedia files={v.files} />
                    <HighlightedCaption caption={v.caption} findings={v.findings} />
                    {v.findings.length ? <FindingList findings={v.findings} /> : null}
                    {v.comments.length ? (
                      <ul className="plain stack-sm" aria-label={`Comments on v${v.version}`}>
                        {v.comments.map((c) => (
                          <li key={c.id} className="comment">
                            <p className="comment-meta small">
                              <strong>{c.authorName}</strong> ({page.brand.name}) · <DateTime value={c.createdAt} />
                            </p>
                            <p className="comment-body">{c.body}</p>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div className="stack">
          <Card title="Where this stands">
            <Timeline steps={page.timeline.map((s) => ({ label: s.label, state: s.state, detail: s.at ? <DateTime value={s.at} dateOnly /> : undefined }))} />
            <dl className="dl">
              <dt>Draft due</dt>
              <dd>{d.draftDueOn ? <DateTime value={d.draftDueOn} dateOnly /> : <span className="muted">No date</span>}</dd>
              <dt>Post between</dt>
              <dd>
                {d.postWindowStart ?? 'any time'} – {d.postWindowEnd ?? 'campaign end'}
              </dd>
              <dt>Revisions</dt>
              <dd data-testid="revisions">{revisionsSentence(page.revisions.included, page.revisions.used)}</dd>
            </dl>
          </Card>
          <Card title="What your caption must include">
            <p className="small">{page.requirements.summary}</p>
            <ul className="small">
              {page.requirements.captionRules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <p className="xsmall muted">
              Accepted wording: {page.requirements.acceptedWording.join(' · ')}. <Link to={`/c/${creatorId}/offers/${page.offerId}#brief`}>Read the brief</Link>
              {page.briefVersion ? ` (version ${page.briefVersion})` : ''}.
            </p>
          </Card>
        </div>
      </div>
    </>
  )
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>['page']

function DraftBox({ here, nextVersion, page, latestCaption, latestFiles }: { here: string; nextVersion: number; page: PageData; latestCaption: string; latestFiles: number }) {
  const actionData = useActionData<typeof action>()
  const [xhrFailure, setXhrFailure] = useState<ActionFailureShape | null>(null)
  const failure = xhrFailure ?? failureOf(actionData)
  const [caption, setCaption] = useState(latestCaption)
  const [files, setFiles] = useState<File[]>([])
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle' })
  const [dragging, setDragging] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const xhrRef = useRef<XMLHttpRequest | null>(null)
  const navigate = useNavigate()
  const noJsPending = useIsPending({ intent: 'submit-draft' })
  const abortRef = useRef<AbortController | null>(null)
  const [utAbort, setUtAbort] = useState(() => new AbortController())
  const utStart = useRef<StartUpload | null>(null)
  const onUtProgress = useCallback((p: number) => setUpload((u) => (u.phase === 'uploading' ? { ...u, loaded: Math.round((u.total * p) / 100) } : u)), [])
  const bindUt = useCallback((start: StartUpload) => {
    utStart.current = start
  }, [])
  const findings = useMemo(() => checkCaption({ ...page.checkInput, caption }), [page.checkInput, caption])
  const checklist = mandatoryChecklist(page.checkInput.mandatory, findings)
  const blocking = findings.filter((f) => f.severity === 'blocking').length
  const tooBig = files.find((f) => f.size > page.upload.maxBytes)
  const busy = upload.phase !== 'idle' || noJsPending

  function pick(list: FileList | null) {
    const picked = list ? Array.from(list) : []
    setFiles(picked)
    setNotice(null)
    setXhrFailure(null)
  }
  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault()
    setDragging(false)
    if (!e.dataTransfer.files.length || !inputRef.current) return
    inputRef.current.files = e.dataTransfer.files
    pick(e.dataTransfer.files)
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // With JavaScript: send with XMLHttpRequest for a real progress bar and a cancel button.
    e.preventDefault()
    if (tooBig) return
    const body = new FormData(e.currentTarget)
    if (page.upload.driver === 'uploadthing' && files.length) {
      void viaUploadThing(body)
      return
    }
    send(body)
  }
  async function viaUploadThing(body: FormData) {
    // The browser sends the bytes to UploadThing; its signed callback records them; then the draft is
    // submitted with the recorded file ids (same endpoint, no bytes).
    const total = files.reduce((n, f) => n + f.size, 0)
    const controller = utAbort
    abortRef.current = controller
    setUpload({ phase: 'uploading', loaded: 0, total })
    setXhrFailure(null)
    setNotice(null)
    try {
      if (!utStart.current) throw new Error('The uploader is still loading. Try again in a moment.')
      const done = await utStart.current(files, { creatorId: here.split('/')[2]!, deliverableId: page.deliverable.id })
      if (!done) throw new Error('The upload did not complete. Please try again.')
      body.delete('files')
      for (const f of done) if (f.serverData?.fileId) body.append('uploadedFileIds', f.serverData.fileId)
      send(body)
    } catch (err) {
      setUpload({ phase: 'idle' })
      if (controller.signal.aborted) {
        setNotice('Upload cancelled. Nothing was saved.')
        setUtAbort(new AbortController())
      }
      else setXhrFailure({ ok: false, formError: err instanceof Error ? err.message : 'The upload did not complete. Please try again.', fieldErrors: {} })
    } finally {
      abortRef.current = null
    }
  }
  function send(body: FormData) {
    const xhr = new XMLHttpRequest()
    xhrRef.current = xhr
    const total = files.reduce((n, f) => n + f.size, 0)
    setUpload({ phase: 'uploading', loaded: 0, total })
    setXhrFailure(null)
    setNotice(null)
    xhr.upload.onprogress = (ev) => setUpload({ phase: 'uploading', loaded: ev.loaded, total: ev.lengthComputable ? ev.total : total })
    xhr.upload.onload = () => setUpload({ phase: 'processing' })
    xhr.onload = () => {
      xhrRef.current = null
      let res: { ok?: boolean; redirectTo?: string; formError?: string; fieldErrors?: Record<string, string[]> } = {}
      try {
        res = JSON.parse(xhr.responseText)
      } catch {
        res = { ok: false, formError: 'The upload did not complete. Please try again.' }
      }
      if (xhr.status < 300 && res.ok && res.redirectTo) {
        navigate(res.redirectTo, { replace: true })
        return
      }
      setUpload({ phase: 'idle' })
      setXhrFailure({ ok: false, formError: res.formError ?? 'The upload did not complete. Please try again.', fieldErrors: res.fieldErrors ?? {} })
    }
    xhr.onerror = () => {
      xhrRef.current = null
      setUpload({ phase: 'idle' })
      setXhrFailure({ ok: false, formError: 'The connection dropped during the upload. Nothing was saved: please try again.', fieldErrors: {} })
    }
    xhr.onabort = () => {
      xhrRef.current = null
      setUpload({ phase: 'idle' })
      setNotice('Upload cancelled. Nothing was saved.')
    }
    xhr.open('POST', `${here}/upload`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.send(body)
  }

  const percent = upload.phase === 'uploading' && upload.total > 0 ? Math.floor((upload.loaded / upload.total) * 100) : 0
  const filesError = fieldError(failure, 'files') ?? (tooBig ? `${tooBig.name} is ${formatBytes(tooBig.size)}: the limit is ${formatBytes(page.upload.maxBytes)}.` : undefined)
  return (
    <Card title={`Draft v${nextVersion}`} className="current-step">
      {page.upload.driver === 'uploadthing' ? (
        <Suspense fallback={null}>
          <UploadThingHook signal={utAbort.signal} onProgress={onUtProgress} bind={bindUt} />
        </Suspense>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate onSubmit={onSubmit} aria-describedby="draft-rounds">
        <input type="hidden" name="intent" value="submit-draft" />
        <FormError errors={failure && !fieldError(failure, 'files') && !fieldError(failure, 'caption') ? failure.formError : null} />
        {nextVersion > 1 ? (
          <div className="callout callout-warning small" role="note">
            <p className="callout-title">The brand asked for changes on v{nextVersion - 1}</p>
            <p>Read their comments below, then upload the new version.</p>
          </div>
        ) : null}
        <p className="small muted" id="draft-rounds">
          {revisionsSentence(page.revisions.included, page.revisions.used)}
        </p>
        <div
          className={`dropzone${dragging ? ' is-dragging' : ''}${filesError ? ' is-invalid' : ''}`}
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
            Drop files here or choose them. {page.upload.allowed}; up to {formatBytes(page.upload.maxBytes)} each.
            {latestFiles > 0 ? ` Leave empty to keep the ${latestFiles} file${latestFiles === 1 ? '' : 's'} of v${nextVersion - 1}.` : ''}
          </p>
          <input
            ref={inputRef}
            id="draft-files"
            type="file"
            name="files"
            multiple
            accept={page.upload.accept}
            onChange={(e) => pick(e.currentTarget.files)}
            aria-invalid={filesError ? true : undefined}
            aria-describedby={`draft-files-hint${filesError ? ' draft-files-error' : ''}`}
            disabled={busy}
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
          {filesError ? (
            <div className="field-error" id="draft-files-error">
              <span aria-hidden="true" className="field-error-icon">
                !
              </span>
              {filesError}
            </div>
          ) : null}
        </div>
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
            onChange={(e) => setCaption(e.currentTarget.value)}
            aria-invalid={fieldError(failure, 'caption') ? true : undefined}
            aria-describedby="draft-caption-hint draft-caption-check"
            disabled={busy}
          />
          {fieldError(failure, 'caption') ? <div className="field-error" role="alert">{fieldError(failure, 'caption')}</div> : null}
        </div>
        <div className="stack-sm" id="draft-caption-check" aria-live="polite">
          <p className="small">
            <strong>{blocking ? `${blocking} thing${blocking === 1 ? '' : 's'} to fix` : findings.length ? 'Looks good — a few things to check' : 'Looks good'}</strong>{' '}
            <span className="muted">(checked as you type)</span>
          </p>
          {caption ? <HighlightedCaption caption={caption} findings={findings} /> : null}
          <FindingList findings={findings} emptyText="The disclosure checker found nothing to fix in this caption." />
          <Checklist items={checklist} label="Mandatory elements from the brief" />
        </div>
        {upload.phase === 'uploading' ? (
          <div className="stack-sm" data-testid="upload-progress">
            <ProgressBar value={upload.loaded} max={upload.total || 1} label={`${percent}% · ${formatBytes(upload.loaded)} of ${formatBytes(upload.total)}`} />
            <Button type="button" onClick={() => (abortRef.current ? abortRef.current.abort() : xhrRef.current?.abort())}>
              Cancel upload
            </Button>
          </div>
        ) : upload.phase === 'processing' ? (
          <p className="small muted" role="status">
            Upload complete, checking the files…
          </p>
        ) : null}
        {notice ? (
          <p className="callout callout-info small" role="status">
            {notice}
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
