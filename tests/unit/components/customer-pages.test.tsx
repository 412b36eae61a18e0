// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerPages } from '../../../components/options/CustomerPages';
import { ChangedMeanwhileError } from '../../../components/options/changed-meanwhile-error';
import type { CustomerPagesApi } from '../../../components/options/customer-pages-api';
import type { CustomerPageRecogniser } from '../../../lib/domain/customer-page-recogniser';

const CRM: CustomerPageRecogniser = {
  id: 'our-crm',
  name: 'Our CRM',
  urlPattern: '^https://crm\\.example/c/(\\d+)',
  selectors: {},
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until<T>(find: () => T | null | undefined): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const found = find();
    if (found) return found;
    await settle();
  }
  throw new Error('never appeared');
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the customer pages screen', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('R10: an agent reads the contact center’s customer pages and cannot change them', async () => {
    const api: CustomerPagesApi = {
      scope: 'contact-center-read',
      load: async () => [CRM],
      save: async () => {
        throw new Error('read-only');
      },
    };
    render(<CustomerPages api={api} />, root);
    const row = await until(() => root.querySelector('[data-recogniser-id="our-crm"]'));
    expect(row.textContent).toContain('Our CRM');
    expect(row.querySelector('button')).toBeNull();
    expect(root.querySelector('form')).toBeNull();
    expect(root.querySelector('[data-testid="recognisers-scope"]')?.textContent).toContain(
      'Your administrator',
    );
  });

  it('R10: a refused save shows the server’s reason and keeps what the administrator typed', async () => {
    const saved: CustomerPageRecogniser[][] = [];
    let refuse = true;
    const api: CustomerPagesApi = {
      scope: 'contact-center-edit',
      load: async () => [],
      save: async (list) => {
        if (refuse) throw new Error('The server is not reachable.');
        saved.push(list);
      },
    };
    render(<CustomerPages api={api} />, root);
    const name = await until(() => root.querySelector<HTMLInputElement>('#recogniser-name'));
    type(name, 'Our CRM');
    type(
      root.querySelector<HTMLInputElement>('#recogniser-urlPattern') as HTMLInputElement,
      CRM.urlPattern,
    );
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const alert = await until(() => root.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe(
      'The customer pages were not saved: The server is not reachable.',
    );
    expect(root.querySelector<HTMLInputElement>('#recogniser-name')?.value).toBe('Our CRM');
    expect(root.querySelector('[data-recogniser-id]')).toBeNull();

    refuse = false;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await until(() => root.querySelector('[data-recogniser-id="our-crm"]'));
    expect(saved).toEqual([[CRM]]);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector<HTMLInputElement>('#recogniser-name')?.value).toBe('');
  });

  it('R10: when another administrator saved first, the list reloads with theirs and the typed page waits to be added again', async () => {
    const THEIRS: CustomerPageRecogniser = { ...CRM, id: 'their-crm', name: 'Their CRM' };
    let onServer: CustomerPageRecogniser[] = [];
    let seen: CustomerPageRecogniser[] = [];
    const saved: CustomerPageRecogniser[][] = [];
    const api: CustomerPagesApi = {
      scope: 'contact-center-edit',
      load: async () => {
        seen = onServer;
        return onServer;
      },
      save: async (list) => {
        if (seen !== onServer) throw new ChangedMeanwhileError('Changed by someone else.');
        saved.push(list);
        onServer = list;
        seen = list;
      },
    };
    render(<CustomerPages api={api} />, root);
    const name = await until(() => root.querySelector<HTMLInputElement>('#recogniser-name'));
    onServer = [THEIRS];
    type(name, 'Our CRM');
    type(
      root.querySelector<HTMLInputElement>('#recogniser-urlPattern') as HTMLInputElement,
      CRM.urlPattern,
    );
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await until(() => root.querySelector('[data-recogniser-id="their-crm"]'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Changed by someone else.');
    expect(root.querySelector<HTMLInputElement>('#recogniser-name')?.value).toBe('Our CRM');
    expect(saved).toEqual([]);

    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await until(() => root.querySelector('[data-recogniser-id="our-crm"]'));
    expect(saved).toEqual([[THEIRS, CRM]]);
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
