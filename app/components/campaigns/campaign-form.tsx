import { Form } from '@remix-run/react'
import { Button, CheckboxField, FormError, SelectField, TextField, TextareaField } from '#app/components/ui.tsx'
import { CURRENCIES, PLATFORMS, PLATFORM_LABEL } from '#app/domain/catalog.ts'
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS } from '#app/domain/orders.ts'
import { fieldError, type ActionFailureShape } from '#app/utils/forms.ts'

export interface CampaignFormValues {
  name: string
  objective: string
  startsOn: string | null
  endsOn: string | null
  platforms: string[]
  budgetMinor: number
  currency: string
  attributionWindowDays?: number
}

/** Create / edit a campaign (works without JavaScript). Budget is typed in major units and stored in cents. */
export function CampaignForm({
  intent,
  values,
  failure,
  pending,
  submitLabel,
  showFormError = true,
  echoed,
}: {
  intent: 'create' | 'update'
  values: CampaignFormValues
  failure: ActionFailureShape | null
  pending: boolean
  submitLabel: string
  showFormError?: boolean
  /** Values typed before a failed no-JS submission (echoedValues), which win over `values`. */
  echoed?: { has: boolean; get: (name: string, fallback?: string) => string; all: (name: string) => string[] | null }
}) {
  const budget0 = values.budgetMinor ? (values.budgetMinor / 100).toFixed(2).replace(/\.00$/, '') : ''
  const v = (name: string, fallback: string) => (echoed?.has ? echoed.get(name) : fallback)
  const budget = v('budget', budget0)
  const platforms = echoed?.has ? (echoed.all('platforms') ?? []) : values.platforms
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormError errors={showFormError && failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      <TextField label="Name" name="name" required defaultValue={v('name', values.name)} error={fieldError(failure, 'name')} />
      <TextareaField
        label="Objective"
        name="objective"
        rows={3}
        defaultValue={v('objective', values.objective)}
        hint="What this campaign is for, e.g. launch the Trail 3 shoe to runners in the Pacific Northwest."
        error={fieldError(failure, 'objective')}
      />
      <div className="form-row">
        <TextField label="Starts" name="startsOn" type="date" defaultValue={v('startsOn', values.startsOn ?? '')} error={fieldError(failure, 'startsOn')} />
        <TextField label="Ends" name="endsOn" type="date" defaultValue={v('endsOn', values.endsOn ?? '')} error={fieldError(failure, 'endsOn')} />
      </div>
      <div className="form-row">
        <TextField
          label="Budget"
          name="budget"
          inputMode="decimal"
          defaultValue={budget}
          hint="Creator fees count against it once an offer is accepted."
          error={fieldError(failure, 'budget')}
        />
        <SelectField label="Currency" name="currency" defaultValue={v('currency', values.currency)} options={CURRENCIES.map((c) => ({ value: c, label: c }))} error={fieldError(failure, 'currency')} />
      </div>
      <TextField
        label="Attribution window (days)"
        name="attributionWindowDays"
        inputMode="numeric"
        defaultValue={v('attributionWindowDays', String(values.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS))}
        hint="Orders count for a creator when placed within this many days after a click on their link, or after their latest post for their promo code (1–365)."
        error={fieldError(failure, 'attributionWindowDays')}
      />
      <fieldset className="fieldset-box">
        <legend>Platforms</legend>
        <div className="cluster">
          {PLATFORMS.map((p) => (
            <CheckboxField key={p} label={PLATFORM_LABEL[p]} name="platforms" value={p} defaultChecked={platforms.includes(p)} />
          ))}
        </div>
        {fieldError(failure, 'platforms') ? <p className="field-error" role="alert">{fieldError(failure, 'platforms')}</p> : null}
      </fieldset>
      <div>
        <Button type="submit" variant="primary" pending={pending} pendingText="Saving…">
          {submitLabel}
        </Button>
      </div>
    </Form>
  )
}
