import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { allTransactionCodes } from '../../../lib/db/queries/transaction-codes';
import {
  saveNewTransactionCode,
  saveTransactionCodeActive,
  saveTransactionCodeEdit,
} from '../../../lib/db/transaction-code-commands';
import { PermissionError } from '../../../lib/domain/permission-error';
import { SystemCodeError } from '../../../lib/domain/system-code-error';
import { ValidationError } from '../../../lib/domain/validation-error';
import { ADMIN, as, withAdministrator } from './admin-fixtures';
import { AGENT, freshDb } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
  await withAdministrator(db);
});

describe('transaction code commands', () => {
  it('R5: an administrator adds a code agents can pick, active unless said otherwise', async () => {
    const code = await saveNewTransactionCode(db, { code: 'SALE', label: 'Sale made' }, as(ADMIN));

    expect(code).toEqual({ code: 'SALE', label: 'Sale made', system: null, active: true });
    expect(await db.transactionCodes.get('SALE')).toEqual(code);
    expect((await allTransactionCodes(db)).map((each) => each.code)).toContain('SALE');
  });

  it('R5: codes are unique whatever their case, and checked like any input', async () => {
    await saveNewTransactionCode(db, { code: 'SALE', label: 'Sale made' }, as(ADMIN));
    const again = saveNewTransactionCode(db, { code: 'sale', label: 'Again' }, as(ADMIN, 1));
    await expect(again).rejects.toBeInstanceOf(ValidationError);
    await expect(again).rejects.toMatchObject({
      issues: [{ path: 'code', message: 'This code already exists.' }],
    });
    await expect(
      saveNewTransactionCode(db, { code: 'no spaces', label: 'Bad' }, as(ADMIN, 2)),
    ).rejects.toMatchObject({
      issues: [{ path: 'code', message: 'Use letters, digits, dot, dash or underscore.' }],
    });
  });

  it('R5: a code gets a new label or is retired, and stays on the tasks that have it', async () => {
    await saveNewTransactionCode(db, { code: 'SALE', label: 'Sale made' }, as(ADMIN));

    const renamed = await saveTransactionCodeEdit(db, 'SALE', { label: 'Sold' }, as(ADMIN, 1));
    const retired = await saveTransactionCodeActive(db, 'SALE', false, as(ADMIN, 2));

    expect(renamed.label).toBe('Sold');
    expect(await db.transactionCodes.get('SALE')).toEqual({ ...renamed, active: false });
    expect(retired.active).toBe(false);
  });

  it('R6: the system codes of AMD, CCB and Auto-TCL are there from the start and read-only', async () => {
    const system = (await allTransactionCodes(db)).filter((code) => code.system !== null);
    expect(new Set(system.map((code) => code.system))).toEqual(new Set(['AMD', 'CCB', 'Auto-TCL']));

    await expect(
      saveTransactionCodeEdit(db, 'AMD', { label: 'Machine' }, as(ADMIN)),
    ).rejects.toBeInstanceOf(SystemCodeError);
    await expect(
      saveTransactionCodeActive(db, 'CCB-BLOCKED', false, as(ADMIN)),
    ).rejects.toBeInstanceOf(SystemCodeError);
    await expect(
      saveNewTransactionCode(db, { code: 'amd', label: 'Mine' }, as(ADMIN)),
    ).rejects.toBeInstanceOf(SystemCodeError);
    expect(await db.transactionCodes.count()).toBe(0);
  });

  it('R5: only administrators manage codes', async () => {
    await expect(
      saveNewTransactionCode(db, { code: 'SALE', label: 'Sale made' }, as(AGENT)),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(await db.transactionCodes.count()).toBe(0);
  });
});
