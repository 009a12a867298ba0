import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, CheckboxField, FormError, PageHeader, SelectField, TextField } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { invoiceControls } from '#app/domain/brand-settings.ts'
import { JURISDICTIONS } from '#app/domain/catalog.ts'
import { toDecimalString } from '#app/domain/money.ts'
import { EMV_ACTIONS, ENGAGEMENT_FIELDS, RATE_BASES, emvFormulaOf, reportSettings } from '#app/domain/report-metrics.ts'
import { updateBrandSettings } from '#app/services/brands/update-brand-settings.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { brandSettingsSchema } from '#app/validation/brand-settings.ts'

export const meta: MetaFunction = () => [{ title: 'Brand settings · Greenroom' }]

/** Minor units (possibly fractional, e.g. 0.5 = half a cent) -> "0.005" in major units, exact to 4 decimals. */
function majorText(minor: number | undefined): string {
  if (minor === undefined) return ''
  const t = Math.round(minor * 100)
  const frac = String(t % 10_000).padStart(4, '0').replace(/0+$/, '')
  return `${Math.floor(t / 10_000)}${frac ? `.${frac}` : ''}`
}

// Admins only (brand.settings).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.settings')
  const report = reportSettings(actor.brand.settings)
  const controls = invoiceControls(actor.brand.settings)
  return {
    currency: actor.brand.currency,
    jurisdiction: actor.brand.jurisdiction,
    engagementSet: report.engagementSet,
    rateBasis: report.rateBasis,
    emv: Object.fromEntries(EMV_ACTIONS.map((a) => [a, majorText(report.emvValues[a])])) as Record<(typeof EMV_ACTIONS)[number], string>,
    emvFormula: emvFormulaOf(report, actor.brand.currency),
    approvalLimit: controls.approvalLimitMinor === null ? '' : toDecimalString(controls.approvalLimitMinor, actor.brand.currency),
    segregationOfDuties: controls.segregationOfDuties,
  }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.settings')
  return handleAction(async () => {
    const input = await parseForm(args.request, brandSettingsSchema(actor.brand.currency), { arrayFields: ['engagementSet'] })
    await updateBrandSettings(actor, input)
    return redirectWithFlash(`/b/${actor.brand.slug}/settings`, 'Settings saved. Reports and invoice approvals use them from now on.')
  })
}

const ENGAGEMENT_LABEL: Record<(typeof ENGAGEMENT_FIELDS)[number], string> = {
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  postClicks: 'Link taps',
}
const BASIS_LABEL: Record<(typeof RATE_BASES)[number], string> = {
  reach: 'Reach (engagements ÷ accounts reached)',
  views: 'Views (engagements ÷ views: usual for Reels, TikTok, YouTube)',
  impressions: 'Impressions (engagements ÷ impressions)',
  followers: 'Followers (engagements ÷ the creator’s followers)',
}
const JURISDICTION_LABEL: Record<(typeof JURISDICTIONS)[number], string> = {
  US: 'United States (FTC Endorsement Guides)',
  UK: 'United Kingdom (ASA / CMA)',
  IE: 'Ireland (ASAI / CCPC)',
  FR: 'France (loi n° 2023-451, influence commerciale)',
  DE: 'Germany (UWG § 5a, Medienanstalten)',
}
const EMV_LABEL: Record<(typeof EMV_ACTIONS)[number], string> = {
  impressions: 'Per impression',
  views: 'Per view',
  likes: 'Per like',
  comments: 'Per comment',
  shares: 'Per share',
  saves: 'Per save',
  postClicks: 'Per link tap',
}

export default function BrandSettings() {
  const s = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending()
  return (
    <>
      <PageHeader title="Brand settings" subtitle="How reports count and value results, which disclosure rules apply, and who may approve invoices." />
      {/* Keyed by the saved values: after a save the fields show what was stored (e.g. "1,000" -> "1000.00"). */}
      <Form key={JSON.stringify(s)} method="post" className="stack" noValidate>
        <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
        <div className="grid-2">
          <Card title="Disclosure">
            <SelectField
              label="Disclosure rules"
              name="jurisdiction"
              required
              defaultValue={s.jurisdiction}
              options={JURISDICTIONS.map((j) => ({ value: j, label: JURISDICTION_LABEL[j] }))}
              hint="The checker and every brief use these rules for the wording and placement of disclosures."
              error={fieldError(failure, 'jurisdiction')}
            />
          </Card>
          <Card title="Invoice approvals">
            <div className="stack">
              <TextField
                label={`Managers may approve invoices up to (${s.currency})`}
                name="invoiceApprovalLimit"
                inputMode="decimal"
                defaultValue={s.approvalLimit}
                hint="Above this total an admin must approve. Leave empty for no limit."
                error={fieldError(failure, 'invoiceApprovalLimit')}
              />
              <CheckboxField
                label="Segregation of duties"
                name="segregationOfDuties"
                defaultChecked={s.segregationOfDuties}
                hint="Whoever approved a post’s content may not approve its invoice, and whoever approved an invoice may not mark it paid."
                error={fieldError(failure, 'segregationOfDuties')}
              />
            </div>
          </Card>
        </div>
        <Card title="Engagement">
          <div className="grid-2">
            <fieldset className="stack-sm" aria-describedby={fieldError(failure, 'engagementSet') ? 'engagementSet-error' : undefined}>
              <legend className="strong">Interactions counted as engagements</legend>
              {ENGAGEMENT_FIELDS.map((f) => (
                <CheckboxField key={f} name="engagementSet" value={f} label={ENGAGEMENT_LABEL[f]} defaultChecked={s.engagementSet.includes(f)} />
              ))}
              {fieldError(failure, 'engagementSet') ? (
                <p className="field-error" id="engagementSet-error">
                  {fieldError(failure, 'engagementSet')}
                </p>
              ) : null}
              <p className="muted small">Every report states this set next to its engagement figures.</p>
            </fieldset>
            <SelectField
              label="Engagement rate denominator"
              name="engagementRateBasis"
              required
              defaultValue={s.rateBasis}
              options={RATE_BASES.map((b) => ({ value: b, label: BASIS_LABEL[b] }))}
              error={fieldError(failure, 'engagementRateBasis')}
            />
          </div>
        </Card>
        <Card title="Earned media value (EMV)">
          <p className="small">
            There is no industry standard for EMV: Greenroom computes it as the sum of each action’s count × the value you set here, and shows the formula next to every EMV figure. It is an
            estimate of what the same attention would cost in paid media, not a return on investment. Leave a value empty to leave that action out.
          </p>
          <p className="small muted">Now: EMV = {s.emvFormula}</p>
          <div className="grid-4">
            {EMV_ACTIONS.map((a) => (
              <TextField key={a} label={`${EMV_LABEL[a]} (${s.currency})`} name={`emv_${a}`} inputMode="decimal" defaultValue={s.emv[a]} placeholder="e.g. 0.005" error={fieldError(failure, `emv_${a}`)} />
            ))}
          </div>
        </Card>
        <div>
          <Button type="submit" variant="primary" pending={pending} pendingText="Saving…">
            Save settings
          </Button>
        </div>
      </Form>
    </>
  )
}
