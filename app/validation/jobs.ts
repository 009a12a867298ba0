import { z } from 'zod'

/** The admin jobs page's one action. */
export const jobActionSchema = z.object({
  intent: z.literal('retry', { errorMap: () => ({ message: 'Unknown action.' }) }),
  jobId: z.string({ required_error: 'Choose a job.' }).min(1, 'Choose a job.').max(64, 'Choose a job.'),
})
