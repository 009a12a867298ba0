import type { ConnectorPlatform } from './connectors.ts'

export interface ScopeExplanation {
  scope: string
  /** What Greenroom can read with it, in plain words. */
  means: string
}

/** The scopes Greenroom asks for, and what each lets it read: shown before the creator consents. */
export const CONNECTOR_SCOPES: Record<ConnectorPlatform, ScopeExplanation[]> = {
  instagram: [
    { scope: 'instagram_business_basic', means: 'Your username, follower count, and your posts: caption, link, date and type.' },
    { scope: 'instagram_business_manage_insights', means: 'The numbers on your posts: views, reach, likes, comments, saves and shares.' },
  ],
  tiktok: [
    { scope: 'user.info.basic', means: 'Your TikTok id, display name and avatar.' },
    { scope: 'user.info.profile', means: 'Your username (to link your profile).' },
    { scope: 'user.info.stats', means: 'Your follower count.' },
    { scope: 'video.list', means: 'Your public videos: caption, link, date, and their views, likes, comments and shares.' },
  ],
  youtube: [
    { scope: 'https://www.googleapis.com/auth/youtube.readonly', means: 'Your channel and its videos: title, description, link, date, subscriber count and video statistics. Read only.' },
  ],
}

/** What Greenroom never does with a connection (shown next to the scopes). */
export const CONNECTOR_PROMISE = 'Greenroom only reads. It never posts, comments, messages or changes anything on your account, and you can disconnect at any time.'
