/**
 * UploadThing's endpoint (only when UPLOADTHING_TOKEN is set; 404 otherwise, local disk is used).
 * GET: the route config for the client. POST ?actionType=upload: presigned URLs, after the router's
 * middleware ran our guard. POST with uploadthing-hook: UploadThing's signed callback, which records the file.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { createRouteHandler } from 'uploadthing/remix'
import { config } from '#app/config.server.ts'
import { uploadRouter } from '#app/services/files/uploadthing-router.server.ts'

function handler() {
  const token = config().UPLOADTHING_TOKEN
  if (!token) throw new Response('Not found', { status: 404 })
  return createRouteHandler({
    router: uploadRouter(),
    config: { token, callbackUrl: `${config().appUrl}/api/uploadthing`, fetch: (input, init) => globalThis.fetch(input, init), logLevel: 'Error' },
  })
}

// The endpoint itself is public (UploadThing's callback is signed); the upload action's middleware
// runs requireCreatorActor(…, 'submit_content').
export async function loader(args: LoaderFunctionArgs) {
  return handler().loader(args as unknown as ActionFunctionArgs)
}

export async function action(args: ActionFunctionArgs) {
  return handler().action(args)
}
