import type { Attestation, DisclosureRequirements } from './requirements.ts'

/** What several deliverables' disclosure rules have in common, said once, and what each adds on its own. */
export interface SplitDisclosure {
  shared: Pick<DisclosureRequirements, 'captionRules' | 'acceptedWording' | 'attestations'>
  /** One entry per requirement passed in, same order: its summary and only the rules not in `shared`. */
  own: DisclosureRequirements[]
}

/**
 * Splits per-deliverable disclosure requirements into the part every deliverable shares and the part
 * that differs (issue #21: the offer page repeated the full checklist for every deliverable). A rule,
 * attestation or accepted wording is shared when every requirement has it (attestations compared by
 * id, label and help); the shared lists keep the first requirement's order. One requirement: all shared.
 */
export function splitDisclosure(reqs: DisclosureRequirements[]): SplitDisclosure {
  if (reqs.length === 0) return { shared: { captionRules: [], acceptedWording: [], attestations: [] }, own: [] }
  const key = (a: Attestation) => `${a.id}\u0000${a.label}\u0000${a.help}`
  const inAll = <T>(pick: (r: DisclosureRequirements) => T[], k: (x: T) => string = String) => {
    const sets = reqs.map((r) => new Set(pick(r).map(k)))
    return new Set(pick(reqs[0]!).map(k).filter((x) => sets.every((s) => s.has(x))))
  }
  const rules = inAll((r) => r.captionRules)
  const wording = inAll((r) => r.acceptedWording)
  const atts = inAll((r) => r.attestations, key)
  return {
    shared: {
      captionRules: reqs[0]!.captionRules.filter((x) => rules.has(x)),
      acceptedWording: reqs[0]!.acceptedWording.filter((x) => wording.has(x)),
      attestations: reqs[0]!.attestations.filter((a) => atts.has(key(a))),
    },
    own: reqs.map((r) => ({
      summary: r.summary,
      captionRules: r.captionRules.filter((x) => !rules.has(x)),
      acceptedWording: r.acceptedWording.filter((x) => !wording.has(x)),
      attestations: r.attestations.filter((a) => !atts.has(key(a))),
    })),
  }
}
