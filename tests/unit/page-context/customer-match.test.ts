import { describe, expect, it } from 'vitest';
import { customersForPage } from '../../../lib/db/queries/customers-for-page';
import { customerHints } from '../../../lib/page-context/customer-hints';
import { buildNewTaskRequest } from '../../../lib/page-context/new-task-request';
import type { PageContext } from '../../../lib/page-context/page-context';
import { freshDb, makeCustomer } from '../db/fixtures';

const PAGE: PageContext = {
  url: 'https://crm.example.com/customers/C-9',
  title: 'Customer',
  selection: '',
  telLinks: [],
  mailtoLinks: [],
  entities: [],
  recognised: null,
};
const NOW = new Date('2026-11-29T10:00:00.000Z');

describe('matching a page to local customers', () => {
  it('R10: external id first, then E.164 phone, then email; one match attaches', async () => {
    const db = await freshDb();
    const byId = makeCustomer(1, { externalIds: ['C-9'], phones: ['+14155550199'] });
    const byPhone = makeCustomer(2, { phones: ['+14155550134'], emails: ['x@example.com'] });
    await db.customers.bulkPut([byId, byPhone]);
    const context: PageContext = {
      ...PAGE,
      recognised: {
        recogniserId: 'crm',
        externalId: 'C-9',
        name: 'Whoever',
        phone: '(415) 555-0134',
        email: 'X@example.com',
      },
    };
    const hints = customerHints(context, { selectionText: '+1 415 555 0134' });
    expect(hints.phones).toEqual(['+14155550134']);
    expect(hints.emails).toEqual(['x@example.com']);
    expect(await customersForPage(db, hints)).toMatchObject({ by: 'externalId' });
    const withoutId = customerHints(
      { ...context, recognised: null },
      { selectionText: '+1 415 555 0134' },
    );
    const match = await customersForPage(db, withoutId);
    expect(match).toMatchObject({ by: 'phone', customers: [{ id: byPhone.id }] });
    expect(buildNewTaskRequest({ page: PAGE, hints: withoutId, match, now: NOW })).toEqual({
      at: NOW.toISOString(),
      reference: { title: 'Customer', url: PAGE.url },
      customer: { match: 'one', customerId: byPhone.id },
    });
  });

  it('R10: several matches let the agent choose; deleted customers never match', async () => {
    const db = await freshDb();
    const a = makeCustomer(1, { emails: ['team@example.com'] });
    const b = makeCustomer(2, { emails: ['team@example.com'] });
    const gone = makeCustomer(3, { emails: ['team@example.com'], deletedAt: NOW.toISOString() });
    await db.customers.bulkPut([a, b, gone]);
    const hints = customerHints(PAGE, { linkUrl: 'mailto:Team@Example.com' });
    const match = await customersForPage(db, hints);
    expect(match.customers.map((found) => found.id).sort()).toEqual([a.id, b.id].sort());
    expect(buildNewTaskRequest({ page: PAGE, hints, match, now: NOW }).customer).toEqual({
      match: 'several',
      customerIds: match.customers.map((found) => found.id),
    });
  });

  it('R10: nobody matching offers a new customer filled from the page; a non-web page gets no reference', async () => {
    const db = await freshDb();
    const page: PageContext = {
      ...PAGE,
      url: 'file:///tmp/x.html',
      entities: [
        {
          type: 'Person',
          name: 'Alan Turing',
          telephone: 'not a number',
          email: 'alan@example.co.uk',
          identifier: null,
          organization: 'Bletchley',
        },
      ],
      telLinks: ['+44 20 7183 8750'],
    };
    const hints = customerHints(page);
    const request = buildNewTaskRequest({
      page,
      hints,
      match: await customersForPage(db, hints),
      now: NOW,
    });
    expect(request).toEqual({
      at: NOW.toISOString(),
      reference: null,
      customer: {
        match: 'none',
        prefill: {
          name: 'Alan Turing',
          phones: ['+442071838750'],
          emails: ['alan@example.co.uk'],
          company: 'Bletchley',
          externalIds: [],
        },
      },
    });
  });

  it('two different tel: links on a page say nothing about who it is about', () => {
    const hints = customerHints({ ...PAGE, telLinks: ['+14155550134', '+14155550199'] });
    expect(hints.phones).toEqual([]);
  });
});
