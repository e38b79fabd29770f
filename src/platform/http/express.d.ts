import type { Actor } from '../../db/actor.ts'
import type { CurrentUser } from '../current-user.ts'
import type { NavigationItem } from './navigation.ts'

declare global {
  namespace Express {
    interface Locals {
      cspNonce: string
      csrfToken?: () => string
      currentUser?: CurrentUser
      actor?: Actor
      navigation?: NavigationItem[]
      serviceOwner: string
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: string
    signedInAt?: number
    returnTo?: string
    oidc?: { state: string; nonce: string; codeVerifier: string }
  }
}
