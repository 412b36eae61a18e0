import { describe, expect, it } from 'vitest';
import { newTaskFromPage } from '../../../lib/state/new-task-from-page';

const AT = '2026-11-29T04:00:00.000Z';
const REFERENCE = { title: 'Grace Hopper · Customer', url: 'https://crm.example/customer?id=7' };
const GRACE = '0190a000-0000-7000-8000-000000000001';
const ADA = '0190a000-0000-7000-8000-000000000002';

describe('new task from a web page', () => {
  it('R10: one matching customer is attached, the page linked', () => {
    expect(
      newTaskFromPage({
        at: AT,
        reference: REFERENCE,
        customer: { match: 'one', customerId: GRACE },
      }),
    ).toEqual({ customerId: GRACE, extras: { reference: REFERENCE } });
  });

  it('R4: several matching customers are offered for the agent to choose', () => {
    expect(
      newTaskFromPage({
        at: AT,
        reference: null,
        customer: { match: 'several', customerIds: [GRACE, ADA] },
      }),
    ).toEqual({ customerId: null, extras: { reference: null, customerCandidates: [GRACE, ADA] } });
  });

  it('R4: nobody matching offers a new customer filled from the page', () => {
    expect(
      newTaskFromPage({
        at: AT,
        reference: REFERENCE,
        customer: {
          match: 'none',
          prefill: {
            name: 'Alan Turing',
            phones: ['+442071838750', '+442071838751'],
            emails: [],
            company: 'Bletchley Computing',
            externalIds: [],
          },
        },
      }),
    ).toEqual({
      customerId: null,
      extras: {
        reference: REFERENCE,
        customerPrefill: { name: 'Alan Turing', phone: '+442071838750', email: '' },
      },
    });
  });
});
