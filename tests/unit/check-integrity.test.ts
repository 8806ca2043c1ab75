/**
 * Integrity check on real folders: raw files present and unchanged, none orphaned, names that
 * give unique URLs in the right province folder, no document twice, citations that resolve.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/checks/run.ts';
import { astroEntryId } from '../../src/lib/entry-id.ts';
import { RAW_TEXT, contentFolder, directive, sha256, validFolder, withOwnRaw } from './check-fixture.ts';

const codes = async (root: string, severity?: 'error' | 'warning') =>
  (await runChecks(root)).problems.filter((p) => !severity || p.severity === severity).map((p) => p.code);

const D = 'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx';

describe('integrity check', () => {
  it('passes a whole archive', async () => {
    expect(await codes(validFolder())).toEqual([]);
  });

  it('reports a raw file changed after import, with its current hash', async () => {
    const root = validFolder({ 'raw/bac-ninh/123-cv-tu.txt': `${RAW_TEXT} ` });
    const report = await runChecks(root);
    const p = report.problems.find((x) => x.code === 'integrity.raw_changed');
    expect(p).toBeDefined();
    expect(p!.messageEn).toContain(sha256(`${RAW_TEXT} `));
    expect(p!.line).toBe(
      directive()
        .split('\n')
        .findIndex((l) => l.includes('sha256:')) + 1,
    );
  });

  it('reports a missing raw file and an orphaned one', async () => {
    const root = contentFolder({ [D]: directive(), 'raw/bac-ninh/other.txt': RAW_TEXT });
    expect(await codes(root, 'error')).toEqual(
      expect.arrayContaining(['integrity.raw_missing', 'integrity.raw_orphan']),
    );
  });

  it('refuses a raw path that leaves content/raw/', async () => {
    const root = validFolder({ [D]: directive({ raw: 'content/raw/../../../etc/passwd' }) });
    expect(await codes(root, 'error')).toContain('integrity.raw_path');
  });

  it('refuses symbolic links (they could publish a file from outside the archive)', async () => {
    const root = validFolder();
    symlinkSync('/etc/hostname', join(root, 'raw/bac-ninh/link.txt'));
    expect(await codes(root, 'error')).toContain('load.not_a_file');
  });

  it('reports the same province, number and date twice, whatever the number spelling', async () => {
    const root = validFolder({
      'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu-ban-2.mdx': directive({ number: '123/CV-TU' }),
    });
    const report = await runChecks(root);
    const dup = report.problems.filter((p) => p.code === 'integrity.duplicate_document');
    expect(dup).toHaveLength(1);
    // One file is reported, naming the other.
    const names = ['2021-05-12-cong-van-123-cv-tu.mdx', '2021-05-12-cong-van-123-cv-tu-ban-2.mdx'];
    const reported = names.find((n) => dup[0]!.file.endsWith(n))!;
    expect(reported).toBeDefined();
    expect(dup[0]!.messageEn).toContain(names.find((n) => n !== reported));
  });

  it('allows the same number in another year or another province', async () => {
    const root = validFolder({
      ...withOwnRaw('directives/bac-ninh/2022-01-04-cong-van-123-cv-tu.mdx', (r) =>
        directive({ date: '2022-01-04', ...r }),
      ),
      ...withOwnRaw('directives/ha-nam/2021-05-12-cong-van-123-cv-tu.mdx', (r) =>
        directive({ province: 'Hà Nam', ...r }),
      ),
    });
    expect(await codes(root, 'error')).toEqual([]);
  });

  it('refuses names that would not give a clean, unique URL, and a file in the wrong province folder', async () => {
    const root = validFolder({
      'directives/bac-ninh/Cong Van.mdx': directive(),
      'directives/bac-ninh/cong-van.mdx': directive({ date: '2021-06-01' }),
      'directives/ha-noi/2021-05-13-x.mdx': directive({ date: '2021-05-13' }),
    });
    const c = await codes(root, 'error');
    expect(c).toContain('integrity.file_name');
    expect(c).toContain('integrity.duplicate_id');
    expect(c).toContain('integrity.wrong_folder');
  });

  it('derives entry ids the way Astro does', () => {
    expect(astroEntryId('vinh-phuc/2021-11-08-cong-van-907-cv-tu.mdx')).toBe('vinh-phuc/2021-11-08-cong-van-907-cv-tu');
    expect(astroEntryId('Bac Ninh/Cong Van.mdx')).toBe('bac-ninh/cong-van');
    expect(astroEntryId('a/index.mdx')).toBe('a');
  });

  describe('references', () => {
    const cited = 'directives/bac-ninh/2021-03-01-chi-thi-05-ct-tu.mdx';
    const citedDoc = withOwnRaw(cited, (r) =>
      directive({ number: '05-CT/TU', date: '2021-03-01', ...r }).replace('docType: Công văn', 'docType: Chỉ thị'),
    );
    const refs = (number: string, date: string | null) =>
      `\n  - number: "${number}"\n    docType: Chỉ thị\n    date: ${date ? `"${date}"` : 'null'}`;

    it('resolves a citation of an archived directive (any spelling, date prefix) without a problem', async () => {
      const root = validFolder({ [D]: directive({ references: refs('05/CT-TU', '2021-03') }), ...citedDoc });
      expect(await codes(root)).toEqual([]);
    });

    it('warns when a cited provincial document is not in the archive, and says nothing of national ones', async () => {
      const root = validFolder({
        [D]: directive({ references: refs('05-CT/TU', null) + refs('16/CT-TTg', '2020-03-31') }),
      });
      expect(await codes(root)).toEqual(['integrity.reference_missing']);
    });

    it('warns when the archived number has another date', async () => {
      const root = validFolder({ [D]: directive({ references: refs('05-CT/TU', '2020-03-01') }), ...citedDoc });
      expect(await codes(root)).toEqual(['integrity.reference_date']);
    });

    it('refuses a directive that cites its own number (its number was taken from a citation)', async () => {
      const root = validFolder({ [D]: directive({ references: refs('123-CV/TU', '2021-05-12') }) });
      expect(await codes(root, 'error')).toEqual(['integrity.reference_self']);
    });

    it('does not resolve a provincial number to another province', async () => {
      const other = withOwnRaw('directives/ha-nam/2021-03-01-ct-05.mdx', (r) =>
        directive({ number: '05-CT/TU', date: '2021-03-01', province: 'Hà Nam', ...r }),
      );
      const root = validFolder({ [D]: directive({ references: refs('05-CT/TU', null) }), ...other });
      expect(await codes(root)).toEqual(['integrity.reference_missing']);
    });
  });
});

describe('isNationalNumber', () => {
  it('tells central documents from provincial ones by the issuer code', async () => {
    const { isNationalNumber } = await import('../../src/lib/references.ts');
    for (const n of ['16/CT-TTg', '128/NQ-CP', '58/BVHTTDL-VHCS', '2686/BCĐ-BYT', '15-CT/TW'])
      expect(isNationalNumber(n), n).toBe(true);
    for (const n of ['469-CV/TU', '907 -CV/TU', '17/CT-UBND', '12/CĐ-UBND', '45/BCĐ-VP', '07-CĐ/TU'])
      expect(isNationalNumber(n), n).toBe(false);
  });
});

describe('runChecks in worker threads', () => {
  it('reports exactly what the single-thread run reports', async () => {
    const root = validFolder({
      'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu-ban-2.mdx': directive({ number: '123/CV-TU' }),
      'directives/bac-ninh/2021-06-01-x.mdx': directive({ date: '2021-06-01', body: '{process.exit(1)}\n' }),
      'directives/ha-noi/2021-06-02-y.mdx': directive({ date: '2021-06-02', province: 'Ha Noi' }),
      'raw/bac-ninh/orphan.txt': 'x',
    });
    const single = await runChecks(root, { parallelThreshold: Infinity });
    const threaded = await runChecks(root, { parallelThreshold: 1 });
    expect(single.problems.length).toBeGreaterThan(3);
    expect(threaded).toEqual(single);
  });
});

describe('a directive whose frontmatter cannot be read', () => {
  it('is reported once, without calling its raw file an orphan or changed', async () => {
    const broken = directive().replace('signer: Nguyễn Văn A', 'signer: T/M Ban Thường vụ: Bí thư');
    const root = validFolder({ 'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx': broken });
    expect(await codes(root)).toEqual(['schema.frontmatter_yaml']);
  });
});
