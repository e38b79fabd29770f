import * as client from 'openid-client'
import type { Config } from './config.ts'

export interface OidcLogin {
  url: URL
  state: string
  nonce: string
  codeVerifier: string
}

/**
 * A council's single sign-on (OpenID Connect, for example Microsoft Entra ID), switched on by the
 * UPSTREAM_OIDC_* settings. Discovery happens on first use so that an unreachable identity provider
 * does not stop the service starting; local accounts keep working.
 */
export class OidcSignIn {
  private readonly settings: NonNullable<Config['oidc']>
  private readonly allowPlainHttp: boolean
  private configuration: Promise<client.Configuration> | undefined

  constructor(settings: NonNullable<Config['oidc']>, environment: Config['environment']) {
    this.settings = settings
    // A local identity provider for development and tests speaks plain HTTP; a real one never may.
    this.allowPlainHttp = environment !== 'production' && settings.issuer.startsWith('http://')
  }

  get organisationName(): string {
    return this.settings.organisationName
  }

  private discover(): Promise<client.Configuration> {
    // Only outside production, for an identity provider on plain http in development and the tests.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to make it stand out
    const options = this.allowPlainHttp ? { execute: [client.allowInsecureRequests] } : undefined
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, options)
      .catch((error: unknown) => {
        this.configuration = undefined
        throw error
      })
    return this.configuration
  }

  async start(): Promise<OidcLogin> {
    const configuration = await this.discover()
    const codeVerifier = client.randomPKCECodeVerifier()
    const state = client.randomState()
    const nonce = client.randomNonce()
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    return { url, state, nonce, codeVerifier }
  }

  async finish(
    callbackUrl: URL,
    login: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ subject: string; email: string | undefined }> {
    const configuration = await this.discover()
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
    })
    const claims = tokens.claims()
    if (!claims) throw new Error('the identity provider returned no ID token')
    // Providers that follow the specification strictly keep the email out of the ID token when an access
    // token is issued; then it comes from the UserInfo endpoint.
    const userInfo = emailIn(claims) === undefined ? await client.fetchUserInfo(configuration, tokens.access_token, claims.sub) : undefined
    return { subject: `${claims.iss}|${claims.sub}`, email: emailIn(claims) ?? (userInfo && emailIn(userInfo)) }
  }
}

/** Entra ID puts the sign-in address in preferred_username when no email claim is configured. */
function emailIn(claims: Record<string, unknown>): string | undefined {
  const email = claims['email'] ?? claims['preferred_username']
  return typeof email === 'string' ? email : undefined
}
