import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWriteTransaction } from '../../server/store/write-transaction';
import { openTestApi, type TestApi, type TestTenant } from './support/api';
import { testDatabases } from './support/databases';

describe.each(testDatabases)('task numbers on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant('Numbers Inc');
    other = await api.createTenant('Other Inc');
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('are unique and gap-free per contact center under parallel creation', async () => {
    const create = (token: string, index: number) =>
      api.call(token, 'POST', '/v1/tasks', { kind: 'call', subject: `Parallel ${index}` });
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        create(index % 4 === 0 ? other.admin.token : tenant.admin.token, index),
      ),
    );
    expect(responses.map((response) => response.status).every((status) => status === 201)).toBe(
      true,
    );
    const numbersOf = (token: string) =>
      responses
        .filter((_, index) => (index % 4 === 0 ? other.admin.token : tenant.admin.token) === token)
        .map((response) => response.body.number as number)
        .sort((a, b) => a - b);
    expect(numbersOf(tenant.admin.token)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(numbersOf(other.admin.token)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('give a number back when the transaction that took it rolls back', async () => {
    await expect(
      inWriteTransaction(api.database.db, tenant.tenantId, async (writer) => {
        expect(await writer.nextTaskNumber()).toBe(31);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const next = await api.call(tenant.admin.token, 'POST', '/v1/tasks', {
      kind: 'call',
      subject: 'After the rollback',
    });
    expect(next.body.number).toBe(31);
  });
});
