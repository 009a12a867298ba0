import type { ReactNode } from 'react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, PageHeader, TextField } from '#app/components/ui.tsx'
import { ADS_PERMISSION_LABEL, type AdsPermissionKind } from '#app/domain/contract-labels.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getAdsPermissionPage, recordAdsPermission, revokeAdsPermission } from '#app/services/contracts/ads-permissions.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { echoValues } from '#app/utils/echo-values.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { adsPermissionSchema, revokeAdsPermissionSchema } from '#app/validation/contracts.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { peekForm } from '#app/validation/parse-form.server.ts'

export const meta: MetaFunction = () => [{ title: 'Ads permission · Greenroom' }]

// The creator, or an agent acting for them (recording ads access needs the submit_content scope).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  return handleLoader(async () => ({
    creatorId: actor.creator.id,
    canSubmit: actor.via.kind === 'self' || actor.via.scopes.includes('submit_content'),
    page: await getAdsPermissionPage(actor.creator.id, args.params.deliverable ?? ''),
  }))
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'submit_content')
  const deliverableId = args.params.deliverable ?? ''
  const back = `/c/${actor.creator.id}/posts/${deliverableId}/ads-permission`
  let fields: FormData | null = null
  const result = await handleAction(async () => {
    const form = await peekForm(args.request)
    fields = form
    if (form.get('intent') === 'revoke') {
      const input = parseFormData(form, revokeAdsPermissionSchema)
      await revokeAdsPermission(actor, deliverableId, input.permissionId)
      return redirectWithFlash(back, 'Marked as withdrawn. The brand no longer sees it.')
    }
    const input = parseFormData(form, adsPermissionSchema)
    await recordAdsPermission(actor, deliverableId, input)
    return redirectWithFlash(back, 'Saved. The brand sees it next to the usage rights.')
  })
  return fields ? echoValues(result, fields) : result
}

export default function AdsPermission() {
  const { creatorId, canSubmit, page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const echoed = echoedValues(actionData)
  const nav = useNavigation()
  const pendingKind = nav.state !== 'idle' && nav.formData?.get('intent') === 'record' ? String(nav.formData.get('kind')) : null
  const sentKind = echoed.get('kind')
  const err = (kind: string, field: string) => (sentKind === kind ? fieldError(failure, field) : undefined)
  const formErr = (kind: string) => (sentKind === kind && failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null)
  const value = (kind: string, field: string, fallback = '') => (sentKind === kind ? echoed.get(field, fallback) : fallback)
  const kinds = page.deliverable.kinds
  const current = page.permissions.filter((p) => !p.revokedAt)
  const earlier = page.permissions.filter((p) => p.revokedAt)
  return (
    <>
      <PageHeader
        title="Ads permission"
        subtitle={`${page.brandName} · ${page.deliverable.label}`}
        back={{
          to: `/c/${creatorId}/posts/${page.deliverable.id}`,
          label: 'Live post',
        }}
      />
      <div className="stack">
        <Card title="What the brand may do">
          {page.licence ? (
            <p>
              {page.licence.paidAds ? 'Your contract lets the brand run this content as paid ads' : 'Your contract does not include paid ads; the brand may only repost it'}
              {page.licence.perpetual || !page.licence.endsOn ? (
                ', with no end date.'
              ) : (
                <>
                  {' '}
                  until the end of <DateTime value={page.licence.endsOn} dateOnly /> ({page.licence.timeZone}).
                </>
              )}
            </p>
          ) : (
            <p className="muted">No signed contract yet. Usage rights appear here once you and the brand have both signed.</p>
          )}
          <p className="small muted">
            {kinds.length
              ? `Grant ads access on ${kinds.includes('tiktok_spark') ? 'TikTok' : 'Instagram'} first, then record it here so the brand knows what it can use and until when.`
              : `${page.deliverable.label}s have no ads access to record here.`}
          </p>
        </Card>
        <Card title="Access you granted">
          {current.length === 0 ? (
            <EmptyState title="Nothing recorded yet">
              {canSubmit && kinds.length ? `Record the ${kinds.map((k) => ADS_PERMISSION_LABEL[k].replace(/^Instagram p/, 'p')).join(' or ')} below.` : 'No ads access is recorded for this post.'}
            </EmptyState>
          ) : (
            <ul className="plain stack-sm" aria-label="Ads access granted">
              {current.map((p) => (
                <li key={p.id} className={p.outlives ? 'callout callout-danger' : 'callout'}>
                  <strong>{ADS_PERMISSION_LABEL[p.kind]}</strong>
                  {p.brandAccount ? ` to ${p.brandAccount}` : ''}
                  {p.code ? (
                    <>
                      {' '}
                      · <code className="break-all">{p.code}</code>
                    </>
                  ) : null}
                  <br />
                  <span className="small">
                    {p.grantedOn ? (
                      <>
                        Granted <DateTime value={p.grantedOn} dateOnly /> ·{' '}
                      </>
                    ) : null}
                    {p.expiresOn ? (
                      <>
                        valid until <DateTime value={p.expiresOn} dateOnly />
                      </>
                    ) : (
                      'no expiry'
                    )}
                  </span>
                  {p.outlives ? <p className="small">{p.outlives}: withdraw the access on the platform when the licence ends.</p> : null}
                  {canSubmit ? (
                    <Form method="post" className="cluster">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="permissionId" value={p.id} />
                      <Button type="submit" pending={nav.state !== 'idle' && nav.formData?.get('permissionId') === p.id} pendingText="Saving…">
                        I withdrew this access
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canSubmit && kinds.length ? (
          <div className={kinds.length > 1 ? 'split' : 'stack'}>
            {kinds.includes('instagram_partnership') ? (
              <AccessForm kind="instagram_partnership" title="Instagram partnership ads" save="Save Instagram permission" pending={pendingKind === 'instagram_partnership'} formError={formErr('instagram_partnership')}>
                  <TextField
                    label="Brand account you gave permission to"
                    name="brandAccount"
                    required
                    autoComplete="off"
                    placeholder="@acme"
                    defaultValue={value('instagram_partnership', 'brandAccount')}
                    error={err('instagram_partnership', 'brandAccount')}
                  />
                  <TextField
                    label="Day you granted it"
                    name="grantedOn"
                    type="date"
                    required
                    max={page.today}
                    defaultValue={value('instagram_partnership', 'grantedOn', page.today)}
                    error={err('instagram_partnership', 'grantedOn')}
                  />
                  <TextField
                    label="Ends on (if you set an end)"
                    name="expiresOn"
                    type="date"
                    min={page.today}
                    defaultValue={value('instagram_partnership', 'expiresOn')}
                    error={err('instagram_partnership', 'expiresOn')}
                    hint="Leave empty if the permission runs until you remove it."
                  />
              </AccessForm>
            ) : null}
            {kinds.includes('tiktok_spark') ? (
              <AccessForm kind="tiktok_spark" title="TikTok Spark Ads code" save="Save Spark code" pending={pendingKind === 'tiktok_spark'} formError={formErr('tiktok_spark')}>
                  <TextField
                    label="Authorization code"
                    name="code"
                    required
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="#…"
                    defaultValue={value('tiktok_spark', 'code')}
                    error={err('tiktok_spark', 'code')}
                    hint="TikTok: the post’s ⋯ menu > Ad settings > Generate code. Paste it whole."
                  />
                  <TextField
                    label="Day you made the code"
                    name="grantedOn"
                    type="date"
                    required
                    max={page.today}
                    defaultValue={value('tiktok_spark', 'grantedOn', page.today)}
                    error={err('tiktok_spark', 'grantedOn')}
                  />
                  <TextField
                    label="Code valid until"
                    name="expiresOn"
                    type="date"
                    required
                    min={page.today}
                    defaultValue={value('tiktok_spark', 'expiresOn')}
                    error={err('tiktok_spark', 'expiresOn')}
                  />
              </AccessForm>
            ) : null}
          </div>
        ) : null}
        {earlier.length ? (
          <Card title="Earlier access">
            <ul className="plain stack-sm">
              {earlier.map((p) => (
                <li key={p.id} className="small muted">
                  <Chip>withdrawn</Chip> {ADS_PERMISSION_LABEL[p.kind]}
                  {p.brandAccount ? ` to ${p.brandAccount}` : ''}
                  {p.code ? ` · ${p.code}` : ''}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  )
}

/** One "record the access you granted" form: its kind, the fields of that kind, one Save button with its pending state. */
function AccessForm({ kind, title, save, pending, formError, children }: { kind: AdsPermissionKind; title: string; save: string; pending: boolean; formError: string | null; children: ReactNode }) {
  return (
    <Card title={title}>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="kind" value={kind} />
        <FormError errors={formError} />
        {children}
        <Button type="submit" variant="primary" pending={pending} pendingText="Saving…">
          {save}
        </Button>
      </Form>
    </Card>
  )
}
