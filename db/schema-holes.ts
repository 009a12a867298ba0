/** Sign-in throttling counters, sign-in links and queued auth emails (issue #14, "smaller holes"). */
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.ts'
import { users } from './schema.ts'

/** One counter per throttle key ('pair:', 'email:', 'ip:' + sha256); the window starts at its first failure. */
export const loginThrottle = pgTable('login_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export const signInLinks = pgTable(
  'sign_in_links',
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sign_in_links_token_uq').on(t.tokenHash), index('sign_in_links_user_idx').on(t.userId, t.createdAt)],
)

export type AuthMailKind = 'password-reset' | 'sign-in-link'

export const authMailRequests = pgTable('auth_mail_requests', {
  id: id(),
  kind: text().$type<AuthMailKind>().notNull(),
  email: text().notNull(),
  createdAt: createdAt(),
  processedAt: timestamp({ withTimezone: true }),
})
