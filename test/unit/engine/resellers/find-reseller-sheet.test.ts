import { describe, expect, it } from 'vitest';
import {
  findResellerSheet,
  headerRole,
  matchResellerHeader,
} from '../../../../main/engine/resellers/find-reseller-sheet.ts';
import { sheet } from './sheet-builder.ts';

describe('headerRole', () => {
  it.each([
    ['Revendeur', 'name'],
    ['Nom du revendeur', 'name'],
    ['Société', 'name'],
    ['Company', 'name'],
    ['Client', 'name'],
    ['Niveau', 'level'],
    ['Palier', 'level'],
    ['Tier', 'level'],
    ['Remise (%)', 'discount'],
    ['Discount', 'discount'],
    ['%', 'discount'],
    ['Coef.', 'coefficient'],
    ['Multiplicateur', 'coefficient'],
    ['E-mail', 'email'],
    ['Courriel', 'email'],
    ['Adresse mail', 'email'],
    ['Logo', 'logo'],
    ['Fichier logo', 'logo'],
    ['Mot de passe', 'password'],
    ['MDP', 'password'],
    ['Langue', 'locale'],
    ['Language', 'locale'],
  ])('%s → %s', (header, role) => {
    expect(headerRole(header)).toBe(role);
  });

  it('leaves other headers alone', () => {
    expect(headerRole('Prénom')).toBeUndefined();
    expect(headerRole('Ville')).toBeUndefined();
    expect(headerRole('')).toBeUndefined();
  });
});

describe('matchResellerHeader', () => {
  it('finds a French header below a title, with its column map', () => {
    const s = sheet('Revendeurs', [
      ['Liste des revendeurs 2026'],
      [],
      ['Revendeur', 'Niveau', 'Remise', 'Courriel', 'Logo', 'Mot de passe', 'Langue'],
      ['Imprimerie Dupont', 'Or', '15 %', 'a@b.fr', 'dupont.png', 'x', 'fr'],
    ]);
    const match = matchResellerHeader(s);
    expect(match?.headerRow).toBe(3);
    expect(match?.columns.name).toEqual({ index: 0, letter: 'A', header: 'Revendeur' });
    expect(match?.columns.discount?.letter).toBe('C');
    expect(match?.columns.password?.letter).toBe('F');
    expect(match?.columns.locale?.letter).toBe('G');
  });

  it('finds an English header', () => {
    const match = matchResellerHeader(sheet('Resellers', [['Company', 'Tier', 'Coefficient', 'Email']]));
    expect(match?.columns).toMatchObject({
      name: { letter: 'A' },
      level: { letter: 'B' },
      coefficient: { letter: 'C' },
      email: { letter: 'D' },
    });
  });

  it('needs a name column and a level, discount or coefficient column', () => {
    expect(matchResellerHeader(sheet('A', [['Nom', 'Email', 'Logo']]))).toBeUndefined();
    expect(matchResellerHeader(sheet('B', [['Niveau', 'Remise', 'Email']]))).toBeUndefined();
    expect(matchResellerHeader(sheet('C', [['Nom', 'Niveau']]))).toBeDefined();
  });
});

describe('findResellerSheet', () => {
  const products = sheet('Tarifs', [
    ['Référence', 'Nom du produit', 'Prix HT', 'Remise', 'Quantité'],
    ['CV-100', 'Cartes de visite', 25, '5 %', 100],
  ]);
  const resellers = sheet('Clients', [
    ['Société', 'Niveau', 'Remise', 'E-mail'],
    ['Imprimerie Dupont', 'Or', '15 %', 'contact@dupont.fr'],
  ]);
  const notes = sheet('Notes', [['Conditions générales de vente']]);

  it('picks the reseller sheet over a product sheet that also has a name and a discount', () => {
    expect(findResellerSheet([products, notes, resellers])?.sheet).toBe('Clients');
    expect(findResellerSheet([resellers, products])?.sheet).toBe('Clients');
  });

  it('returns undefined when no sheet looks like a reseller list', () => {
    expect(findResellerSheet([products, notes])).toBeUndefined();
    expect(findResellerSheet([])).toBeUndefined();
  });
});
