/**
 * Who may open a stored file: the rule of the page the file is shown on, one entry per purpose, read
 * by getFileForViewer (/files/:id). Brand members need the capability of that page; on the creator
 * side the creator, or an agent whose active grant has the scope ('view' = any active grant).
 * Tax forms add their own payee rules on top (see getFileForViewer).
 */
import type { Capability } from '#app/auth/capabilities.ts'
import type { GrantScope } from '#app/domain/roles.ts'

/** What an uploaded file is for: decides who may read it and which types and sizes it may have. */
export const UPLOAD_PURPOSES = ['draft', 'brief_asset', 'tax_form', 'metric_evidence', 'contract'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

export interface FileAccessRule {
  /** The page that shows it, for the reader. */
  page: string
  brand: Capability
  agentScope: GrantScope | 'view'
}

export const FILE_ACCESS: Record<UploadPurpose, FileAccessRule> = {
  draft: { page: 'review a draft (/b/:brand/review/:draft); the creator deliverable page', brand: 'content.review', agentScope: 'submit_content' },
  metric_evidence: { page: 'verify a post (/b/:brand/posts/:post); the creator stats page', brand: 'post.verify', agentScope: 'view' },
  contract: { page: 'contracts (/b/:brand/contracts/:id, /c/:creator/contracts/:id)', brand: 'brand.view', agentScope: 'view' },
  brief_asset: { page: 'the campaign brief (/b/:brand/campaigns/:id/brief); the offer page', brand: 'campaign.view', agentScope: 'view' },
  tax_form: { page: 'tax forms (/pay/:brand/tax-forms, /c/:creator/invoices/tax-form)', brand: 'tax.verify', agentScope: 'invoice' },
}

/** An unknown purpose (a row written by something newer) is served to nobody. */
export function fileAccessRule(purpose: string): FileAccessRule | null {
  return (FILE_ACCESS as Record<string, FileAccessRule>)[purpose] ?? null
}
