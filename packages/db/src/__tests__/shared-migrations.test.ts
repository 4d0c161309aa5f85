import { sharedMigrations } from '../shared-migrations';

/** The names each service's migrations table already records: changing one would run that migration again. */
const RECORDED = {
  Agencies: ['AgenciesAudit1764000000400', 'AgenciesLongText1764000000500', 'AgenciesIdempotencyKeys1764000006000'],
  Incidents: ['IncidentsAudit1764000000400', 'IncidentsLongText1764000000500', 'IncidentsIdempotencyKeys1764000006000'],
  Reviews: ['ReviewsAudit1764000000400', 'ReviewsLongText1764000000500', 'ReviewsIdempotencyKeys1764000006000'],
  ActionPlans: ['ActionPlansAudit1764000000400', 'ActionPlansLongText1764000000500', 'ActionPlansIdempotencyKeys1764000006000'],
};

describe('sharedMigrations', () => {
  it.each(Object.entries(RECORDED))('names the migrations of %s as its database already records them', (service, names) => {
    const { audit, longText, idempotencyKeys } = sharedMigrations(service);
    expect([audit, longText, idempotencyKeys].map((M) => new M().name)).toEqual(names);
  });

  it('gives each service classes of its own', () => {
    expect(sharedMigrations('Incidents').audit).not.toBe(sharedMigrations('Reviews').audit);
  });
});
