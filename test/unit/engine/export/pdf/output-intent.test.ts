// The OutputIntent's printing condition: named only with its profile (the user's, else one installed
// here), refused in words otherwise; and a profile read for what it is.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findSystemProfile,
  iccColourSpace,
  iccDescription,
  outputIntentEntries,
  pressCondition,
  resolveOutputIntent,
} from '../../../../../main/engine/export/pdf/output-intent.ts';
import { genericCmykProfile } from '../../../../../main/engine/export/pdf/prepare-images.ts';
import { tempDir } from '../../../../fixtures/workbooks.ts';

const SRGB = 'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc';

describe('a profile read for what it is', () => {
  it('tells a CMYK profile from an RGB one, and reads its description', async () => {
    const cmyk = await genericCmykProfile();
    expect(iccColourSpace(cmyk)).toBe('CMYK');
    expect(iccDescription(cmyk)).toMatch(/\w/);
    expect(iccColourSpace(readFileSync(SRGB))).toBe('RGB');
    expect(iccColourSpace(Buffer.from('not a profile at all, not at all, not at all'))).toBeUndefined();
  });
});

describe('resolveOutputIntent', () => {
  it('names FOGRA39 with the user’s profile', async () => {
    const dir = tempDir('press-');
    const icc = join(dir, 'printer.icc');
    writeFileSync(icc, await genericCmykProfile());
    const spec = await resolveOutputIntent({ press: 'fogra39', icc }, []);
    expect(spec?.press?.identifier).toBe('FOGRA39');
    expect(outputIntentEntries(spec)).toMatchObject({
      OutputConditionIdentifier: 'FOGRA39',
      RegistryName: 'http://www.color.org',
    });
  });

  it('finds the condition’s profile where the system keeps them (colord’s name, any case)', async () => {
    const folder = tempDir('icc-');
    mkdirSync(join(folder, 'colord'));
    const path = join(folder, 'colord', 'fogra39l_coated.ICC');
    writeFileSync(path, await genericCmykProfile());
    expect(await findSystemProfile(pressCondition('FOGRA39')!, [folder])).toBe(path);
    const spec = await resolveOutputIntent({ press: 'FOGRA39' }, [folder]);
    expect(spec?.press?.id).toBe('FOGRA39');
    expect(Buffer.from(spec!.profile).equals(await genericCmykProfile())).toBe(true);
  });

  it('refuses a named condition without a profile, in both languages, rather than fake it', async () => {
    const error = await resolveOutputIntent({ press: 'GRACoL2013' }, [tempDir('icc-')]).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'PRESS_PROFILE_MISSING', field: 'press' });
    const { text } = error as { text: { fr: string; en: string } };
    expect(text.fr).toContain('Aucun profil ICC pour GRACoL2013');
    expect(text.en).toContain('No ICC profile for GRACoL2013');
  });

  it('refuses an unknown condition, listing the known ones', async () => {
    await expect(resolveOutputIntent({ press: 'FOGRA99' }, [])).rejects.toMatchObject({
      code: 'PRESS_UNKNOWN',
      text: { en: expect.stringContaining('FOGRA39, FOGRA47, FOGRA51') },
    });
  });

  it('refuses an RGB profile and a missing file as the printer’s', async () => {
    await expect(resolveOutputIntent({ icc: SRGB }, [])).rejects.toMatchObject({
      code: 'ICC_NOT_CMYK',
      text: { fr: expect.stringContaining('profil RVB') },
    });
    await expect(resolveOutputIntent({ icc: '/nowhere/printer.icc' }, [])).rejects.toMatchObject({
      code: 'ICC_UNREADABLE',
    });
  });

  it('asks nothing when neither a condition nor a profile is given (the generic profile, as before)', async () => {
    expect(await resolveOutputIntent({}, [])).toBeUndefined();
    expect(outputIntentEntries(undefined)).toEqual({
      OutputConditionIdentifier: 'CMYK',
      Info: 'Generic CMYK (libvips)',
    });
  });
});
