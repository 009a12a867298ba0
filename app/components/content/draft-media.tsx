/** Draft media through the authorizing file route: video with controls, images inline, anything else as a link. */
export interface DraftFile {
  id: string
  mimeType: string
  originalName: string
  sizeBytes: number
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} bytes`
}

export function DraftMedia({ files, large = false }: { files: DraftFile[]; large?: boolean }) {
  if (files.length === 0) return <p className="muted small">No files.</p>
  return (
    <ul className={`plain draft-media${large ? ' draft-media-large' : ''}`}>
      {files.map((f) => (
        <li key={f.id} className="draft-media-item">
          {f.mimeType.startsWith('video/') ? (
            <video src={`/files/${f.id}`} controls preload="metadata" playsInline aria-label={f.originalName} />
          ) : f.mimeType.startsWith('image/') && f.mimeType !== 'image/heic' ? (
            <img src={`/files/${f.id}`} alt={f.originalName} loading="lazy" />
          ) : null}
          <a href={`/files/${f.id}`} className="small" target="_blank" rel="noopener noreferrer">
            {f.originalName}
          </a>{' '}
          <span className="muted xsmall">{formatBytes(f.sizeBytes)}</span>
        </li>
      ))}
    </ul>
  )
}
