import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { Button, Card, CheckboxField, Chip, DateTime, FormError, PageHeader, SelectField, StatusChip, TextareaField } from '#app/components/ui.tsx'
import { Checklist, FindingList, HighlightedCaption } from '#app/components/content/caption-findings.tsx'
import { MediaFindings } from '#app/components/content/media-findings.tsx'
import { DraftMedia } from '#app/components/content/draft-media.tsx'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { revisionsSentence } from '#app/domain/content-review.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { addReviewComment } from '#app/services/content/add-review-comment.server.ts'
import { approveDraft } from '#app/services/content/approve-draft.server.ts'
import { getReviewPage } from '#app/services/content/get-review-page.server.ts'
import { requestDraftChanges } from '#app/services/content/request-draft-changes.server.ts'
import { reviewFormSchema } from '#app/validation/content.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Review draft · Greenroom' }]

// Managers and admins (content.review); the override needs content.override (admins).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'content.review')
  return handleLoader(async () => ({
    slug: actor.brand.slug,
    canOverride: roleCan(actor.role, 'content.override'),
    page: await getReviewPage(actor.brand.id, args.params.draft ?? ''),
  }))
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'content.review')
  return handleAction(async () => {
    const input = await parseForm(args.request, reviewFormSchema, { arrayFields: ['attestations'] })
    const draftId = args.params.draft ?? ''
    const queue = `/b/${actor.brand.slug}/review`
    if (input.intent === 'approve') {
      const r = await approveDraft(actor, { draftId, attestations: input.attestations, comment: input.comment, overrideReason: input.overrideReason })
      return redirectWithFlash(queue, r.override ? 'Draft approved with an override. The reason is in the audit log.' : 'Draft approved. The creator has been told they can post.')
    }
    if (input.intent === 'request-changes') {
      const r = await requestDraftChanges(actor, {
        draftId,
        attestations: input.attestations,
        comment: input.comment,
        internalNote: input.internalNote,
        confirmExtraRound: input.confirmExtraRound === 'on',
      })
      return redirectWithFlash(queue, r.extraRound ? 'Changes requested (beyond the included revision rounds).' : 'Changes requested. The creator has your comment.')
    }
    await addReviewComment(actor, { draftId, body: input.body, visibility: input.visibility })
    return redirectWithFlash(`/b/${actor.brand.slug}/review/${draftId}#conversation`, input.visibility === 'internal' ? 'Internal note added (brand only).' : 'Comment added. The creator can see it.')
  })
}

export default function ReviewDraft() {
  const { slug, canOverride, page } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const approving = useIsPending({ intent: 'approve' })
  const requesting = useIsPending({ intent: 'request-changes' })
  const commenting = useIsPending({ intent: 'comment' })
  const { draft, deliverable: d, creator, campaign } = page
  const label = deliverableLabel(d)
  const comments = page.versions.flatMap((v) => v.comments.map((c) => ({ ...c, version: v.version })))
  const formError = failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null
  // The ticked checks, so what still blocks approval is shown next to the button before the click.
  const [ticked, setTicked] = useState<string[]>([])

  // Keyboard: a approves, r jumps to "request changes".
  useEffect(() => {
    if (!page.waiting) return
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement
      if (e.metaKey || e.ctrlKey || e.altKey || t.closest('input, textarea, select, [contenteditable]')) return
      if (e.key === 'a') {
        e.preventDefault()
        document.getElementById('approve-button')?.click()
      } else if (e.key === 'r') {
        e.preventDefault()
        document.getElementById('review-comment')?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [page.waiting])

  return (
    <>
      <PageHeader
        title={`${creator.name} · ${label} · v${draft.version}`}
        subtitle={
          <>
            {campaign.name} · submitted <DateTime value={draft.submittedAt} />
          </>
        }
        back={{ to: `/b/${slug}/review`, label: 'Review queue' }}
        actions={<StatusChip status={draft.decision ?? (page.waiting ? 'waiting_review' : d.status)} />}
      />
      {!page.isLatest ? (
        <p className="callout callout-info" role="note">
          This is an older version. <Link to={`/b/${slug}/review/${page.versions.at(-1)!.id}`}>Open the latest, v{page.versions.at(-1)!.version}</Link>.
        </p>
      ) : null}
      <FormError errors={formError} />
      <div className="split review-layout">
        <div className="stack">
          <Card title="Media">
            <DraftMedia files={draft.files} large />
            {page.previous?.sameFiles ? <p className="muted small">Same files as v{page.previous.version}.</p> : null}
          </Card>
          <Card title="Caption">
            <HighlightedCaption caption={draft.caption} findings={draft.findings} />
            <FindingList findings={draft.findings} />
            {page.previous ? (
              <details className="diff-toggle" open>
                <summary>Changes since v{page.previous.version}</summary>
                <p className="muted small">Added words are underlined, removed ones struck through.</p>
                <p className="caption-box" data-testid="caption-diff">
                  {page.previous.diff.map((part, i) =>
                    part.kind === 'same' ? (
                      <span key={i}>{part.text}</span>
                    ) : part.kind === 'added' ? (
                      <ins key={i} className="diff-added">
                        {part.text}
                      </ins>
                    ) : (
                      <del key={i} className="diff-removed">
                        {part.text}
                      </del>
                    ),
                  )}
                </p>
              </details>
            ) : null}
          </Card>
          <Card title="Conversation" id="conversation">
            {comments.length === 0 ? (
              <p className="muted small">No comments yet. Comments for the creator are emailed with your decision; internal notes stay with the brand.</p>
            ) : (
              <ul className="plain stack-sm">
                {comments.map((c) => (
                  <li key={c.id} className={`comment${c.visibility === 'internal' ? ' comment-internal' : ''}`}>
                    <p className="comment-meta small">
                      <strong>{c.authorName}</strong> · v{c.version} · <DateTime value={c.createdAt} />{' '}
                      {c.visibility === 'internal' ? <Chip tone="warning">Internal</Chip> : <Chip tone="info">Creator can see</Chip>}
                    </p>
                    <p className="comment-body">{c.body}</p>
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="stack-sm" noValidate>
              <input type="hidden" name="intent" value="comment" />
              <TextareaField label="Add a comment" name="body" rows={2} error={fieldError(failure, 'body')} />
              <div className="cluster">
                <SelectField
                  label="Who can see it"
                  name="visibility"
                  defaultValue="internal"
                  options={[
                    { value: 'internal', label: 'Internal (brand only)' },
                    { value: 'creator', label: 'The creator and their agents' },
                  ]}
                  error={fieldError(failure, 'visibility')}
                />
                <Button type="submit" pending={commenting} pendingText="Adding…">
                  Add comment
                </Button>
              </div>
            </Form>
          </Card>
        </div>
        <div className="stack">
          <Card title="Media check" id="media-check">
            <MediaFindings media={page.media} audience="brand" />
          </Card>
          <Card title="Brief checklist">
            {page.checklist.length ? (
              <Checklist items={page.checklist} label="Mandatory elements" />
            ) : (
              <p className="muted small">The brief has no mandatory hashtags, handles, links or code.</p>
            )}
            <p className="xsmall muted">{page.requirements.summary}</p>
          </Card>
          {page.waiting ? (
            <Card title="Decision" className="decision-bar">
              <Form method="post" className="stack" noValidate onChange={(e) => setTicked(new FormData(e.currentTarget).getAll('attestations').map(String))}>
                <fieldset className="stack-sm">
                  <legend className="field-label">Check by hand (the machine could not decide these)</legend>
                  {page.media.pending ? <p className="small muted">Approval waits for the media check, which is still running.</p> : null}
                  {page.attestations.map((a) => (
                    <CheckboxField key={a.id} name="attestations" value={a.id} label={a.label} hint={a.reason ? `${a.help} Why by hand: ${a.reason}.` : a.help} />
                  ))}
                </fieldset>
                {fieldError(failure, 'attestations') ? (
                  <p className="field-error" role="alert">
                    {fieldError(failure, 'attestations')}
                  </p>
                ) : null}
                <TextareaField
                  id="review-comment"
                  label="Comment for the creator"
                  name="comment"
                  rows={3}
                  hint="Required to request changes; optional with an approval. Emailed to the creator and their agents."
                  error={fieldError(failure, 'comment')}
                />
                <TextareaField label="Internal note (brand only)" name="internalNote" rows={2} hint="Saved with a change request; never shown to the creator." error={fieldError(failure, 'internalNote')} />
                <p className="small" data-testid="review-revisions">
                  {revisionsSentence(page.revisions.included, page.revisions.used)}
                </p>
                {page.revisions.extraRound ? (
                  <div className="callout callout-warning small">
                    <p>
                      Requesting changes now goes past the {page.revisions.included} included round{page.revisions.included === 1 ? '' : 's'}. The creator may ask for an extra fee.
                    </p>
                    <CheckboxField name="confirmExtraRound" label="I understand: ask for another round anyway" error={fieldError(failure, 'confirmExtraRound')} />
                  </div>
                ) : null}
                {page.blocking > 0 ? (
                  <p className="callout callout-danger small" role="alert">
                    {page.blocking} blocking finding{page.blocking === 1 ? '' : 's'}: approval is refused until the creator fixes {page.blocking === 1 ? 'it' : 'them'}
                    {canOverride ? ', unless you override with a written reason.' : '. A brand admin can override.'}
                  </p>
                ) : null}
                {canOverride ? (
                  <details open={Boolean(fieldError(failure, 'overrideReason'))}>
                    <summary className="small">Approve with an override (admin)</summary>
                    <TextareaField
                      label="Why approve despite the findings or unticked checks"
                      name="overrideReason"
                      rows={2}
                      hint="Kept in the audit log with the findings you overrode."
                      error={fieldError(failure, 'overrideReason')}
                    />
                  </details>
                ) : null}
                <ApprovalBlockers
                  blocking={page.blocking}
                  blockingRules={page.blockingRules}
                  contractBlocker={page.contractBlocker}
                  untickedLabels={page.attestations.filter((a) => !ticked.includes(a.id)).map((a) => a.label)}
                  canOverride={canOverride}
                />
                <div className="cluster decision-actions">
                  <Button id="approve-button" type="submit" name="intent" value="approve" variant="primary" pending={approving} pendingText="Approving…" aria-keyshortcuts="a">
                    Approve
                  </Button>
                  <Button type="submit" name="intent" value="request-changes" pending={requesting} pendingText="Sending…" aria-keyshortcuts="r">
                    Request changes
                  </Button>
                </div>
                <p className="xsmall muted">Keys: a approve · r request changes</p>
              </Form>
            </Card>
          ) : (
            <Card title="Decision">
              {draft.decision === 'approved' ? (
                <p>
                  Approved <DateTime value={draft.decidedAt!} />.
                </p>
              ) : draft.decision === 'changes_requested' ? (
                <p>
                  Changes requested <DateTime value={draft.decidedAt!} />.
                </p>
              ) : (
                <p className="muted">Not waiting for a decision.</p>
              )}
              {draft.overrideReason ? <p className="callout callout-warning small">Approved with an override: {draft.overrideReason}</p> : null}
              <ul className="checklist">
                {page.allAttestations.map((a) => (
                  <li key={a.id} className={draft.attestations?.[a.id] ? 'is-done' : ''}>
                    {a.label}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card title="Versions">
            <ol className="plain stack-sm">
              {page.versions.map((v) => (
                <li key={v.id} className="cluster-between small">
                  {v.id === draft.id ? <strong>v{v.version} (this one)</strong> : <Link to={`/b/${slug}/review/${v.id}`}>v{v.version}</Link>}
                  <StatusChip status={v.decision ?? 'waiting_review'} />
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  )
}

/**
 * What still stands between this draft and "Approve", next to the button (live as checks are ticked).
 * The server refuses the same things (approve-draft.server.ts); this says so before the click.
 */
function ApprovalBlockers({ blocking, blockingRules, contractBlocker, untickedLabels, canOverride }: { blocking: number; blockingRules: string[]; contractBlocker: string | null; untickedLabels: string[]; canOverride: boolean }) {
  const items = [
    contractBlocker,
    blocking > 0 ? `${blocking} blocking finding${blocking === 1 ? '' : 's'} for the creator to fix (${blockingRules.join(', ')})` : null,
    untickedLabels.length > 0 ? `Tick ${untickedLabels.length === 1 ? 'this check' : `these ${untickedLabels.length} checks`}: ${untickedLabels.join('; ')}` : null,
  ].filter((x): x is string => !!x)
  return (
    <div className={`callout small ${items.length ? 'callout-warning' : 'callout-success'}`} data-testid="approval-blockers" aria-live="polite">
      {items.length === 0 ? (
        <p>Nothing blocks approval.</p>
      ) : (
        <>
          <p className="strong">Before you can approve:</p>
          <ul>
            {items.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          {!contractBlocker && canOverride ? <p className="muted">Or approve with an override and a written reason.</p> : null}
        </>
      )}
    </div>
  )
}
