import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import {
  type CustomerPageRecogniser,
  CustomerPageRecogniserSchema,
} from '../domain/customer-page-recogniser';

/** The administrator's customer-page recognisers, in the order they are tried. */
export const recognisersItem = storage.defineItem<unknown[]>('local:customerPageRecognisers', {
  fallback: [],
});

/** The stored recognisers that still validate; one damaged entry never hides the others. */
export async function loadRecognisers(): Promise<CustomerPageRecogniser[]> {
  const list = z.array(z.unknown()).safeParse(await recognisersItem.getValue());
  if (!list.success) return [];
  return list.data.flatMap((entry) => {
    const parsed = CustomerPageRecogniserSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function saveRecognisers(recognisers: CustomerPageRecogniser[]): Promise<void> {
  await recognisersItem.setValue(z.array(CustomerPageRecogniserSchema).parse(recognisers));
}
