import { Card } from '#app/components/ui.tsx'

interface Contact {
  email?: string
  phone?: string | null
  country?: string | null
  shippingAddress?: Record<string, string> | null
}

/**
 * The creator's contact details as this brand may see them (app/domain/creator-privacy.ts): with a
 * relationship, what the creator keeps current; without one, a sentence saying when they will be shared.
 */
export function CreatorContactCard({
  name,
  contact,
  hasAccount,
  agencies,
  representedBy,
}: {
  name: string
  contact: Contact | null
  hasAccount: boolean
  agencies: { name: string }[]
  representedBy: string | null
}) {
  const address = contact?.shippingAddress
  const addressLines = address ? [address.line1, address.line2, [address.city, address.region, address.postalCode].filter(Boolean).join(' '), address.country].filter(Boolean) : []
  return (
    <Card title="Contacts">
      <dl className="dl">
        {contact ? (
          <>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
              {hasAccount ? '' : <span className="muted small"> · invited, no login yet</span>}
            </dd>
            <dt>Phone</dt>
            <dd>{contact.phone ?? <span className="muted">Not given</span>}</dd>
            <dt>Shipping address</dt>
            <dd>
              {addressLines.length ? (
                <address className="roster-address">
                  {addressLines.map((l, i) => (
                    <span key={i}>{l}</span>
                  ))}
                </address>
              ) : (
                <span className="muted">Not given: the creator adds it from their profile</span>
              )}
            </dd>
          </>
        ) : (
          <>
            <dt>Contact details</dt>
            <dd data-testid="contact-private">
              <span className="muted">
                Shared with you once {name} accepts your invitation or an offer from you. Until then you see their name and the handles they list.
              </span>
            </dd>
          </>
        )}
        <dt>Agent</dt>
        <dd>
          {agencies.length ? agencies.map((a) => a.name).join(', ') : representedBy ?? <span className="muted">None recorded</span>}
          {agencies.length && representedBy ? <span className="muted small"> · your note: {representedBy}</span> : null}
        </dd>
      </dl>
      <p className="muted xsmall">Contact details are kept current by the creator; your notes, rates, status and the accounts you track are yours alone.</p>
    </Card>
  )
}
