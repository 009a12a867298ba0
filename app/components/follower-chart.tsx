/**
 * Follower history of one social account as a hand-written SVG line (no chart library: see
 * DECISIONS.md "Report charts are hand-written SVG"). Every point carries its value in a <title>, and
 * the page lists the latest counts in text, so nothing is only visual. Scales by viewBox.
 */
export interface FollowerChartPoint {
  capturedAt: string | Date
  followers: number
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
const dayFmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: '2-digit', timeZone: 'UTC' })

export function FollowerChart({ points, label, flaggedAt = [] }: { points: FollowerChartPoint[]; label: string; flaggedAt?: (string | Date)[] }) {
  const pts = points.map((p) => ({ t: new Date(p.capturedAt).getTime(), v: p.followers })).sort((a, b) => a.t - b.t)
  if (pts.length < 2) return <p className="muted small">Not enough history for a chart yet: follower counts appear here as they are recorded.</p>
  const W = 360
  const H = 140
  const left = 44
  const right = 10
  const top = 10
  const bottom = 24
  const t0 = pts[0]!.t
  const t1 = pts[pts.length - 1]!.t
  const lo = Math.min(...pts.map((p) => p.v))
  const hi = Math.max(...pts.map((p) => p.v))
  const pad = Math.max(1, Math.round((hi - lo) * 0.1))
  const vMin = Math.max(0, lo - pad)
  const vMax = hi + pad
  const x = (t: number) => left + ((t - t0) / Math.max(1, t1 - t0)) * (W - left - right)
  const y = (v: number) => top + (1 - (v - vMin) / Math.max(1, vMax - vMin)) * (H - top - bottom)
  const d = pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')
  const flagged = new Set(flaggedAt.map((f) => new Date(f).getTime()))
  return (
    <svg className="follower-chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${label}: ${compact.format(pts[0]!.v)} to ${compact.format(pts[pts.length - 1]!.v)} followers`}>
      {[vMin, (vMin + vMax) / 2, vMax].map((v, i) => (
        <g key={i}>
          <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#dce2de" strokeWidth={1} />
          <text x={left - 6} y={y(v) + 4} fontSize={10} textAnchor="end" fill="#59645d">
            {compact.format(Math.round(v))}
          </text>
        </g>
      ))}
      <text x={left} y={H - 6} fontSize={10} fill="#59645d">
        {dayFmt.format(t0)}
      </text>
      <text x={W - right} y={H - 6} fontSize={10} textAnchor="end" fill="#59645d">
        {dayFmt.format(t1)}
      </text>
      <path d={d} fill="none" stroke="#1f6f43" strokeWidth={2} />
      {pts.map((p) => (
        <circle key={p.t} cx={x(p.t)} cy={y(p.v)} r={flagged.has(p.t) ? 4.5 : 3} fill={flagged.has(p.t) ? '#b42318' : '#1f6f43'}>
          <title>{`${dayFmt.format(p.t)}: ${p.v.toLocaleString('en-US')} followers`}</title>
        </circle>
      ))}
    </svg>
  )
}
