import { z } from 'zod'
import { CONNECTOR_PLATFORMS } from '#app/domain/connectors.ts'

// Server-only so that zod stays out of the creator portal's browser bundle.
export const connectionActionSchema = z.object({
  intent: z.enum(['connect', 'disconnect']),
  platform: z.enum(CONNECTOR_PLATFORMS, { message: 'Choose a platform.' }),
})
