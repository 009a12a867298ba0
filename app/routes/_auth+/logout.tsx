import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { endSession } from '#app/auth/session.server.ts'

// Public: visiting /logout just goes home (logging out is a POST).
export async function loader(_args: LoaderFunctionArgs) {
  return redirect('/')
}

// Public: ends this browser's session (harmless when there is none).
export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request)
  return redirect('/login', { headers: { 'Set-Cookie': cookie } })
}
