/**
 * The UploadThing client, loaded with a dynamic import() only when the server says the UploadThing
 * driver is on (UPLOADTHING_TOKEN): the local-disk path never downloads it.
 */
import { useEffect } from 'react'
import { generateReactHelpers } from '@uploadthing/react'
import type { UploadRouter } from '#app/services/files/uploadthing-router.server.ts'

const { useUploadThing } = generateReactHelpers<UploadRouter>({ url: '/api/uploadthing' })
export type StartUpload = ReturnType<typeof useUploadThing>['startUpload']

/** Mounted only with the UploadThing driver (the hook fetches the endpoint's config on mount). */
export default function UploadThingHook({ signal, onProgress, bind }: { signal: AbortSignal; onProgress: (p: number) => void; bind: (start: StartUpload) => void }) {
  const ut = useUploadThing('draftMedia', { signal, uploadProgressGranularity: 'fine', onUploadProgress: onProgress })
  useEffect(() => bind(ut.startUpload), [ut.startUpload, bind])
  return null
}
