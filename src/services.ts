import type { Logger } from 'pino'
import type { Database } from './db/database.ts'
import { ownerDb } from './db/modes.ts'
import { AccountService } from './features/accounts/service.ts'
import { ApiKeyService } from './features/api/api-keys.ts'
import { HclicService } from './features/hclic/service.ts'
import { HouseholdService } from './features/assessment/household-service.ts'
import { AssessmentService } from './features/assessment/service.ts'
import { AuditService } from './features/audit/service.ts'
import { AccommodationService } from './features/casework/accommodation-service.ts'
import { NonCooperationService } from './features/casework/non-cooperation-service.ts'
import { CaseKernel } from './features/case/kernel.ts'
import { CaseworkService } from './features/casework/service.ts'
import { EvaluationReportService } from './features/monitoring/report-service.ts'
import { MonitoringService } from './features/monitoring/service.ts'
import { QualityService } from './features/monitoring/quality-service.ts'
import { PerformanceService } from './features/monitoring/performance-service.ts'
import { MonitoringExportService } from './features/monitoring/export.ts'
import { MonitoringImportService } from './features/monitoring/import.ts'
import { caseLetters, LettersService } from './features/letters/service.ts'
import { OutboxService } from './features/outbox/service.ts'
import { OrganisationService } from './features/organisations/service.ts'
import { PlanService } from './features/plans/service.ts'
import { ReferralIntake } from './features/referrals/intake.ts'
import { ReferralService } from './features/referrals/service.ts'
import { ReviewService } from './features/reviews/service.ts'
import type { Clock } from './platform/clock.ts'
import type { Config } from './platform/config.ts'
import { Notifier } from './platform/notify.ts'
import { OidcSignIn } from './platform/oidc.ts'
import { RateLimiter } from './platform/rate-limits.ts'

/** Everything the pages, the API and the command line act through. Built once, passed down. */
export function createServices(deps: { config: Config; clock: Clock; database: Database; logger: Logger }) {
  const { config, clock, database, logger } = deps
  const db = ownerDb(database.db)
  const cases = new CaseKernel({ db, clock, letters: caseLetters })
  const casework = new CaseworkService({ db, clock, cases })
  const notifier = new Notifier({ notify: config.notify, db, logger, clock })
  const monitoring = new MonitoringService({ db, clock })
  const limits = new RateLimiter({ db, clock, secret: config.sessionSecret })
  return {
    config,
    clock,
    database,
    logger,
    accounts: new AccountService({ db, clock, throttle: config.signInThrottle, limits }),
    apiKeys: new ApiKeyService({ db, clock }),
    audit: new AuditService({ db }),
    accommodation: new AccommodationService({ db, clock, cases }),
    cases,
    casework,
    nonCooperation: new NonCooperationService({ db, clock, cases }),
    hclic: new HclicService({ db, clock }),
    household: new HouseholdService({ db, clock, cases }),
    assessment: new AssessmentService({ db, clock, cases }),
    letters: new LettersService({ db, clock }),
    monitoring,
    evaluationReport: new EvaluationReportService({ monitoring, db, clock }),
    performance: new PerformanceService({ db, clock }),
    quality: new QualityService({ db, clock, monitoring }),
    monitoringImport: new MonitoringImportService({ db, clock, monitoring }),
    monitoringExport: new MonitoringExportService({ db, clock, monitoring }),
    notifier,
    organisations: new OrganisationService({ db, clock }),
    outbox: new OutboxService({ db, clock }),
    plans: new PlanService({ db, clock, cases }),
    referrals: new ReferralService({ db, clock, notifier, casework }),
    referralIntake: new ReferralIntake({ db, clock, notifier, addressSecret: config.sessionSecret, limits }),
    limits,
    reviews: new ReviewService({ db, clock, cases }),
    oidc: config.oidc ? new OidcSignIn(config.oidc, config.environment) : undefined,
  }
}

export type Services = ReturnType<typeof createServices>
