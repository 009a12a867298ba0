import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, DateTime, EmptyState, FormError, PageHeader, SelectField, TextField } from '#app/components/ui.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { PLATFORMS, PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { addSocialAccount } from '#app/services/roster/add-social-account.server.ts'
import { getRosterCreatorAccounts } from '#app/services/roster/get-roster-creator-accounts.server.ts'
import { setRepresentedBy } from '#app/services/roster/set-represented-by.server.ts'
import { representedBySchema, socialAccountSchema } from '#app/validation/campaigns.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Accounts · ${data?.creator.name ?? 'Creator'} · Greenroom` }]

// Members who may see the roster; the creator must be on this brand's roster (404 otherwise).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.view')
  const data = await handleLoader(() => getRosterCreatorAccounts(actor.brand.id, args.params.creator!))
  return { ...data, brandSlug: actor.brand.slug, canEdit: roleCan(actor.role, 'roster.edit') }
}

// Managers and admins: record a social account (with a dated follower count) or who represents the creator.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.edit')
  const creatorId = args.params.creator!
  const here = `/b/${actor.brand.slug}/roster/${creatorId}/accounts`
  return handleAction(async () => {
    const intent = (await peekForm(args.request)).get('intent')
    if (intent === 'represented-by') {
      const input = await parseForm(args.request, representedBySchema)
      await setRepresentedBy(actor, creatorId, input.representedBy)
      return redirectWithFlash(here, input.representedBy ? `Recorded: represented by ${input.representedBy}.` : 'Representation cleared.')
    }
    const input = await parseForm(args.request, socialAccountSchema)
    const r = await addSocialAccount(actor, { ...input, creatorId })
    return redirectWithFlash(here, r.created ? `@${input.handle} added.` : `Follower count for @${input.handle} recorded.`)
  })
}

const num = new Intl.NumberFormat('en')

export default function CreatorAccounts() {
  const { creator, accounts, canEdit, brandSlug } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const adding = useIsPending({ intent: 'add-account' })
  const saving = useIsPending({ intent: 'represented-by' })
  return (
    <>
      <PageHeader back={{ to: `/b/${brandSlug}/roster/${creator.id}`, label: creator.name }} title={creator.name} subtitle="Social accounts and follower history." />
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      <div className={canEdit ? 'grid-2 grid-wide-left' : ''}>
        <Card title={`Accounts (${accounts.length})`}>
          {accounts.length === 0 ? (
            <EmptyState title="No accounts recorded">Add the creator's handles to see their reach and growth.</EmptyState>
          ) : (
            <ul className="list">
              {accounts.map((a) => (
                <li key={a.id} className="list-row">
                  <div className="stack-sm">
                    <strong>
                      {PLATFORM_LABEL[a.platform as Platform] ?? a.platform}{' '}
                      {a.profileUrl ? (
                        <a href={a.profileUrl} rel="noreferrer noopener" target="_blank">
                          @{a.handle}
                        </a>
                      ) : (
                        `@${a.handle}`
                      )}{' '}
                      <span className="chip">{a.enteredBy === 'brand' ? 'Brand-entered' : 'From the creator'}</span>
                    </strong>
                    <span className="muted small">
                      {a.history.map((h, i) => (
                        <span key={i}>
                          {i ? ' · ' : ''}
                          {num.format(h.followers)} on <DateTime value={h.capturedAt} dateOnly />
                        </span>
                      ))}
                    </span>
                  </div>
                  {a.followers !== null ? (
                    <span className="num">{num.format(a.followers)} followers</span>
                  ) : (
                    <span className="muted small">Counts shared once you work together</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canEdit ? (
          <div className="stack">
            <Card title="Track an account">
              <p className="small muted">What you record here is your brand’s own: other brands and the creator’s profile never see it.</p>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="add-account" />
                <SelectField label="Platform" name="platform" options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABEL[p] }))} error={fieldError(failure, 'platform')} />
                <TextField label="Handle" name="handle" required error={fieldError(failure, 'handle')} hint="Without the @. Recording a handle you already track adds today's follower count." />
                <TextField label="Profile link" name="profileUrl" type="url" error={fieldError(failure, 'profileUrl')} />
                <TextField label="Followers today" name="followers" inputMode="numeric" required error={fieldError(failure, 'followers')} />
                <Button type="submit" variant="primary" pending={adding} pendingText="Saving…">
                  Save account
                </Button>
              </Form>
            </Card>
            <Card title="Representation">
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="represented-by" />
                <TextField
                  label="Represented by"
                  name="representedBy"
                  defaultValue={creator.representedBy ?? ''}
                  hint="The agency or manager you deal with for this creator. Empty: none."
                  error={fieldError(failure, 'representedBy')}
                />
                <Button type="submit" pending={saving} pendingText="Saving…">
                  Save
                </Button>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  )
}
