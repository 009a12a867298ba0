/** The instant `n` business days (Mon–Fri, UTC) before `now`: "waiting more than 2 business days". */
export function businessDaysBefore(now: Date, n: number): Date {
  const d = new Date(now.getTime())
  let left = n
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1)
    const wd = d.getUTCDay()
    if (wd !== 0 && wd !== 6) left--
  }
  return d
}

/** 'YYYY-MM-DD' of `now` plus `days` (UTC). */
export function isoDayPlus(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10)
}
