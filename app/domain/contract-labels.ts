/** Contract statuses, ads-permission kinds and the e-signature consent line, with their words (browser-safe). */
export const CONTRACT_STATUSES = ['awaiting_creator', 'awaiting_brand', 'signed', 'superseded'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]
export const CONTRACT_STATUS_LABEL: Record<ContractStatus, string> = {
  awaiting_creator: 'Waiting for the creator',
  awaiting_brand: 'Waiting for countersignature',
  signed: 'Signed',
  superseded: 'Superseded',
}

export const ADS_PERMISSION_KINDS = ['instagram_partnership', 'tiktok_spark'] as const
export type AdsPermissionKind = (typeof ADS_PERMISSION_KINDS)[number]
export const ADS_PERMISSION_LABEL: Record<AdsPermissionKind, string> = {
  instagram_partnership: 'Instagram partnership ads permission',
  tiktok_spark: 'TikTok Spark Ads code',
}

/** Shown next to every Sign button and stored word for word with each signature. */
export const ESIGN_CONSENT =
  'I agree to sign this contract electronically. My electronic signature is as binding as a handwritten one, and I have read the document whose SHA-256 fingerprint is shown above.'
