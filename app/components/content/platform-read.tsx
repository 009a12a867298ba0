import { Form } from '@remix-run/react'
import { Button, Card, DateTime, LinkButton } from '#app/components/ui.tsx'
import { useIsPending } from '#app/utils/use-pending.ts'

/** A post as a connected platform returned it (app/services/connectors/post-reads.server.ts postReadView). */
export interface PlatformRead {
  platformName: string
  permalink: string
  caption: string
  postedAt: string | null
  fetchedAt: string
}

function ReadDetails({ read, fetched }: { read: PlatformRead; fetched?: boolean }) {
  return (
    <>
      <dl className="dl">
        <dt>Link</dt>
        <dd>
          <a href={read.permalink} target="_blank" rel="noopener noreferrer">
            {read.permalink}
          </a>
        </dd>
        <dt>Posted</dt>
        <dd>{read.postedAt ? <DateTime value={read.postedAt} /> : <span className="muted">Not given</span>}</dd>
        {fetched ? (
          <>
            <dt>Read from {read.platformName}</dt>
            <dd>
              <DateTime value={read.fetchedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      <p className="small muted">Caption as posted on {read.platformName}:</p>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="platform-caption">
        {read.caption || <span className="muted">No caption.</span>}
      </p>
    </>
  )
}

/** The creator's live-post page: a post found on their connected account, to use or to dismiss. */
export function FoundPostCard({ read, useHref, using }: { read: PlatformRead; useHref: string; using: boolean }) {
  const dismissing = useIsPending({ intent: 'dismiss-found' })
  return (
    <Card title={`We found this post on ${read.platformName}`}>
      <ReadDetails read={read} />
      {using ? (
        <p className="callout callout-info small" role="status">
          The form below is filled in from {read.platformName}. Answer the label question, then submit.
        </p>
      ) : (
        <p className="small">Is this the post for this deliverable?</p>
      )}
      <div className="cluster">
        {using ? null : (
          <LinkButton to={useHref} variant="primary">
            Use this post
          </LinkButton>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="dismiss-found" />
          <Button type="submit" pending={dismissing} pendingText="Dismissing…">
            Not this one
          </Button>
        </Form>
      </div>
    </Card>
  )
}

/** The brand's verify page: what the platform returned for the submitted post. */
export function PlatformReadCard({ read }: { read: PlatformRead }) {
  return (
    <Card title={`From ${read.platformName}`}>
      <p className="small muted">Read from the creator’s connected account: the caption below is the one checked and stored.</p>
      <ReadDetails read={read} fetched />
    </Card>
  )
}
