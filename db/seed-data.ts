/** The demo program's people. Shared by the seed, the demo banner and the e2e tests. */
export const DEMO_PASSWORD = 'greenroom-demo-2026'

export const DEMO_BRANDS = [
  { slug: 'acme-running', name: 'Acme Running', legalName: 'Acme Running Co.', currency: 'USD', jurisdiction: 'US' },
  { slug: 'glow-labs', name: 'Glow Labs', legalName: 'Glow Labs Ltd', currency: 'GBP', jurisdiction: 'UK' },
] as const

export const DEMO_MEMBERS = [
  { email: 'ava@acme.test', name: 'Ava Alvarez', brand: 'acme-running', role: 'admin' },
  { email: 'marco@acme.test', name: 'Marco Reyes', brand: 'acme-running', role: 'manager' },
  { email: 'fiona@acme.test', name: 'Fiona Park', brand: 'acme-running', role: 'finance' },
  { email: 'victor@acme.test', name: 'Victor Osei', brand: 'acme-running', role: 'viewer' },
  { email: 'gina@glow.test', name: 'Gina Holt', brand: 'glow-labs', role: 'admin' },
  { email: 'liam@glow.test', name: 'Liam Carter', brand: 'glow-labs', role: 'manager' },
  { email: 'priya@glow.test', name: 'Priya Nair', brand: 'glow-labs', role: 'finance' },
] as const

type Account = readonly [platform: 'instagram' | 'tiktok' | 'youtube', handle: string, followers: number]
export const DEMO_CREATORS: readonly { email: string; name: string; country: string; accounts: readonly Account[]; brands: readonly string[] }[] = [
  { email: 'maya@creators.test', name: 'Maya Chen', country: 'US', accounts: [['instagram', 'mayaruns', 48_200], ['tiktok', 'mayaruns', 131_000]], brands: ['acme-running', 'glow-labs'] },
  { email: 'jonah@creators.test', name: 'Jonah Brooks', country: 'US', accounts: [['youtube', 'jonahbrooksfit', 412_000]], brands: ['acme-running'] },
  { email: 'sofia@creators.test', name: 'Sofia Marquez', country: 'US', accounts: [['instagram', 'sofiamoves', 8_900]], brands: ['acme-running'] },
  { email: 'kenji@creators.test', name: 'Kenji Watanabe', country: 'US', accounts: [['tiktok', 'kenjiontrail', 67_500], ['instagram', 'kenji.trail', 22_000]], brands: ['acme-running'] },
  { email: 'amara@creators.test', name: 'Amara Okafor', country: 'GB', accounts: [['instagram', 'amaraglows', 256_000]], brands: ['glow-labs'] },
  { email: 'lucas@creators.test', name: 'Lucas Meyer', country: 'US', accounts: [['youtube', 'lucasmeyerruns', 1_240_000], ['instagram', 'lucasmeyer', 640_000]], brands: ['acme-running'] },
  { email: 'hannah@creators.test', name: 'Hannah Lee', country: 'US', accounts: [['tiktok', 'hannahstretches', 3_400]], brands: ['acme-running', 'glow-labs'] },
  { email: 'diego@creators.test', name: 'Diego Santos', country: 'US', accounts: [['instagram', 'diegosprints', 15_700], ['tiktok', 'diegosprints', 29_800]], brands: ['acme-running'] },
  { email: 'chloe@creators.test', name: 'Chloe Dubois', country: 'IE', accounts: [['instagram', 'chloeskin', 94_000]], brands: ['glow-labs'] },
  { email: 'omar@creators.test', name: 'Omar Haddad', country: 'US', accounts: [['youtube', 'omarlifts', 58_000]], brands: ['acme-running'] },
  { email: 'zoe@creators.test', name: 'Zoe Fischer', country: 'GB', accounts: [['tiktok', 'zoefischer', 512_000]], brands: ['glow-labs'] },
  { email: 'ravi@creators.test', name: 'Ravi Kumar', country: 'US', accounts: [['instagram', 'ravi.runs', 1_900], ['youtube', 'ravikumar', 4_100]], brands: ['acme-running'] },
]

export const DEMO_AGENCY = {
  name: 'Northstar Talent',
  agents: [{ email: 'nora@northstar.test', name: 'Nora Quinn' }],
  /** creator email -> scopes granted to the agency */
  represents: [
    { creator: 'jonah@creators.test', scopes: ['answer_offers', 'submit_content', 'invoice', 'see_payments'], agencyInvoices: true },
    { creator: 'lucas@creators.test', scopes: ['answer_offers', 'submit_content', 'invoice', 'see_payments'], agencyInvoices: false },
    { creator: 'zoe@creators.test', scopes: ['answer_offers', 'see_payments'], agencyInvoices: false },
  ],
} as const

/** One login per role, printed at start-up in demo mode. */
export const DEMO_LOGINS = [
  { role: 'Brand admin', email: 'ava@acme.test' },
  { role: 'Brand manager', email: 'marco@acme.test' },
  { role: 'Finance', email: 'fiona@acme.test' },
  { role: 'Viewer', email: 'victor@acme.test' },
  { role: 'Creator', email: 'maya@creators.test' },
  { role: 'Agent', email: 'nora@northstar.test' },
] as const

export function demoBannerText(appUrl: string) {
  const rows = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(14)} ${l.email}`).join('\n')
  return `\nDemo accounts (password for all: ${DEMO_PASSWORD})\n${rows}\nOpen ${appUrl}/login\n`
}

