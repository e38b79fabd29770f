import plugin from './index.js'
import { ruleTester } from './rule-tester.ts'

const personalData = (field: string) => ({ messageId: 'personalData', data: { field } })

ruleTester.run('no-personal-data-in-logs', plugin.rules['no-personal-data-in-logs'], {
  valid: [
    "logger.info({ caseId: c.id, stage: c.stage }, 'case opened')",
    "deps.logger.warn({ err: error }, 'single sign-on failed')",
    "req.log.error({ organisationId: user.organisationId, userId: user.id }, 'refused')",
    "this.logger.debug({ count: rows.length }, 'loaded')",
    'logger.info(`listening on ${String(port)}`)',
    "logger.info({ email_sent: true, template: 'welcome' }, 'notified')",
    // Not a logger: a person's name may go to a page or a letter.
    'res.render(view, { name: person.name })',
    "notify.send({ email: user.email }, 'welcome')",
    "console.info('ready')",
    // Not a logging method.
    'logger.child({ component: "audit" })',
    // Types carry no data.
    "logger.info({ id: (row as { name: string; id: string }).id }, 'x')",
  ],
  invalid: [
    { code: "logger.info({ email: user.email }, 'signed in')", errors: [personalData('email')] },
    { code: "logger.info({ email }, 'signed in')", errors: [personalData('email')] },
    { code: "logger.info({ 'email': x }, 'signed in')", errors: [personalData('email')] },
    { code: "logger.info({ who: user.email }, 'signed in')", errors: [personalData('email')] },
    { code: 'log.warn(`could not reach ${person.phone}`)', errors: [personalData('phone')] },
    { code: "this.logger.error({ person: { given_name: 'x' } }, 'bad')", errors: [personalData('given_name')] },
    { code: "deps.logger.debug('applicant ' + applicant.dateOfBirth)", errors: [personalData('dateOfBirth')] },
    { code: 'logger.info({ ...person.address })', errors: [personalData('address')] },
    { code: "req.log.trace({ who: user?.fullName }, 'x')", errors: [personalData('fullName')] },
    { code: "logger.fatal({ line: person.address.line1 }, 'x')", errors: [personalData('address')] },
    { code: "logger.info({ who: person['nhsNumber'] }, 'x')", errors: [personalData('nhsNumber')] },
    { code: "auditLog.info({ ni: (p.niNumber as string).slice(-2) }, 'x')", errors: [personalData('niNumber')] },
    { code: "appLogger.warn({ people: people.map((p) => p.id), pc: form.postcode! }, 'x')", errors: [personalData('postcode')] },
    { code: "Logger.info({ n: String(user.NationalInsuranceNumber) }, 'x')", errors: [personalData('NationalInsuranceNumber')] },
    { code: "logger.info([user.firstName, user.lastName].join(' '))", errors: [personalData('firstName'), personalData('lastName')] },
    { code: "logger.info(name ? 'named' : 'anonymous')", errors: [personalData('name')] },
    { code: "logger.info({ dob, telephone }, 'x')", errors: [personalData('dob'), personalData('telephone')] },
    {
      code: "logger.info({ email: user.email }, 'x')",
      errors: [{ message: /logs are kept and copied without the protection the records have/ }],
    },
  ],
})
