import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { MediaFindings } from '#app/components/content/media-findings.tsx'
import { CaptionRequirements, CreatorDraftVersions, DeliverableNextStep, DeliverableStanding } from '#app/components/content/creator-deliverable-parts.tsx'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorDeliverablePage } from '#app/services/content/get-creator-deliverable-page.server.ts'
import { submitDraft } from '#app/services/content/submit-draft.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'

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

// The page: what to do next and the versions so far; beside them, where it stands and what the caption needs.
export default function CreatorDeliverable() {
  const { creatorId, canAct, page } = useLoaderData<typeof loader>()
  const d = page.deliverable
  const offerHref = `/c/${creatorId}/offers/${page.offerId}`
  return (
    <>
      <PageHeader
        title={`${deliverableLabel(d)}${d.position > 1 ? ` #${d.position}` : ''} for ${page.brand.name}`}
        subtitle={page.campaign.name}
        back={{ to: offerHref, label: 'Offer and brief' }}
        actions={<StatusChip status={d.status} />}
      />
      <div className="split">
        <div className="stack">
          <DeliverableNextStep page={page} creatorId={creatorId} canAct={canAct} />
          {page.media ? (
            <Card title={`Media check of draft v${page.media.version}`} id="media-check">
              <MediaFindings media={page.media} audience="creator" />
            </Card>
          ) : null}
          <CreatorDraftVersions page={page} />
        </div>
        <div className="stack">
          <DeliverableStanding page={page} />
          <CaptionRequirements page={page} briefHref={`${offerHref}#brief`} />
        </div>
      </div>
    </>
  )
}
