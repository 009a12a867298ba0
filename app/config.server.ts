/**
 * Configuration, read once from the environment and validated with zod. A bad or missing value
 * stops the server with the whole list of what is wrong (see app/server.ts).
 */
import { z } from 'zod'

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true')

/** On unless set to 0/false. */
const boolOn = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v !== '0' && v !== 'false')

const optionalText = z.string().min(1).optional().or(z.literal('').transform(() => undefined))

/** A 32-byte key from 64 hex characters or base64; null when it is neither. */
export function decodeKey32(value: string): Buffer | null {
  const v = value.trim()
  if (/^[0-9a-f]{64}$/i.test(v)) return Buffer.from(v, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const b = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    if (b.length === 32) return b
  }
  return null
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Unset: 127.0.0.1 in demo mode (the demo's logins and mail page are for this machine), else 0.0.0.0. */
    HOST: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
    APP_URL: z.string().url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    PGLITE_DIR: z.string().min(1).optional(),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    MAIL_FROM: z.string().min(3).default('Greenroom <no-reply@greenroom.local>'),
    MAIL_DIR: z.string().min(1).default('data/mail'),
    UPLOAD_DIR: z.string().min(1).default('data/uploads'),
    UPLOADTHING_TOKEN: z.string().min(10).optional().or(z.literal('').transform(() => undefined)),
    DRAFT_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(2 * 1024 ** 3),
    DOCUMENT_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 ** 2),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** Background jobs (app/services/jobs): run the job worker in this process (0 = web only). */
    OUTBOX_WORKER: boolOn,
    /** The daily reminder emails (0 = off, e.g. on a staging copy of real data). */
    GREENROOM_REMINDERS: boolOn,
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    GREENROOM_DEMO: bool,
    /** 1 behind one reverse proxy: the client IP (throttling, audit) comes from X-Forwarded-For. */
    TRUST_PROXY: bool,
    SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
    /*
     * Platform connections (issue #20): each platform's app, registered by the brand/operator. Without a
     * platform's id and secret its connect button is hidden and posts are entered by hand as before.
     */
    INSTAGRAM_CLIENT_ID: optionalText,
    INSTAGRAM_CLIENT_SECRET: optionalText,
    TIKTOK_CLIENT_KEY: optionalText,
    TIKTOK_CLIENT_SECRET: optionalText,
    GOOGLE_CLIENT_ID: optionalText,
    GOOGLE_CLIENT_SECRET: optionalText,
    /** 32 bytes (64 hex characters or base64) that encrypt the platforms' tokens at rest (AES-256-GCM). */
    CONNECTIONS_KEY: optionalText,
    /** The platforms' hosts; tests point them at a local fake. */
    INSTAGRAM_AUTH_URL: z.string().url().default('https://api.instagram.com'),
    INSTAGRAM_GRAPH_URL: z.string().url().default('https://graph.instagram.com'),
    TIKTOK_AUTH_URL: z.string().url().default('https://www.tiktok.com'),
    TIKTOK_API_URL: z.string().url().default('https://open.tiktokapis.com'),
    GOOGLE_AUTH_URL: z.string().url().default('https://accounts.google.com'),
    GOOGLE_TOKEN_URL: z.string().url().default('https://oauth2.googleapis.com'),
    YOUTUBE_API_URL: z.string().url().default('https://www.googleapis.com'),
  })
  .superRefine((c, ctx) => {
    const pairs = [
      ['INSTAGRAM_CLIENT_ID', 'INSTAGRAM_CLIENT_SECRET'],
      ['TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET'],
      ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
    ] as const
    let anyPlatform = false
    for (const [idKey, secretKey] of pairs) {
      if (Boolean(c[idKey]) !== Boolean(c[secretKey])) {
        const missing = c[idKey] ? secretKey : idKey
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [missing], message: `is required with ${c[idKey] ? idKey : secretKey}` })
      }
      if (c[idKey] && c[secretKey]) anyPlatform = true
    }
    if (c.CONNECTIONS_KEY && !decodeKey32(c.CONNECTIONS_KEY)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CONNECTIONS_KEY'], message: 'must be 32 bytes: 64 hex characters or 44 base64 characters' })
    } else if (anyPlatform && !c.CONNECTIONS_KEY) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CONNECTIONS_KEY'], message: 'is required when a platform app is configured (it encrypts the tokens)' })
    }
    if (c.NODE_ENV === 'production' && !c.SESSION_SECRET && !c.GREENROOM_DEMO) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SESSION_SECRET'],
        message: 'is required in production (32+ random characters)',
      })
    }
  })

export type Config = z.infer<typeof schema> & {
  host: string
  appUrl: string
  sessionSecret: string
  secureCookies: boolean
}

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    )
  }
  const c = parsed.data
  return {
    ...c,
    host: c.HOST ?? (c.GREENROOM_DEMO ? '127.0.0.1' : '0.0.0.0'),
    appUrl: (c.APP_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    // Demo/dev only: a fixed secret is fine where nothing real is protected.
    sessionSecret: c.SESSION_SECRET ?? 'greenroom-development-secret-not-for-production-use',
    secureCookies:
      c.SECURE_COOKIES === 'always' ||
      (c.SECURE_COOKIES === 'auto' && c.NODE_ENV === 'production' && !c.GREENROOM_DEMO),
  }
}

const g = globalThis as unknown as { __greenroomConfig?: Config }

export function config(): Config {
  g.__greenroomConfig ??= parseConfig(process.env)
  return g.__greenroomConfig
}

/** Tests: replace the configuration. */
export function setConfig(next: Partial<Config>) {
  g.__greenroomConfig = { ...config(), ...next }
}
