/**
 * The UploadThing file router (used only when UPLOADTHING_TOKEN is set). The middleware runs the same
 * guard as the page (the creator, or an agent with submit_content, for a deliverable that takes a draft
 * now); the signed callback decides the type from the file's first bytes — never the name or the
 * browser's claim — deletes anything not on the allow-list, and records the file row.
 */
import { createUploadthing, type FileRouter } from 'uploadthing/remix'
import { UploadThingError } from 'uploadthing/server'
import { z } from 'zod'
import { db } from '#app/db.server.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { loadDeliverable } from '#app/services/content/load-deliverable.server.ts'
import { SUBMITTABLE_STATUSES } from '#app/services/content/submit-draft.server.ts'
import { config } from '#app/config.server.ts'
import { recordFile } from './record-file.server.ts'
import { ALLOWED_TYPES, SNIFF_BYTES, sniffMime } from './sniff.ts'
import { utApi } from './storage.server.ts'

const f = createUploadthing()

function sizeLabel(bytes: number): '2GB' | '1GB' | '512MB' | '256MB' | '128MB' | '64MB' | '32MB' | '16MB' | '8MB' | '4MB' {
  const mb = bytes / 1024 ** 2
  for (const [limit, label] of [[2048, '2GB'], [1024, '1GB'], [512, '512MB'], [256, '256MB'], [128, '128MB'], [64, '64MB'], [32, '32MB'], [16, '16MB'], [8, '8MB']] as const) if (mb >= limit) return label
  return '4MB'
}

/** The first bytes of an uploaded file, read back from UploadThing with a Range request. */
async function headOf(url: string): Promise<Uint8Array> {
  const res = await globalThis.fetch(url, { headers: { Range: `bytes=0-${SNIFF_BYTES - 1}` } })
  if (!res.ok) throw new Error(`Could not read back the upload (${res.status}).`)
  return new Uint8Array(await res.arrayBuffer()).subarray(0, SNIFF_BYTES)
}

export function uploadRouter() {
  const max = sizeLabel(config().DRAFT_UPLOAD_MAX_BYTES)
  return {
    draftMedia: f({ image: { maxFileSize: max, maxFileCount: 10 }, video: { maxFileSize: max, maxFileCount: 10 } })
      .input(z.object({ creatorId: z.string().max(40), deliverableId: z.string().max(40) }))
      .middleware(async ({ event, input }) => {
        let actor
        try {
          actor = await requireCreatorActor({ request: event.request, params: { creator: input.creatorId }, context: event.context }, 'submit_content')
        } catch {
          throw new UploadThingError({ code: 'FORBIDDEN', message: 'You cannot upload drafts for this creator.' })
        }
        const d = await loadDeliverable(db(), { creatorId: actor.creator.id }, input.deliverableId).catch(() => null)
        if (!d || !(SUBMITTABLE_STATUSES as readonly string[]).includes(d.deliverable.status)) {
          throw new UploadThingError({ code: 'FORBIDDEN', message: 'This deliverable does not take a draft right now.' })
        }
        return { userId: actor.user.id, creatorId: actor.creator.id, brandId: d.brand.id, agencyId: actor.via.kind === 'agent' ? actor.via.agencyId : null }
      })
      .onUploadComplete(async ({ metadata, file }) => {
        const mimeType = sniffMime(await headOf(file.ufsUrl))
        if (!mimeType || !ALLOWED_TYPES.draft.includes(mimeType) || file.size > config().DRAFT_UPLOAD_MAX_BYTES) {
          await utApi().deleteFiles(file.key)
          throw new UploadThingError({ code: 'BAD_REQUEST', message: 'That file type is not accepted here.' })
        }
        const row = await recordFile(db(), { storage: 'uploadthing', storageKey: file.key, mimeType, sizeBytes: file.size }, {
          purpose: 'draft',
          originalName: file.name,
          brandId: metadata.brandId,
          creatorId: metadata.creatorId,
          agencyId: metadata.agencyId,
          uploadedByUserId: metadata.userId,
        })
        return { fileId: row.id }
      }),
  } satisfies FileRouter
}

export type UploadRouter = ReturnType<typeof uploadRouter>
