import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, CheckboxField, Chip, DateTime, FormError, PageHeader, StatusChip, TextareaField } from '#app/components/ui.tsx'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { platformLabelName } from '#app/domain/disclosure/platform-label-name.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getBrandPostPage } from '#app/services/posts/get-brand-post-page.server.ts'
import { sendBackPost } from '#app/services/posts/send-back-post.server.ts'
import { verifyPost } from '#app/services/posts/verify-post.server.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { postVerifySchema } from '#app/validation/content.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { PlatformReadCard } from '#app/components/content/platform-read.tsx'
import { metricSourceLabel } from '#app/domain/connectors.ts'

export const meta: MetaFunction = () => [{ title: 'Verify live post · Greenroom' }]


// Managers and admins of the brand.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  return handleLoader(async () => ({ slug: actor.brand.slug, page: await getBrandPostPage(actor.brand.id, args.params.post ?? '') }))
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  return handleAction(async () => {
    const input = await parseForm(args.request, postVerifySchema, { arrayFields: ['attestations'] })
    const postId = args.params.post ?? ''
    if (input.intent === 'verify') {
      await verifyPost(actor, { postId, attestations: input.attestations })
      return redirectWithFlash(`/b/${actor.brand.slug}/posts`, 'Post verified.')
    }
    await sendBackPost(actor, { postId, note: input.note })
    return redirectWithFlash(`/b/${actor.brand.slug}/posts`, 'Sent back to the creator with your note.')
  })
}

const n = new Intl.NumberFormat('en-US')
const fmt = (v: number | string | null) => (v === null ? '—' : n.format(Number(v)))

export default function VerifyPost() {
  const { slug, page } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const verifying = useIsPending({ intent: 'verify' })
  const sending = useIsPending({ intent: 'send-back' })
  const { post, deliverable, creator, campaign } = page
  const label = deliverableLabel({ platform: post.platform, format: deliverable.format })
  const blocking = post.findings.filter((f) => f.severity === 'B' || f.severity === 'blocking')
  return (
    <>
      <PageHeader
        title={`${creator.name} · ${label}`}
        subtitle={campaign.name}
        back={{ to: `/b/${slug}/posts`, label: 'Live posts' }}
        actions={<StatusChip status={post.status} />}
      />
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      <div className="split">
        <div className="stack">
          <Card title="The live post">
            <dl className="dl">
              <dt>Address</dt>
              <dd>
                <a href={post.url} target="_blank" rel="noopener noreferrer">
                  {post.url}
                </a>
              </dd>
              <dt>Posted</dt>
              <dd>
                <DateTime value={post.postedAt} dateOnly />{' '}
                {post.outsideWindow ? (
                  <Chip tone="warning">
                    Outside the window {deliverable.postWindowStart ?? '…'} – {deliverable.postWindowEnd ?? '…'}
                  </Chip>
                ) : (
                  <Chip tone="success">In its window</Chip>
                )}
              </dd>
            </dl>
          </Card>
          <Card title="Caption as posted">
            {page.diff ? (
              <>
                <p className="muted small">
                  {page.captionChanged ? 'Compared with the approved draft: added words are underlined, removed ones struck through.' : 'Same as the approved draft.'}
                </p>
                <p className="prose" style={{ whiteSpace: 'pre-wrap' }} data-testid="caption-diff">
                  {page.diff.map((part, i) =>
                    part.kind === 'same' ? (
                      <span key={i}>{part.text}</span>
                    ) : part.kind === 'added' ? (
                      <ins key={i} className="diff-added" title="Added after approval">
                        {part.text}
                      </ins>
                    ) : (
                      <del key={i} className="diff-removed" title="In the approved draft, missing from the post">
                        {part.text}
                      </del>
                    ),
                  )}
                </p>
              </>
            ) : (
              <p style={{ whiteSpace: 'pre-wrap' }}>{post.caption || <span className="muted">No caption.</span>}</p>
            )}
            {post.findings.length > 0 ? (
              <ul className="plain stack-sm" aria-label="Disclosure findings">
                {post.findings.map((f, i) => (
                  <li key={i} className={`callout ${f.severity === 'B' || f.severity === 'blocking' ? 'callout-danger' : 'callout-warning'}`}>
                    <strong>{f.ruleId ?? 'Check'}</strong> {f.message ?? ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="callout callout-success">The disclosure checker found nothing wrong with the caption as posted.</p>
            )}
          </Card>
        </div>
        <div className="stack sticky-side">
          {page.platformRead ? <PlatformReadCard read={page.platformRead} /> : null}
          {post.status === 'submitted' ? (
            <>
              <Card title="Verify">
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="verify" />
                  <p className="small">Open the post on {PLATFORM_LABEL[post.platform as Platform] ?? post.platform} and tick what you saw:</p>
                  <p className={`small ${post.platformLabelDeclared === false ? 'callout callout-danger' : 'muted'}`} data-testid="label-declared">
                    {post.platformLabelDeclared === null
                      ? `The creator was not asked about ${platformLabelName(post.platform)}: check it on the post.`
                      : `The creator says ${platformLabelName(post.platform)} is ${post.platformLabelDeclared ? 'on' : 'off: send the post back'}.`}
                  </p>
                  <fieldset className="stack-sm">
                    <legend className="sr-only">Checks on the live post</legend>
                    {page.checks.map((c) => (
                      <CheckboxField key={c.id} name="attestations" value={c.id} label={c.label} />
                    ))}
                  </fieldset>
                  {fieldError(failure, 'attestations') ? <p className="field-error" role="alert">{fieldError(failure, 'attestations')}</p> : null}
                  {blocking.length > 0 ? <p className="callout callout-warning small">The post has blocking findings: consider sending it back.</p> : null}
                  <Button type="submit" variant="primary" pending={verifying} pendingText="Verifying…">
                    Verify post
                  </Button>
                </Form>
              </Card>
              <Card title="Send back">
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="send-back" />
                  <TextareaField label="What needs to change" name="note" rows={3} placeholder="Add #ad to the first line" error={fieldError(failure, 'note')} />
                  <Button type="submit" pending={sending} pendingText="Sending…">
                    Send back to {creator.name.split(' ')[0]}
                  </Button>
                </Form>
              </Card>
            </>
          ) : post.status === 'changes_requested' ? (
            <Card title="Sent back">
              <p className="callout callout-warning">{post.problemNote}</p>
              <p className="muted small">Waiting for {creator.name} to fix the post and resubmit it.</p>
            </Card>
          ) : (
            <Card title="Verified">
              <p>
                Verified <DateTime value={post.verifiedAt ?? post.postedAt} />.
              </p>
              <ul className="checklist">
                {page.checks.map((c) => (
                  <li key={c.id} className={post.attestations[c.id] ? 'is-done' : ''}>
                    {c.label}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
      {/* Full width: seven number columns do not fit the split's left column at 1280 px. */}
      {page.snapshots.length > 0 ? (
        <Card title="Reported numbers">
          <div className="table-wrap table-wrap-flow">
            <table className="table-compact">
              <thead>
                <tr>
                  <th scope="col">Captured</th>
                  <th scope="col">Source</th>
                  <th scope="col" className="num">Impressions</th>
                  <th scope="col" className="num">Reach</th>
                  <th scope="col" className="num">Views</th>
                  <th scope="col" className="num">Likes</th>
                  <th scope="col" className="num">Comments</th>
                </tr>
              </thead>
              <tbody>
                {page.snapshots.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <DateTime value={s.capturedAt} dateOnly />
                    </td>
                    <td>
                      {metricSourceLabel(s.source, post.platform)}
                      {s.evidenceFileId ? (
                        <>
                          {' · '}
                          <a href={`/files/${s.evidenceFileId}`} target="_blank" rel="noreferrer">
                            screenshot
                          </a>
                        </>
                      ) : s.source === 'creator' ? (
                        <span className="muted small"> · no screenshot</span>
                      ) : null}
                    </td>
                    <td className="num">{fmt(s.impressions)}</td>
                    <td className="num">{fmt(s.reach)}</td>
                    <td className="num">{fmt(s.views)}</td>
                    <td className="num">{fmt(s.likes)}</td>
                    <td className="num">{fmt(s.comments)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
    </>
  )
}
