/**
 * Each e-mail is rendered once (enqueue-email.server.ts renderEmail): its plain-text part is converted from the
 * HTML of that render. Proof that it is the text the library's own second render gives, for every template,
 * with the text users type (quotes, angle brackets, ampersands, long links, other scripts, a NUL byte) in the props.
 */
import { render } from '@react-email/render'
import { createElement, type ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import { renderEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { BriefUpdatedEmail } from '#emails/brief-updated.tsx'
import { ConnectionLostEmail } from '#emails/connection-lost.tsx'
import { CounterAnsweredEmail } from '#emails/counter-answered.tsx'
import { DailyReminderEmail } from '#emails/daily-reminder.tsx'
import { DraftApprovedEmail } from '#emails/draft-approved.tsx'
import { DraftChangesRequestedEmail } from '#emails/draft-changes-requested.tsx'
import { DraftSubmittedEmail } from '#emails/draft-submitted.tsx'
import { InvitationEmail } from '#emails/invitation.tsx'
import { InvoiceDecidedEmail } from '#emails/invoice-decided.tsx'
import { InvoiceSubmittedEmail } from '#emails/invoice-submitted.tsx'
import { OfferAnsweredEmail } from '#emails/offer-answered.tsx'
import { OfferExpiringEmail } from '#emails/offer-expiring.tsx'
import { OfferReceivedEmail } from '#emails/offer-received.tsx'
import { OfferWithdrawnEmail } from '#emails/offer-withdrawn.tsx'
import { PasswordResetEmail } from '#emails/password-reset.tsx'
import { PostSentBackEmail } from '#emails/post-sent-back.tsx'
import { RightsEndingEmail } from '#emails/rights-ending.tsx'
import { SignInLinkEmail } from '#emails/sign-in-link.tsx'

const name = 'Zoë "Z" <O\'Brien> & Søn'
const brand = 'Acme & Co <script>alert(1)</script>'
const campaign = 'Été 2027 — 春 campaign'
// a NUL byte pasted into a comment (the forms refuse it; a job's text might not)
const pasted = 'Looks great\u0000 — post it Friday'
const url = 'https://greenroom.example/c/cr_123/deliverables/dl_456?tab=drafts&from=mail'
const long = 'Please move the #ad to the first line of the caption.\n\nAlso: the link in bio → https://shop.example/spring?utm=1&x=<2>. '.repeat(3)

const emails: [string, ReactElement][] = [
  [
    'brief-updated',
    createElement(BriefUpdatedEmail, { creatorName: name, brandName: brand, campaignName: campaign, version: 3, changes: ['Fee: €1,200 → €1,500', 'New hashtag #AcmeSpring', ''], url }),
  ],
  ['connection-lost', createElement(ConnectionLostEmail, { creatorName: name, platformLabel: 'Instagram', username: '@zoe_<x>', reason: long, url })],
  ['connection-lost, no username', createElement(ConnectionLostEmail, { creatorName: name, platformLabel: 'TikTok', username: null, reason: 'token revoked', url })],
  ['counter-answered', createElement(CounterAnsweredEmail, { accepted: true, creatorName: name, brandName: brand, campaignName: campaign, fee: '$1,800.00', note: long, url })],
  ['counter-declined', createElement(CounterAnsweredEmail, { accepted: false, creatorName: name, brandName: brand, campaignName: campaign, fee: '¥180,000', note: null, url })],
  [
    'daily-reminder',
    createElement(DailyReminderEmail, {
      name,
      audience: 'manager',
      items: [
        { what: 'Review draft v2', context: `${name} · ${campaign}`, due: '2027-01-04' },
        { what: 'Approve invoice <INV-7>', context: brand, due: null },
      ],
      url,
    }),
  ],
  [
    'draft-approved',
    createElement(DraftApprovedEmail, {
      creatorName: name,
      brandName: brand,
      campaignName: campaign,
      deliverable: 'Instagram reel #2',
      version: 2,
      comment: long,
      postWindow: 'between 2027-01-04 and 2027-01-10',
      url,
    }),
  ],
  ['draft-approved, bare', createElement(DraftApprovedEmail, { creatorName: name, brandName: brand, campaignName: campaign, deliverable: 'Story', version: 1, comment: null, postWindow: null, url })],
  ['draft-approved, a NUL byte', createElement(DraftApprovedEmail, { creatorName: name, brandName: brand, campaignName: campaign, deliverable: 'Story', version: 1, comment: pasted, postWindow: null, url })],
  [
    'draft-changes-requested',
    createElement(DraftChangesRequestedEmail, {
      creatorName: name,
      brandName: brand,
      campaignName: campaign,
      deliverable: 'TikTok video',
      version: 4,
      comment: long,
      revisionsSentence: 'This is round 3 of 2 included.',
      url,
    }),
  ],
  ['draft-submitted', createElement(DraftSubmittedEmail, { creatorName: name, submittedBy: 'Agent <Smith>', campaignName: campaign, deliverable: 'YouTube video', version: 1, blockingCount: 2, url })],
  ['invitation', createElement(InvitationEmail, { inviterName: name, purpose: `join ${brand} as finance`, url, expiresInDays: 7 })],
  ['invoice-decided', createElement(InvoiceDecidedEmail, { creatorName: name, brandName: brand, number: 'INV-2027-001', amount: '€1,500.00', outcome: 'rejected', detail: long, dueDate: null, url })],
  ['invoice-paid', createElement(InvoiceDecidedEmail, { creatorName: name, brandName: brand, number: 'INV-2027-002', amount: '£900.00', outcome: 'paid', dueDate: '2027-02-01', url })],
  ['invoice-submitted', createElement(InvoiceSubmittedEmail, { brandName: brand, creatorName: name, campaignName: campaign, number: 'INV-9', amount: '$0.99', matched: false, url })],
  ['offer-answered', createElement(OfferAnsweredEmail, { answer: 'countered', creatorName: name, answeredBy: 'Agent', campaignName: campaign, detail: long, url })],
  ['offer-expiring', createElement(OfferExpiringEmail, { creatorName: name, brandName: brand, campaignName: campaign, expiresAt: '2027-01-05 17:00 Europe/Paris', url })],
  [
    'offer-received',
    createElement(OfferReceivedEmail, {
      creatorName: name,
      brandName: brand,
      campaignName: campaign,
      fee: 'CHF 2,000.00',
      deliverables: ['Instagram reel', 'Story × 3', '<b>bold</b>'],
      expiresOn: '2027-01-09',
      url,
    }),
  ],
  ['offer-withdrawn', createElement(OfferWithdrawnEmail, { creatorName: name, brandName: brand, campaignName: campaign })],
  ['password-reset', createElement(PasswordResetEmail, { name, url, expiresInMinutes: 30 })],
  ['post-sent-back', createElement(PostSentBackEmail, { creatorName: name, brandName: brand, campaignName: campaign, note: long, url })],
  [
    'rights-ending',
    createElement(RightsEndingEmail, { brandName: brand, creatorName: name, deliverable: 'Reel', campaignName: campaign, endsOn: '2027-03-01', daysLeft: 30, paidAds: true, adsStillOpen: true, url }),
  ],
  ['sign-in-link', createElement(SignInLinkEmail, { name, url, expiresInMinutes: 15 })],
]

describe('an e-mail rendered once', () => {
  it.each(emails)('%s: the same HTML and plain text as two renders', async (_, element) => {
    const once = await renderEmail(element)
    expect(once.html).toBe(await render(element))
    expect(once.text).toBe(await render(element, { plainText: true }))
    // The conversion read the markup, not nothing: the text has the link and no tags.
    expect(once.text).toContain(element.props.url ?? 'Greenroom')
    expect(once.text).not.toMatch(/<\/?(p|a|table|td|div)\b/)
    // and nothing PostgreSQL's text columns refuse reaches the outbox row
    expect(once.html + once.text).not.toContain('\u0000')
  })
})
