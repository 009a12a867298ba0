import { useNavigate } from '@remix-run/react'
import { useCallback, useRef, useState } from 'react'
import type { StartUpload } from '#app/components/content/uploadthing-hook.tsx'
import type { ActionFailureShape } from '#app/utils/forms.ts'

export type UploadState = { phase: 'idle' } | { phase: 'uploading'; loaded: number; total: number } | { phase: 'processing' }

const DID_NOT_COMPLETE = 'The upload did not complete. Please try again.'
const CANCELLED = 'Upload cancelled. Nothing was saved.'

/**
 * Sending a draft with JavaScript: XMLHttpRequest to `${here}/upload` for a real progress bar and a cancel
 * button, or (UploadThing driver) the bytes to UploadThing first, then the recorded file ids to the same
 * endpoint. A refusal comes back as the action's failure shape; success navigates to where the server says.
 */
export function useDraftUpload({ here, deliverableId, driver }: { here: string; deliverableId: string; driver: string }) {
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle' })
  const [failure, setFailure] = useState<ActionFailureShape | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const navigate = useNavigate()
  const xhrRef = useRef<XMLHttpRequest | null>(null)
  const abortRef = useRef<AbortController | null>(null)
  const [utAbort, setUtAbort] = useState(() => new AbortController())
  const utStart = useRef<StartUpload | null>(null)
  const onUtProgress = useCallback((p: number) => setUpload((u) => (u.phase === 'uploading' ? { ...u, loaded: Math.round((u.total * p) / 100) } : u)), [])
  const bindUt = useCallback((start: StartUpload) => {
    utStart.current = start
  }, [])

  const fail = (formError: string, fieldErrors: ActionFailureShape['fieldErrors'] = {}) => setFailure({ ok: false, formError, fieldErrors })
  const begin = (files: File[]) => {
    setUpload({ phase: 'uploading', loaded: 0, total: files.reduce((n, f) => n + f.size, 0) })
    setFailure(null)
    setNotice(null)
  }

  async function viaUploadThing(body: FormData, files: File[]) {
    // The browser sends the bytes to UploadThing; its signed callback records them; then the draft is
    // submitted with the recorded file ids (same endpoint, no bytes).
    const controller = utAbort
    abortRef.current = controller
    begin(files)
    try {
      if (!utStart.current) throw new Error('The uploader is still loading. Try again in a moment.')
      const done = await utStart.current(files, { creatorId: here.split('/')[2]!, deliverableId })
      if (!done) throw new Error(DID_NOT_COMPLETE)
      body.delete('files')
      for (const f of done) if (f.serverData?.fileId) body.append('uploadedFileIds', f.serverData.fileId)
      send(body, files)
    } catch (err) {
      setUpload({ phase: 'idle' })
      if (controller.signal.aborted) {
        setNotice(CANCELLED)
        setUtAbort(new AbortController())
      } else fail(err instanceof Error ? err.message : DID_NOT_COMPLETE)
    } finally {
      abortRef.current = null
    }
  }

  function send(body: FormData, files: File[]) {
    const xhr = new XMLHttpRequest()
    xhrRef.current = xhr
    const total = files.reduce((n, f) => n + f.size, 0)
    begin(files)
    xhr.upload.onprogress = (ev) => setUpload({ phase: 'uploading', loaded: ev.loaded, total: ev.lengthComputable ? ev.total : total })
    xhr.upload.onload = () => setUpload({ phase: 'processing' })
    xhr.onload = () => {
      xhrRef.current = null
      let res: { ok?: boolean; redirectTo?: string; formError?: string; fieldErrors?: Record<string, string[]> } = {}
      try {
        res = JSON.parse(xhr.responseText)
      } catch {
        res = { ok: false, formError: DID_NOT_COMPLETE }
      }
      if (xhr.status < 300 && res.ok && res.redirectTo) {
        navigate(res.redirectTo, { replace: true })
        return
      }
      setUpload({ phase: 'idle' })
      fail(res.formError ?? DID_NOT_COMPLETE, res.fieldErrors ?? {})
    }
    xhr.onerror = () => {
      xhrRef.current = null
      setUpload({ phase: 'idle' })
      fail('The connection dropped during the upload. Nothing was saved: please try again.')
    }
    xhr.onabort = () => {
      xhrRef.current = null
      setUpload({ phase: 'idle' })
      setNotice(CANCELLED)
    }
    xhr.open('POST', `${here}/upload`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.send(body)
  }

  return {
    upload,
    failure,
    notice,
    /** Send the form's body (files are the ones chosen, for the progress total). */
    submit(body: FormData, files: File[]) {
      if (driver === 'uploadthing' && files.length) void viaUploadThing(body, files)
      else send(body, files)
    },
    cancel() {
      if (abortRef.current) abortRef.current.abort()
      else xhrRef.current?.abort()
    },
    /** New files were chosen: forget the last refusal and notice. */
    reset() {
      setNotice(null)
      setFailure(null)
    },
    /** Props for the lazily loaded UploadThing hook (only with that driver). */
    uploadThing: driver === 'uploadthing' ? { signal: utAbort.signal, onProgress: onUtProgress, bind: bindUt } : null,
  }
}
