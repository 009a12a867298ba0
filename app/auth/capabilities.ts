/**
 * Roles -> capabilities: the one map read by guards and by the UI (to hide what a role cannot do).
 */
import type { BrandRole } from '#app/domain/roles.ts'

export const CAPABILITIES = [
  'brand.view',
  'brand.members',
  'brand.settings',
  'roster.view',
  'roster.edit',
  'campaign.view',
  'campaign.edit',
  'offer.send',
  'content.review',
  'content.override',
  'post.verify',
  'report.view',
  'invoice.view',
  'invoice.approve',
  'payables.view',
  'payables.pay',
  'tax.verify',
] as const
export type Capability = (typeof CAPABILITIES)[number]

const MANAGER: readonly Capability[] = [
  'brand.view',
  'roster.view',
  'roster.edit',
  'campaign.view',
  'campaign.edit',
  'offer.send',
  'content.review',
  'post.verify',
  'report.view',
  'invoice.view',
  'invoice.approve',
]

export const ROLE_CAPABILITIES = {
  admin: [...MANAGER, 'brand.members', 'brand.settings', 'content.override'],
  manager: MANAGER,
  finance: ['brand.view', 'campaign.view', 'report.view', 'invoice.view', 'payables.view', 'payables.pay', 'tax.verify'],
  viewer: ['brand.view', 'roster.view', 'campaign.view', 'report.view'],
} as const satisfies Record<BrandRole, readonly Capability[]>

export function roleCan(role: BrandRole, capability: Capability): boolean {
  return (ROLE_CAPABILITIES[role] as readonly Capability[]).includes(capability)
}

export const ROLE_LABEL: Record<BrandRole, string> = {
  admin: 'Admin',
  manager: 'Manager',
  finance: 'Finance',
  viewer: 'Viewer',
}

export const GRANT_SCOPE_LABEL = {
  answer_offers: 'Answer offers',
  submit_content: 'Submit content',
  invoice: 'Invoice',
  see_payments: 'See payments',
} as const
