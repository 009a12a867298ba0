import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, DateTime, EmptyState, FormError, PageHeader, TextField } from '#app/components/ui.tsx'
import { METRIC_FIELDS, type MetricField } from '#app/domain/metric-fields.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { metricSourceLabel } from '#app/domain/connectors.ts'
import { getCreatorPostPage } from '#app/services/posts/get-creator-post-page.server.ts'
import { submitCreatorStats } from '#app/services/metrics/submit-creator-stats.server.ts'
import { uploadRules } from '#app/services/files/limits.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { echoValues } from '#app/utils/echo-values.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Post stats · Greenroom' }]

const LABEL: Record<MetricField, string> = {
  impressions: 'Impressions',
  reach: 'Accounts reached',
  views: 'Views / plays',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  clicks: 'Link taps',
  followers: 'Your followers today',
}

// The creator, or an agent acting for them (reporting needs the submit_content scope).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  return handleLoader(async () => ({
    creatorId: actor.creator.id,
    canSubmit: actor.via.kind === 'self' || actor.via.scopes.includes('submit_content'),
    page: await getCreatorPostPage(actor.creator.id, args.params.deliverable ?? ''),
    upload: uploadRules('metric_evidence'),
  }))
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'submit_content')
  // The text fields as sent, echoed back with a refusal so the numbers are not lost (files never are echoed).
  let fields: FormData | null = null
  const result = await handleAction(async () => {
    await submitCreatorStats(actor, args.params.deliverable ?? '', args.request, (f) => (fields = f))
    return redirectWithFlash(`/c/${actor.creator.id}/posts/${args.params.deliverable}/stats`, 'Thanks — your stats are saved.')
  })
  return fields ? echoValues(result, fields) : result
}

const nf = new Intl.NumberFormat('en-US')

export default function PostStats() {
  const { creatorId, canSubmit, page, upload } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const echoed = echoedValues(actionData)
  const pending = useIsPending({ intent: 'stats' })
  const post = page.post
  const today = new Date().toISOString().slice(0, 10)
  const ageDays = post ? Math.floor((Date.now() - new Date(post.postedAt).getTime()) / 86_400_000) : 0
  return (
    <>
      <PageHeader title="Post stats" subtitle={`${page.brand.name} · ${page.campaign.name}`} back={{ to: `/c/${creatorId}/posts/${page.deliverable.id}`, label: 'Live post' }} />
      {!post ? (
        <Card>
          <EmptyState title="No live post yet">Add your live post link first; stats come 7 and 30 days after posting.</EmptyState>
        </Card>
      ) : (
        <div className="split">
          {canSubmit ? (
            <Card title={ageDays >= 28 ? 'Add your 30-day stats' : 'Add your 7-day stats'}>
              <Form method="post" encType="multipart/form-data" className="stack" noValidate>
                <input type="hidden" name="intent" value="stats" />
                <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
                <p className="small muted">Open the post’s insights on the platform and copy the numbers. Leave a box empty if the platform does not show it.</p>
                <TextField label="Day you read the numbers" name="capturedOn" type="date" required defaultValue={echoed.get('capturedOn', today)} max={today} error={fieldError(failure, 'capturedOn')} />
                <div className="grid-2">
                  {METRIC_FIELDS.map((f) => (
                    <TextField key={f} label={LABEL[f]} name={f} inputMode="numeric" autoComplete="off" defaultValue={echoed.get(f)} error={fieldError(failure, f)} />
                  ))}
                </div>
                <TextField
                  label="Screenshot of the insights"
                  name="evidence"
                  type="file"
                  accept={upload.accept}
                  required
                  hint={`A screenshot of the platform’s insights screen showing these numbers (${upload.allowed}, up to ${upload.limit}).`}
                  error={fieldError(failure, 'evidence')}
                />
                <Button type="submit" variant="primary" pending={pending} pendingText="Saving…">
                  Save stats
                </Button>
              </Form>
            </Card>
          ) : null}
          <Card title="Numbers so far">
            {page.snapshots.length === 0 ? (
              <p className="muted">Nothing yet.</p>
            ) : (
              <div className="table-wrap table-wrap-flow">
                <table className="table-compact">
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col">From</th>
                      <th scope="col" className="num">Views</th>
                      <th scope="col" className="num">Reach</th>
                      <th scope="col" className="num">Likes</th>
                      <th scope="col">Screenshot</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.snapshots.map((s) => (
                      <tr key={s.id}>
                        <td>
                          <DateTime value={s.capturedAt} dateOnly />
                        </td>
                        <td>{s.source === 'creator' ? 'You' : metricSourceLabel(s.source, post.platform)}</td>
                        <td className="num">{s.views === null ? '—' : nf.format(Number(s.views))}</td>
                        <td className="num">{s.reach === null ? '—' : nf.format(Number(s.reach))}</td>
                        <td className="num">{s.likes === null ? '—' : nf.format(Number(s.likes))}</td>
                        <td>{s.evidenceFileId ? <a href={`/files/${s.evidenceFileId}`} target="_blank" rel="noreferrer">Open</a> : <span className="muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
      )}
    </>
  )
}
