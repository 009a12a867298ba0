import { createCookieSessionStorage } from '@remix-run/node'
import { config } from '#app/config.server.ts'
import { readCookie } from '#app/utils/cookies.ts'

const FLASH_COOKIE = 'gr_flash'

export type FlashTone = 'success' | 'info' | 'danger'
export interface Flash {
  message: string
  tone: FlashTone
}

type FlashData = Record<string, never>
type FlashOnce = { flash: Flash }
let storage: ReturnType<typeof createCookieSessionStorage<FlashData, FlashOnce>> | undefined
function flashStorage() {
  storage ??= createCookieSessionStorage<FlashData, FlashOnce>({
    cookie: {
      name: FLASH_COOKIE,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: config().secureCookies,
      secrets: [config().sessionSecret],
    },
  })
  return storage
}

/** Set-Cookie header carrying a one-time message shown on the next page ("Offer sent to 4 creators"). */
export async function flashCookie(message: string, tone: FlashTone = 'success'): Promise<string> {
  const session = await flashStorage().getSession()
  session.flash('flash', { message, tone } satisfies Flash)
  return flashStorage().commitSession(session)
}

/** Read (and clear) the flash message of this request. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  // Only our own cookie, read defensively (app/utils/cookies.ts): a neighbour's malformed cookie or a
  // duplicate gr_flash never reaches the signed-cookie parser. A forged or broken value is no flash.
  const raw = readCookie(request.headers.get('Cookie'), FLASH_COOKIE, (v) => v.length <= 4096 && /^[A-Za-z0-9+/=._-]+$/.test(v))
  const session = await flashStorage().getSession(raw ? `${FLASH_COOKIE}=${encodeURIComponent(raw)}` : null)
  const flash = (session.get('flash') as Flash | undefined) ?? null
  return { flash, setCookie: flash ? await flashStorage().commitSession(session) : null }
}
