import { eq, sql } from 'drizzle-orm'
import { schema, type Db } from '#db/index.ts'
import type { AuthMailKind } from '#db/schema-holes.ts'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/outbox/deliver-outbox.server.ts'
import { sendPasswordResetEmail } from './request-password-reset.server.ts'
import { sendSignInLinkEmail } from './sign-in-link.server.ts'

/**
 * Queue a password-reset or sign-in-link request exactly as typed. This is all the web request does,
 * for a known and an unknown email alike (one insert, no lookup), so neither its answer nor its timing
 * says whether an account exists.
 */
export async function queueAuthMail(kind: AuthMailKind, email: string) {
  await db().insert(schema.authMailRequests).values({ kind, email })
}

/**
 * Worker: claim pending requests (FOR UPDATE SKIP LOCKED, so two processes never take the same one),
 * look each email up and, for an account, queue the email in the same transaction. Unknown emails are
 * marked processed and send nothing.
 */
export async function processAuthMailRequests(handle: Db = db(), limit = 50): Promise<number> {
  return handle.transaction(async (tx) => {
    const claimed = rowsOf<{ id: string; kind: AuthMailKind; email: string }>(
      await tx.execute(sql`
        update auth_mail_requests set processed_at = now()
        where id in (
          select id from auth_mail_requests where processed_at is null order by created_at limit ${limit} for update skip locked
        )
        returning id, kind, email`),
    )
    for (const r of claimed) {
      const [user] = await tx
        .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name })
        .from(schema.users)
        .where(eq(schema.users.email, r.email))
        .limit(1)
      if (!user) continue
      if (r.kind === 'password-reset') await sendPasswordResetEmail(tx, user)
      else if (r.kind === 'sign-in-link') await sendSignInLinkEmail(tx, user)
    }
    return claimed.length
  })
}
