import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, PageHeader, SelectField, TextField } from '#app/components/ui.tsx'
import { PLATFORMS, PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { GRANT_SCOPE_LABEL } from '#app/auth/capabilities.ts'
import { notFound, requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorProfile } from '#app/services/creators/get-creator-profile.server.ts'
import { revokeAgentGrant } from '#app/services/creators/revoke-agent-grant.server.ts'
import { removeOwnSocialAccount } from '#app/services/creators/remove-own-social-account.server.ts'
import { saveOwnSocialAccount } from '#app/services/creators/save-own-social-account.server.ts'
import { updateCreatorContact } from '#app/services/creators/update-creator-contact.server.ts'
import { creatorProfileActionSchema } from '#app/validation/creator-forms.server.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { enabledPlatforms } from '#app/services/connectors/platforms.server.ts'

export const meta: MetaFunction = () => [{ title: 'Profile · Greenroom' }]

// The creator, or an agent acting for them (read only for agents).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const profile = await getCreatorProfile(actor.creator.id)
  if (!profile) notFound()
  return { ...profile, isSelf: actor.via.kind === 'self', canConnect: enabledPlatforms().length > 0 }
}

// The creator only (the services refuse agents): contact details, social accounts, agency access.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const here = `/c/${actor.creator.id}/profile`
  return handleAction(async () => {
    const input = await parseForm(args.request, creatorProfileActionSchema)
    if (input.intent === 'save-contact') {
      await updateCreatorContact(actor, input)
      return redirectWithFlash(here, 'Contact details saved. Brands you work with see them now.')
    }
    if (input.intent === 'save-account') {
      const r = await saveOwnSocialAccount(actor, input)
      return redirectWithFlash(
        here,
        r.created ? `@${input.handle} added.` : r.changed ? `Follower count for @${input.handle} updated.` : `@${input.handle} already shows ${input.followers.toLocaleString('en-US')} followers.`,
      )
    }
    if (input.intent === 'remove-account') {
      const gone = await removeOwnSocialAccount(actor, input.accountId)
      return redirectWithFlash(here, `@${gone.handle} removed.`)
    }
    await revokeAgentGrant(actor, input.grantId)
    return redirectWithFlash(here, 'Access revoked. The agency can no longer act for you.')
  })
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

export default function Profile() {
  const { creator, accounts, grants, isSelf, canConnect } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const err = (f: string) => fieldError(failure, f)
  const savingContact = useIsPending({ intent: 'save-contact' })
  const savingAccount = useIsPending({ intent: 'save-account' })
  const address = (creator.shippingAddress ?? {}) as Record<string, string | undefined>
  return (
    <>
      <PageHeader title="Profile" subtitle="What brands you work with see about you." />
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      <div className="grid-2">
        <Card title="Contact and shipping">
          {isSelf ? (
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="save-contact" />
              <TextField label="Name" name="name" required defaultValue={creator.name} autoComplete="name" error={err('name')} />
              <TextField label="Email" name="email" type="email" required defaultValue={creator.email} autoComplete="email" error={err('email')} hint="Where brands reach you. Your sign-in email does not change." />
              <TextField label="Phone" name="phone" type="tel" defaultValue={creator.phone ?? ''} autoComplete="tel" error={err('phone')} />
              <fieldset className="fieldset-box stack-sm">
                <legend>Shipping address (for products brands send you)</legend>
                <TextField label="Street" name="line1" defaultValue={address.line1 ?? ''} autoComplete="address-line1" error={err('line1')} />
                <TextField label="Apartment, suite" name="line2" defaultValue={address.line2 ?? ''} autoComplete="address-line2" error={err('line2')} />
                <div className="form-row">
                  <TextField label="City" name="city" defaultValue={address.city ?? ''} autoComplete="address-level2" error={err('city')} />
                  <TextField label="State / region" name="region" defaultValue={address.region ?? ''} autoComplete="address-level1" error={err('region')} />
                </div>
                <div className="form-row">
                  <TextField label="Postal code" name="postalCode" defaultValue={address.postalCode ?? ''} autoComplete="postal-code" error={err('postalCode')} />
                  <TextField label="Country" name="country" defaultValue={creator.country ?? address.country ?? ''} autoComplete="country" error={err('country')} hint="Two letters, e.g. US" />
                </div>
              </fieldset>
              <div>
                <Button type="submit" variant="primary" pending={savingContact} pendingText="Saving…">
                  Save contact details
                </Button>
              </div>
            </Form>
          ) : (
            <dl className="dl">
              <dt>Name</dt>
              <dd>{creator.name}</dd>
              <dt>Email</dt>
              <dd>{creator.email}</dd>
              <dt>Phone</dt>
              <dd>{creator.phone ?? <span className="muted">Not given</span>}</dd>
              <dt>Shipping address</dt>
              <dd>{Object.values(address).filter(Boolean).join(', ') || <span className="muted">Not given</span>}</dd>
            </dl>
          )}
        </Card>
        <Card title="Social accounts">
          {canConnect ? (
            <p className="small">
              <Link to={`/c/${creator.id}/connections`}>Connect your accounts</Link> so your live posts are found and measured for you.
            </p>
          ) : null}
          {accounts.length === 0 ? (
            <EmptyState title="No accounts yet">{isSelf ? 'Add your handles and follower counts so brands see your current reach.' : 'The creator has not added any accounts.'}</EmptyState>
          ) : (
            <ul className="list">
              {accounts.map((a) => (
                <li key={a.id} className="list-row profile-account">
                  <span>
                    <strong>{PLATFORM_LABEL[a.platform as Platform] ?? a.platform}</strong> @{a.handle}
                    <span className="muted small">
                      {' '}
                      · {compact.format(a.followers)} followers
                      {a.followersAt ? (
                        <>
                          {' '}
                          (<DateTime value={a.followersAt} dateOnly />)
                        </>
                      ) : null}
                    </span>
                  </span>
                  {isSelf ? (
                    <span className="cluster">
                      <Form method="post" className="cluster profile-followers-form">
                        <input type="hidden" name="intent" value="save-account" />
                        <input type="hidden" name="platform" value={a.platform} />
                        <input type="hidden" name="handle" value={a.handle} />
                        <TextField label={`Followers today on @${a.handle}`} name="followers" inputMode="numeric" defaultValue={String(a.followers)} className="field-compact" echo={false} />
                        <Button type="submit" className="btn-sm">
                          Update
                        </Button>
                      </Form>
                      <Form method="post" onSubmit={(e) => !confirm(`Remove @${a.handle}? Its follower history goes with it.`) && e.preventDefault()}>
                        <input type="hidden" name="intent" value="remove-account" />
                        <input type="hidden" name="accountId" value={a.id} />
                        <Button type="submit" variant="ghost" className="btn-sm">
                          Remove
                        </Button>
                      </Form>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {isSelf ? (
            <Form method="post" className="stack-sm profile-add-account" noValidate>
              <input type="hidden" name="intent" value="save-account" />
              <p className="strong">Add an account</p>
              <div className="form-row">
                <SelectField label="Platform" name="platform" placeholder="Choose…" options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABEL[p] }))} error={err('platform')} />
                <TextField label="Handle" name="handle" placeholder="@yourhandle" error={err('handle')} />
                <TextField label="Followers" name="followers" inputMode="numeric" error={err('followers')} />
              </div>
              <div>
                <Button type="submit" pending={savingAccount} pendingText="Saving…">
                  Add account
                </Button>
              </div>
            </Form>
          ) : null}
          <p className="muted xsmall">Each update is recorded with today's date, so brands see your growth over time.</p>
        </Card>
      </div>
      <Card title="Agencies with access">
        {grants.length === 0 ? (
          <p className="muted">No agency can act for you.</p>
        ) : (
          <ul className="list">
            {grants.map((g) => (
              <li key={g.id} className="list-row">
                <div className="stack-sm">
                  <strong>{g.agencyName}</strong>
                  <span className="cluster">
                    {g.scopes.map((s) => (
                      <Chip key={s} tone="info">
                        {GRANT_SCOPE_LABEL[s]}
                      </Chip>
                    ))}
                    {g.agencyInvoices ? <Chip tone="neutral">Invoices to the agency</Chip> : null}
                  </span>
                  <span className="muted small">
                    Since <DateTime value={g.grantedAt} dateOnly />
                  </span>
                </div>
                {isSelf ? (
                  <Form method="post" onSubmit={(e) => !confirm(`Revoke ${g.agencyName}'s access? They will no longer be able to act for you.`) && e.preventDefault()}>
                    <input type="hidden" name="intent" value="revoke-grant" />
                    <input type="hidden" name="grantId" value={g.id} />
                    <Button type="submit" variant="danger">
                      Revoke
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}
