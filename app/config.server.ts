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
  })
  .superRefine((c, ctx) => {
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
