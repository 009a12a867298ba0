/**
 * One storage interface, two drivers. Local disk is the default (UPLOAD_DIR; uploads stream through
 * the app: parse-upload.server.ts). With UPLOADTHING_TOKEN set, the browser uploads straight to
 * UploadThing (@uploadthing/react on the page, app/routes/api.uploadthing.tsx on the server) and
 * UploadThing's signed callback records the file (uploadthing-router.server.ts). Everything else —
 * who may see a file, the files route, the draft versions — does not care which driver stored it.
 */
import { UTApi } from 'uploadthing/server'
import { config } from '#app/config.server.ts'
import { removeLocal } from './local-disk.server.ts'

export type StorageDriverName = 'local' | 'uploadthing'

export interface FileStorage {
  name: StorageDriverName
  /** Delete the stored bytes (idempotent). */
  remove(storageKey: string): Promise<void>
  /** Where the browser fetches the bytes after the files route has authorized the viewer; null = stream them. */
  publicUrl(storageKey: string): string | null
}

/** The driver new uploads use. */
export function activeStorage(): StorageDriverName {
  return config().UPLOADTHING_TOKEN ? 'uploadthing' : 'local'
}

const local: FileStorage = {
  name: 'local',
  remove: removeLocal,
  publicUrl: () => null,
}

/** UploadThing's own API for deletions; fetch goes through globalThis.fetch (mocked in tests). */
export function utApi() {
  return new UTApi({ token: config().UPLOADTHING_TOKEN, fetch: (input, init) => globalThis.fetch(input, init) })
}

const uploadthing: FileStorage = {
  name: 'uploadthing',
  remove: async (key) => {
    await utApi().deleteFiles(key)
  },
  publicUrl: (key) => `https://utfs.io/f/${encodeURIComponent(key)}`,
}

/** The driver that stored a file (files.storage), or the active one. */
export function storageFor(name: string = activeStorage()): FileStorage {
  return name === 'uploadthing' ? uploadthing : local
}
