/**
 * Plain-language disclosures: how real creators phrase a connection, and what each phrasing is worth.
 * Written by us from the sources below; each example names the source that decides it. Where a source
 * gives the words, the example uses them; the rest are everyday variants (word order, tense, "free" /
 * "for free" / "complimentary", the brand's name or handle) judged by the FTC's test: "easily
 * understandable by ordinary consumers" (16 CFR 255.0(f)).
 *
 * expect: 'disclosed' means no wording or placement finding at all; otherwise exactly these rule ids
 * (as a set) among the wording and placement rules (see WORDING_RULES in the test).
 */
import type { ConnectionType, Jurisdiction } from '#app/domain/catalog.ts'

export const SOURCES = {
  FTC101: 'FTC, "Disclosures 101 for Social Media Influencers" (2019): "Thanks to [brand] for the free product"; not "sp", "spon", "collab", or "thanks" alone',
  FTCFAQ: 'FTC, "FTC\'s Endorsement Guides: What People Are Asking" (2023): a statement that the company gave or paid works; "affiliate link" alone may not be understood',
  CFR255: '16 CFR 255.5 (2023) and its examples: disclose the material connection (payment, free product, employment)',
  AMAZON: 'Amazon Associates Program Operating Agreement: "As an Amazon Associate I earn from qualifying purchases"',
  CMA: 'CAP/CMA "Influencers\' guide to making clear that ads are ads" (2023): "Ad" up front; "sponsored", "in association with", "thanks to" are not enough; #gifted for a true gift',
  FR: 'Loi n° 2023-451, art. 5 I: « Publicité » ou « Collaboration commerciale »',
  DE: 'Die Medienanstalten, Leitfaden "Werbekennzeichnung bei Online-Medien": "Werbung" or "Anzeige"; "Sponsored by", "Kooperation" are not enough',
  PLAIN: 'Everyday phrasing, judged by 16 CFR 255.0(f) "easily understandable by ordinary consumers"',
} as const

export interface PlainExample {
  caption: string
  jurisdiction: Jurisdiction
  connectionType: ConnectionType
  expect: 'disclosed' | string[]
  source: keyof typeof SOURCES
  brandName?: string
  handles?: string[]
}

const us = (connectionType: ConnectionType, caption: string, expect: PlainExample['expect'], source: keyof typeof SOURCES, more: Partial<PlainExample> = {}): PlainExample => ({
  caption,
  jurisdiction: 'US',
  connectionType,
  expect,
  source,
  ...more,
})
const at = (jurisdiction: Jurisdiction, connectionType: ConnectionType, caption: string, expect: PlainExample['expect'], source: keyof typeof SOURCES): PlainExample => ({
  caption,
  jurisdiction,
  connectionType,
  expect,
  source,
})

export const PLAIN_LANGUAGE_CORPUS: PlainExample[] = [
  // ---- US, paid: a sentence that says the brand paid or sponsored the post ----
  us('paid', 'Acme paid me to make this video', 'disclosed', 'FTCFAQ'),
  us('paid', '@acme paid me for this post, but the opinions are mine', 'disclosed', 'FTCFAQ'),
  us('paid', 'Acme is paying me to share my running routine', 'disclosed', 'PLAIN'),
  us('paid', 'Acme has paid me for this reel', 'disclosed', 'PLAIN'),
  us('paid', 'For this video, Acme paid me', 'disclosed', 'PLAIN'),
  us('paid', 'ACME PAID ME FOR THIS', 'disclosed', 'PLAIN'),
  us('paid', 'I was paid by Acme to try these', 'disclosed', 'CFR255'),
  us('paid', 'I’m being paid by @acme for this reel', 'disclosed', 'PLAIN'),
  us('paid', 'I got paid to review these, thanks Acme', 'disclosed', 'PLAIN'),
  us('paid', 'This video is sponsored by Acme', 'disclosed', 'FTC101'),
  us('paid', 'Acme sponsored this video, here is my honest take', 'disclosed', 'PLAIN'),
  us('paid', 'Acme is sponsoring today’s video!', 'disclosed', 'PLAIN'),
  us('paid', 'Thanks to Acme for sponsoring this video!', 'disclosed', 'PLAIN'),
  us('paid', 'Paid partnership with Acme', 'disclosed', 'FTC101'),
  us('paid', 'This is a paid collaboration with @acme', 'disclosed', 'PLAIN'),
  us('paid', 'Paid promotion: my new running shoes', 'disclosed', 'PLAIN'),
  us('paid', 'Today’s episode is brought to you by Acme', 'disclosed', 'PLAIN'),
  us('paid', 'Acme compensated me for this review', 'disclosed', 'CFR255'),
  us('paid', 'Acme hired me to create this', 'disclosed', 'PLAIN'),
  us('paid', '#ad Acme paid me to post this', 'disclosed', 'FTC101'),
  us('paid', 'Is this an ad? Yes! Acme paid me for it', 'disclosed', 'PLAIN'),
  us('paid', 'AcmeLabs paid me for this video', 'disclosed', 'PLAIN', { brandName: 'Acme Labs' }),
  us('paid', 'Acme Labs is paying me for this post', 'disclosed', 'PLAIN', { brandName: 'Acme Labs' }),
  us('paid', '@acme_run paid me for this post', 'disclosed', 'PLAIN', { handles: ['@acme_run'] }),
  us('paid', 'Acme’s team paid me to test these', 'disclosed', 'PLAIN'),
  us('paid', 'Sponsorisé par Acme', 'disclosed', 'PLAIN'),
  us('paid', 'Gesponsert von Acme', 'disclosed', 'PLAIN'),
  // Placement still applies: a clear sentence hidden behind "more" is hidden.
  us('paid', 'Great run today\nso many miles\nfeeling strong\nAcme paid me for this post', ['PL-01'], 'FTC101'),

  // ---- US, paid: vague, another brand, or the wrong kind ----
  us('paid', 'Thanks Acme!', ['LX-01', 'LX-02'], 'FTC101'),
  us('paid', 'Thank you so much @acme', ['LX-01', 'LX-02'], 'FTC101'),
  us('paid', 'Love my friends at @acme', ['LX-01', 'LX-02'], 'FTC101'),
  us('paid', 'In partnership with Acme', ['LX-01', 'LX-02'], 'CMA'),
  us('paid', 'Collab with @acme!', ['LX-01', 'LX-02'], 'FTC101'),
  us('paid', 'Shoutout to Acme for these', ['LX-01', 'LX-02'], 'FTC101'),
  us('paid', 'Teamed up with Acme for this one', ['LX-01', 'LX-02'], 'PLAIN'),
  us('paid', 'Thanks Acme for the love', ['LX-01', 'LX-02'], 'FTC101'),
  us('paid', 'Nike paid me for this', ['LX-01'], 'CFR255'),
  us('paid', 'Acme paid me a visit at the marathon', ['LX-01'], 'PLAIN'),
  us('gifted', 'Thanks @acme for the free shipping', ['LX-01', 'LX-02'], 'FTC101'),
  us('paid', 'Acme gave me this for free', ['LX-01', 'MC-03'], 'CFR255'),
  us('paid', 'I love Acme, they make the best shoes', ['LX-01', 'LX-02'], 'FTC101'),

  // ---- US, paid: denials and maybes are not disclosures, and they switch off a label inside them ----
  us('paid', 'Not sponsored, I just love Acme', ['LX-01', 'LX-02'], 'CFR255'),
  us('paid', 'This is not an ad. Acme is just great', ['LX-01', 'LX-02'], 'CFR255'),
  us('paid', 'Nobody paid me to say this about Acme', ['LX-01', 'LX-02'], 'CFR255'),
  us('paid', 'Acme didn’t pay me for this', ['LX-01', 'LX-02'], 'CFR255'),
  us('paid', 'I’m not sponsored by Acme, I bought these myself', ['LX-01', 'LX-02'], 'CFR255'),
  us('paid', 'Not an ad but Acme paid me for this post', ['LX-02'], 'CFR255'),
  us('paid', '#notsponsored just love these Acme runners', ['LX-01', 'LX-02'], 'CFR255'),
  us('paid', 'I wish Acme would sponsor me', ['LX-01', 'LX-02'], 'PLAIN'),
  us('paid', 'If Acme paid me, I would tell you', ['LX-01', 'LX-02'], 'PLAIN'),
  us('paid', 'Did Acme pay me for this? Guess', ['LX-01', 'LX-02'], 'PLAIN'),
  us('paid', 'Acme should sponsor me', ['LX-01', 'LX-02'], 'PLAIN'),
  us('paid', 'If this were an ad I would tell you', ['LX-01', 'LX-02'], 'PLAIN'),
  us('paid', 'Is this an ad? Nope', ['LX-01', 'LX-02'], 'PLAIN'),

  // ---- US, gifted: a sentence that says the brand gave the product ----
  us('gifted', 'Acme sent me these for free', 'disclosed', 'FTCFAQ'),
  us('gifted', '@acme sent me this complimentary serum to try', 'disclosed', 'PLAIN'),
  us('gifted', 'Acme kindly sent me these at no cost', 'disclosed', 'PLAIN'),
  us('gifted', 'Acme gifted me these sneakers', 'disclosed', 'PLAIN'),
  us('gifted', 'Kindly gifted by @acme', 'disclosed', 'PLAIN'),
  us('gifted', 'These were gifted to me by Acme', 'disclosed', 'PLAIN'),
  us('gifted', 'I got these for free from Acme', 'disclosed', 'PLAIN'),
  us('gifted', 'I received this at no cost from Acme', 'disclosed', 'PLAIN'),
  us('gifted', 'I was sent these by Acme for free', 'disclosed', 'PLAIN'),
  us('gifted', 'Thanks Acme for the free product!', 'disclosed', 'FTC101'),
  us('gifted', 'Thank you @acme for sending me these for free', 'disclosed', 'FTC101'),
  us('gifted', 'Thanks to Acme for the gift', 'disclosed', 'FTC101'),
  us('gifted', 'Free sample from Acme, first impressions', 'disclosed', 'PLAIN'),
  us('gifted', 'A gift from Acme', 'disclosed', 'PLAIN'),
  us('gifted', 'Acme launched new colours and they sent me a pair for free', 'disclosed', 'PLAIN'),
  us('gifted', 'This was provided free of charge by Acme', 'disclosed', 'PLAIN'),
  us('gifted', 'Not sponsored, but Acme sent me these for free', 'disclosed', 'CFR255'),
  us('gifted', 'Acme m’a offert ces baskets', 'disclosed', 'PLAIN'),
  us('gifted', 'Got free shipping from Acme on my order', ['LX-01'], 'CFR255'),
  us('gifted', 'I hope Acme sends me these for free', ['LX-01', 'LX-02'], 'PLAIN'),
  us('gifted', 'I bought these myself, love Acme', ['LX-01', 'LX-02'], 'CFR255'),

  // ---- US, affiliate: a sentence that says the creator earns from purchases ----
  us('affiliate', 'If you buy through my link, I earn a small commission', 'disclosed', 'FTCFAQ'),
  us('affiliate', 'I may earn a commission when you shop my links', 'disclosed', 'FTCFAQ'),
  us('affiliate', 'As an Amazon Associate I earn from qualifying purchases', 'disclosed', 'AMAZON'),
  us('affiliate', 'I get paid a commission on every sale through my code ACME10', 'disclosed', 'PLAIN'),
  us('affiliate', 'These are affiliate links, I earn a commission', 'disclosed', 'FTCFAQ'),
  us('affiliate', 'I earn commissions on purchases', 'disclosed', 'FTCFAQ'),
  us('affiliate', 'Affiliate link in bio', ['LX-01', 'LX-02'], 'FTCFAQ'),

  // ---- US, employee ----
  us('employee', 'I work for Acme and I love our new shoes', 'disclosed', 'CFR255'),
  us('employee', 'As an Acme employee, I got early access', 'disclosed', 'CFR255'),
  us('employee', 'I’m employed by @acme, so take this with that in mind', 'disclosed', 'CFR255'),

  // ---- US, mixed (fee and product) ----
  us('mixed', 'Acme sent me these for free and paid me for this post', 'disclosed', 'CFR255'),

  // ---- UK and Ireland: "Ad" up front; a sentence alone is not the label ----
  at('UK', 'paid', 'Acme paid me to post this', ['LX-01', 'LX-03'], 'CMA'),
  at('UK', 'paid', 'Ad | Acme paid me to post this', 'disclosed', 'CMA'),
  at('UK', 'paid', 'Not an ad, just love Acme', ['LX-01', 'LX-02'], 'CMA'),
  at('UK', 'paid', 'In association with Acme', ['LX-01', 'LX-03'], 'CMA'),
  at('UK', 'paid', 'Thanks to Acme for these', ['LX-01', 'LX-02'], 'CMA'),
  at('UK', 'gifted', 'Acme sent me these for free', 'disclosed', 'CMA'),
  at('IE', 'gifted', 'Acme gifted me this', 'disclosed', 'CMA'),
  at('UK', 'paid', 'Acme gifted me this', ['LX-01', 'MC-03'], 'CMA'),

  // ---- France: the law names the mention ----
  at('FR', 'paid', 'Sponsorisé par Acme : ma routine', ['LX-01', 'FR-01'], 'FR'),
  at('FR', 'paid', 'Acme m’a payée pour cette vidéo', ['LX-01', 'FR-01'], 'FR'),
  at('FR', 'paid', 'Publicité. Acme m’a payée pour cette vidéo', 'disclosed', 'FR'),
  at('FR', 'paid', 'Collaboration commerciale avec Acme', 'disclosed', 'FR'),
  at('FR', 'gifted', 'Produit offert par Acme', ['LX-01', 'FR-01'], 'FR'),
  at('FR', 'paid', 'Acme paid me for this video', ['LX-01', 'FR-01'], 'FR'),
  at('FR', 'paid', 'Ce n’est pas une publicité, j’adore Acme', ['LX-01', 'LX-02'], 'FR'),
  at('FR', 'paid', 'Merci Acme !', ['LX-01', 'LX-02'], 'FR'),

  // ---- Germany: "Werbung" or "Anzeige" ----
  at('DE', 'paid', 'Gesponsert von Acme', ['LX-01', 'DE-01'], 'DE'),
  at('DE', 'paid', 'Acme hat mich dafür bezahlt', ['LX-01', 'DE-01'], 'DE'),
  at('DE', 'paid', 'Werbung | Acme hat mich dafür bezahlt', 'disclosed', 'DE'),
  at('DE', 'paid', 'Keine Werbung, alles selbst gekauft', ['LX-01', 'LX-02'], 'DE'),
  at('DE', 'gifted', 'Kostenlos zur Verfügung gestellt von Acme', ['LX-01', 'DE-01'], 'DE'),
  at('DE', 'gifted', 'Unbezahlte Werbung: von Acme kostenlos zur Verfügung gestellt', 'disclosed', 'DE'),
  at('DE', 'affiliate', 'Ich erhalte eine Provision, wenn ihr über meinen Link kauft', ['LX-01', 'DE-01'], 'DE'),
  at('DE', 'paid', 'Danke an Acme für die Schuhe', ['LX-01', 'LX-02'], 'DE'),
]
