import { useNavigation } from '@remix-run/react'

/** True while this page's form (optionally with a given intent) is being submitted. */
export function useIsPending(opts: { intent?: string; formAction?: string } = {}) {
  const nav = useNavigation()
  if (nav.state === 'idle' || !nav.formData) return false
  if (opts.formAction && nav.formAction !== opts.formAction) return false
  if (opts.intent && nav.formData.get('intent') !== opts.intent) return false
  return true
}
