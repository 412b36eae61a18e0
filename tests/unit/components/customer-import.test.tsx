// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerImport } from '../../../components/options/CustomerImport';
import type { CustomerImportApi } from '../../../components/options/customer-data-api';
import { checkCustomerRows } from '../../../lib/domain/customer-import';

/** Checks against an empty store and imports slowly, a progress report at a time. */
function fakeApi(progressSteps: number[]) {
  const imported: string[] = [];
  let finish: () => void = () => undefined;
  const api: CustomerImportApi = {
    check: async (file, mapping, options) =>
      checkCustomerRows(file.records, file.headers, mapping, new Map(), options),
    importRows: (rows, onProgress) =>
      new Promise((resolve) => {
        for (const done of progressSteps) onProgress(done, rows.length);
        finish = () => {
          imported.push(...rows.map((row) => row.draft.name));
          resolve({ imported: rows.length, skipped: [] });
        };
      }),
  };
  return { api, imported, finish: () => finish() };
}

const until = async (check: () => boolean) => {
  for (let tries = 0; tries < 100 && !check(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(check()).toBe(true);
};

describe('customer import screen', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const text = () => root.textContent ?? '';
  const button = (name: string) => {
    const found = [...root.querySelectorAll('button')].find((each) =>
      each.textContent?.startsWith(name),
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const choose = (content: string) => {
    const input = root.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('no file input');
    const file = new File([content], 'customers.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('offers no import when every row is bad, and says why per row', async () => {
    render(<CustomerImport api={fakeApi([]).api} />, root);
    choose('Name,Phone\n,+14155550134\nBo,12\n');
    await until(() => text().includes('First 2 of 2 rows'));
    button('Check rows').click();
    await until(() => text().includes('0 rows ready to import, 2 rows with problems.'));
    expect(button('Import 0 good rows').disabled).toBe(true);
    expect(text()).toContain('Name is required.');
    expect(text()).toContain('Not a valid phone number; include the country code.');
  });

  it('refuses a mapping without a name column before checking anything', async () => {
    render(<CustomerImport api={fakeApi([]).api} />, root);
    choose('Phone\n+14155550134\n');
    await until(() => text().includes('First 1 of 1 rows'));
    button('Check rows').click();
    await until(() => text().includes('Choose the column that holds the customer name.'));
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('says what is wrong with a file that is not CSV', async () => {
    render(<CustomerImport api={fakeApi([]).api} />, root);
    choose('Name\n"Ann\n');
    await until(() => text().includes('Row 2: a quoted value is never closed.'));
  });

  it('shows progress while importing, then the summary', async () => {
    const fake = fakeApi([0, 1]);
    render(<CustomerImport api={fake.api} />, root);
    choose('Name\nAnn\nBo\n');
    await until(() => text().includes('First 2 of 2 rows'));
    button('Check rows').click();
    await until(() => text().includes('2 rows ready to import'));
    button('Import 2 good rows').click();
    await until(() => root.querySelector('[role="progressbar"]') !== null);
    const bar = root.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('1');
    expect(bar?.getAttribute('aria-valuemax')).toBe('2');
    fake.finish();
    await until(() => text().includes('Imported 2 customers.'));
    expect(fake.imported).toEqual(['Ann', 'Bo']);
  });
});
