/**
 * `astro preview` (npm start) serves raw sources with their real type and charset. Astro's
 * static preview drops the project's Vite plugins (core/preview/static-preview-server.js
 * keeps `vite` config but not `plugins`) and offers no preview hook, so this integration gives
 * the preview command, and only it, an adapter whose `previewEntrypoint` (preview-entry.ts) is
 * the same Vite preview server with one more middleware: /raw/<file> is answered with
 * `text/plain; charset=<its encoding>` (utf-8, utf-16le/be, windows-1258), or as a download
 * (application/octet-stream) for TCVN3 and VNI bytes no browser can show; their page
 * /nguon/<name>/ shows the decoded text. Builds are untouched: no adapter is set for them.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export function previewServer(): AstroIntegration {
  let command = '';
  return {
    name: 'archive:preview-server',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ setAdapter }) => {
        if (command !== 'preview') return;
        setAdapter({
          name: 'archive:preview-server',
          // a path: Astro require.resolve()s it, then imports it (Node runs the .ts directly)
          previewEntrypoint: fileURLToPath(new URL('./preview-entry.ts', import.meta.url)),
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static' },
          // it serves what the build made: images were processed then, by whatever service the build used
          supportedAstroFeatures: {
            staticOutput: 'stable',
            serverOutput: 'unsupported',
            hybridOutput: 'unsupported',
            sharpImageService: 'stable',
          },
        });
      },
    },
  };
}
