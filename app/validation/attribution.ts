/** The forms of the links-and-codes page (brand side): tracked links, promo codes, exchange rates, the conversion endpoint. */
import { z } from 'zod'
import { isoDay } from './fields.ts'

export const attributionActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('link'), offerId: z.string().min(1).max(40), destinationUrl: z.string().trim().min(1, 'Enter the address').max(2000) }),
  z.object({ intent: z.literal('code'), offerId: z.string().min(1).max(40), code: z.string().trim().min(1, 'Enter a code').max(40) }),
  z.object({
    intent: z.literal('rate-add'),
    fromCurrency: z.string().trim().max(3),
    toCurrency: z.string().trim().max(3),
    rate: z.string().trim().min(1, 'Enter the rate').max(20),
    effectiveOn: isoDay('Enter the first day it applies.'),
  }),
  z.object({ intent: z.literal('rate-delete'), rateId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal('endpoint-rotate') }),
])
