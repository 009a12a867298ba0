export { RULES, type Rule, type RuleId, type Severity } from './rules.ts'
export { CAPTION_LIMITS, checkBriefText, checkCaption, foldOffset, hasBlocking, suggestedDisclosure, tokenize, type CaptionCheckInput, type Finding, type MandatoryElements } from './check-caption.ts'
export { attestationsFor, disclosureRequirements, type Attestation, type DisclosureRequirements } from './requirements.ts'
