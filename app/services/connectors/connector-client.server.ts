/**
 * The one shape every platform client has (Instagram, TikTok, YouTube): the OAuth steps, the account,
 * the paged media list, one post, its statistics. Failures are PlatformError with a kind the callers act on:
 * rate_limited (back off), token_expired / token_revoked (mark the connection), not_found (deleted post),
 * private (the account cannot be read), permission, unavailable, bad_response, other.
 */
import type { ConnectorPlatform } from '#app/domain/connectors.ts'
import type { MetricValues } from '#app/domain/metrics-csv.ts'

export type { PlatformErrorKind } from './platform-http.server.ts'
export { PlatformError, isPlatformError } from './platform-http.server.ts'

export interface PlatformMedia {
  externalId: string
  caption: string
  permalink: string
  postedAt: Date | null
  mediaType: string | null
}

export interface PlatformAccount {
  externalUserId: string
  username: string
  followers: number | null
  /** Instagram: professional (business or creator) accounts only can be read. Other platforms: true. */
  professional: boolean
}

export interface TokenGrant {
  accessToken: string
  /** null: does not expire on its own. */
  expiresAt: Date | null
  refreshToken?: string | null
  refreshExpiresAt?: Date | null
  scopes: string[]
  externalUserId?: string
}

export interface ConnectorClient {
  platform: ConnectorPlatform
  /** Whether the authorize/exchange steps carry a PKCE code_verifier (S256). */
  pkce: boolean
  /** What a refresh sends: the (still valid) access token itself (Instagram) or the refresh token (TikTok, Google). */
  refreshWith: 'access_token' | 'refresh_token'
  authorizeUrl(o: { state: string; redirectUri: string; codeChallenge?: string }): string
  exchangeCode(o: { code: string; redirectUri: string; now: Date; codeVerifier?: string }): Promise<TokenGrant>
  /** Instagram refreshes with the access token; TikTok and Google with the refresh token. */
  refresh(o: { accessToken: string; refreshToken?: string | null; now: Date }): Promise<TokenGrant>
  /** 'revoked': the platform dropped the grant; 'deleted_locally': the platform documents no revoke endpoint. */
  revoke(o: { accessToken: string }): Promise<'revoked' | 'deleted_locally'>
  /** The account and its follower count. */
  account(o: { accessToken: string }): Promise<PlatformAccount>
  /** Newest first, following the platform's paging until `since` or `maxPages`. */
  listMedia(o: { accessToken: string; since?: Date; maxPages?: number }): Promise<PlatformMedia[]>
  /** One post as posted (caption, permalink, time); PlatformError 'not_found' when deleted. */
  media(o: { accessToken: string; externalId: string }): Promise<PlatformMedia>
  /** Lifetime insights / statistics of one post. */
  insights(o: { accessToken: string; externalId: string }): Promise<MetricValues>
}
