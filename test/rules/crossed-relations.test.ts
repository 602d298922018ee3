import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { processText } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// Lochem jaarstukken 2021, "Overzicht baten en lasten" (test/fixtures/real-pages), as published.
const NAME = 'lochem-jaarstukken-2021-overzicht-baten-en-lasten.txt';
const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'real-pages', NAME), 'utf8');
const lochem = (edit: (s: string) => string = (s) => s) => processText(edit(page), NAME);

ruleTester('crossed-relations', {
  valid: [{ name: 'Lochem 2021 as published: every saldo and total holds, no failing pair', run: () => lochem() }],
  invalid: [
    {
      name: 'Lochem 2021 with 0 - Bestuur en ondersteuning, Baten (Begroting 2021 voor wijziging) 476 instead of 463',
      run: () =>
        lochem((s) => s.replace('0 - Bestuur en ondersteuning 463 2.498', '0 - Bestuur en ondersteuning 476 2.498')),
      findings: [['0 - Bestuur en ondersteuning', 'Begroting 2021 voor wijziging Baten', 463, 476]],
      then: ([f]) => expect(f.message).toContain('2 failing relations share this figure and no other'),
    },
  ],
});
