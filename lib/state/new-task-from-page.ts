import type { Id } from '../domain/ids';
import type { NewTaskRequest } from '../page-context/new-task-request';
import type { NewTaskExtras } from './app-state';

/**
 * Turns the background's "new task for this page" request into the new-task form's start: one
 * matching customer is attached (R10), several are offered first in the picker (R4), none opens
 * the picker's new customer filled from the page: name, company and the CRM's external ids as
 * the page gave them; the picker takes one phone and one email, so the page's first of each.
 */
export function newTaskFromPage(request: NewTaskRequest): {
  customerId: Id | null;
  extras: NewTaskExtras;
} {
  const reference = request.reference;
  const { customer } = request;
  switch (customer.match) {
    case 'one':
      return { customerId: customer.customerId, extras: { reference } };
    case 'several':
      return { customerId: null, extras: { reference, customerCandidates: customer.customerIds } };
    case 'none':
      return {
        customerId: null,
        extras: {
          reference,
          customerPrefill: {
            name: customer.prefill.name,
            phone: customer.prefill.phones[0] ?? '',
            email: customer.prefill.emails[0] ?? '',
            company: customer.prefill.company ?? '',
            externalIds: customer.prefill.externalIds,
          },
        },
      };
  }
}
