import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, PageHeader } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { JOB_STATUS_LABEL, JOB_STATUS_TONE } from '#app/domain/jobs.ts'
import { listBrandJobs } from '#app/services/jobs/list-brand-jobs.server.ts'
import { retryJob } from '#app/services/jobs/retry-job.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { jobActionSchema } from '#app/validation/jobs.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'

export const meta: MetaFunction = () => [{ title: 'Background jobs · Greenroom' }]

// Brand admins only (brand.settings): the brand's background jobs.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.settings')
  return listBrandJobs(actor.brand.id)
}

// Brand admins only: retry a failed or dead-lettered job of this brand.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.settings')
  return handleAction(async () => {
    const input = await parseForm(args.request, jobActionSchema)
    await retryJob(actor, input.jobId)
    return redirectWithFlash(`/b/${actor.brand.slug}/jobs`, 'Job queued again. It runs within a few seconds.')
  })
}

function JobRows({ jobs, retrying }: { jobs: ReturnType<typeof useLoaderData<typeof loader>>['failed']; retrying: string | null }) {
  return (
    <ul className="list">
      {jobs.map((job) => (
        <li key={job.id} className="list-row" data-job={job.id}>
          <div className="stack-sm">
            <div>
              <strong>{job.label}</strong> <Chip tone={JOB_STATUS_TONE[job.status]}>{JOB_STATUS_LABEL[job.status]}</Chip>
            </div>
            <div className="muted small">
              Attempt {job.attempts} of {job.maxAttempts}
              {job.status === 'queued' || job.status === 'failed' ? (
                <>
                  {' '}
                  · runs <DateTime value={job.runAt} />
                </>
              ) : (
                <>
                  {' '}
                  · updated <DateTime value={job.updatedAt} />
                </>
              )}
            </div>
            {job.lastError ? <p className="field-error small">{job.lastError}</p> : null}
          </div>
          {job.canRetry ? (
            <Form method="post">
              <input type="hidden" name="intent" value="retry" />
              <input type="hidden" name="jobId" value={job.id} />
              <Button type="submit" variant="secondary" pending={retrying === job.id} pendingText="Retrying…">
                Retry now
              </Button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export default function Jobs() {
  const { queued, running, failed, doneLastWeek } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const nav = useNavigation()
  const retrying = nav.state !== 'idle' && nav.formData?.get('intent') === 'retry' ? String(nav.formData.get('jobId')) : null
  const empty = queued.length + running.length + failed.length === 0
  return (
    <>
      <PageHeader
        title="Background jobs"
        subtitle={`Work Greenroom does for this brand in the background, retried automatically when it fails. ${doneLastWeek} finished in the last 7 days.`}
      />
      <FormError errors={failure?.formError ?? null} />
      {empty ? (
        <EmptyState title="Nothing waiting">Every background job for this brand has finished.</EmptyState>
      ) : null}
      {failed.length > 0 ? (
        <Card title={`Failed (${failed.length})`}>
          <p className="muted small">A failed job is retried with growing pauses; after its last attempt it gives up and waits here until you retry it.</p>
          <JobRows jobs={failed} retrying={retrying} />
        </Card>
      ) : null}
      {running.length > 0 ? (
        <Card title={`Running (${running.length})`}>
          <JobRows jobs={running} retrying={retrying} />
        </Card>
      ) : null}
      {queued.length > 0 ? (
        <Card title={`Queued (${queued.length})`}>
          <JobRows jobs={queued} retrying={retrying} />
        </Card>
      ) : null}
    </>
  )
}
