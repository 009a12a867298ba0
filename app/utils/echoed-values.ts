/** Browser-safe reader for values echoed by echoValues() after a failed submission. */
export function echoedValues(actionData: unknown) {
  const values = (actionData && typeof actionData === 'object' ? (actionData as { values?: Record<string, string | string[]> }).values : undefined) ?? null
  return {
    has: values !== null,
    get(name: string, fallback = ''): string {
      const v = values?.[name]
      return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback
    },
    all(name: string): string[] | null {
      if (!values) return null
      const v = values[name]
      return v === undefined ? [] : Array.isArray(v) ? v : [v]
    },
  }
}
