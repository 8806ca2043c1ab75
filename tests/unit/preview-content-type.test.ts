/**
 * `astro preview` (npm start) serves raw sources with their real type: a UTF-8 or UTF-16 file
 * with its charset (no mojibake), a TCVN3 file, which no browser can decode, as a download;
 * paths that leave the raw folder get nothing. The site test checks the running server.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previewContentType } from '../../src/integrations/preview-entry.ts';
import { encodeTcvn3 } from '../../src/lib/import/legacy-encodings.ts';

const text = 'Thường trực Tỉnh ủy yêu cầu các cấp ủy đảng, chính quyền tăng cường phòng, chống dịch.';

describe('preview server content types', () => {
  it('gives each raw source the charset of its bytes, and TCVN3 as a download', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'preview-'));
    await mkdir(join(dir, 'raw', 'sub'), { recursive: true });
    await writeFile(join(dir, 'raw', 'u8.txt'), text);
    await writeFile(
      join(dir, 'raw', 'sub', 'u16.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    await writeFile(join(dir, 'raw', 'tcvn3.txt'), encodeTcvn3(text));
    await writeFile(join(dir, 'secret.txt'), 'x');
    expect(previewContentType(dir, '/', '/raw/u8.txt')).toBe('text/plain; charset=utf-8');
    expect(previewContentType(dir, '/', '/raw/sub/u16.txt?x=1')).toBe('text/plain; charset=utf-16le');
    expect(previewContentType(dir, '/', '/raw/tcvn3.txt')).toBe('application/octet-stream');
    expect(previewContentType(dir, '/archive/', '/archive/raw/u8.txt')).toBe('text/plain; charset=utf-8');
    expect(previewContentType(dir, '/', '/raw/../secret.txt')).toBeNull();
    expect(previewContentType(dir, '/', '/raw/%2e%2e/secret.txt')).toBeNull();
    expect(previewContentType(dir, '/', '/raw/missing.txt')).toBeNull();
    expect(previewContentType(dir, '/', '/api/directives.jsonl')).toBe('application/x-ndjson; charset=utf-8');
    expect(previewContentType(dir, '/', '/van-ban/x/')).toBe('text/html; charset=utf-8');
  });
});
