import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { addDays, todayInLondon, walkTabs } from '../walk';

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
const TODAY = '2026-03-02';
const HEADERS = '{"authorization": "Bearer x"}';

describe("the explorer's saved walk", () => {
  const tabs = walkTabs(TODAY, HEADERS);

  it('walks the process in order, one tab a step, each carrying the headers', () => {
    const firstOperations = tabs.map((tab) => (parse(tab.query).definitions[0] as OperationDefinitionNode).name?.value);
    expect(firstOperations).toEqual([
      'Me',
      'ReportIncident',
      'RecordDecision',
      'Reviewers',
      'BoardAgencies',
      'ExtendTimescale',
      'SetMethodology',
      'PublishReview',
      'CreateActionPlan',
      'IncidentTrends',
      'Incidents',
    ]);
    expect(tabs.every((tab) => tab.headers === HEADERS)).toBe(true);
  });

  it.each(walkTabs(TODAY, HEADERS).map((tab, i) => [i, tab] as const))(
    'tab %i is valid against the public schema, and its example variables fit every operation in it',
    (_i, tab) => {
      const document = parse(tab.query);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const variables = JSON.parse(tab.variables) as Record<string, unknown>;
      for (const operation of document.definitions as OperationDefinitionNode[]) {
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
        expect([operation.name?.value, coerced.errors?.map((e) => e.message)]).toEqual([operation.name?.value, undefined]);
      }
    },
  );

  it('dates its examples from today', () => {
    const [, second] = tabs;
    expect(second).toBeDefined();
    const variables = JSON.parse(second!.variables);
    expect(variables.incident).toMatchObject({ awareOn: '2026-02-28', occurredOn: '2026-02-27' });
    expect(variables.notifiedOn).toBe(TODAY);
  });
});

describe('dates in the browser', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it("takes today's date in London, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
