import type { SerializeFrom } from '@remix-run/node'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Button, Card, CheckboxField, FormError, PageHeader } from '#app/components/ui.tsx'
import { ContractDocumentView, ContractFilesCard, ContractStatusChip, SignaturesCard, VersionsCard } from '#app/components/contract-view.tsx'
import { ESIGN_CONSENT } from '#app/domain/contract-labels.ts'
import type { getContractPage } from '#app/services/contracts/get-contract-page.server.ts'
import { fieldError, type ActionFailureShape } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export type ContractPageView = SerializeFrom<typeof getContractPage>

/**
 * The contract page both sides read (brand at /b/…/contracts/:id, creator at /c/…/contracts/:id): header with
 * the status, a notice, the document, and beside it the files, this side's actions, the signatures and versions.
 */
export function ContractPageFrame({
  page,
  back,
  title,
  subtitle,
  failure,
  notice,
  documentLabel,
  versionsBase,
  children,
}: {
  page: ContractPageView
  back: { to: string; label: string }
  title: string
  subtitle: ReactNode
  failure: ActionFailureShape | null
  notice: ReactNode
  documentLabel: string
  versionsBase: string
  children: ReactNode
}) {
  const c = page.contract
  return (
    <>
      <PageHeader
        back={back}
        title={title}
        subtitle={
          <span className="cluster">
            {subtitle}
            <ContractStatusChip status={c.status} />
          </span>
        }
      />
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      {notice}
      <div className="split">
        <div className="stack">
          <Card title="The contract">
            <ContractDocumentView document={c.document} />
          </Card>
        </div>
        <div className="stack sticky-side">
          <ContractFilesCard contract={c} documentLabel={documentLabel} />
          {children}
          <SignaturesCard signatures={page.signatures} creatorName={page.creatorName} brandName={page.brandName} />
          <VersionsCard versions={page.versions} current={c.id} base={versionsBase} />
        </div>
      </div>
    </>
  )
}

/** Consent, then sign (or countersign) exactly this version: its fingerprint goes with the form. */
export function SignContractForm({ documentSha256, failure, children, note }: { documentSha256: string; failure: ActionFailureShape | null; children: ReactNode; note?: ReactNode }) {
  const signing = useIsPending({ intent: 'sign' })
  return (
    <Form method="post" className="stack-sm" noValidate>
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="documentSha256" value={documentSha256} />
      <CheckboxField label={ESIGN_CONSENT} name="consent" error={fieldError(failure, 'consent')} />
      <Button type="submit" variant="primary" pending={signing} pendingText="Signing…">
        {children}
      </Button>
      {note}
    </Form>
  )
}
