import { db } from '#app/db.server.ts'
import { wordDiff, captionsDiffer } from '#app/domain/word-diff.ts'
import { postAttestations } from './post-checks.server.ts'
import { loadBrandPost } from './get-brand-post.server.ts'
import { listPostSnapshots } from './list-post-snapshots.server.ts'
import { platformReadForPost } from '#app/services/connectors/post-reads.server.ts'

/** The manager's verification page: post, caption diff vs the approved draft, checks to tick, numbers. */
export async function getBrandPostPage(brandId: string, postId: string) {
  const row = await loadBrandPost(db(), brandId, postId)
  const snapshots = await listPostSnapshots(db(), row.post.id)
  const platformRead = await platformReadForPost(db(), row.deliverable.id, row.post.platform, { url: row.post.url, externalId: row.post.externalId })
  const approved = row.approvedCaption
  return {
    post: {
      id: row.post.id,
      url: row.post.url,
      platform: row.post.platform,
      status: row.post.status,
      postedAt: row.post.postedAt.toISOString(),
      caption: row.post.captionAsPosted,
      findings: row.post.findings as { ruleId?: string; severity?: string; message?: string }[],
      outsideWindow: row.post.outsideWindow,
      /** What the creator said at submission about the platform's paid-partnership label (null: not asked). */
      platformLabelDeclared: row.post.platformLabelDeclared,
      problemNote: row.post.problemNote,
      attestations: row.post.attestations,
      verifiedAt: row.post.verifiedAt?.toISOString() ?? null,
    },
    deliverable: {
      id: row.deliverable.id,
      format: row.deliverable.format,
      postWindowStart: row.deliverable.postWindowStart,
      postWindowEnd: row.deliverable.postWindowEnd,
    },
    creator: row.creator,
    campaign: row.campaign,
    approvedCaption: approved,
    captionChanged: approved !== null && captionsDiffer(approved, row.post.captionAsPosted),
    diff: approved !== null ? wordDiff(approved, row.post.captionAsPosted) : null,
    checks: postAttestations(row.deliverable.platform, row.deliverable.format),
    // The brand's verification page shows no clicks or follower counts of the snapshot.
    snapshots: snapshots.map(({ clicks: _clicks, followers: _followers, ...s }) => s),
    /** What the creator's connected account returned for this post (null: the creator typed it). */
    platformRead,
  }
}
