import { Link } from '@remix-run/react'
import { Card, Chip, DateTime } from '#app/components/ui.tsx'
import { CONTRACT_STATUS_LABEL, type ContractStatus } from '#app/domain/contract-labels.ts'
import type { ContractDocument } from '#app/domain/contracts.ts'

export function ContractStatusChip({ status }: { status: ContractStatus }) {
  const tone = status === 'signed' ? 'success' : status === 'superseded' ? 'neutral' : 'warning'
  return <Chip tone={tone}>{CONTRACT_STATUS_LABEL[status]}</Chip>
}

/** The contract text as rendered for this version (the PDF carries the same words). */
export function ContractDocumentView({ document }: { document: ContractDocument }) {
  return (
    <article className="stack prose" aria-label="Contract text">
      <h2>{document.title}</h2>
      {document.sections.map((s) => (
        <section key={s.heading} className="stack-sm">
          <h3>{s.heading}</h3>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  )
}

export interface SignatureRow {
  party: 'creator' | 'brand'
  signerName: string
  signedAt: string | Date
  ip: string | null
  userAgent: string | null
  documentSha256: string
  agent: boolean
  role: string | null
}

export function SignaturesCard({ signatures, creatorName, brandName }: { signatures: SignatureRow[]; creatorName: string; brandName: string }) {
  return (
    <Card title="Signatures">
      {signatures.length === 0 ? <p className="muted">Nobody has signed this version yet.</p> : null}
      <ul className="list">
        {signatures.map((s) => (
          <li key={s.party} className="list-row">
            <div className="stack-sm">
              <strong>
                {s.party === 'creator' ? `${creatorName}` : brandName}: signed by {s.signerName}
                {s.agent ? ' (agent)' : ''}
                {s.role ? ` (${s.role})` : ''}
              </strong>
              <span className="small">
                <DateTime value={s.signedAt} /> · IP {s.ip ?? 'not recorded'}
              </span>
              <span className="small muted" style={{ overflowWrap: 'anywhere' }}>
                SHA-256 {s.documentSha256}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  )
}

export function VersionsCard({ versions, current, base }: { versions: { id: string; version: number; status: ContractStatus; createdAt: string | Date }[]; current: string; base: string }) {
  return (
    <Card title="Versions">
      <ul className="list">
        {versions.map((v) => (
          <li key={v.id} className="list-row">
            <span className="cluster">
              {v.id === current ? <strong>v{v.version} (this one)</strong> : <Link to={`${base}/${v.id}`}>v{v.version}</Link>}
              <ContractStatusChip status={v.status} />
              <span className="small muted">
                <DateTime value={v.createdAt} />
              </span>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  )
}

/** The version's PDF and, once both have signed, the signed PDF, each with the SHA-256 a reader can check. */
export function ContractFilesCard({
  contract: c,
  documentLabel,
}: {
  contract: { documentFileId: string; documentSha256: string; signedFileId: string | null; signedSha256: string | null }
  documentLabel: string
}) {
  return (
    <Card title="Files">
      <p>
        <a href={`/files/${c.documentFileId}`} download>
          {documentLabel}
        </a>
      </p>
      <p className="small muted" style={{ overflowWrap: 'anywhere' }}>
        SHA-256 <code data-testid="document-sha">{c.documentSha256}</code>
      </p>
      {c.signedFileId ? (
        <>
          <p>
            <a href={`/files/${c.signedFileId}`} download data-testid="signed-pdf">
              Download the signed PDF
            </a>
          </p>
          <p className="small muted" style={{ overflowWrap: 'anywhere' }}>
            SHA-256 <code data-testid="signed-sha">{c.signedSha256}</code>
          </p>
        </>
      ) : null}
    </Card>
  )
}
