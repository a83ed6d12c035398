/** @vitest-environment happy-dom */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVisibleContacts } from './list';

const FIXTURES = resolve(import.meta.dirname, '../../e2e/fixtures') + '/';

/** The list fixture renders its rows from a template after "the app loads"; do what its script does. */
function loadList(): Document {
  const html = readFileSync(FIXTURES + 'hubspot-2026-11-contact-list.html', 'utf8');
  document.documentElement.innerHTML = html;
  // happy-dom drops table rows inside <template>, so take the rows from the source.
  const rows = /<template id="rows">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? '';
  const main = document.createElement('main');
  main.innerHTML = `<table><tbody>${rows}</tbody></table>`;
  document.body.append(main);
  return document;
}

describe('readVisibleContacts', () => {
  it('reads every contact of the list fixture from its record links, with the row e-mail', () => {
    const contacts = readVisibleContacts(loadList());
    expect(contacts).toHaveLength(25);
    expect(contacts[0]).toEqual({ contactId: '501', name: 'Jane Doe', email: 'jane.doe@example.com' });
    expect(contacts[24]).toMatchObject({ contactId: '525', name: 'Tom Walsh' });
    expect(new Set(contacts.map((c) => c.contactId)).size).toBe(25);
  });

  it('skips duplicates, other object types and links outside records', () => {
    document.body.innerHTML = `<main>
      <div role="row"><a href="/contacts/1/record/0-1/9">Ada</a> ada@example.org</div>
      <div role="row"><a href="/contacts/1/record/0-1/9">Ada again</a></div>
      <a href="/contacts/1/record/0-2/10">A company</a>
      <a href="/contacts/1/objects/0-1/views/all/list">All contacts</a>
      <a href="/contacts/1/contact/11">Old route</a>
    </main>`;
    expect(readVisibleContacts(document)).toEqual([
      { contactId: '9', name: 'Ada', email: 'ada@example.org' },
      { contactId: '11', name: 'Old route', email: null },
    ]);
  });
});
