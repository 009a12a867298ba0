import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getOptionalUser } from '#app/auth/guards.server.ts'
import { getUserAreas, homePathFor } from '#app/services/areas/get-user-areas.server.ts'

// Public: sends a visitor to sign in, and a signed-in person to their first area.
export async function loader(args: LoaderFunctionArgs) {
  const user = await getOptionalUser(args)
  if (!user) throw redirect('/login')
  throw redirect(homePathFor(await getUserAreas(user.id)))
}
