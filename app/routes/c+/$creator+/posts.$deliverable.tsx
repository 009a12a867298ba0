import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, DateTime, FormError, LinkButton, PageHeader, RadioGroupField, StatusChip, TextField, TextareaField } from '#app/components/ui.tsx'
import { platformLabelName } from '#app/domain/disclosure/platform-label-name.ts'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorPostPage } from '#app/services/posts/get-creator-post-page.server.ts'
import { submitPost } from '#app/services/posts/submit-post.server.ts'
import { dismissFoundPost, getFoundPost } from '#app/services/connectors/post-reads.server.ts'
import { FoundPostCard } from '#app/components/content/platform-read.tsx'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { creatorPostActionSchema } from '#app/validation/creator-forms.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Live post · Greenroom' }]

// The creator, or an agent acting for them (submitting, and the post found on a connected account, need submit_content).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const url = new URL(args.request.url)
  const canSubmit = actor.via.kind === 'self' || actor.via.scopes.includes('submit_content')
  return handleLoader(async () => {
    const page = await getCreatorPostPage(actor.creator.id, args.params.deliverable ?? '')
    const found = canSubmit ? await getFoundPost(actor.creator.id, page.deliverable.id) : null
    return { creatorId: actor.creator.id, origin: url.origin, canSubmit, page, found, usingFound: found !== null && url.searchParams.get('use') === 'found' }
  })
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'submit_content')
  return handleAction(async () => {
    const input = await parseForm(args.request, creatorPostActionSchema)
    const back = `/c/${actor.creator.id}/posts/${args.params.deliverable}`
    if (input.intent === 'dismiss-found') {
      await dismissFoundPost(actor, args.params.deliverable ?? '')
      return redirectWithFlash(back, 'Dismissed. Add your live post below.')
    }
    const r = await submitPost(actor, { deliverableId: args.params.deliverable ?? '', url: input.url, postedOn: input.postedOn, caption: input.caption, platformLabelOn: input.platformLabel === 'on' })
    const notes = [r.captionFrom ? `we stored the caption as ${r.captionFrom} returned it` : null, r.outsideWindow ? 'it is outside the posting window' : null, r.findings.length ? 'the post has disclosure findings (see below)' : null].filter(Boolean)
    const warn = r.outsideWindow || r.findings.length > 0
    return redirectWithFlash(back, notes.length ? `Post submitted — note: ${notes.join(' and ')}.` : 'Post submitted. The brand will verify it.', { tone: warn ? 'info' : 'success' })
  })
}

export default function CreatorPost() {
  const { creatorId, origin, canSubmit, page, found, usingFound } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending({ intent: 'submit' })
  const d = page.deliverable
  const post = page.post
  const label = deliverableLabel(d)
  const canPost = canSubmit && (d.status === 'approved' || d.status === 'post_changes_requested')
  const prefill = usingFound && found ? found : null
  const findings = (post?.findings ?? []) as unknown as { ruleId?: string; severity?: string; message?: string }[]
  return (
    <>
      <PageHeader title={`${label} for ${page.brand.name}`} subtitle={page.campaign.name} back={{ to: `/c/${creatorId}`, label: 'To do' }} actions={<StatusChip status={d.status} />} />
      <div className="split">
        <div className="stack">
          {d.status === 'post_changes_requested' && post?.problemNote ? (
            <div className="callout callout-warning" role="status">
              <p className="callout-title">{page.brand.name} asked for a change</p>
              <p>{post.problemNote}</p>
              <p className="small">Edit the post on the platform, then confirm it below.</p>
            </div>
          ) : null}
          {canPost && found ? <FoundPostCard read={found} useHref={`?use=found#live-post`} using={usingFound} /> : null}
          {canPost ? (
            <Card title={post ? 'Resubmit your live post' : 'Add your live post'} id="live-post">
              <Form method="post" className="stack" noValidate key={prefill ? 'found' : 'typed'}>
                <input type="hidden" name="intent" value="submit" />
                <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
                <TextField label="Link to the live post" name="url" type="url" inputMode="url" required defaultValue={prefill?.permalink ?? post?.url} error={fieldError(failure, 'url')} hint={`The ${label} on ${PLATFORM_LABEL[d.platform as Platform] ?? d.platform}.`} />
                <TextField
                  label="Date posted"
                  name="postedOn"
                  type="date"
                  required
                  defaultValue={prefill?.postedOn ?? (post ? post.postedAt.toISOString().slice(0, 10) : undefined)}
                  error={fieldError(failure, 'postedOn')}
                  hint={d.postWindowStart || d.postWindowEnd ? `Posting window: ${d.postWindowStart ?? '…'} to ${d.postWindowEnd ?? '…'}` : undefined}
                />
                <TextareaField
                  label="Caption as posted"
                  name="caption"
                  rows={6}
                  defaultValue={prefill?.caption ?? post?.captionAsPosted ?? page.approvedCaption ?? ''}
                  error={fieldError(failure, 'caption')}
                  hint={prefill ? `As ${prefill.platformName} returned it: that is the caption we store and check.` : 'Paste it exactly as it appears on the post: we check the disclosure again.'}
                />
                <RadioGroupField
                  legend={`Is ${platformLabelName(d.platform)} on for this post?`}
                  name="platformLabel"
                  required
                  defaultValue={post?.platformLabelDeclared === true ? 'on' : post?.platformLabelDeclared === false ? 'off' : undefined}
                  options={[
                    { value: 'on', label: 'Yes, it is on' },
                    { value: 'off', label: 'No, it is off' },
                  ]}
                  error={fieldError(failure, 'platformLabel')}
                  hint={page.platformLabelHint}
                />
                <Button type="submit" variant="primary" pending={pending} pendingText="Submitting…">
                  {post ? 'Resubmit post' : 'Submit post'}
                </Button>
              </Form>
            </Card>
          ) : null}
          {post ? (
            <Card title="Your live post">
              <dl className="dl">
                <dt>Link</dt>
                <dd>
                  <a href={post.url} target="_blank" rel="noopener noreferrer">
                    {post.url}
                  </a>
                </dd>
                <dt>Posted</dt>
                <dd>
                  <DateTime value={post.postedAt.toISOString()} dateOnly /> {post.outsideWindow ? <Chip tone="warning">Outside the posting window</Chip> : null}
                </dd>
                <dt>Status</dt>
                <dd>
                  <StatusChip status={post.status === 'submitted' ? 'waiting_verification' : post.status} />
                </dd>
              </dl>
              {findings.length ? (
                <ul className="plain stack-sm" aria-label="Disclosure findings">
                  {findings.map((f, i) => (
                    <li key={i} className={`callout ${f.severity === 'B' || f.severity === 'blocking' ? 'callout-danger' : 'callout-warning'}`}>
                      {f.message ?? f.ruleId}
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="cluster">
                <LinkButton to={`/c/${creatorId}/posts/${d.id}/stats`} variant="primary">
                  Add stats
                </LinkButton>
                <span className="muted small">We ask for your numbers 7 and 30 days after posting.</span>
                <Link to={`/c/${creatorId}/posts/${d.id}/ads-permission`}>Ads permission</Link>
              </div>
            </Card>
          ) : !canPost ? (
            <Card>
              <p>You can add the live post once {page.brand.name} approves your draft.</p>
            </Card>
          ) : null}
        </div>
        <div className="stack">
          {page.approvedCaption !== null ? (
            <Card title={`Approved caption (v${page.approvedVersion})`}>
              <p style={{ whiteSpace: 'pre-wrap' }}>{page.approvedCaption}</p>
            </Card>
          ) : null}
          <Card title="Your link and code">
            {page.link ? (
              <p>
                {page.link.forThisPost ? 'Tracked link for this post' : 'Tracked link (one for the whole collaboration)'}: <code>{`${origin}/r/${page.link.code}`}</code>
                <br />
                <span className="muted small">
                  {page.link.clicks} click{page.link.clicks === 1 ? '' : 's'} so far (one per person per day, bots not counted)
                </span>
              </p>
            ) : (
              <p className="muted small">{page.brand.name} has not created a tracked link for you yet.</p>
            )}
            {page.promoCodes.length ? (
              <p>
                Promo code{page.promoCodes.length === 1 ? '' : 's'}: <strong>{page.promoCodes.join(', ')}</strong>
              </p>
            ) : null}
            <p className="small">
              <Link to={`/c/${creatorId}`}>Back to my to-do list</Link>
            </p>
          </Card>
        </div>
      </div>
    </>
  )
}
