// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { CustomerPageRecogniserSchema } from '../../../lib/domain/customer-page-recogniser';
import { PageContextSchema } from '../../../lib/page-context/page-context';
import { readPageContext } from '../../../lib/page-context/read-page-context';
import { entitiesFromJsonLd } from '../../../lib/page-context/schema-org-entities';

const RECOGNISER = CustomerPageRecogniserSchema.parse({
  id: 'crm',
  name: 'CRM',
  urlPattern: '/customers/([A-Z0-9-]+)',
  selectors: { name: 'h1', phone: 'a.phone', email: '.email' },
});

describe('what a page tells about its customer', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    document.title = 'Record';
  });

  it('R10: tel: and mailto: links, decoded, deduplicated, hidden ones left out', () => {
    document.body.innerHTML = `
      <a href="tel:+1%20415%20555%200134;ext=2">call</a>
      <a href="TEL:+1 415 555 0134;ext=2">again</a>
      <div hidden><a href="tel:+999">hidden</a></div>
      <a href="mailto:ada@example.com,bob@example.com?subject=hi">mail</a>`;
    const context = readPageContext(document, '', []);
    expect(context.telLinks).toEqual(['+1 415 555 0134']);
    expect(context.mailtoLinks).toEqual(['ada@example.com']);
    expect(PageContextSchema.parse(context)).toEqual(context);
  });

  it('R10: schema.org Person in JSON-LD (@graph, typed URLs, PropertyValue ids) and microdata', () => {
    document.head.innerHTML = `
      <script type="application/ld+json">{"@graph":[{"@type":"https://schema.org/Person",
        "name":"Alan Turing","telephone":"+44 20 7183 8750","email":"mailto:alan@example.co.uk",
        "identifier":{"@type":"PropertyValue","value":"C-1003"},
        "worksFor":{"@type":"Organization","name":"Bletchley"}}]}</script>
      <script type="application/ld+json">{ broken</script>`;
    document.body.innerHTML = `
      <div itemscope itemtype="http://schema.org/Organization">
        <span itemprop="name">Langley</span><a itemprop="telephone" href="tel:+17575550100">call</a>
      </div>`;
    expect(readPageContext(document, '', []).entities).toEqual([
      {
        type: 'Person',
        name: 'Alan Turing',
        telephone: '+44 20 7183 8750',
        email: 'alan@example.co.uk',
        identifier: 'C-1003',
        organization: 'Bletchley',
      },
      {
        type: 'Organization',
        name: 'Langley',
        telephone: '+17575550100',
        email: null,
        identifier: null,
        organization: null,
      },
    ]);
  });

  it('stops at a bounded depth and count on hostile JSON-LD', () => {
    let deep: unknown = { '@type': 'Person', name: 'Deep' };
    for (let i = 0; i < 50; i++) deep = { '@graph': [deep] };
    expect(entitiesFromJsonLd(deep)).toEqual([]);
    const many = Array.from({ length: 500 }, () => ({ '@type': 'Person', name: 'x'.repeat(9999) }));
    const found = entitiesFromJsonLd(many);
    expect(found).toHaveLength(10);
    expect(found[0]?.name).toHaveLength(200);
  });

  it("R10: the administrator's recogniser: external id from the address, fields by selector", () => {
    document.body.innerHTML = `<h1> Grace <b>Hopper</b> </h1><a class="phone" href="tel:+14155550199">call</a>
      <span class="email">grace@example.com</span>`;
    const context = readPageContext(document, '', [RECOGNISER]);
    // happy-dom's default address has no customer path: nothing recognised.
    expect(context.recognised).toBeNull();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://crm.example.com/customers/C-1002?tab=1',
    );
    expect(readPageContext(document, '', [RECOGNISER]).recognised).toEqual({
      recogniserId: 'crm',
      externalId: 'C-1002',
      name: 'Grace Hopper',
      phone: '+14155550199',
      email: 'grace@example.com',
    });
  });

  it('refuses a recogniser whose pattern has no group for the id', () => {
    const parsed = CustomerPageRecogniserSchema.safeParse({ ...RECOGNISER, urlPattern: '/c/\\d+' });
    expect(parsed.success).toBe(false);
  });
});
