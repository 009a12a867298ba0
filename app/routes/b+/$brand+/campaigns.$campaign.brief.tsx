import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, DateTime, FormError, SelectField, TextareaField } from '#app/components/ui.tsx'
import { BriefDiff, BriefView } from '#app/components/campaigns/brief-view.tsx'
import { BriefFilesEditor } from '#app/components/campaigns/brief-files.tsx'
import { CampaignHeader } from '#app/components/campaigns/campaign-header.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { BRIEF_FIELD_LABEL, JURISDICTION_LABEL, MEDIA_ALTERATIONS, MEDIA_ALTERATION_LABEL, diffBriefs, type BriefListField } from '#app/domain/brief.ts'
import { JURISDICTIONS } from '#app/domain/catalog.ts'
import { publishBrief } from '#app/services/briefs/publish-brief.server.ts'
import { saveBriefDraft } from '#app/services/briefs/save-brief-draft.server.ts'
import { attachBriefFiles } from '#app/services/briefs/attach-brief-files.server.ts'
import { removeBriefFile } from '#app/services/briefs/remove-brief-file.server.ts'
import { uploadRules } from '#app/services/files/limits.server.ts'
import { getCampaign } from '#app/services/campaigns/get-campaign.server.ts'
import { briefSchema, removeBriefFileSchema, startCampaignSchema } from '#app/validation/campaigns.ts'
import { changeCampaignStatus } from '#app/services/campaigns/change-campaign-status.server.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { echoValues } from '#app/utils/echo-values.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'


export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Brief · ${data?.campaign.name ?? 'Campaign'} · Greenroom` }]

// Any member who may see campaigns reads the brief; managers and admins edit and publish it.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.view')
  const data = await handleLoader(() => getCampaign(actor.brand.id, args.params.campaign!))
  const brief = data.brief!
  const accepted = data.offers.filter((o) => ['accepted', 'active', 'completed'].includes(o.status)).length
  return {
    brandSlug: actor.brand.slug,
    canEdit: roleCan(actor.role, 'campaign.edit') && data.campaign.status !== 'archived',
    campaign: { id: data.campaign.id, name: data.campaign.name, status: data.campaign.status },
    draft: brief.draft,
    published: brief.published,
    currentVersion: brief.currentVersion,
    versions: brief.versions,
    pending: brief.published ? diffBriefs(brief.published, brief.draft) : null,
    accepted,
    upload: uploadRules('brief_asset'),
  }
}

// Managers and admins: save the draft, or publish it as the next version.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.edit')
  const here = `/b/${actor.brand.slug}/campaigns/${args.params.campaign}/brief`
  // Attaching files: the body streams through the one upload path (never read into memory by peekForm).
  if ((args.request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    return handleAction(async () => {
      const added = await attachBriefFiles(actor, args.params.campaign!, args.request)
      return redirectWithFlash(`${here}#brief-files`, `${added.length === 1 ? `${added[0]!.name} is` : `${added.length} files are`} in the draft. Creators see ${added.length === 1 ? 'it' : 'them'} once you publish.`)
    })
  }
  const raw = await peekForm(args.request)
  const result = await handleAction(async () => {
    if (raw.get('intent') === 'remove-file') {
      const { fileId } = await parseForm(args.request, removeBriefFileSchema)
      const file = await removeBriefFile(actor, args.params.campaign!, fileId)
      return redirectWithFlash(`${here}#brief-files`, `${file.name} is removed from the draft.`)
    }
    // What comes after publishing: start the campaign from here, then send offers.
    if (raw.get('intent') === 'start-campaign') {
      await parseForm(args.request, startCampaignSchema)
      const r = await changeCampaignStatus(actor, args.params.campaign!, 'active')
      return redirectWithFlash(`/b/${actor.brand.slug}/campaigns/${args.params.campaign}/offers#send`, `${r.name} is now active. Send offers below.`)
    }
    const { intent, baseVersion, ...content } = await parseForm(args.request, briefSchema)
    if (intent === 'save') {
      await saveBriefDraft(actor, args.params.campaign!, content)
      return redirectWithFlash(here, 'Draft saved. Creators see it once you publish.')
    }
    const r = await publishBrief(actor, args.params.campaign!, content, baseVersion)
    return redirectWithFlash(
      here,
      r.reacknowledge
        ? `Version ${r.version} published. ${r.reacknowledge} creator${r.reacknowledge === 1 ? '' : 's'} who accepted will be asked to re-acknowledge it.`
        : `Version ${r.version} published.`,
    )
  })
  return echoValues(result, raw)
}

const LIST_FIELDS: { field: BriefListField; hint: string; rows?: number }[] = [
  { field: 'keyMessages', hint: 'One per line.' },
  { field: 'hashtags', hint: 'One per line, e.g. #AcmeTrail. The # is added if missing.', rows: 3 },
  { field: 'handles', hint: 'One per line, e.g. @acmerunning.', rows: 3 },
  { field: 'productNames', hint: 'One per line, e.g. Trail Runner 5. Shown in a video before the ad label, they count as a brand mention.', rows: 3 },
  { field: 'links', hint: 'One per line, starting with https://', rows: 3 },
  { field: 'dos', hint: 'One per line.' },
  { field: 'donts', hint: 'One per line.' },
  { field: 'approvedClaims', hint: 'The only product claims creators may make. One per line.' },
  { field: 'bannedWords', hint: 'Words or phrases that must not appear. One per line.', rows: 3 },
  { field: 'deadlines', hint: 'One per line, e.g. 2026-12-01: drafts due.', rows: 3 },
]

export default function BriefPage() {
  const { campaign, brandSlug, canEdit, draft, published, currentVersion, versions, pending, accepted, upload } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  // After a plain (no-JS) POST that failed, keep what was typed.
  const echoed = echoedValues(actionData)
  const dv = (name: string, fallback: string) => (echoed.has ? echoed.get(name) : fallback)
  const saving = useIsPending({ intent: 'save' })
  const publishing = useIsPending({ intent: 'publish' })
  const err = (f: string) => fieldError(failure, f)
  return (
    <>
      <CampaignHeader brandSlug={brandSlug} campaign={campaign} />
      {canEdit && currentVersion > 0 ? <NextStep campaign={campaign} brandSlug={brandSlug} /> : null}
      {!canEdit ? (
        <Card title={published ? `Brief · version ${currentVersion}` : 'Brief'}>
          {published ? <BriefView brief={published} /> : <p className="muted">The brief has not been published yet.</p>}
        </Card>
      ) : (
        <div className="split">
          <Card title="Edit the brief">
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="baseVersion" value={currentVersion} />
              {/* a refused upload says so next to the file input instead */}
              <FormError errors={err('files') ? null : failure?.formError} />
              <TextareaField label={BRIEF_FIELD_LABEL.overview} name="overview" rows={5} defaultValue={dv('overview', draft.overview)} error={err('overview')} hint="What the campaign is and what you want the content to do." />
              {LIST_FIELDS.map((f) => (
                <TextareaField
                  key={f.field}
                  label={BRIEF_FIELD_LABEL[f.field]}
                  name={f.field}
                  rows={f.rows ?? 4}
                  defaultValue={dv(f.field, draft[f.field].join('\n'))}
                  hint={f.hint}
                  error={err(f.field)}
                />
              ))}
              <TextareaField label={BRIEF_FIELD_LABEL.productNotes} name="productNotes" rows={3} defaultValue={dv('productNotes', draft.productNotes)} error={err('productNotes')} />
              <TextareaField label={BRIEF_FIELD_LABEL.shippingNotes} name="shippingNotes" rows={3} defaultValue={dv('shippingNotes', draft.shippingNotes)} error={err('shippingNotes')} hint="What you ship, when, and what the creator needs to do (sizes, address)." />
              <SelectField
                label="Disclosure jurisdiction"
                name="jurisdiction"
                defaultValue={dv('jurisdiction', draft.jurisdiction)}
                options={JURISDICTIONS.map((j) => ({ value: j, label: JURISDICTION_LABEL[j] }))}
                hint="Decides the disclosure each post must carry."
                error={err('jurisdiction')}
              />
              <SelectField
                label={BRIEF_FIELD_LABEL.mediaAlteration}
                name="mediaAlteration"
                defaultValue={dv('mediaAlteration', draft.mediaAlteration)}
                options={MEDIA_ALTERATIONS.map((m) => ({ value: m, label: MEDIA_ALTERATION_LABEL[m] }))}
                hint="Will the photos or videos show a body or face that was edited, or made by AI? In France the media must then say « Image retouchée » or « Image virtuelle »."
                error={err('mediaAlteration')}
              />
              <p className="muted small">
                Images and PDFs: <a href="#brief-files">Brief files</a>.
              </p>
              <div className="cluster">
                <Button type="submit" name="intent" value="save" pending={saving} pendingText="Saving…">
                  Save draft
                </Button>
                <Button type="submit" name="intent" value="publish" variant="primary" pending={publishing} pendingText="Publishing…">
                  Publish version {currentVersion + 1}
                </Button>
              </div>
              {accepted > 0 ? (
                <p className="muted small">
                  {accepted} creator{accepted === 1 ? ' has' : 's have'} accepted: publishing asks {accepted === 1 ? 'them' : 'each of them'} to re-acknowledge, and emails them the changes.
                </p>
              ) : null}
            </Form>
          </Card>
          <div className="stack">
            <BriefFilesEditor
              files={draft.files}
              published={published?.files.map((f) => f.id) ?? []}
              upload={upload}
              error={err('files')}
            />
            <Card title={published ? `Unpublished changes (against v${currentVersion})` : 'Not published yet'}>
              {pending === null ? (
                <p className="muted">Creators see the brief once you publish it. After that, every change is a new version with a list of what changed.</p>
              ) : (
                <>
                  <BriefDiff changes={pending} />
                  {pending.length ? <p className="muted small">This is the saved draft. Save after editing to refresh the preview.</p> : null}
                </>
              )}
            </Card>
            <Card title="Versions">
              {versions.length === 0 ? (
                <p className="muted">None yet.</p>
              ) : (
                <ul className="list">
                  {versions.map((v) => (
                    <li key={v.version} className="list-row">
                      <div className="stack-sm">
                        <strong>Version {v.version}</strong>
                        <span className="muted small">{v.changed ? `Changed: ${v.changed.join(', ') || 'nothing'}` : 'First version'}</span>
                      </div>
                      <DateTime value={v.publishedAt} dateOnly />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </div>
      )}
    </>
  )
}

/** After the brief is published: what comes next (start the draft campaign right here, or send offers). */
function NextStep({ campaign, brandSlug }: { campaign: { id: string; name: string; status: string }; brandSlug: string }) {
  const starting = useIsPending({ intent: 'start-campaign' })
  if (campaign.status === 'draft') {
    return (
      <div className="callout callout-info" data-testid="brief-next-step">
        <p className="callout-title">Next: start the campaign</p>
        <p>The brief is published, but {campaign.name} is still a draft, and offers can only be sent from an active campaign.</p>
        <Form method="post" className="cluster">
          <input type="hidden" name="intent" value="start-campaign" />
          <Button type="submit" variant="primary" pending={starting} pendingText="Starting…">
            Start campaign and send offers
          </Button>
        </Form>
      </div>
    )
  }
  if (campaign.status === 'active') {
    return (
      <div className="callout callout-info" data-testid="brief-next-step">
        <p>
          Next: <Link to={`/b/${brandSlug}/campaigns/${campaign.id}/offers#send`}>send offers</Link>. Creators read this brief with the offer.
        </p>
      </div>
    )
  }
  return null
}
