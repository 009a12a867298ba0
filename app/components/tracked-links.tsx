import { Form } from '@remix-run/react'
import { Button } from '#app/components/ui.tsx'
import type { AttributionLink } from '#app/services/attribution/list-attribution.server.ts'

/**
 * A collaboration's tracked links on the attribution page: one per post, each named by its post so the
 * brand hands the reel's link to the reel and the TikTok's to the TikTok; an older link for the whole
 * collaboration is shown as such. Posts still without a link get them from one destination.
 */
export function TrackedLinksCell({
  offerId,
  creatorName,
  origin,
  links,
  unlinked,
  pending,
}: {
  offerId: string
  creatorName: string
  origin: string
  links: AttributionLink[]
  unlinked: string[]
  pending: boolean
}) {
  return (
    <div className="stack-sm">
      {links.length ? (
        <ul className="plain stack-sm">
          {links.map((l) => (
            <li key={l.code}>
              <div className="small strong">{l.label ?? 'Whole collaboration (older link)'}</div>
              <code>
                {origin}/r/{l.code}
              </code>
              <div className="muted small truncate" style={{ maxWidth: '18rem' }}>
                {l.clicks} click{l.clicks === 1 ? '' : 's'} · → {l.destinationUrl}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {unlinked.length ? (
        <Form method="post" className="stack-sm" noValidate>
          <input type="hidden" name="intent" value="link" />
          <input type="hidden" name="offerId" value={offerId} />
          <p className="muted small" id={`unlinked-${offerId}`}>
            {links.length ? 'No link yet for: ' : 'One link per post: '}
            {unlinked.join(', ')}
          </p>
          <div className="cluster">
            <label className="sr-only" htmlFor={`dest-${offerId}`}>
              Destination for {creatorName}
            </label>
            <input
              className="input"
              id={`dest-${offerId}`}
              name="destinationUrl"
              type="url"
              placeholder="https://your-shop.com/product"
              defaultValue={links[0]?.destinationUrl}
              required
              aria-describedby={`unlinked-${offerId}`}
            />
            <Button type="submit" className="btn-sm" pending={pending} pendingText="Creating…">
              {unlinked.length === 1 ? 'Create link' : `Create ${unlinked.length} links`}
            </Button>
          </div>
        </Form>
      ) : null}
    </div>
  )
}
