import { z } from 'zod'
import { BRAND_ROLES } from '#app/domain/roles.ts'
import { currentPassword, email, newPassword, personName, redirectTo } from './fields.ts'

export const loginSchema = z.object({ email, password: currentPassword, redirectTo })

export const forgotPasswordSchema = z.object({ email })

export const signInLinkSchema = z.object({ email })

const confirm = z.string({ required_error: 'Type the password again.' }).max(256)

export const resetPasswordSchema = z
  .object({ password: newPassword, confirm })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match.' })

export const changePasswordSchema = z
  .object({ currentPassword, password: newPassword, confirm })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match.' })

export const acceptInvitationSchema = z
  .discriminatedUnion('intent', [
    z.object({ intent: z.literal('create'), name: personName, password: newPassword, confirm }),
    z.object({ intent: z.literal('attach') }),
  ])
  .superRefine((v, ctx) => {
    if (v.intent === 'create' && v.password !== v.confirm) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['confirm'], message: 'The two passwords do not match.' })
    }
  })

export const inviteSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('invite-member'),
    email,
    role: z.enum(BRAND_ROLES, { errorMap: () => ({ message: 'Choose a role.' }) }),
  }),
  z.object({ intent: z.literal('invite-creator'), email, name: personName }),
  z.object({ intent: z.literal('revoke-invitation'), invitationId: z.string().min(1).max(64) }),
])
