import { Link } from '@remix-run/react'
import { Card, DateTime, LinkButton, StatusChip, Timeline } from '#app/components/ui.tsx'
import { FindingList, HighlightedCaption } from '#app/components/content/caption-findings.tsx'
import { DraftBox, type CreatorDeliverablePageView } from '#app/components/content/draft-box.tsx'
import { DraftMedia } from '#app/components/content/draft-media.tsx'
import { revisionsSentence } from '#app/domain/content-review.ts'

type Page = CreatorDeliverablePageView

/** What the creator does next: the draft form, or where the draft is (with the brand, approved: post it). */
export function DeliverableNextStep({ page, creatorId, canAct }: { page: Page; creatorId: string; canAct: boolean }) {
  const d = page.deliverable
  const latest = page.versions.at(-1) ?? null
  const nextVersion = (latest?.version ?? 0) + 1
  if (page.canSubmit && canAct)
    return (
      <DraftBox
        key={`${latest?.id ?? 'none'}`}
        here={`/c/${creatorId}/deliverables/${d.id}`}
        nextVersion={nextVersion}
        page={page}
        latestCaption={latest?.caption ?? ''}
        latestFiles={latest?.files.length ?? 0}
      />
    )
  if (page.canSubmit)
    return (
      <Card title={`Draft v${nextVersion}`} className="current-step">
        <p>Your agency can see this deliverable but does not have the “Submit content” permission for you.</p>
      </Card>
    )
  if (d.status === 'draft_submitted')
    return (
      <Card title={`Draft v${latest?.version} is with ${page.brand.name}`} className="current-step">
        <p>They will approve it or ask for changes; we’ll email you either way.</p>
        <p className="small muted">{revisionsSentence(page.revisions.included, page.revisions.used)}</p>
      </Card>
    )
  if (d.status === 'approved' || d.status === 'posted' || d.status === 'post_changes_requested' || d.status === 'verified')
    return (
      <Card title={d.status === 'approved' ? 'Approved: time to post' : 'Approved'} className="current-step">
        <p>
          {page.brand.name} approved draft v{page.versions.find((v) => v.decision === 'approved')?.version}. Post it exactly as approved
          {d.postWindowStart || d.postWindowEnd ? ` between ${d.postWindowStart ?? 'now'} and ${d.postWindowEnd ?? 'the campaign end'}` : ''}.
        </p>
        <LinkButton to={`/c/${creatorId}/posts/${d.id}`} variant="primary">
          {d.status === 'approved' ? 'Add the live post' : 'Open the live post'}
        </LinkButton>
      </Card>
    )
  return null
}

/** Every version, newest first, with its files, findings and the brand's comments meant for the creator. */
export function CreatorDraftVersions({ page }: { page: Page }) {
  return (
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
  )
}

/** The timeline, the dates and the revision rounds. */
export function DeliverableStanding({ page }: { page: Page }) {
  const d = page.deliverable
  return (
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
  )
}

/** What the brief asks of the caption, with a link to the brief. */
export function CaptionRequirements({ page, briefHref }: { page: Page; briefHref: string }) {
  return (
    <Card title="What your caption must include">
      <p className="small">{page.requirements.summary}</p>
      <ul className="small">
        {page.requirements.captionRules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="xsmall muted">
        Accepted wording: {page.requirements.acceptedWording.join(' · ')}. <Link to={briefHref}>Read the brief</Link>
        {page.briefVersion ? ` (version ${page.briefVersion})` : ''}.
      </p>
    </Card>
  )
}
