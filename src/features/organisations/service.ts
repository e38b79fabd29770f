import {
  isEnglishHousingAuthorityCode,
  isOrganisationType,
  ORGANISATION_TYPES,
  storedOrganisationType,
} from '../../domain/organisations.ts'
import { Service } from '../../platform/service.ts'
import { recordAudit, SYSTEM_ORIGIN, type SystemActor } from '../../platform/audit.ts'
import { RefusedError } from '../../platform/refused.ts'
import { findOrganisationByCode, findOrganisationByName, insertOrganisation } from './queries.ts'
import { asSystem } from '../../db/modes.ts'

export class OrganisationService extends Service {
  /** Adds an organisation. Run by the platform's operators (the command line), so it acts as the system. */
  async add(request: { type: string; name: string; code?: string | undefined; parent?: string | undefined }, actor: SystemActor) {
    const name = request.name.trim()
    const code = request.code?.trim().toUpperCase()
    if (!isOrganisationType(request.type))
      throw new RefusedError(`"${request.type}" is not an organisation type. Use one of: ${ORGANISATION_TYPES.join(', ')}`)
    if (name === '') throw new RefusedError('Give the organisation a name with --name')
    const type = storedOrganisationType(request.type, name)
    if (request.type === 'local_housing_authority') {
      if (code === undefined)
        throw new RefusedError('A local housing authority needs its ONS code, for example --code E07000073 for Harlow')
      if (!isEnglishHousingAuthorityCode(code))
        throw new RefusedError(
          `"${code}" is not the ONS code of an English district or unitary authority (E06, E07, E08 or E09 followed by six digits)`,
        )
    } else if (code !== undefined && request.type !== 'county_council') {
      throw new RefusedError('Only housing authorities and county councils have an ONS code: leave out --code')
    }
    // The new organisation is audited inside the work; the system's own record names the command.
    return asSystem(
      this.db,
      { reason: 'add an organisation', noRecordBecause: 'the organisation is audited as it is added' },
      async (trx) => {
        if (await findOrganisationByName(trx, name)) throw new RefusedError(`There is already an organisation called "${name}"`)
        if (code !== undefined && (await findOrganisationByCode(trx, code)))
          throw new RefusedError(`There is already an organisation with the code ${code}`)
        let parentId: string | null = null
        if (request.parent !== undefined) {
          const parent = await findOrganisationByName(trx, request.parent)
          if (!parent) throw new RefusedError(`There is no organisation called "${request.parent}" to be the parent`)
          parentId = parent.id
        }
        const organisation = await insertOrganisation(trx, { type, name, onsCode: code ?? null, parentId })
        await recordAudit(
          trx,
          actor,
          {
            action: 'organisation_added',
            subjectType: 'organisation',
            subjectId: organisation.id,
            subjectOrganisationId: organisation.id,
            details: { type },
          },
          SYSTEM_ORIGIN,
          this.clock.now(),
        )
        return organisation
      },
    )
  }
}
