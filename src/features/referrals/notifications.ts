import type { OutgoingMessage } from '../../platform/notify.ts'
import { humanise } from '../../platform/formatting.ts'

/**
 * The words of each message a referral sends. Alerts and outcome messages name the reference, never
 * the person: an email can be forwarded, a referral's details stay behind the sign-in.
 */

interface Referral {
  id: string
  reference: string
  authorityId: string
  authorityName: string
}

export function receiptToReferrer(r: Referral, to: string): OutgoingMessage {
  return {
    channel: 'email',
    to,
    kind: 'referral_receipt_to_referrer',
    subject: `Referral ${r.reference} received by ${r.authorityName}`,
    body: `${r.authorityName} has received your referral ${r.reference}. Its housing team will contact the person as agreed. You can follow the referral, and exchange messages with the team, under Referrals when you sign in.`,
    organisationId: r.authorityId,
    about: { type: 'referral', id: r.id },
  }
}

export function receiptToPerson(
  r: Referral,
  to: { email: string | null; phone: string | null },
  targetWorkingDays: number,
): OutgoingMessage[] {
  const body = `${r.authorityName} has received a referral for help with housing for you. Your reference is ${r.reference}. The housing team aims to contact you within ${String(targetWorkingDays)} working ${targetWorkingDays === 1 ? 'day' : 'days'}. If you are homeless tonight, contact the council straight away.`
  const common = { kind: 'referral_receipt_to_person', organisationId: r.authorityId, about: { type: 'referral', id: r.id } }
  if (to.email) return [{ ...common, channel: 'email', to: to.email, subject: `Your housing referral ${r.reference}`, body }]
  if (to.phone) return [{ ...common, channel: 'sms', to: to.phone, subject: '', body }]
  return []
}

export function alertToAuthority(r: Referral, to: string, reason: string): OutgoingMessage {
  return {
    channel: 'email',
    to,
    kind: 'referral_alert_to_authority',
    subject: `New referral ${r.reference}`,
    body: `A new referral, ${r.reference} (${humanise(reason).toLowerCase()}), is waiting in ${r.authorityName}'s referrals inbox. Sign in to see it.`,
    organisationId: r.authorityId,
    about: { type: 'referral', id: r.id },
  }
}

export function outcomeToReferrer(r: Referral, to: string, status: string, outcome: string): OutgoingMessage {
  return {
    channel: 'email',
    to,
    kind: 'referral_outcome_to_referrer',
    subject: `Referral ${r.reference}: ${humanise(status).toLowerCase()}`,
    body: `${r.authorityName} has updated referral ${r.reference}: ${humanise(status).toLowerCase()}${outcome === 'pending' ? '' : `, ${humanise(outcome).toLowerCase()}`}. Sign in and open Referrals for the details.`,
    organisationId: r.authorityId,
    about: { type: 'referral', id: r.id },
  }
}

export function messageNotice(r: Referral, to: string, from: string): OutgoingMessage {
  return {
    channel: 'email',
    to,
    kind: 'referral_message',
    subject: `New message about referral ${r.reference}`,
    body: `${from} has sent a message about referral ${r.reference}. Sign in and open Referrals to read it and reply.`,
    organisationId: r.authorityId,
    about: { type: 'referral', id: r.id },
  }
}
