import type { CreatorActor } from '#app/auth/guards.server.ts'
import { METRIC_FIELDS, type MetricField } from '#app/domain/metrics-csv.ts'
import { receiveUpload } from '#app/services/files/receive-upload.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { creatorStatsSchema } from '#app/validation/creator-forms.server.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { addCreatorSnapshot } from './add-creator-snapshot.server.ts'
import { assertCreatorPost } from './assert-creator-post.server.ts'

/**
 * The creator (or their agent with submit_content) reports a post's numbers with a screenshot of the
 * platform's insights. The post is checked before the body is read (another creator's id is a 404
 * whatever the body is); the screenshot streams through the shared upload path and is removed again
 * if anything below fails.
 */
export async function submitCreatorStats(
  actor: Pick<CreatorActor, 'creator' | 'user' | 'audit'>,
  deliverableId: string,
  request: Request,
  onFields?: (fields: FormData) => void,
) {
  await assertCreatorPost(actor.creator.id, deliverableId)
  return receiveUpload(request, 'metric_evidence', { maxFiles: 1, onFields }, async (upload) => {
    const input = parseFormData(upload.fields, creatorStatsSchema)
    const evidence = upload.files.find((f) => f.field === 'evidence')
    if (!evidence) {
      throw new InvalidInputError('Please correct the highlighted fields.', { evidence: ['Attach a screenshot of the post’s insights: the brand checks the numbers against it.'] })
    }
    const values = Object.fromEntries(METRIC_FIELDS.map((f) => [f, input[f]])) as Record<MetricField, number | null>
    return addCreatorSnapshot(actor, { deliverableId, capturedOn: input.capturedOn, values, evidence })
  })
}
