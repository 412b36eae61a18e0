import { describe, expect, it } from 'vitest';
import { customerDraftFrom } from '../../../lib/state/customer-input';
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

  it('R4: nobody matching offers a new customer filled from the page, company and CRM ids too', () => {
    expect(
      newTaskFromPage({
        at: AT,
        reference: REFERENCE,
        customer: {
          match: 'none',
          prefill: {
            name: 'Alan Turing',
            phones: ['+442071838750', '+442071838751'],
            emails: ['alan@bletchley.example'],
            company: 'Bletchley Computing',
            externalIds: ['C-1912'],
          },
        },
      }),
    ).toEqual({
      customerId: null,
      extras: {
        reference: REFERENCE,
        customerPrefill: {
          name: 'Alan Turing',
          phone: '+442071838750',
          email: 'alan@bletchley.example',
          company: 'Bletchley Computing',
          externalIds: ['C-1912'],
        },
      },
    });
  });

  it('R4: a page without a company offers an empty one, never the text "null"', () => {
    const { extras } = newTaskFromPage({
      at: AT,
      reference: null,
      customer: {
        match: 'none',
        prefill: { name: '', phones: [], emails: [], company: null, externalIds: [] },
      },
    });
    expect(extras.customerPrefill).toEqual({
      name: '',
      phone: '',
      email: '',
      company: '',
      externalIds: [],
    });
  });
});

describe('the new customer as the picker stores it', () => {
  it('R10: keeps the company and the CRM record ids the page gave, so the page finds it next time', () => {
    expect(
      customerDraftFrom({
        name: 'Alan Turing',
        phone: ' +44 20 7183 8750 ',
        email: '',
        company: '  Bletchley Computing ',
        externalIds: ['C-1912'],
      }),
    ).toEqual({
      name: 'Alan Turing',
      phones: ['+44 20 7183 8750'],
      emails: [],
      company: 'Bletchley Computing',
      externalIds: ['C-1912'],
    });
  });

  it('stores no company for a blank one, and no ids for a customer typed by hand', () => {
    expect(customerDraftFrom({ name: 'Joan', phone: '', email: '', company: '  ' })).toEqual({
      name: 'Joan',
      phones: [],
      emails: [],
      company: null,
      externalIds: [],
    });
  });
});
