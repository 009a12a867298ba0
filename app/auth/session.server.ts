/**
 * Sessions. The only module that touches lucia (v3 is frozen upstream: keep a later swap to one file).
 * The cookie carries a random token; the database stores its sha-256 as the session id
 * (Lucia's auth_session guide), so a leaked sessions table cannot be replayed.
 */
import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle'
import { eq, sql } from 'drizzle-orm'
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from 'lucia'
import { schema, type Db } from '#db/index.ts'
import { newToken } from '#db/ids.ts'
import { config } from '#app/config.server.ts'
import { db, perRequest, preparedQuery } from '#app/db.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'
import { readCookieValues } from '#app/utils/cookies.ts'

export const SESSION_COOKIE = 'gr_session'

const sessionAndUser = preparedQuery((d, name) =>
  d
    .select({
      id: schema.sessions.id,
      userId: schema.sessions.userId,
      expiresAt: schema.sessions.expiresAt,
      ip: schema.sessions.ip,
      userAgent: schema.sessions.userAgent,
      email: schema.users.email,
      name: schema.users.name,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, sql.placeholder('id')))
    .prepare(name),
)

/** The drizzle adapter, with the one read every request makes as a prepared query of just the columns lucia needs. */
class SessionAdapter extends DrizzlePostgreSQLAdapter {
  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [r] = await sessionAndUser().execute({ id: sessionId })
    if (!r) return [null, null]
    return [
      { id: r.id, userId: r.userId, expiresAt: r.expiresAt, attributes: { ip: r.ip, userAgent: r.userAgent } },
      { id: r.userId, attributes: { email: r.email, name: r.name } },
    ]
  }
}

function makeLucia(database: Db) {
  const adapter = new SessionAdapter(database as never, schema.sessions, schema.users)
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(config().SESSION_TTL_DAYS, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: config().secureCookies, sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (u) => ({ email: u.email, name: u.name }),
  })
}

declare module 'lucia' {
  interface Register {
    Lucia: ReturnType<typeof makeLucia>
    DatabaseUserAttributes: { email: string; name: string }
    DatabaseSessionAttributes: { ip: string | null; userAgent: string | null }
  }
}

const cache = new WeakMap<Db, ReturnType<typeof makeLucia>>()
function lucia() {
  const database = db()
  let l = cache.get(database)
  if (!l) {
    l = makeLucia(database)
    cache.set(database, l)
  }
  return l
}

export interface SessionUser {
  id: string
  email: string
  name: string
}

/** Create a brand-new session (a new id on every login: no fixation). Returns the Set-Cookie value. */
export async function createUserSession(userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const token = newToken()
  await lucia().createSession(userId, { ip: meta.ip, userAgent: meta.userAgent?.slice(0, 400) ?? null }, { sessionId: sha256(token) })
  return lucia().createSessionCookie(token).serialize()
}

/** Our token's shape: newToken() is 32 random bytes in base64url (43 characters); older tokens were longer. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/

/**
 * The session tokens the request carries, in header order (at most 3). Read with our own defensive parser,
 * not lucia's readSessionCookie (which throws on any undecodable cookie, ours or not): malformed values and
 * other sites' cookies are ignored, and a duplicate gr_session (e.g. a stale one for another path) does not
 * hide the real one.
 */
function readTokens(request: Request): string[] {
  return readCookieValues(request.headers.get('Cookie'), SESSION_COOKIE)
    .filter((v) => TOKEN_SHAPE.test(v))
    .slice(0, 3)
}


/**
 * Validate the request's session. Returns the user, and a Set-Cookie header when the session was
 * extended (sliding expiry) or must be cleared.
 */
export const getSessionUser = perRequest(validateRequestSession)

async function validateRequestSession(
  request: Request,
): Promise<{ user: SessionUser | null; sessionId: string | null; setCookie: string | null }> {
  const tokens = readTokens(request)
  if (!tokens.length) return { user: null, sessionId: null, setCookie: null }
  let token = tokens[0]!
  let found = await lucia().validateSession(sha256(token))
  for (const other of tokens.slice(1)) {
    if (found.session) break
    token = other
    found = await lucia().validateSession(sha256(token))
  }
  const { session, user } = found
  if (!session || !user) {
    return { user: null, sessionId: null, setCookie: lucia().createBlankSessionCookie().serialize() }
  }
  const setCookie = session.fresh ? lucia().createSessionCookie(token).serialize() : null
  return { user: { id: user.id, email: user.email, name: user.name }, sessionId: session.id, setCookie }
}

export async function endSession(request: Request): Promise<string> {
  for (const token of readTokens(request)) await lucia().invalidateSession(sha256(token))
  return lucia().createBlankSessionCookie().serialize()
}

export async function endAllUserSessions(userId: string) {
  await lucia().invalidateUserSessions(userId)
}
